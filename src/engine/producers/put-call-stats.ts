/**
 * One put call in the stream's call statistics (the CloudWatch PutRecord/PutRecords figures): calls,
 * latency, records and bytes, by API. Shared by the record-mode producer's batches.
 */
import type { StreamCallStats } from '../metrics/call-stats';

export function recordPutCall(calls: StreamCallStats, api: 'PutRecord' | 'PutRecords', count: number, accepted: number, throttled: number, acceptedBytes: number, latencyMs: number): void {
  if (api === 'PutRecord') {
    calls.putRecordCalls++;
    calls.putRecordLatencyMsSum += latencyMs;
    calls.putRecordLatency.record(latencyMs);
    if (accepted > 0) { calls.putRecordSuccess++; calls.putRecordBytes += acceptedBytes; }
  } else {
    calls.putRecordsCalls++;
    calls.putRecordsLatencyMsSum += latencyMs;
    calls.putRecordsLatency.record(latencyMs);
    calls.putRecordsTotalRecords += count;
    calls.putRecordsSuccessfulRecords += accepted;
    calls.putRecordsFailedRecords += throttled;
    calls.putRecordsThrottledRecords += throttled;
    calls.putRecordsBytes += acceptedBytes;
    if (accepted > 0) calls.putRecordsSuccess++;
  }
}
