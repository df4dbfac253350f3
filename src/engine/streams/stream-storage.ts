/**
 * What happens to a stream's stored records besides single-record writes and reads: the aggregate write
 * path, retention trimming, memory-budget eviction and release (reads: readers.ts). Kernels over a Stream;
 * the Stream's methods delegate here.
 */
import type { Shard } from './shard';
import type { RemovedTotals } from './shard-log';
import type { MemoryLedger, Stream } from './stream';

const removedScratch: RemovedTotals = { records: 0, bytes: 0, memoryBytes: 0 };

function resetRemoved(): RemovedTotals {
  removedScratch.records = 0;
  removedScratch.bytes = 0;
  removedScratch.memoryBytes = 0;
  return removedScratch;
}

/**
 * Aggregate write path for very large loads: `records` records totalling `bytes` (data + keys) offered to one
 * shard at `nowMs`. Admits as many as this second's limits allow (average record size), stores them as one
 * per-second bucket, advances the sequence counter by the count and returns how many were accepted; the
 * rest are counted as throttled.
 */
export function putAggregateRecords(stream: Stream, shardNumber: number, records: number, bytes: number, nowMs: number): number {
  const shard = stream.shards[shardNumber];
  if (stream.deleted || stream.status === 'CREATING' || !shard || !shard.isOpen || records <= 0) return 0;
  const avg = bytes / records;
  const room = shard.writeHeadroom(nowMs);
  let accepted = Math.min(records, room.records);
  if (avg > 0) accepted = Math.min(accepted, Math.floor(room.bytes / avg));
  accepted = Math.max(0, accepted);
  const c = shard.counters;
  c.throttledWriteRecords += records - accepted;
  c.throttledWriteBytes += (records - accepted) * avg;
  if (accepted === 0) return 0;
  const acceptedBytes = accepted * avg;
  shard.admitWrite(accepted, acceptedBytes, nowMs);
  const first = shard.nextCounter;
  shard.nextCounter += accepted;
  c.incomingRecords += accepted;
  c.incomingBytes += acceptedBytes;
  c.incomingBytesWithKeys += acceptedBytes;
  const ledger = stream.ledger;
  ledger.usedBytes += shard.log.appendBucket(first, accepted, acceptedBytes, nowMs);
  if (ledger.usedBytes > ledger.budgetBytes) ledger.evict();
  stream.lastShardNumber = shardNumber;
  stream.lastSequenceCounter = first + accepted - 1;
  return accepted;
}

/**
 * Drops data older than retention; closed shards whose data is all gone stop being listed. Runs only when
 * something is due: each pass notes the earliest moment a held entry or an emptied closed shard passes
 * retention, and anything written after the pass arrives later than the pass, so it cannot be due before
 * the pass's time plus retention. Evictions only make the oldest entry newer (at worst a pass finds nothing).
 */
export function trimToRetention(stream: Stream, nowMs: number): void {
  if (nowMs < stream.nextTrimMs) return;
  const retentionMs = stream.retentionMs;
  const cutoffMs = nowMs - retentionMs;
  let nextMs = nowMs + retentionMs;
  for (const shard of stream.shards) {
    if (shard.expired) continue;
    const removed = resetRemoved();
    shard.log.trimBefore(cutoffMs, removed);
    shard.counters.expiredRecords += removed.records;
    shard.counters.expiredBytes += removed.bytes;
    stream.ledger.usedBytes -= removed.memoryBytes;
    if (!shard.isOpen && shard.log.isEmpty && (shard.closedAtMs ?? 0) <= cutoffMs) {
      shard.expired = true;
      stream.expiredShardCount++;
      continue;
    }
    // An entry goes once the cutoff passes its arrival; an emptied closed shard once it reaches its close.
    const dueMs = !shard.log.isEmpty ? shard.log.oldestArrivalMs() + retentionMs + 1 : shard.isOpen ? Number.POSITIVE_INFINITY : (shard.closedAtMs ?? 0) + retentionMs;
    if (dueMs < nextMs) nextMs = dueMs;
  }
  stream.nextTrimMs = nextMs;
}

/** Memory-budget eviction of up to `maxEntries` oldest entries of one shard, counted as evicted. */
export function evictOldestOf(stream: Stream, shard: Shard, maxEntries: number): void {
  const removed = resetRemoved();
  shard.log.evictOldest(maxEntries, removed);
  shard.counters.evictedRecords += removed.records;
  shard.counters.evictedBytes += removed.bytes;
  stream.ledger.usedBytes -= removed.memoryBytes;
}

/**
 * What one shard costs the heap besides its records, across the world: the Shard and its counters, range and
 * log, the metrics sampler's slots, each consumer's view and lease (≈ 1.9 KB measured on the soak world by
 * resharding 1,000 → 13,588 shards). Closed shards stay listed until retention, so a day of hourly
 * resharding adds tens of thousands; booked against the memory budget they leave that much less room for
 * records (evicted, and counted, sooner) instead of growing the heap.
 */
export const SHARD_MEMORY_BYTES = 2048;
/** Records always keep at least this share of the budget, however many shards there are. */
const RECORD_BUDGET_FLOOR = 0.25;

/** Books (or with a negative count, returns) shard metadata in the memory budget. */
export function reserveShardMemory(ledger: MemoryLedger, shards: number): void {
  const total = (ledger.totalBudgetBytes ??= ledger.budgetBytes);
  ledger.reservedBytes = Math.max(0, (ledger.reservedBytes ?? 0) + shards * SHARD_MEMORY_BYTES);
  ledger.budgetBytes = Math.max(total * RECORD_BUDGET_FLOOR, total - ledger.reservedBytes);
}

/** Releases all storage (stream deleted). */
export function releaseAll(stream: Stream): void {
  const removed = resetRemoved();
  for (const shard of stream.shards) shard.log.clear(removed);
  stream.ledger.usedBytes -= removed.memoryBytes;
  reserveShardMemory(stream.ledger, -stream.shards.length);
}
