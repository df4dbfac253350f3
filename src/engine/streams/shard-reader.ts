/**
 * Reading a shard from a position (a sequence counter): one pass over entries that fills a reusable page of
 * totals and, when asked, calls a visitor per record. Aggregate buckets are consumed partially by record
 * count with their average record size, so aggregate consumers get lag and iterator age without payloads.
 * No admission here: `readShard` is the kernel; every reader of a stream goes through a `ShardReader`
 * (readers.ts), which adds its own limits — shared GetRecords throughput, an enhanced fan-out budget, or none.
 */
import type { Shard } from './shard';

/** Totals of one read; reuse one object across calls to keep reads allocation-free. */
export interface ReadPage {
  records: number;
  bytes: number;
  /** Position after the read: the counter of the next record to read. */
  nextCounter: number;
  /** Arrival time of the last record returned (NaN when none). */
  lastArrivalMs: number;
  /**
   * MillisBehindLatest as AWS defines it: how far the returned position is behind the tip of the shard — the
   * newest record's arrival minus the arrival of the last record returned (of the next unread one when none
   * was returned); 0 when caught up (API_GetRecords: "A value of zero indicates that record processing is
   * caught up"). Reading a record 2 s older than the newest gives ~2,000.
   */
  millisBehindLatest: number;
  /** True when the shard is closed and everything up to its end has been read. */
  atShardEnd: boolean;
  /** True when the reader's limits refused the read (ReadProvisionedThroughputExceeded); nothing else on the page is set then. */
  throttled: boolean;
}

export function emptyReadPage(): ReadPage {
  return { records: 0, bytes: 0, nextCounter: 0, lastArrivalMs: Number.NaN, millisBehindLatest: 0, atShardEnd: false, throttled: false };
}

/**
 * The one interface every reader of a stream reads through: KCL-style polling, enhanced fan-out (in-engine
 * consumers and SubscribeToShard), Lambda event-source mappings, Firehose's and Analytics' Kinesis sources,
 * schema discovery, channels and the data viewer (GetRecords). One call reads shard `shardNumber` from
 * `fromCounter`, up to `maxRecords` records and `maxBytes` data bytes, into `page`: the records (and `visit`
 * per record), the next position, MillisBehindLatest and whether the shard is finished. Returns false when
 * nothing was read because the reader's limits refused the call (`page.throttled`) or the shard does not exist.
 */
export interface ShardReader {
  read(shardNumber: number, fromCounter: number, maxRecords: number, maxBytes: number, nowMs: number, page: ReadPage, visit?: RecordVisitor): boolean;
}

/** Called once per record read; `key` is '' and `payload` undefined for records of an aggregate bucket. */
export type RecordVisitor = (counter: number, arrivalMs: number, key: string, dataBytes: number, payload: Uint8Array | undefined) => void;

/**
 * Reads up to `maxRecords` records and `maxBytes` data bytes from `fromCounter`. A record larger than the
 * remaining byte budget ends the page, except that the first record is always returned when
 * `alwaysFirst` is set (GetRecords never stalls on one big record).
 */
export function readShard(
  shard: Shard,
  fromCounter: number,
  maxRecords: number,
  maxBytes: number,
  _nowMs: number,
  page: ReadPage,
  visit?: RecordVisitor,
  alwaysFirst = true,
): ReadPage {
  const log = shard.log;
  page.throttled = false;
  page.records = 0;
  page.bytes = 0;
  page.lastArrivalMs = Number.NaN;
  let position = fromCounter;
  let index = log.seekCounter(position);
  const end = log.endIndex;
  // Records before the first retained entry at or after the position are gone (expired, evicted or never
  // written), so the position jumps over them.
  position = Math.max(position, index < end ? log.firstCounterAt(index) : shard.nextCounter);
  while (index < end && page.records < maxRecords) {
    const first = log.firstCounterAt(index);
    const count = log.countAt(index);
    const bytes = log.bytesAt(index);
    const arrivalMs = log.arrivalMsAt(index);
    if (count === 1) {
      if (page.bytes + bytes > maxBytes && !(alwaysFirst && page.records === 0)) break;
      visit?.(first, arrivalMs, log.keyAt(index), bytes, log.payloadAt(index));
      page.records++;
      page.bytes += bytes;
      page.lastArrivalMs = arrivalMs;
      position = first + 1;
      index++;
      continue;
    }
    // Aggregate bucket: take as many of its remaining records as the limits allow.
    const skip = position - first;
    const avg = bytes / count;
    let take = Math.min(count - skip, maxRecords - page.records);
    if (avg > 0) take = Math.min(take, Math.floor((maxBytes - page.bytes) / avg));
    if (take <= 0 && alwaysFirst && page.records === 0) take = 1;
    if (take <= 0) break;
    if (visit) for (let k = 0; k < take; k++) visit(position + k, arrivalMs, '', avg, undefined);
    page.records += take;
    page.bytes += take * avg;
    page.lastArrivalMs = arrivalMs;
    position += take;
    if (skip + take === count) index++;
    else break;
  }
  page.nextCounter = position;
  if (index < end) {
    const tipMs = log.arrivalMsAt(end - 1);
    const positionMs = page.records > 0 ? page.lastArrivalMs : log.arrivalMsAt(index);
    page.millisBehindLatest = Math.max(0, tipMs - positionMs);
  } else {
    page.millisBehindLatest = 0;
  }
  // A closed shard takes no writes, so once nothing is left after the position the reader is at its end.
  page.atShardEnd = !shard.isOpen && index >= end;
  return page;
}
