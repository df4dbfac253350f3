/**
 * Data-plane operations with AWS semantics and errors, in engine types (bytes, numbers, bigint): PutRecord,
 * PutRecords, GetShardIterator and GetRecords. The JSON API wraps these with wire validation and encoding;
 * iterators are plain `IteratorPosition` data that the API turns into opaque tokens.
 */
import { bigIntToHashKey } from '../hash/hash-key';
import { md5PartitionKey, utf8ByteLength } from '../hash/md5';
import { expiredIterator, invalidArgument, resourceNotFound, throughputExceeded } from './errors';
import { GET_RECORDS_BYTES_MAX, ITERATOR_LIFETIME_MS, putRecordsBytesMaxOf } from './limits';
import { requireShard } from './reshard';
import { parseSequenceNumber } from './sequence-number';
import type { KinesisService } from './service';
import type { Shard } from './shard';
import { NO_PARTITION_KEY } from './shard-log';
import type { ReadPage, RecordVisitor } from './shard-reader';
import { emptyReadPage } from './shard-reader';
import type { Stream } from './stream';
import { PUT_STREAM_GONE, PUT_THROTTLED, PUT_TOO_LARGE, type BatchOutcome, type PutOutcome } from './put-outcome';

export type ShardIteratorType = 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER' | 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';

/** What an iterator token carries. */
export interface IteratorPosition {
  readonly streamName: string;
  readonly streamCreatedAtMs: number;
  readonly shardNumber: number;
  readonly counter: number;
  readonly issuedAtMs: number;
}

export interface PutEntry {
  /** Absent only on AUTO streams (stored as NO_PARTITION_KEY, read back without a key). */
  readonly partitionKey: string | undefined;
  readonly data: Uint8Array;
  readonly explicitHashKey?: bigint;
}

export type { PutOutcome, BatchOutcome } from './put-outcome';

/** Streams take data while ACTIVE, UPDATING or DELETING; a CREATING stream is not yet found by data calls. */
export function requireReadable(service: KinesisService, stream: Stream): void {
  if (stream.status === 'CREATING') throw resourceNotFound(`Stream ${stream.name} under account ${service.accountId} not found.`);
}

/**
 * Writes one record; throttling is an outcome (PutRecords reports it per entry). Under RecordDistributionStrategy
 * AUTO the key and ExplicitHashKey are ignored for placement and SequenceNumberForOrdering is refused
 * (docs.aws.amazon.com/streams/latest/dev/service-managed-pk-producing-behavior.html).
 */
export function putEntry(service: KinesisService, stream: Stream, entry: PutEntry, sequenceNumberForOrdering?: string): PutOutcome {
  if (stream.distribution === 'AUTO') return putAutoEntry(service, stream, entry, sequenceNumberForOrdering);
  if (entry.partitionKey === undefined) {
    // service-managed-pk-transition: "After you switch to user-managed distribution, producers that omit a
    // partition key fail".
    throw invalidArgument(`PartitionKey is required: stream ${stream.name} under account ${service.accountId} uses the USER_PARTITION_KEY record distribution strategy.`);
  }
  const hash = entry.explicitHashKey !== undefined ? bigIntToHashKey(entry.explicitHashKey) : md5PartitionKey(entry.partitionKey, new Uint32Array(4));
  if (sequenceNumberForOrdering !== undefined) {
    const parsed = parseSequenceNumber(sequenceNumberForOrdering);
    if (!parsed) throw invalidArgument(`SequenceNumberForOrdering ${sequenceNumberForOrdering} is not a sequence number of stream ${stream.name}.`);
    const shard = stream.route(hash);
    if (parsed.counter >= shard.nextCounter) shard.nextCounter = parsed.counter + 1;
  }
  return outcomeOf(service, stream, stream.putRecord(entry.partitionKey, entry.data, hash, service.nowMs), entry);
}

/**
 * The one producer-to-stream batch write, with PutRecords semantics: the whole batch is refused when its
 * records (data plus partition keys) exceed the call's size limit — 5 MiB, 10 MiB on a stream whose maximum
 * record size is over 1 MiB — ("Records size exceeds 5 MB limit", as the service words it); otherwise every
 * record is written in order and answers its own outcome (a throttled record fails alone).
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html
 */
