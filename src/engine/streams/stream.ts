/**
 * A stream: its shards (by number; closed ones kept until their data passes retention), the routing table
 * of open shards, and the in-engine fast paths. `putRecord` hashes, routes, admits and appends without
 * allocating; it reports the outcome as a number and leaves the sequence counter in `lastSequenceCounter`.
 * `putUuidRecord` takes a UUID key as its four words and `putRecordToShard` a record its caller already routed
 * (valid while `shardMapVersion` is unchanged); `getRecords` is the in-engine GetRecords with the read limits.
 * Control-plane state (status, tags, encryption, consumers) lives here too; rules about when a control-plane
 * call is allowed live in the service.
 */
import { compareHashKeyAt, decimalToHashKey } from '../hash/hash-key';
import { lastHashedKeyByteLength, md5PartitionKey, utf8ByteLength } from '../hash/md5';
import { md5UuidKey, UUID_KEY_LENGTH } from '../hash/uuid-key';
import type { HashRange } from './hash-range';
import { evenRanges } from './hash-range';
import { GET_RECORDS_BYTES_MAX, GET_RECORDS_LIMIT_MAX, RECORD_BYTES_MAX, RETENTION_HOURS_DEFAULT } from './limits';
import { renderSequenceNumber } from './sequence-number';
import { Shard } from './shard';
import type { RemovedTotals } from './shard-log';
import type { ReadPage, RecordVisitor } from './shard-reader';
import { readShard } from './shard-reader';

export type StreamStatus = 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING';
export type StreamMode = 'PROVISIONED' | 'ON_DEMAND';

/** Outcome codes of the fast paths: a shard number (≥ 0) means accepted. */
export const PUT_THROTTLED = -1;
export const PUT_TOO_LARGE = -2;
export const PUT_STREAM_GONE = -3;
/** putRecordToShard named a shard that is not open (the caller's routing predates a reshard): route again. */
export const PUT_SHARD_NOT_OPEN = -4;

/**
 * Module-local copies of the limits used per record: imported bindings can compile to property getters
 * (e.g. under tsx's CommonJS interop), which showed up in profiles of the write path.
 */
const RECORD_BYTES_LIMIT = RECORD_BYTES_MAX;
const READ_RECORDS_PER_CALL_MAX = GET_RECORDS_LIMIT_MAX;
const READ_BYTES_PER_CALL_MAX = GET_RECORDS_BYTES_MAX;
/** Routing table size: 2^12 prefixes of the hash key's top word (16 KiB per stream). */
const ROUTE_TABLE_BITS = 12;
const ROUTE_TABLE_SHIFT = 32 - ROUTE_TABLE_BITS;

/** The service-wide memory budget; the stream reports what it stores and the ledger evicts the oldest when over. */
export interface MemoryLedger {
  usedBytes: number;
  budgetBytes: number;
  evict(): void;
}

export interface StreamInit {
  readonly name: string;
  readonly arn: string;
  readonly mode: StreamMode;
  readonly shardCount: number;
  readonly createdAtMs: number;
  readonly ledger: MemoryLedger;
}

export class Stream {
  readonly name: string;
  readonly arn: string;
  readonly createdAtMs: number;
  /** Creation time in whole seconds: ties sequence numbers and iterators to this incarnation of the name. */
  readonly epochSec: number;
  status: StreamStatus = 'CREATING';
  mode: StreamMode;
  retentionHours = RETENTION_HOURS_DEFAULT;
  /** MaxRecordSizeInKiB as configured (reported by DescribeStreamSummary; the engine enforces 1 MiB). */
  maxRecordSizeKiB = 1024;
  encryptionType: 'NONE' | 'KMS' = 'NONE';
  keyId: string | undefined;
  readonly tags = new Map<string, string>();
  readonly shardLevelMetrics = new Set<string>();
  /** Every shard ever created, indexed by shard number. */
  readonly shards: Shard[] = [];
  deleted = false;
  /** Times of accepted UpdateShardCount calls (the 10-per-rolling-24h rule). */
  scalingHistoryMs: number[] = [];
  /** Times of accepted UpdateStreamMode calls (2 per rolling 24 h). */
  modeChangeHistoryMs: number[] = [];
  /** Set by the fast paths on acceptance: the shard and sequence counter of the record just written. */
  lastShardNumber = -1;
  lastSequenceCounter = -1;
  /** Changes whenever the set of open shards (the routing table) changes: callers cache routes per version. */
  shardMapVersion = 0;
  private routeStarts = new Uint32Array(0);
  private routeShards: Shard[] = [];
  private routeTable = new Int32Array(1 << ROUTE_TABLE_BITS);
  private readonly hashScratch = new Uint32Array(4);
  private readonly ledger: MemoryLedger;
  private readonly removedScratch: RemovedTotals = { records: 0, bytes: 0, memoryBytes: 0 };

