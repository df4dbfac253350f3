/**
 * Per-stream API call counters for the current virtual second, incremented by in-engine producers
 * and consumers and drained once per second by the metrics sampler into CloudWatch-named series
 * (PutRecord.*, PutRecords.*, GetRecords.*, SubscribeToShardEvent.*). Plain numbers and fixed-size
 * latency histograms, no allocation per call.
 */
import { LatencyHistogram } from './latency-histogram';

export class StreamCallStats {
  putRecordCalls = 0;
  putRecordSuccess = 0;
  putRecordBytes = 0;
  putRecordLatencyMsSum = 0;
  /** This second's PutRecord call latencies (for the p99 series). */
  readonly putRecordLatency = new LatencyHistogram();
  putRecordsCalls = 0;
  putRecordsSuccess = 0;
  putRecordsBytes = 0;
  putRecordsLatencyMsSum = 0;
  readonly putRecordsLatency = new LatencyHistogram();
  putRecordsTotalRecords = 0;
  putRecordsSuccessfulRecords = 0;
  putRecordsFailedRecords = 0;
  putRecordsThrottledRecords = 0;
  getRecordsCalls = 0;
  getRecordsSuccess = 0;
  getRecordsRecords = 0;
  getRecordsBytes = 0;
  getRecordsLatencyMsSum = 0;
  /** Max over calls in this second (CloudWatch's usual statistic for iterator age). */
  getRecordsIteratorAgeMsMax = 0;
  readThrottled = 0;
  subscribeEvents = 0;
  subscribeEventRecords = 0;
  subscribeEventBytes = 0;
  subscribeMillisBehindMax = 0;

  reset(): void {
    this.putRecordCalls = this.putRecordSuccess = this.putRecordBytes = this.putRecordLatencyMsSum = 0;
    this.putRecordsCalls = this.putRecordsSuccess = this.putRecordsBytes = this.putRecordsLatencyMsSum = 0;
    this.putRecordsTotalRecords = this.putRecordsSuccessfulRecords = this.putRecordsFailedRecords = this.putRecordsThrottledRecords = 0;
    this.getRecordsCalls = this.getRecordsSuccess = this.getRecordsRecords = this.getRecordsBytes = 0;
    this.getRecordsLatencyMsSum = this.getRecordsIteratorAgeMsMax = this.readThrottled = 0;
    this.subscribeEvents = this.subscribeEventRecords = this.subscribeEventBytes = this.subscribeMillisBehindMax = 0;
    this.putRecordLatency.reset();
    this.putRecordsLatency.reset();
  }
}

/** One StreamCallStats per stream name, created on first use. */
export class CallStatsRegistry {
  private readonly byStream = new Map<string, StreamCallStats>();

  for(streamName: string): StreamCallStats {
    let s = this.byStream.get(streamName);
    if (!s) {
      s = new StreamCallStats();
      this.byStream.set(streamName, s);
    }
    return s;
  }

  entries(): IterableIterator<[string, StreamCallStats]> {
    return this.byStream.entries();
  }
}
