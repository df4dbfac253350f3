/**
 * One shard: its hash-key range and lineage, its sequence counter, its log, its per-second write/read
 * admission windows and its cumulative counters. Admission is O(1): fixed one-second windows aligned to the
 * virtual clock's seconds, so no aligned second ever holds more than the limit.
 */
import { bigIntToHashKey } from '../hash/hash-key';
import type { HashRange } from './hash-range';
import {
  GET_SHARD_ITERATOR_PER_SEC_MAX,
  READ_BYTES_PER_SEC_MAX,
  READ_CALLS_PER_SEC_MAX,
  WRITE_BYTES_PER_SEC_MAX,
  WRITE_RECORDS_PER_SEC_MAX,
} from './limits';
import { shardIdOf } from './sequence-number';
import { ShardLog } from './shard-log';

// Module-local copies of the per-record limits: imported bindings can compile to property getters.
const WRITE_RECORDS_MAX = WRITE_RECORDS_PER_SEC_MAX;
const WRITE_BYTES_MAX = WRITE_BYTES_PER_SEC_MAX;

/**
 * Cumulative per-shard counters (never reset). Metrics sample them once per virtual second and take
 * differences; `accepted = retained + expired + evicted` holds for records and bytes at all times.
 */
export interface ShardCounters {
  /** Records/bytes accepted (bytes = data bytes; `incomingBytesWithKeys` adds partition-key bytes). */
  incomingRecords: number;
  incomingBytes: number;
  incomingBytesWithKeys: number;
  /** Records refused by the write limits, and their bytes. */
  throttledWriteRecords: number;
  throttledWriteBytes: number;
  /** GetRecords calls served, and refused by the read limits. */
  readCalls: number;
  throttledReadCalls: number;
  throttledIteratorCalls: number;
  /** Records/bytes returned to readers (shared GetRecords and enhanced fan-out). */
  outgoingRecords: number;
  outgoingBytes: number;
  /** Removed by retention, and by the simulator's memory budget. */
  expiredRecords: number;
  expiredBytes: number;
  evictedRecords: number;
  evictedBytes: number;
}

export function emptyShardCounters(): ShardCounters {
  return {
    incomingRecords: 0, incomingBytes: 0, incomingBytesWithKeys: 0, throttledWriteRecords: 0, throttledWriteBytes: 0,
    readCalls: 0, throttledReadCalls: 0, throttledIteratorCalls: 0, outgoingRecords: 0, outgoingBytes: 0,
    expiredRecords: 0, expiredBytes: 0, evictedRecords: 0, evictedBytes: 0,
  };
}

const NO_CHILDREN: readonly number[] = Object.freeze([]);

export class Shard {
  readonly id: string;
  readonly log = new ShardLog();
  readonly counters: ShardCounters = emptyShardCounters();
  /**
   * Children from resharding (at most two). Replaced, never pushed to: an array literal is allocated at its
   * exact length, where a push onto `[]` reserves 16 slots — ~130 bytes on each of the thousands of closed
   * parent shards a day of hourly resharding keeps listed (heap snapshots of the soak).
   */
  childNumbers: readonly number[] = NO_CHILDREN;
  /** Next sequence counter to hand out; the first record gets `startCounter`. */
  nextCounter: number;
  closedAtMs: number | undefined;
  /** Last counter the closed shard can hold (≥ every record in it). */
  endCounter: number | undefined;
  /** Set once a closed shard's data has all passed retention: it no longer appears in listings. */
  expired = false;
  /**
   * The metrics sampler's list of closed shards to sample next second (it walks only open shards and these):
   * a read of a closed shard adds it once (`noteClosedRead`), so a day's thousands of idle closed shards cost
   * nothing per second.
   */
  sampleQueue: number[] | undefined;
  sampleQueued = false;