  constructor(init: StreamInit) {
    this.name = init.name;
    this.arn = init.arn;
    this.mode = init.mode;
    this.createdAtMs = init.createdAtMs;
    this.epochSec = Math.floor(init.createdAtMs / 1000);
    this.ledger = init.ledger;
    for (const range of evenRanges(init.shardCount)) this.addShard(range, init.createdAtMs, 1, undefined, undefined);
    this.rebuildRouting();
  }

  get retentionMs(): number {
    return this.retentionHours * 3_600_000;
  }

  /** Open shards in hash-key order (the routing table; do not mutate). */
  openShards(): readonly Shard[] {
    return this.routeShards;
  }

  get openShardCount(): number {
    return this.routeShards.length;
  }

  /** Shards that still appear in listings: open ones and closed ones whose data has not all expired. */
  listedShards(): Shard[] {
    return this.shards.filter((s) => !s.expired);
  }

  shard(shardNumber: number): Shard | undefined {
    return this.shards[shardNumber];
  }

  /**
   * The open shard whose range holds the hash key (4 big-endian words). A table indexed by the hash's top
   * ROUTE_TABLE_BITS bits gives the last open shard starting at or below that prefix; the shards starting
   * inside the prefix (none for even splits of up to 4,096 shards) are stepped over. No binary search, so
   * no unpredictable branches per record.
   */
  route(hashKey: Uint32Array): Shard {
    const starts = this.routeStarts;
    const h0 = hashKey[0];
    let i = this.routeTable[h0 >>> ROUTE_TABLE_SHIFT];
    const last = this.routeShards.length - 1;
    while (i < last) {
      const o = (i + 1) << 2;
      const s0 = starts[o];
      if (s0 > h0 || (s0 === h0 && compareHashKeyAt(starts, o, hashKey) > 0)) break;
      i++;
    }
    return this.routeShards[i];
  }

  /**
   * Fast path for in-engine producers. `data` is the payload, or only its size for size-only records.
   * `explicitHashKey` (4 words or a decimal string) replaces the MD5 of the key. Returns the shard number when
   * accepted (sequence counter in `lastSequenceCounter`), else PUT_THROTTLED / PUT_TOO_LARGE / PUT_STREAM_GONE.
   * Validation beyond size is the caller's job (the JSON API validates requests fully).
   */
  putRecord(partitionKey: string, data: Uint8Array | number, explicitHashKey?: Uint32Array | string, nowMs?: number): number {
    if (this.deleted || this.status === 'CREATING') return PUT_STREAM_GONE;
    let hash: Uint32Array;
    let keyBytes: number;
    if (explicitHashKey === undefined) {
      hash = md5PartitionKey(partitionKey, this.hashScratch);
      keyBytes = lastHashedKeyByteLength();
    } else {
      hash = typeof explicitHashKey === 'string' ? decimalToHashKey(explicitHashKey, this.hashScratch) : explicitHashKey;
      keyBytes = utf8ByteLength(partitionKey);
    }
    const dataBytes = typeof data === 'number' ? data : data.byteLength;
    if (dataBytes + keyBytes > RECORD_BYTES_LIMIT) return PUT_TOO_LARGE;
    const shard = this.route(hash);
    const now = nowMs ?? this.clockMs();
    const counter = this.admit(shard, dataBytes, keyBytes, now);
    if (counter < 0) return counter;
    this.stored(shard, counter, shard.log.append(counter, dataBytes, now, partitionKey, typeof data === 'number' ? undefined : data));
    return shard.number;
  }

  /**
   * `putRecord` for a record whose partition key is the version-4 UUID with words `w0…w3` (hash/uuid-key):
   * routed by the MD5 of its 36-character text, counted as 36 key bytes, stored without building the string
   * (readers get the text). Same outcome codes as `putRecord`.
   */
  putUuidRecord(w0: number, w1: number, w2: number, w3: number, data: Uint8Array | number, nowMs: number): number {
    if (this.deleted || this.status === 'CREATING') return PUT_STREAM_GONE;
    const dataBytes = typeof data === 'number' ? data : data.byteLength;
    if (dataBytes + UUID_KEY_LENGTH > RECORD_BYTES_LIMIT) return PUT_TOO_LARGE;
    const shard = this.route(md5UuidKey(w0, w1, w2, w3, this.hashScratch));
    const counter = this.admit(shard, dataBytes, UUID_KEY_LENGTH, nowMs);
    if (counter < 0) return counter;
    this.stored(shard, counter, shard.log.appendUuidKeyed(counter, dataBytes, nowMs, w0, w1, w2, w3, typeof data === 'number' ? undefined : data));
    return shard.number;
  }

