/**
 * The validation step of a delivery (data-delivery-s3-about "How delivery works"): STRING records must be
 * valid UTF-8, JSON records valid JSON; BYTE_ARRAY passes as is. Failures go to the dead-letter queue with
 * their error context. Pure kernel.
 */
import type { BufferedRecord, RecordFormat } from './channel';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export interface RecordFailure {
  readonly record: BufferedRecord;
  readonly errorCode: string;
  readonly errorMessage: string;
}

/** The record's text when it is valid for the format, else the failure. */
export function validateRecord(record: BufferedRecord, format: RecordFormat): { ok: true; text: string | undefined } | { ok: false; failure: RecordFailure } {
  if (format === 'BYTE_ARRAY') return { ok: true, text: undefined };
  let text: string;
  try {
    text = strictUtf8.decode(record.data);
  } catch {
    return { ok: false, failure: { record, errorCode: 'InvalidUtf8', errorMessage: 'The record is not a valid UTF-8 string.' } };
  }
  if (format === 'STRING') return { ok: true, text };
  try {
    JSON.parse(text);
  } catch (e) {
    return { ok: false, failure: { record, errorCode: 'InvalidJson', errorMessage: `The record is not valid JSON: ${e instanceof Error ? e.message : String(e)}` } };
  }
  return { ok: true, text };
}

/**
 * A dead-letter object: one JSON line per failed record naming its identifiers and the error — not the payload
 * (MSK data delivery concepts: "writes the identifiers (sequence numbers) of unprocessable records, along with
 * error context — not the full record payloads").
 */
export function deadLetterBody(channelName: string, failures: readonly RecordFailure[]): Uint8Array {
  const lines = failures.map((f) => JSON.stringify({
    channelName,
    shardId: f.record.shardId,
    sequenceNumber: f.record.sequenceNumber,
    approximateArrivalTimestamp: f.record.arrivalMs,
    errorCode: f.errorCode,
    errorMessage: f.errorMessage,
  }));
  return new TextEncoder().encode(lines.join('\n') + '\n');
}