export function putBatch(service: KinesisService, stream: Stream, entries: readonly PutEntry[]): BatchOutcome {
  let total = 0;
  for (const e of entries) total += e.data.byteLength + (e.partitionKey === undefined ? 0 : utf8ByteLength(e.partitionKey));
  const limit = putRecordsBytesMaxOf(stream.maxRecordSizeKiB);
  // AWS's wording (seen by aws/amazon-kinesis-streams-for-fluent-bit#21): "Records size exceeds 5 MB limit".
  if (total > limit) throw invalidArgument(`Records size exceeds ${limit / 1_048_576} MB limit`);
  let failed = 0;
  const records = entries.map((entry) => {
    const outcome = putEntry(service, stream, entry);
    if (!outcome.ok) failed++;
    return outcome;
  });
  return { failed, records };
}

function putAutoEntry(service: KinesisService, stream: Stream, entry: PutEntry, sequenceNumberForOrdering: string | undefined): PutOutcome {
  if (sequenceNumberForOrdering !== undefined) {
    throw invalidArgument(`SequenceNumberForOrdering is not supported for stream ${stream.name} under account ${service.accountId}: its record distribution strategy is AUTO, which does not order records.`);
  }
  const key = entry.partitionKey ?? NO_PARTITION_KEY;
  const keyBytes = entry.partitionKey === undefined ? 0 : utf8ByteLength(entry.partitionKey);
  return outcomeOf(service, stream, stream.putRecordToShard(-1, key, keyBytes, entry.data, service.nowMs), entry);
}

function outcomeOf(service: KinesisService, stream: Stream, r: number, entry: PutEntry): PutOutcome {
  if (r >= 0) return { ok: true, shardNumber: r, counter: stream.lastSequenceCounter };
  if (r === PUT_THROTTLED) {
    const shard = stream.shards[stream.lastThrottledShardNumber];
    return {
      ok: false,
      errorCode: 'ProvisionedThroughputExceededException',
      errorMessage: `Rate exceeded for shard ${shard.id} in stream ${stream.name} under account ${service.accountId}.`,
    };
  }
  if (r === PUT_TOO_LARGE) {
    throw invalidArgument(`Record of ${entry.data.byteLength} data bytes plus its partition key exceeds the maximum record size of ${stream.maxRecordSizeKiB} KiB of stream ${stream.name}.`);
  }
  if (r === PUT_STREAM_GONE) throw resourceNotFound(`Stream ${stream.name} under account ${service.accountId} not found.`);
  throw new Error(`unknown put outcome ${r}`);
}

export interface IteratorRequest {
  readonly shardId: string;
  readonly type: ShardIteratorType;
  readonly startingSequenceNumber?: string;
  readonly timestampMs?: number;
}

export function getShardIterator(service: KinesisService, stream: Stream, req: IteratorRequest): IteratorPosition {
  requireReadable(service, stream);
  const shard = requireShard(service, stream, req.shardId);
  const now = service.nowMs;
  const needsSeq = req.type === 'AT_SEQUENCE_NUMBER' || req.type === 'AFTER_SEQUENCE_NUMBER';
  if (needsSeq && req.startingSequenceNumber === undefined) {
    throw invalidArgument(`You must specify a StartingSequenceNumber for the ${req.type} ShardIteratorType.`);
  }
  if (!needsSeq && req.startingSequenceNumber !== undefined) {
    throw invalidArgument(`You cannot specify a StartingSequenceNumber for the ${req.type} ShardIteratorType.`);
  }
  if (req.type === 'AT_TIMESTAMP' && req.timestampMs === undefined) {
    throw invalidArgument('You must specify a Timestamp for the AT_TIMESTAMP ShardIteratorType.');
  }
  if (req.type !== 'AT_TIMESTAMP' && req.timestampMs !== undefined) {
    throw invalidArgument(`You cannot specify a Timestamp for the ${req.type} ShardIteratorType.`);
  }
  if (req.type === 'AT_TIMESTAMP') checkTimestampNotInFuture(req.timestampMs!, now);
  if (!shard.admitIteratorCall(now)) {
    throw throughputExceeded(`Rate exceeded for GetShardIterator on shard ${shard.id} in stream ${stream.name} under account ${service.accountId}: at most 5 calls per second per shard.`);
  }
  const counter = startCounterFor(stream, shard, req, service.accountId);
  return { streamName: stream.name, streamCreatedAtMs: stream.createdAtMs, shardNumber: shard.number, counter, issuedAtMs: now };
}