  /**
   * `putRecord` for a caller that already routed the key (e.g. a pool key whose shard it cached for the current
   * `shardMapVersion`): no hashing, no routing. `keyBytes` is the key's UTF-8 length (it counts toward the
   * limits). Returns PUT_SHARD_NOT_OPEN when the shard is not open any more (route again), else as `putRecord`.
   */
  putRecordToShard(shardNumber: number, partitionKey: string, keyBytes: number, data: Uint8Array | number, nowMs: number): number {
    if (this.deleted || this.status === 'CREATING') return PUT_STREAM_GONE;
    const shard = this.shards[shardNumber];
    if (shard === undefined || shard.closedAtMs !== undefined) return PUT_SHARD_NOT_OPEN;
    const dataBytes = typeof data === 'number' ? data : data.byteLength;
    if (dataBytes + keyBytes > RECORD_BYTES_LIMIT) return PUT_TOO_LARGE;
    const counter = this.admit(shard, dataBytes, keyBytes, nowMs);
    if (counter < 0) return counter;
    this.stored(shard, counter, shard.log.append(counter, dataBytes, nowMs, partitionKey, typeof data === 'number' ? undefined : data));
    return shard.number;
  }

  /** Write admission of one record: its sequence counter, or PUT_THROTTLED (counted on the shard). */
  private admit(shard: Shard, dataBytes: number, keyBytes: number, nowMs: number): number {
    const total = dataBytes + keyBytes;
    const c = shard.counters;
    if (!shard.admitWrite(1, total, nowMs)) {
      c.throttledWriteRecords++;
      c.throttledWriteBytes += dataBytes;
      return PUT_THROTTLED;
    }
    c.incomingRecords++;
    c.incomingBytes += dataBytes;
    c.incomingBytesWithKeys += total;
    return shard.nextCounter++;
  }

  /** Books a stored record: memory ledger (evicting when over budget) and the last-write fields. */
  private stored(shard: Shard, counter: number, memoryBytes: number): void {
    const ledger = this.ledger;
    ledger.usedBytes += memoryBytes;
    if (ledger.usedBytes > ledger.budgetBytes) ledger.evict();
    this.lastShardNumber = shard.number;
    this.lastSequenceCounter = counter;
  }

  /**
   * Aggregate write path for very large loads: `records` records totalling `bytes` (data + keys) offered to one
   * shard at `nowMs`. Admits as many as this second's limits allow (average record size), stores them as one
   * per-second bucket, advances the sequence counter by the count and returns how many were accepted; the
   * rest are counted as throttled.
   */
  putAggregate(shardNumber: number, records: number, bytes: number, nowMs: number): number {
    const shard = this.shards[shardNumber];
    if (this.deleted || this.status === 'CREATING' || !shard || !shard.isOpen || records <= 0) return 0;
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
    this.ledger.usedBytes += shard.log.appendBucket(first, accepted, acceptedBytes, nowMs);
    if (this.ledger.usedBytes > this.ledger.budgetBytes) this.ledger.evict();
    this.lastShardNumber = shardNumber;
    this.lastSequenceCounter = first + accepted - 1;
    return accepted;
  }

  /**
   * A GetRecords-equivalent read for in-engine polling consumers, under the shard's shared limits (5 calls/s,
   * 2 MiB/s with debt, ≤ 10,000 records / 10 MiB a call). Returns false (and counts it) when throttled or the
   * shard does not exist; otherwise fills `page` (calling `visit` per record when given) and counts the
   * outgoing records and bytes on the shard.
   */
  getRecords(shardNumber: number, fromCounter: number, maxRecords: number, nowMs: number, page: ReadPage, visit?: RecordVisitor): boolean {
    const shard = this.shards[shardNumber];
    if (!shard || !shard.admitReadCall(nowMs)) return false;
    readShard(shard, fromCounter, Math.min(maxRecords, READ_RECORDS_PER_CALL_MAX), READ_BYTES_PER_CALL_MAX, nowMs, page, visit);
    shard.chargeReadBytes(page.bytes, nowMs);
    shard.counters.outgoingRecords += page.records;
    shard.counters.outgoingBytes += page.bytes;
    return true;
  }

