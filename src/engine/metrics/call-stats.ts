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
  /**
   * The same per shard number (shard-level `IteratorAgeMilliseconds`); −1 = no GetRecords call on
   * the shard this second. Grown on demand.
   */
  shardIteratorAgeMsMax = new Float64Array(0);
  /** True once any shard-level age was noted this second (so reset skips the fill otherwise). */
  private shardAgesNoted = false;
  readThrottled = 0;
  subscribeEvents = 0;
  subscribeEventRecords = 0;
  subscribeEventBytes = 0;
  subscribeMillisBehindMax = 0;

  /**
   * One successful GetRecords call on shard `shardNumber` that returned `records` records of `bytes`
   * bytes with iterator age `iteratorAgeMs`: counts, modelled latency, stream and shard ages.
   */
  noteGetRecords(shardNumber: number, records: number, bytes: number, iteratorAgeMs: number): void {
    this.getRecordsCalls++;
    this.getRecordsSuccess++;
    this.getRecordsRecords += records;
    this.getRecordsBytes += bytes;
    this.getRecordsLatencyMsSum += getRecordsLatencyMs(bytes);
    if (iteratorAgeMs > this.getRecordsIteratorAgeMsMax) this.getRecordsIteratorAgeMsMax = iteratorAgeMs;
    if (shardNumber >= this.shardIteratorAgeMsMax.length) {
      const grown = new Float64Array(Math.max(shardNumber + 1, this.shardIteratorAgeMsMax.length * 2)).fill(-1);
      grown.set(this.shardIteratorAgeMsMax);
      this.shardIteratorAgeMsMax = grown;
    }
    if (iteratorAgeMs > this.shardIteratorAgeMsMax[shardNumber]) this.shardIteratorAgeMsMax[shardNumber] = iteratorAgeMs;
    this.shardAgesNoted = true;
  }

  reset(): void {
    if (this.shardAgesNoted) {
      this.shardIteratorAgeMsMax.fill(-1);
      this.shardAgesNoted = false;
    }
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

/**
 * GetRecords latency model: a fixed service time plus transfer time for the bytes returned
 * (a full 10 MiB page ≈ 0.2 s). AWS publishes no formula; these figures sit in the range
 * CloudWatch's GetRecords.Latency commonly shows (tens of ms for small pages).
 */
export const GET_RECORDS_LATENCY_BASE_MS = 8;
export const GET_RECORDS_LATENCY_PER_MIB_MS = 20;

export function getRecordsLatencyMs(bytes: number): number {
  return GET_RECORDS_LATENCY_BASE_MS + (GET_RECORDS_LATENCY_PER_MIB_MS * bytes) / 1_048_576;
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
