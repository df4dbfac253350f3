/**
 * Resharding: SplitShard, MergeShards and UpdateShardCount(UNIFORM_SCALING) — checks at call time (status,
 * mode, ranges, adjacency, quotas, the 10-per-24h rule), then the stream goes UPDATING and the new shards
 * appear after the reshard delay. Parents close (keeping their data until retention), children start their
 * sequence counters above their parents' so a reader that finishes parents first sees rising numbers.
 */
import { DAY_MS, UPDATE_SHARD_COUNT_PER_DAY_MAX, UPDATE_SHARD_COUNT_TARGET_MAX } from './limits';
import { invalidArgument, limitExceeded, resourceNotFound, validationError } from './errors';
import type { HashRange } from './hash-range';
import { mergeRanges, planUniformScaling, splitKeyProblem, splitRange } from './hash-range';
import { shardIdOf, shardNumberOf } from './sequence-number';
import type { KinesisService } from './service';
import type { Shard } from './shard';
import type { Stream } from './stream';

/** LimitExceededException text for the account shard quota, in AWS's words (with its "Limit: N"). */
export function shardLimitMessage(service: KinesisService, open: number, extra: number): string {
  return `This request would exceed the shard limit for the account ${service.accountId} in ${service.region}. Current shard count for the account: ${open}. Limit: ${service.shardLimit}. Number of additional shards that would have resulted from this request: ${extra}. Refer to the AWS Service Limits page (http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits.`;
}

/** The shard of a ShardId, or ResourceNotFoundException. */
export function requireShard(service: KinesisService, stream: Stream, shardId: string): Shard {
  const n = shardNumberOf(shardId);
  const shard = n === undefined ? undefined : stream.shard(n);
  if (!shard || shard.expired) {
    // AWS names the shard as it resolved it ("shard-1" → shardId-000000000001).
    throw resourceNotFound(`Could not find shard ${n === undefined ? shardId : shardIdOf(n)} in stream ${stream.name} under account ${service.accountId}.`);
  }
  return shard;
}

function requireOpenForReshard(service: KinesisService, stream: Stream, shardId: string): Shard {
  const shard = requireShard(service, stream, shardId);
  if (!shard.isOpen) {
    // AWS answers InvalidArgumentException here (observed: splitting an already split shard).
    throw invalidArgument(`Shard ${shard.id} in stream ${stream.name} under account ${service.accountId} has already been merged or split, and thus is not eligible for merging or splitting.`);
  }
  return shard;
}

function requireProvisioned(stream: Stream, operation: string): void {
  if (stream.mode !== 'PROVISIONED') {
    throw validationError(`${operation} is not supported for stream ${stream.name} in ON_DEMAND mode; switch it to PROVISIONED with UpdateStreamMode first.`);
  }
}

function checkShardQuota(service: KinesisService, extraOpenShards: number): void {
  const open = service.openShardTotal();
  if (open + extraOpenShards > service.shardLimit) {
    throw limitExceeded(shardLimitMessage(service, open, extraOpenShards));
  }
}

export function splitShard(service: KinesisService, stream: Stream, shardId: string, newStartingHashKey: bigint): void {
  service.checkRate('SplitShard');
  requireProvisioned(stream, 'SplitShard');
  service.requireActive(stream, 'SplitShard');
  const shard = requireOpenForReshard(service, stream, shardId);
  const problem = splitKeyProblem(shard.range, newStartingHashKey);
  if (problem) throw invalidArgument(`${problem} (shard ${shard.id}).`);
  checkShardQuota(service, 1);
  service.beginUpdate(stream, service.delays.reshardMs, () => {
    applySplit(stream, shard, newStartingHashKey, service.nowMs);
    stream.rebuildRouting();
  });
}