  /** Same as `getRecords` (the name the Firehose source uses). */
  pollShard(shardNumber: number, fromCounter: number, maxRecords: number, nowMs: number, page: ReadPage, visit?: RecordVisitor): boolean {
    return this.getRecords(shardNumber, fromCounter, maxRecords, nowMs, page, visit);
  }

  /**
   * An enhanced fan-out read (dedicated throughput: no shared read limits; the subscription paces itself):
   * up to `maxRecords` / `maxBytes` from `fromCounter`, outgoing records and bytes counted on the shard.
   */
  readDedicated(shardNumber: number, fromCounter: number, maxRecords: number, maxBytes: number, nowMs: number, page: ReadPage, visit?: RecordVisitor): boolean {
    const shard = this.shards[shardNumber];
    if (!shard) return false;
    readShard(shard, fromCounter, maxRecords, maxBytes, nowMs, page, visit, false);
    shard.counters.outgoingRecords += page.records;
    shard.counters.outgoingBytes += page.bytes;
    return true;
  }

  /** The AWS-format sequence number of a record of this stream. */
  sequenceNumber(shardNumber: number, counter: number): string {
    return renderSequenceNumber(this.epochSec, counter, shardNumber);
  }

  /** Drops data older than retention; closed shards whose data is all gone stop being listed. */
  trim(nowMs: number): void {
    const cutoffMs = nowMs - this.retentionMs;
    for (const shard of this.shards) {
      if (shard.expired) continue;
      const removed = this.removedScratch;
      removed.records = 0;
      removed.bytes = 0;
      removed.memoryBytes = 0;
      shard.log.trimBefore(cutoffMs, removed);
      shard.counters.expiredRecords += removed.records;
      shard.counters.expiredBytes += removed.bytes;
      this.ledger.usedBytes -= removed.memoryBytes;
      if (!shard.isOpen && shard.log.isEmpty && (shard.closedAtMs ?? 0) <= cutoffMs) shard.expired = true;
    }
  }

  /** Memory-budget eviction of up to `maxEntries` oldest entries of one shard. */
  evictFrom(shard: Shard, maxEntries: number): void {
    const removed = this.removedScratch;
    removed.records = 0;
    removed.bytes = 0;
    removed.memoryBytes = 0;
    shard.log.evictOldest(maxEntries, removed);
    shard.counters.evictedRecords += removed.records;
    shard.counters.evictedBytes += removed.bytes;
    this.ledger.usedBytes -= removed.memoryBytes;
  }

  /** Releases all storage (stream deleted). */
  release(): void {
    const removed: RemovedTotals = { records: 0, bytes: 0, memoryBytes: 0 };
    for (const shard of this.shards) shard.log.clear(removed);
    this.ledger.usedBytes -= removed.memoryBytes;
    this.deleted = true;
  }

  /** Adds a shard (creation or resharding); children start counting above their parents. */
  addShard(range: HashRange, nowMs: number, startCounter: number, parent: Shard | undefined, adjacentParent: Shard | undefined): Shard {
    const shard = new Shard(this.shards.length, range, nowMs, startCounter, parent?.number, adjacentParent?.number);
    this.shards.push(shard);
    parent?.childNumbers.push(shard.number);
    adjacentParent?.childNumbers.push(shard.number);
    return shard;
  }

  /** Rebuilds the routing table from the open shards (after creation or resharding). */
  rebuildRouting(): void {
    const open = this.shards.filter((s) => s.isOpen).sort((a, b) => (a.range.start < b.range.start ? -1 : 1));
    const starts = new Uint32Array(open.length * 4);
    open.forEach((s, i) => starts.set(s.startWords, i * 4));
    this.routeStarts = starts;
    this.routeShards = open;
    // routeTable[p] = the last open shard whose start is ≤ the smallest hash key with prefix p.
    const table = this.routeTable;
    let i = 0;
    for (let p = 0; p < table.length; p++) {
      const prefixStart = (p << ROUTE_TABLE_SHIFT) >>> 0;
      while (i + 1 < open.length && (starts[(i + 1) << 2] < prefixStart || (starts[(i + 1) << 2] === prefixStart && starts[((i + 1) << 2) + 1] === 0 && starts[((i + 1) << 2) + 2] === 0 && starts[((i + 1) << 2) + 3] === 0))) i++;
      table[p] = i;
    }
    this.shardMapVersion++;
  }

  /** Injected by the service so `putRecord` without `nowMs` reads the virtual clock. */
  clockMs: () => number = () => this.createdAtMs;
}