  // Write window (current virtual second).
  writeSecond = -1;
  writeBytesThisSec = 0;
  writeRecordsThisSec = 0;
  /**
   * Large-record burst (large-records.html: the shard's write capacity is a tank that a large record drains
   * and that refills at the sustained rate). Credit is the 1 MiB/s window capacity left unused in past
   * seconds, held up to `burstCapacityBytes` (0 for streams at the default 1 MiB maximum record size, so
   * their admission is exactly the fixed window). A record that overflows this second's window draws the
   * overflow from the credit; so a 10 MiB record passes an idle shard and the average stays 1 MiB/s.
   */
  burstCapacityBytes = 0;
  burstCreditBytes = 0;
  private writeWindowStartMs = 0;
  private writeWindowEndMs = Number.NEGATIVE_INFINITY;
  // Shared read window; a call that overdraws the per-second byte budget blocks reads until its debt is repaid.
  private readSecond = -1;
  private readCallsThisSec = 0;
  private readBytesThisSec = 0;
  private readBlockedUntilMs = 0;
  private iteratorSecond = -1;
  private iteratorCallsThisSec = 0;

  constructor(
    readonly number: number,
    readonly range: HashRange,
    readonly createdAtMs: number,
    readonly startCounter: number,
    readonly parentNumber: number | undefined,
    readonly adjacentParentNumber: number | undefined,
  ) {
    this.id = shardIdOf(number);
    this.nextCounter = startCounter;
  }

  // The range as 4×uint32 words, for routing open shards only: made on first use and dropped when the shard
  // closes, so the thousands of closed shards a day of resharding leaves do not each keep two typed arrays.
  private words: [Uint32Array, Uint32Array] | undefined;

  get startWords(): Uint32Array {
    return (this.words ??= [bigIntToHashKey(this.range.start), bigIntToHashKey(this.range.end)])[0];
  }

  get endWords(): Uint32Array {
    return (this.words ??= [bigIntToHashKey(this.range.start), bigIntToHashKey(this.range.end)])[1];
  }

  get isOpen(): boolean {
    return this.closedAtMs === undefined;
  }

  /** Admits a write of `records` totalling `bytesWithKeys` in the second of `nowMs`, or refuses it whole. */
  admitWrite(records: number, bytesWithKeys: number, nowMs: number): boolean {
    // The window's bounds in ms spare a division per record; the second changes at most once per 1,000 ms.
    if (nowMs >= this.writeWindowEndMs || nowMs < this.writeWindowStartMs) {
      const second = Math.floor(nowMs / 1000);
      if (this.burstCapacityBytes > 0) this.refillBurst(second);
      this.writeSecond = second;
      this.writeWindowStartMs = second * 1000;
      this.writeWindowEndMs = this.writeWindowStartMs + 1000;
      this.writeBytesThisSec = 0;
      this.writeRecordsThisSec = 0;
    }
    if (this.writeRecordsThisSec + records > WRITE_RECORDS_MAX) return false;
    const bytesAfter = this.writeBytesThisSec + bytesWithKeys;
    if (bytesAfter > WRITE_BYTES_MAX) {
      const overflow = bytesAfter - Math.max(WRITE_BYTES_MAX, this.writeBytesThisSec);
      if (overflow > this.burstCreditBytes) return false;
      this.burstCreditBytes -= overflow;
    }
    this.writeRecordsThisSec += records;
    this.writeBytesThisSec = bytesAfter;
    return true;
  }

  /** Sets the burst a record of the stream's maximum size needs; raising it fills the tank (it starts full). */
  setBurstCapacity(bytes: number): void {
    if (bytes > this.burstCapacityBytes) this.burstCreditBytes = bytes;
    this.burstCapacityBytes = bytes;
    this.burstCreditBytes = Math.min(this.burstCreditBytes, bytes);
  }

