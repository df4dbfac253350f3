/**
 * A stream: its shards (by number; closed ones kept until their data passes retention), the routing table
 * of open shards (route-table.ts), and the in-engine fast paths. `putRecord` hashes, routes, admits and
 * appends without allocating; it reports the outcome as a number and leaves the sequence counter in
 * `lastSequenceCounter`. `putUuidRecord` takes a UUID key as its four words and `putRecordToShard` a record
 * its caller already routed (valid while `shardMapVersion` is unchanged); `shared` and `dedicated` are the
 * stream's ShardReaders (GetRecords throughput and enhanced fan-out, readers.ts). Control-plane settings (status, tags, encryption, maximum record size,
 * record distribution, warm throughput) live here too; rules about when a control-plane call is allowed live
 * in the service and stream-settings.ts.
 */
import { decimalToHashKey } from '../hash/hash-key';
import { lastHashedKeyByteLength, md5PartitionKey, utf8ByteLength } from '../hash/md5';
import { md5UuidKey, UUID_KEY_LENGTH } from '../hash/uuid-key';
import type { HashRange } from './hash-range';
import { evenRanges } from './hash-range';
import {
  MAX_RECORD_SIZE_KIB_DEFAULT, recordBytesMaxOf, RETENTION_HOURS_DEFAULT, writeBurstBytesOf,
} from './limits';
import { RouteTable } from './route-table';
import { renderSequenceNumber } from './sequence-number';
import { Shard } from './shard';
import type { ShardReader } from './shard-reader';
import { dedicatedReader, sharedReader } from './readers';
import { PUT_SHARD_NOT_OPEN, PUT_STREAM_GONE, PUT_THROTTLED, PUT_TOO_LARGE } from './put-outcome';
import { evictOldestOf, putAggregateRecords, releaseAll, reserveShardMemory, trimToRetention } from './stream-storage';

export type StreamStatus = 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING';
export type StreamMode = 'PROVISIONED' | 'ON_DEMAND';
/** USER_PARTITION_KEY: the key's hash picks the shard; AUTO: the service spreads records (on-demand only). */
export type RecordDistributionStrategy = 'USER_PARTITION_KEY' | 'AUTO';



/** The service-wide memory budget; the stream reports what it stores and the ledger evicts the oldest when over. */
export interface MemoryLedger {
  usedBytes: number;
  /** What stored records may use: the configured budget less what the shards themselves take (reserveShardMemory). */
  budgetBytes: number;
  evict(): void;
  /** The configured budget (set on the first reservation) and the bytes booked for shard metadata. */
  totalBudgetBytes?: number;
  reservedBytes?: number;
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
  private retention = RETENTION_HOURS_DEFAULT;
  /** Data + key bytes a record may hold: MaxRecordSizeInKiB × 1,024 (set through `setMaxRecordSize`). */
  recordBytesMax = recordBytesMaxOf(MAX_RECORD_SIZE_KIB_DEFAULT);
  private maxRecordKiB = MAX_RECORD_SIZE_KIB_DEFAULT;
  /** AUTO ignores keys for placement (route-table.ts `nextAuto`); only on-demand streams may use it. */
  distribution: RecordDistributionStrategy = 'USER_PARTITION_KEY';
  /** Warm throughput of an on-demand stream (MiB/s) once set: what was asked and what is in place. */
  warmThroughput: { targetMiBps: number; currentMiBps: number } | undefined;
  encryptionType: 'NONE' | 'KMS' = 'NONE';
  keyId: string | undefined;
  readonly tags = new Map<string, string>();
  readonly shardLevelMetrics = new Set<string>();
  /** Every shard ever created, indexed by shard number. */
  readonly shards: Shard[] = [];
  /** Closed shards whose data has all passed retention (no longer listed); readers compare it instead of scanning. */
  expiredShardCount = 0;
  /**
   * The earliest virtual time a retention pass can remove anything (see trimToRetention): passes before it
   * are skipped, so a day of resharding's thousands of closed shards are not walked every second.
   */
  nextTrimMs = Number.NEGATIVE_INFINITY;
  deleted = false;
  /** Times of accepted UpdateShardCount calls (the 10-per-rolling-24h rule). */
  scalingHistoryMs: number[] = [];
  /** Times of accepted UpdateStreamMode calls (2 per rolling 24 h). */
  modeChangeHistoryMs: number[] = [];
  /** Set by the fast paths on acceptance: the shard and sequence counter of the record just written. */
  lastShardNumber = -1;
  lastSequenceCounter = -1;
  /** Set when a write is throttled: the shard that refused it (for the error message). */
  lastThrottledShardNumber = -1;
  /** Changes whenever the set of open shards (the routing table) changes: callers cache routes per version. */
  shardMapVersion = 0;
  private readonly routes = new RouteTable();
  private readonly hashScratch = new Uint32Array(4);
  readonly ledger: MemoryLedger;
  // Declared last so the write path's fields keep their places in the object.
  /** Reads under the shards' shared GetRecords throughput (5 calls/s, 2 MiB/s): polling consumers and sources. */
  readonly shared: ShardReader = sharedReader(this);
  /** Enhanced fan-out reads (dedicated throughput; the subscriber keeps its own budget). */
  readonly dedicated: ShardReader = dedicatedReader(this);

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

  get maxRecordSizeKiB(): number {
    return this.maxRecordKiB;
  }

  /** MaxRecordSizeInKiB: the record limit and every shard's write burst follow it. */
  setMaxRecordSize(kib: number): void {
    this.maxRecordKiB = kib;
    this.recordBytesMax = recordBytesMaxOf(kib);
    for (const shard of this.shards) shard.setBurstCapacity(writeBurstBytesOf(kib));
  }

