/**
 * The ShardReaders of a stream: every reader reads through one of these, so each kind of read has one
 * home for its limits and counters.
 * - shared: GetRecords throughput — the shard's 5 calls/s and 2 MiB/s (with the 10 MiB-call debt rule),
 *   at most 10,000 records / 10 MiB a call; outgoing records and bytes counted on the shard. Used by the
 *   GetRecords API (and so the data viewer), KCL-style consumers, Lambda event-source mappings, and the
 *   Firehose and Analytics Kinesis sources, which AWS counts as shared-throughput consumers.
 * - dedicated: enhanced fan-out — no shared limits (the subscriber paces itself within its own 2 MiB/s,
 *   see Consumer.read in consumers.ts); outgoing records and bytes counted on the shard.
 * - observing: no admission, no counters — a read that AWS does not charge to the shard: channel reads
 *   ("Channel reads consume no additional shard capacity") and the console's schema-discovery sample.
 * Limits: https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetRecords.html
 */
import { GET_RECORDS_BYTES_MAX, GET_RECORDS_LIMIT_MAX } from './limits';
import type { ReadPage, RecordVisitor, ShardReader } from './shard-reader';
import { readShard } from './shard-reader';
import type { Stream } from './stream';

// Module-local copies of per-call limits: imported bindings can compile to property getters.
const READ_RECORDS_PER_CALL_MAX = GET_RECORDS_LIMIT_MAX;
const READ_BYTES_PER_CALL_MAX = GET_RECORDS_BYTES_MAX;

/** One kernel read of a shard; `metered` counts the shard's outgoing records and bytes. False when there is no such shard. */
function readOnce(
  stream: Stream, shardNumber: number, fromCounter: number, maxRecords: number, maxBytes: number, nowMs: number,
  page: ReadPage, visit: RecordVisitor | undefined, alwaysFirst: boolean, metered: boolean,
): boolean {
  const shard = stream.shards[shardNumber];
  if (!shard) return false;
  readShard(shard, fromCounter, maxRecords, maxBytes, nowMs, page, visit, alwaysFirst);
  if (metered) {
    shard.noteClosedRead();
    shard.counters.outgoingRecords += page.records;
    shard.counters.outgoingBytes += page.bytes;
  }
  return true;
}

/** Shared-throughput reads (GetRecords); false with `page.throttled` when the shard's read limits refuse the call. */
export function sharedReader(stream: Stream): ShardReader {
  return {
    read(shardNumber, fromCounter, maxRecords, maxBytes, nowMs, page, visit) {
      const shard = stream.shards[shardNumber];
      if (!shard) return false;
      if (!shard.admitReadCall(nowMs)) {
        page.throttled = true;
        return false;
      }
      // The polling consumers' hot path: the kernel called directly.
      readShard(shard, fromCounter, Math.min(maxRecords, READ_RECORDS_PER_CALL_MAX), Math.min(maxBytes, READ_BYTES_PER_CALL_MAX), nowMs, page, visit);
      shard.chargeReadBytes(page.bytes, nowMs);
      shard.counters.outgoingRecords += page.records;
      shard.counters.outgoingBytes += page.bytes;
      return true;
    },
  };
}

/** Enhanced fan-out reads: up to `maxBytes` (the subscriber's remaining budget), never more than fits. */
export function dedicatedReader(stream: Stream): ShardReader {
  return {
    read: (shardNumber, fromCounter, maxRecords, maxBytes, nowMs, page, visit) => readOnce(stream, shardNumber, fromCounter, maxRecords, maxBytes, nowMs, page, visit, false, true),
  };
}

/** Reads the shard charges to no one (channels, schema-discovery samples): no admission, no counters. */
export function observingReader(stream: Stream): ShardReader {
  return {
    read: (shardNumber, fromCounter, maxRecords, maxBytes, nowMs, page, visit) => readOnce(stream, shardNumber, fromCounter, maxRecords, maxBytes, nowMs, page, visit, true, false),
  };
}
