/**
 * The *Batch operations: request-level checks (1–10 entries, distinct ids of
 * [A-Za-z0-9_-]{1,80}, SendMessageBatch's 1 MiB total) and per-entry outcomes —
 * `Successful[]` and `Failed[{Id, SenderFault, Code, Message}]` under HTTP 200.
 * Source: SQS API reference, SendMessageBatch / DeleteMessageBatch / ChangeMessageVisibilityBatch.
 */
import { AwsServiceError } from '../result';
import { sqsError } from '../../queues/errors';
import { BATCH_ENTRIES_MAX, BATCH_ENTRY_ID_MAX, MESSAGE_BYTES_MAX } from '../../queues/limits';

const ID_RE = new RegExp(`^[A-Za-z0-9_-]{1,${BATCH_ENTRY_ID_MAX}}$`);

export function checkEntries(entries: unknown, entryShape: string): Record<string, unknown>[] {
  if (!Array.isArray(entries) || entries.length === 0) {
    throw sqsError('EmptyBatchRequest', `There should be at least one ${entryShape} in the request.`);
  }
  if (entries.length > BATCH_ENTRIES_MAX) {
    throw sqsError('TooManyEntriesInBatchRequest', `Maximum number of entries per request are ${BATCH_ENTRIES_MAX}. You have sent ${entries.length}.`);
  }
  const seen = new Set<string>();
  for (const e of entries as Record<string, unknown>[]) {
    const id = e?.Id;
    if (typeof id !== 'string' || !ID_RE.test(id)) {
      throw sqsError('InvalidBatchEntryId', `A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most ${BATCH_ENTRY_ID_MAX} letters long.`);
    }
    if (seen.has(id)) throw sqsError('BatchEntryIdsNotDistinct', `Id ${id} repeated.`);
    seen.add(id);
  }
  return entries as Record<string, unknown>[];
}

export function checkBatchSize(entries: readonly Record<string, unknown>[]): void {
  const enc = new TextEncoder();
  let total = 0;
  for (const e of entries) {
    total += enc.encode(String(e.MessageBody ?? '')).length;
    for (const [name, v] of Object.entries((e.MessageAttributes ?? {}) as Record<string, Record<string, string>>)) {
      total += enc.encode(name).length + enc.encode(v.DataType ?? '').length;
      total += v.BinaryValue ? Math.floor((v.BinaryValue.length * 3) / 4) : enc.encode(v.StringValue ?? '').length;
    }
  }
  if (total > MESSAGE_BYTES_MAX) {
    throw sqsError('BatchRequestTooLong', `Batch requests cannot be longer than ${MESSAGE_BYTES_MAX} bytes. You have sent ${total} bytes.`);
  }
}

export function runEntries<T>(
  entries: readonly Record<string, unknown>[],
  each: (e: Record<string, unknown>) => T,
): { Successful: (T & { Id: string })[]; Failed: { Id: string; SenderFault: boolean; Code: string; Message: string }[] } {
  const Successful: (T & { Id: string })[] = [];
  const Failed: { Id: string; SenderFault: boolean; Code: string; Message: string }[] = [];
  for (const e of entries) {
    try {
      Successful.push({ Id: e.Id as string, ...each(e) });
    } catch (err) {
      if (!(err instanceof AwsServiceError)) throw err;
      Failed.push({ Id: e.Id as string, SenderFault: err.httpStatus < 500, Code: err.name, Message: err.message });
    }
  }
  return { Successful, Failed };
}
