/**
 * Firehose's Direct PUT data plane: PutRecord and PutRecordBatch on one stream — record and batch
 * limits, the per-stream throughput quota (whole-call or per-record ServiceUnavailableException
 * "Slow down."), metrics, and `Encrypted` from the stream's SSE state (spec §2–3;
 * https://docs.aws.amazon.com/firehose/latest/APIReference/API_PutRecordBatch.html).
 */
import { AwsServiceError } from '../api/result';
import { invalid, type Doc } from './config';
import { isEncrypting } from './encryption';
import { BATCH_BYTES_MAX, BATCH_RECORDS_MAX, RECORD_BYTES_MAX } from './limits';
import { newRecord, type StreamEntry } from './stream-entry';
import { admitRecord, admitRequest } from './throughput-quota';
import type { PipelineRecord } from './types';

export function putRecord(s: StreamEntry, data: Uint8Array, now: number): { RecordId: string; Encrypted: boolean } {
  checkRecordSize(data, 'Record.Data');
  s.ctx.metrics.add('PutRecord.Requests');
  if (!admitRequest(s.quota, s.quotaLimits, now) || !admitRecord(s.quota, s.quotaLimits, data.length, now)) {
    s.ctx.metrics.add('ThrottledRecords');
    throw slowDown(s);
  }
  s.ctx.metrics.add('IncomingPutRequests');
  s.ctx.metrics.add('PutRecord.Bytes', data.length);
  const record = newRecord(s, data, now);
  s.pipeline.ingest([record]);
  return { RecordId: record.recordId, Encrypted: isEncrypting(s.encryption) };
}

export function putRecordBatch(s: StreamEntry, records: readonly Uint8Array[], now: number): Doc {
  if (records.length < 1 || records.length > BATCH_RECORDS_MAX) throw invalid(`PutRecordBatch takes 1–${BATCH_RECORDS_MAX} records, got ${records.length}`);
  let total = 0;
  records.forEach((r, i) => {
    checkRecordSize(r, `Records.${i + 1}.member.Data`);
    total += r.length;
  });
  if (total > BATCH_BYTES_MAX) throw invalid(`PutRecordBatch data totals ${total} bytes; the limit is ${BATCH_BYTES_MAX} bytes (4 MiB) per call`);
  s.ctx.metrics.add('PutRecordBatch.Requests');
  if (!admitRequest(s.quota, s.quotaLimits, now)) {
    s.ctx.metrics.add('ThrottledRecords', records.length);
    throw slowDown(s);
  }
  s.ctx.metrics.add('IncomingPutRequests');
  const accepted: PipelineRecord[] = [];
  const responses = records.map((data) => {
    if (!admitRecord(s.quota, s.quotaLimits, data.length, now)) {
      s.ctx.metrics.add('ThrottledRecords');
      return { ErrorCode: 'ServiceUnavailableException', ErrorMessage: 'Slow down.' };
    }
    const rec = newRecord(s, data, now);
    accepted.push(rec);
    return { RecordId: rec.recordId };
  });
  s.ctx.metrics.add('PutRecordBatch.Records', accepted.length);
  s.ctx.metrics.add('PutRecordBatch.Bytes', accepted.reduce((n, r) => n + r.data.length, 0));
  s.pipeline.ingest(accepted);
  return { FailedPutCount: records.length - accepted.length, Encrypted: isEncrypting(s.encryption), RequestResponses: responses };
}

function checkRecordSize(data: Uint8Array, field: string): void {
  if (data.length > RECORD_BYTES_MAX) throw invalid(`${field} is ${data.length} bytes; a record may hold at most ${RECORD_BYTES_MAX} bytes (1,000 KiB) before base64 encoding`);
}

function slowDown(s: StreamEntry): AwsServiceError {
  const q = s.quotaLimits;
  return new AwsServiceError('ServiceUnavailableException',
    `Slow down. ${s.name} is limited to ${q.recordsPerSecMax} records/s, ${q.requestsPerSecMax} requests/s and ${q.bytesPerSecMax / 1048576} MiB/s; back off and retry.`, 503, true);
}