export function mergeShards(service: KinesisService, stream: Stream, shardId: string, adjacentShardId: string): void {
  service.checkRate('MergeShards');
  requireProvisioned(stream, 'MergeShards');
  service.requireActive(stream, 'MergeShards');
  const a = requireOpenForReshard(service, stream, shardId);
  const b = requireOpenForReshard(service, stream, adjacentShardId);
  // ShardToMerge must be the lower shard of the pair: AWS refuses the inverted order (kinesalite's AWS-captured
  // test "should return InvalidArgumentException if adjacency is inverted").
  if (a === b || a.range.end + 1n !== b.range.start) {
    throw invalidArgument(`Shards ${a.id} and ${b.id} in stream ${stream.name} under account ${service.accountId} are not an adjacent pair of shards eligible for merging`);
  }
  service.beginUpdate(stream, service.delays.reshardMs, () => {
    applyMerge(stream, a, b, service.nowMs);
    stream.rebuildRouting();
  });
}

export interface UpdateShardCountResult {
  readonly currentShardCount: number;
  readonly targetShardCount: number;
}

export function updateShardCount(service: KinesisService, stream: Stream, target: number): UpdateShardCountResult {
  service.checkRate('UpdateShardCount');
  requireProvisioned(stream, 'UpdateShardCount');
  service.requireActive(stream, 'UpdateShardCount');
  const now = service.nowMs;
  const recent = stream.scalingHistoryMs.filter((t) => t > now - DAY_MS);
  if (recent.length >= UPDATE_SHARD_COUNT_PER_DAY_MAX) {
    throw limitExceeded(`UpdateShardCount was already called ${recent.length} times for stream ${stream.name} in the last 24 hours; the limit is ${UPDATE_SHARD_COUNT_PER_DAY_MAX} per rolling 24 hours.`);
  }
  const current = stream.openShardCount;
  if (target > current * 2) {
    throw limitExceeded(`Target shard count ${target} is more than double the current open shard count ${current} of stream ${stream.name}; scale up in steps of at most 2×.`);
  }
  if (target < Math.ceil(current / 2)) {
    throw limitExceeded(`Target shard count ${target} is less than half the current open shard count ${current} of stream ${stream.name}; scale down in steps of at most ½.`);
  }
  if (target > UPDATE_SHARD_COUNT_TARGET_MAX) {
    throw limitExceeded(`Target shard count ${target} exceeds ${UPDATE_SHARD_COUNT_TARGET_MAX} shards per stream.`);
  }
  checkShardQuota(service, Math.max(0, target - current));
  stream.scalingHistoryMs = [...recent, now];
  service.beginUpdate(stream, service.delays.reshardMs, () => applyUniformScaling(stream, target, service.nowMs));
  return { currentShardCount: current, targetShardCount: target };
}

export function applySplit(stream: Stream, parent: Shard, newStart: bigint, nowMs: number): [Shard, Shard] {
  const [low, high] = splitRange(parent.range, newStart);
  parent.close(nowMs);
  const start = parent.nextCounter;
  return [stream.addShard(low, nowMs, start, parent, undefined), stream.addShard(high, nowMs, start, parent, undefined)];
}

export function applyMerge(stream: Stream, shard: Shard, adjacent: Shard, nowMs: number): Shard {
  shard.close(nowMs);
  adjacent.close(nowMs);
  const start = Math.max(shard.nextCounter, adjacent.nextCounter);
  return stream.addShard(mergeRanges(shard.range, adjacent.range), nowMs, start, shard, adjacent);
}

/** Executes the UNIFORM_SCALING plan: intermediate shards are created and closed at once, as AWS does. */
export function applyUniformScaling(stream: Stream, target: number, nowMs: number): void {
  const open = stream.openShards();
  const steps = planUniformScaling(open.map((s) => s.range), target);
  const byRange = new Map<string, Shard>();
  const keyOf = (r: HashRange) => `${r.start}:${r.end}`;
  for (const s of open) byRange.set(keyOf(s.range), s);
  for (const step of steps) {
    if (step.kind === 'split') {
      const parent = byRange.get(keyOf(step.range))!;
      byRange.delete(keyOf(step.range));
      for (const child of applySplit(stream, parent, step.newStart, nowMs)) byRange.set(keyOf(child.range), child);
    } else {
      const left = byRange.get(keyOf(step.left))!;
      const right = byRange.get(keyOf(step.right))!;
      byRange.delete(keyOf(step.left));
      byRange.delete(keyOf(step.right));
      const child = applyMerge(stream, left, right, nowMs);
      byRange.set(keyOf(child.range), child);
    }
  }
  stream.rebuildRouting();
}
