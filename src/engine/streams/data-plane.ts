/**
 * Data-plane operations with AWS semantics and errors, in engine types (bytes, numbers, bigint): PutRecord,
 * PutRecords, GetShardIterator and GetRecords. The JSON API wraps these with wire validation and encoding;
 * iterators are plain `IteratorPosition` data that the API turns into opaque tokens.
 */
import { bigIntToHashKey } from '../hash/hash-key';
import { md5PartitionKey } from '../hash/md5';
import { expiredIterator, invalidArgument, resourceNotFound, throughputExceeded } from './errors';
import { ITERATOR_LIFETIME_MS } from './limits';
import { requireShard } from './reshard';
import { parseSequenceNumber } from './sequence-number';
import type { KinesisService } from './service';
import type { Shard } from './shard';
import type { ReadPage, RecordVisitor } from './shard-reader';
import { emptyReadPage } from './shard-reader';
import type { Stream } from './stream';
import { PUT_STREAM_GONE, PUT_THROTTLED, PUT_TOO_LARGE } from './stream';

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
  readonly partitionKey: string;
  readonly data: Uint8Array;
  readonly explicitHashKey?: bigint;
}

export type PutOutcome = { readonly ok: true; readonly shardNumber: number; readonly counter: number } | { readonly ok: false; readonly errorCode: string; readonly errorMessage: string };

/** Streams take data while ACTIVE, UPDATING or DELETING; a CREATING stream is not yet found by data calls. */
export function requireReadable(service: KinesisService, stream: Stream): void {
  if (stream.status === 'CREATING') throw resourceNotFound(`Stream ${stream.name} under account ${service.accountId} not found (it is still CREATING).`);
}

/** Writes one record; throttling is an outcome (PutRecords reports it per entry). */
export function putEntry(service: KinesisService, stream: Stream, entry: PutEntry, sequenceNumberForOrdering?: string): PutOutcome {
  const hash = entry.explicitHashKey !== undefined ? bigIntToHashKey(entry.explicitHashKey) : md5PartitionKey(entry.partitionKey, new Uint32Array(4));
  if (sequenceNumberForOrdering !== undefined) {
    const parsed = parseSequenceNumber(sequenceNumberForOrdering);
    if (!parsed) throw invalidArgument(`SequenceNumberForOrdering ${sequenceNumberForOrdering} is not a sequence number of stream ${stream.name}.`);
    const shard = stream.route(hash);
    if (parsed.counter >= shard.nextCounter) shard.nextCounter = parsed.counter + 1;
  }
  const r = stream.putRecord(entry.partitionKey, entry.data, hash, service.nowMs);
  if (r >= 0) return { ok: true, shardNumber: r, counter: stream.lastSequenceCounter };
  if (r === PUT_THROTTLED) {
    const shard = stream.route(hash);
    return {
      ok: false,
      errorCode: 'ProvisionedThroughputExceededException',
      errorMessage: `Rate exceeded for shard ${shard.id} in stream ${stream.name} under account ${service.accountId}.`,
    };
  }
  if (r === PUT_TOO_LARGE) throw invalidArgument(`Record of ${entry.data.byteLength} data bytes plus its partition key exceeds the 1 MiB record limit.`);
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
  if (!shard.admitIteratorCall(now)) {
    throw throughputExceeded(`Rate exceeded for GetShardIterator on shard ${shard.id} in stream ${stream.name} under account ${service.accountId}: at most 5 calls per second per shard.`);
  }
  const counter = startCounterFor(stream, shard, req);
  return { streamName: stream.name, streamCreatedAtMs: stream.createdAtMs, shardNumber: shard.number, counter, issuedAtMs: now };
}

/** The counter a position type starts at (shared by GetShardIterator and SubscribeToShard). */
export function startCounterFor(stream: Stream, shard: Shard, req: IteratorRequest): number {
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
        throw invalidArgument(`StartingSequenceNumber ${text} used in GetShardIterator on shard ${shard.id} in stream ${stream.name} is invalid because it did not come from this stream.`);
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
    throw resourceNotFound(`Stream ${pos.streamName} under account ${service.accountId} not found (the iterator belongs to a deleted stream).`);
  }
  if (service.nowMs - pos.issuedAtMs > ITERATOR_LIFETIME_MS) {
    throw expiredIterator(`Iterator expired. The iterator was created at time ${new Date(pos.issuedAtMs).toUTCString()} while right now it is ${new Date(service.nowMs).toUTCString()} which is further in the future than the tolerated delay of ${ITERATOR_LIFETIME_MS} milliseconds.`);
  }
  const shard = stream.shard(pos.shardNumber);
  if (!shard || shard.expired) throw resourceNotFound(`Shard ${pos.shardNumber} of stream ${stream.name} under account ${service.accountId} not found.`);
  return { stream, shard };
}

export function getRecords(service: KinesisService, pos: IteratorPosition, limit: number, visit: RecordVisitor): GetRecordsResult {
  const { stream, shard } = resolveIterator(service, pos);
  const now = service.nowMs;
  const page = emptyReadPage();
  if (!stream.getRecords(shard.number, pos.counter, limit, now, page, visit)) {
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
