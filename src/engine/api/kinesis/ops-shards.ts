/** Shard operations: ListShards (filters, paging), SplitShard, MergeShards, UpdateShardCount. */
import { parseDecimalHashKey } from '../../hash/hash-key';
import { invalidArgument, resourceInUse } from '../../streams/errors';
import { mergeShards, splitShard, updateShardCount } from '../../streams/reshard';
import { shardNumberOf } from '../../streams/sequence-number';
import type { KinesisService } from '../../streams/service';
import type { Shard } from '../../streams/shard';
import type { Stream } from '../../streams/stream';
import { decodeListToken, encodeListToken } from './tokens';
import type { Doc } from './wire';
import { NO_OUTPUT, shardDoc } from './wire';

const LIST_SHARDS_DEFAULT = 1000;

interface ShardFilter {
  readonly Type: string;
  readonly ShardId?: string;
  /** Epoch ms (validation converted it). */
  readonly Timestamp?: number;
}

/** Whether a shard was open at time `t`: created by then and not closed before it. */
function openAt(shard: Shard, t: number): boolean {
  return shard.createdAtMs <= t && (shard.closedAtMs === undefined || shard.closedAtMs > t);
}

function applyFilter(stream: Stream, shards: Shard[], filter: ShardFilter | undefined, nowMs: number): Shard[] {
  if (!filter) return shards;
  const horizon = Math.max(stream.createdAtMs, nowMs - stream.retentionMs);
  switch (filter.Type) {
    case 'AFTER_SHARD_ID': {
      if (filter.ShardId === undefined) throw invalidArgument('ShardFilter of type AFTER_SHARD_ID needs a ShardId.');
      const n = shardNumberOf(filter.ShardId) ?? -1;
      return shards.filter((s) => s.number > n);
    }
    case 'AT_TRIM_HORIZON':
      return shards.filter((s) => openAt(s, horizon));
    case 'FROM_TRIM_HORIZON':
      return shards;
    case 'AT_LATEST':
      return shards.filter((s) => s.isOpen);
    case 'AT_TIMESTAMP':
    case 'FROM_TIMESTAMP': {
      if (filter.Timestamp === undefined) throw invalidArgument(`ShardFilter of type ${filter.Type} needs a Timestamp.`);
      const t = Math.max(filter.Timestamp, stream.createdAtMs);
      return filter.Type === 'AT_TIMESTAMP' ? shards.filter((s) => openAt(s, t)) : shards.filter((s) => s.closedAtMs === undefined || s.closedAtMs > t);
    }
    default:
      throw invalidArgument(`Unknown ShardFilter type ${filter.Type}.`);
  }
}

export function listShards(service: KinesisService, input: Doc): Doc {
  const now = service.nowMs;
  let stream: Stream;
  let after: number | undefined;
  let filter = input.ShardFilter as ShardFilter | undefined;
  let maxResults = (input.MaxResults as number | undefined) ?? LIST_SHARDS_DEFAULT;
  if (input.NextToken !== undefined) {
    if (input.StreamName !== undefined || input.StreamARN !== undefined) {
      throw invalidArgument('NextToken and StreamName cannot be provided together.');
    }
    const token = decodeListToken(input.NextToken as string, 'shards', now);
    stream = service.resolve({ StreamName: token.streamName });
    if (stream.createdAtMs !== token.streamCreatedAtMs) throw invalidArgument('The NextToken belongs to a deleted stream of the same name.');
    after = token.after as number;
    filter = (token.filter as ShardFilter | undefined) ?? filter;
    maxResults = (input.MaxResults as number | undefined) ?? token.maxResults ?? maxResults;
  } else {
    stream = service.resolve(input);
    const start = input.ExclusiveStartShardId as string | undefined;
    if (start !== undefined) after = shardNumberOf(start) ?? -1;
  }
  if (stream.status === 'CREATING') throw resourceInUse(`Stream ${stream.name} under account ${service.accountId} is CREATING; list its shards once it is ACTIVE.`);
  let shards = stream.listedShards();
  if (after !== undefined) shards = shards.filter((s) => s.number > after);
  shards = applyFilter(stream, shards, filter, now);
  const page = shards.slice(0, maxResults);
  const doc: Doc = { Shards: page.map((s) => shardDoc(stream, s)) };
  if (shards.length > maxResults) {
    doc.NextToken = encodeListToken({
      list: 'shards', streamName: stream.name, streamCreatedAtMs: stream.createdAtMs, after: page[page.length - 1].number,
      maxResults, filter, issuedAtMs: now,
    });
  }
  return doc;
}

export function splitShardOp(service: KinesisService, input: Doc): Doc {
  const key = parseDecimalHashKey(input.NewStartingHashKey as string);
  if (key === undefined) throw invalidArgument(`NewStartingHashKey ${input.NewStartingHashKey as string} is not a hash key in 0…2^128−1.`);
  splitShard(service, service.resolve(input), input.ShardToSplit as string, key);
  return NO_OUTPUT;
}

export function mergeShardsOp(service: KinesisService, input: Doc): Doc {
  mergeShards(service, service.resolve(input), input.ShardToMerge as string, input.AdjacentShardToMerge as string);
  return NO_OUTPUT;
}

export function updateShardCountOp(service: KinesisService, input: Doc): Doc {
  const stream = service.resolve(input);
  const r = updateShardCount(service, stream, input.TargetShardCount as number);
  return { StreamName: stream.name, CurrentShardCount: r.currentShardCount, TargetShardCount: r.targetShardCount, StreamARN: stream.arn };
}