  get retentionHours(): number {
    return this.retention;
  }

  /** A new retention period makes the next retention pass due at once. */
  set retentionHours(hours: number) {
    this.retention = hours;
    this.nextTrimMs = Number.NEGATIVE_INFINITY;
  }

  get retentionMs(): number {
    return this.retentionHours * 3_600_000;
  }

  /** Open shards in hash-key order (the routing table; do not mutate). */
  openShards(): readonly Shard[] {
    return this.routes.shards;
  }

  get openShardCount(): number {
    return this.routes.shards.length;
  }

  /** Shards that still appear in listings: open ones and closed ones whose data has not all expired. */
  listedShards(): Shard[] {
    return this.shards.filter((s) => !s.expired);
  }

  shard(shardNumber: number): Shard | undefined {
    return this.shards[shardNumber];
  }

  /** The open shard whose range holds the hash key (4 big-endian words). */
  route(hashKey: Uint32Array): Shard {
    return this.routes.route(hashKey);
  }

  /**
   * Fast path for in-engine producers. `data` is the payload, or only its size for size-only records.
   * `explicitHashKey` (4 words or a decimal string) replaces the MD5 of the key. Returns the shard number when
   * accepted (sequence counter in `lastSequenceCounter`), else PUT_THROTTLED / PUT_TOO_LARGE / PUT_STREAM_GONE.
   * Validation beyond size is the caller's job (the JSON API validates requests fully).
   */
  putRecord(partitionKey: string, data: Uint8Array | number, explicitHashKey?: Uint32Array | string, nowMs?: number): number {
    if (this.deleted || this.status === 'CREATING') return PUT_STREAM_GONE;
    if (this.distribution === 'AUTO') return this.putAuto(partitionKey, utf8ByteLength(partitionKey), data, nowMs ?? this.clockMs());
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
    if (dataBytes + keyBytes > this.recordBytesMax) return PUT_TOO_LARGE;
    const shard = this.routes.route(hash);
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
    if (dataBytes + UUID_KEY_LENGTH > this.recordBytesMax) return PUT_TOO_LARGE;
    const shard = this.distribution === 'AUTO' ? this.routes.nextAuto() : this.routes.route(md5UuidKey(w0, w1, w2, w3, this.hashScratch));
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
    if (this.distribution === 'AUTO') return this.putAuto(partitionKey, keyBytes, data, nowMs);
    const shard = this.shards[shardNumber];
    if (shard === undefined || shard.closedAtMs !== undefined) return PUT_SHARD_NOT_OPEN;
    const dataBytes = typeof data === 'number' ? data : data.byteLength;
    if (dataBytes + keyBytes > this.recordBytesMax) return PUT_TOO_LARGE;
    const counter = this.admit(shard, dataBytes, keyBytes, nowMs);
    if (counter < 0) return counter;
    this.stored(shard, counter, shard.log.append(counter, dataBytes, nowMs, partitionKey, typeof data === 'number' ? undefined : data));
    return shard.number;
  }

  /**
   * A write under AUTO distribution: the key (possibly NO_PARTITION_KEY, counted as 0 bytes) is stored but
   * plays no part in placement (service-managed-pk-producing-behavior).
   */
  private putAuto(partitionKey: string, keyBytes: number, data: Uint8Array | number, nowMs: number): number {
    const dataBytes = typeof data === 'number' ? data : data.byteLength;
    if (dataBytes + keyBytes > this.recordBytesMax) return PUT_TOO_LARGE;
    const shard = this.routes.nextAuto();
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
      this.lastThrottledShardNumber = shard.number;
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
   * Aggregate write path for very large loads (`records` records totalling `bytes` offered to one shard): see
   * `putAggregateRecords`. Returns how many were accepted.
   */
  putAggregate(shardNumber: number, records: number, bytes: number, nowMs: number): number {
    return putAggregateRecords(this, shardNumber, records, bytes, nowMs);
  }

  /** The AWS-format sequence number of a record of this stream. */
  sequenceNumber(shardNumber: number, counter: number): string {
    return renderSequenceNumber(this.epochSec, counter, shardNumber);
  }

  /** Drops data older than retention; closed shards whose data is all gone stop being listed. */
  trim(nowMs: number): void {
    trimToRetention(this, nowMs);
  }

  /** Memory-budget eviction of up to `maxEntries` oldest entries of one shard. */
  evictFrom(shard: Shard, maxEntries: number): void {
    evictOldestOf(this, shard, maxEntries);
  }

  /** Releases all storage (stream deleted). */
  release(): void {
    releaseAll(this);
    this.deleted = true;
  }

  /** Adds a shard (creation or resharding); children start counting above their parents. */
  addShard(range: HashRange, nowMs: number, startCounter: number, parent: Shard | undefined, adjacentParent: Shard | undefined): Shard {
    const shard = new Shard(this.shards.length, range, nowMs, startCounter, parent?.number, adjacentParent?.number);
    shard.setBurstCapacity(writeBurstBytesOf(this.maxRecordKiB));
    this.shards.push(shard);
    reserveShardMemory(this.ledger, 1);
    // The shard's booking shrinks the room for records: evict now, so the budget holds between writes too.
    if (this.ledger.usedBytes > this.ledger.budgetBytes) this.ledger.evict();
    parent?.addChild(shard.number);
    adjacentParent?.addChild(shard.number);
    return shard;
  }

  /** Rebuilds the routing table from the open shards (after creation or resharding). */
  rebuildRouting(): void {
    this.routes.rebuild(this.shards);
    this.shardMapVersion++;
  }

  /** Injected by the service so `putRecord` without `nowMs` reads the virtual clock. */
  clockMs: () => number = () => this.createdAtMs;
}