/** An AT_TIMESTAMP position may not lie in the future (AWS's words: aws/aws-sdk-java#2588, amazon-kinesis-connector-flink#13). */
export function checkTimestampNotInFuture(timestampMs: number, nowMs: number): void {
  if (timestampMs > nowMs) {
    throw invalidArgument(`The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: ${timestampMs}, currentTimestampInMillis: ${nowMs}`);
  }
}

/** The counter a position type starts at (shared by GetShardIterator and SubscribeToShard). */
export function startCounterFor(stream: Stream, shard: Shard, req: IteratorRequest, accountId: string): number {
  switch (req.type) {
    case 'TRIM_HORIZON':
      return shard.startCounter;
    case 'LATEST':
      return shard.nextCounter;
    case 'AT_TIMESTAMP': {
      const index = shard.log.seekTime(req.timestampMs!);
      return index < shard.log.endIndex ? shard.log.firstCounterAt(index) : shard.nextCounter;
    }
    case 'AT_SEQUENCE_NUMBER':
    case 'AFTER_SEQUENCE_NUMBER': {
      const text = req.startingSequenceNumber!;
      const parsed = parseSequenceNumber(text);
      const lastCounter = shard.endCounter ?? shard.nextCounter - 1;
      if (!parsed || parsed.streamEpochSec !== stream.epochSec % 1e10 || parsed.shardNumber !== shard.number || parsed.counter > Math.max(lastCounter, shard.startCounter)) {
        // AWS's wording (seen in KCL logs): "… in stream X under account Y is invalid because it did not come from this stream."
        throw invalidArgument(`StartingSequenceNumber ${text} used in GetShardIterator on shard ${shard.id} in stream ${stream.name} under account ${accountId} is invalid because it did not come from this stream.`);
      }
      return req.type === 'AT_SEQUENCE_NUMBER' ? parsed.counter : parsed.counter + 1;
    }
  }
}

export interface ChildShardInfo {
  readonly shard: Shard;
  readonly parentIds: string[];
}

export interface GetRecordsResult {
  readonly page: ReadPage;
  /** Absent at the end of a closed shard. */
  readonly next: IteratorPosition | undefined;
  /** Present once a closed shard has been read to its end. */
  readonly childShards: ChildShardInfo[] | undefined;
}

/** Resolves an iterator: the stream must be the same incarnation, the iterator younger than 5 minutes. */
export function resolveIterator(service: KinesisService, pos: IteratorPosition): { stream: Stream; shard: Shard } {
  const stream = service.stream(pos.streamName);
  if (!stream || stream.createdAtMs !== pos.streamCreatedAtMs) {
    throw resourceNotFound(`Stream ${pos.streamName} under account ${service.accountId} not found.`);
  }
  if (service.nowMs - pos.issuedAtMs > ITERATOR_LIFETIME_MS) {
    throw expiredIterator(`Iterator expired. The iterator was created at time ${javaDateString(pos.issuedAtMs)} while right now it is ${javaDateString(service.nowMs)} which is further in the future than the tolerated delay of ${ITERATOR_LIFETIME_MS} milliseconds.`);
  }
  const shard = stream.shard(pos.shardNumber);
  if (!shard || shard.expired) throw resourceNotFound(`Shard ${pos.shardNumber} of stream ${stream.name} under account ${service.accountId} not found.`);
  return { stream, shard };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date as the service prints it (Java's Date.toString in UTC): "Mon Jan 01 00:06:00 UTC 2018". */
export function javaDateString(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

export function getRecords(service: KinesisService, pos: IteratorPosition, limit: number, visit: RecordVisitor): GetRecordsResult {
  const { stream, shard } = resolveIterator(service, pos);
  const now = service.nowMs;
  const page = emptyReadPage();
  if (!stream.shared.read(shard.number, pos.counter, limit, GET_RECORDS_BYTES_MAX, now, page, visit)) {
    throw throughputExceeded(`Rate exceeded for shard ${shard.id} in stream ${stream.name} under account ${service.accountId}: GetRecords allows 5 calls and 2 MiB per second per shard.`);
  }
  if (page.atShardEnd) return { page, next: undefined, childShards: childShardsOf(stream, shard) };
  return { page, next: { ...pos, counter: page.nextCounter, issuedAtMs: now }, childShards: undefined };
}

export function childShardsOf(stream: Stream, shard: Shard): ChildShardInfo[] {
  return shard.childNumbers.map((n) => {
    const child = stream.shards[n];
    const parents = [child.parentNumber, child.adjacentParentNumber].filter((p): p is number => p !== undefined);
    return { shard: child, parentIds: parents.map((p) => stream.shards[p].id) };
  });
}