  /** Adds the window capacity left unused since the last written second to the burst credit. */
  private refillBurst(second: number): void {
    if (this.writeSecond < 0) return;
    const lastUnused = Math.max(0, WRITE_BYTES_MAX - this.writeBytesThisSec);
    const idleSeconds = Math.max(0, second - this.writeSecond - 1);
    this.burstCreditBytes = Math.min(this.burstCapacityBytes, this.burstCreditBytes + lastUnused + idleSeconds * WRITE_BYTES_MAX);
  }

  /** Records still admissible this second (for the aggregate path). */
  writeHeadroom(nowMs: number): { records: number; bytes: number } {
    const second = Math.floor(nowMs / 1000);
    if (second !== this.writeSecond) return { records: WRITE_RECORDS_PER_SEC_MAX, bytes: WRITE_BYTES_PER_SEC_MAX };
    return { records: WRITE_RECORDS_PER_SEC_MAX - this.writeRecordsThisSec, bytes: WRITE_BYTES_PER_SEC_MAX - this.writeBytesThisSec };
  }

  /** Whether a GetRecords call may run now (5 calls/s and no outstanding byte debt); counts the call either way. */
  admitReadCall(nowMs: number): boolean {
    this.noteClosedRead();
    this.rollReadWindow(nowMs);
    if (nowMs < this.readBlockedUntilMs || this.readCallsThisSec >= READ_CALLS_PER_SEC_MAX) {
      this.counters.throttledReadCalls++;
      return false;
    }
    this.readCallsThisSec++;
    this.counters.readCalls++;
    return true;
  }

  /**
   * Charges bytes a call returned against the 2 MiB/s budget. Overdrawing (a call may return up to 10 MiB)
   * blocks further calls until the debt is repaid: a 10 MiB answer blocks the next ~5 s (spec §6).
   */
  chargeReadBytes(bytes: number, nowMs: number): void {
    this.rollReadWindow(nowMs);
    this.readBytesThisSec += bytes;
    if (this.readBytesThisSec > READ_BYTES_PER_SEC_MAX) {
      const secondsOfBudgetUsed = Math.ceil(this.readBytesThisSec / READ_BYTES_PER_SEC_MAX);
      this.readBlockedUntilMs = Math.max(this.readBlockedUntilMs, (this.readSecond + secondsOfBudgetUsed) * 1000);
    }
  }

  /** Bytes a call may still return this second before it starts to overdraw. */
  readBytesLeftThisSec(nowMs: number): number {
    this.rollReadWindow(nowMs);
    return Math.max(0, READ_BYTES_PER_SEC_MAX - this.readBytesThisSec);
  }

  admitIteratorCall(nowMs: number): boolean {
    const second = Math.floor(nowMs / 1000);
    if (second !== this.iteratorSecond) {
      this.iteratorSecond = second;
      this.iteratorCallsThisSec = 0;
    }
    if (this.iteratorCallsThisSec >= GET_SHARD_ITERATOR_PER_SEC_MAX) {
      this.counters.throttledIteratorCalls++;
      return false;
    }
    this.iteratorCallsThisSec++;
    return true;
  }

  /** Read counters of a closed shard are about to change: the sampler must look at it next second. */
  noteClosedRead(): void {
    if (this.sampleQueue !== undefined && !this.sampleQueued) {
      this.sampleQueued = true;
      this.sampleQueue.push(this.number);
    }
  }

  addChild(number: number): void {
    const c = this.childNumbers;
    this.childNumbers = c.length === 0 ? [number] : c.length === 1 ? [c[0], number] : [...c, number];
  }

  close(nowMs: number): void {
    this.closedAtMs = nowMs;
    this.endCounter = Math.max(this.startCounter, this.nextCounter - 1);
    this.words = undefined;
    this.log.seal();
  }

  private rollReadWindow(nowMs: number): void {
    const second = Math.floor(nowMs / 1000);
    if (second !== this.readSecond) {
      this.readSecond = second;
      this.readCallsThisSec = 0;
      this.readBytesThisSec = 0;
    }
  }
}
