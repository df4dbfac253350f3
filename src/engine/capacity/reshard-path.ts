/**
 * Resharding arithmetic for the planner (spec §4.3): the shortest UpdateShardCount sequence between
 * two shard counts, and the even split of the 128-bit hash key space that CreateStream and
 * UpdateShardCount (UNIFORM_SCALING) produce.
 */
import { UPDATE_SHARD_COUNT_CALLS_PER_DAY } from './units';

export interface ReshardPlan {
  readonly from: number;
  readonly to: number;
  /** Target of each UpdateShardCount call, in order; empty when from = to. */
  readonly steps: readonly number[];
  /** More calls than the 10 per rolling 24 h allowed per stream. */
  readonly exceedsDailyCallLimit: boolean;
}

/** Each call may at most double or halve the open shard count, so greedy steps are shortest. */
export function planUpdateShardCount(from: number, to: number): ReshardPlan {
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 1 && to >= 1)) {
    throw new RangeError(`shard counts must be integers ≥ 1, got ${from} → ${to}`);
  }
  const steps: number[] = [];
  let cur = from;
  while (cur !== to) {
    cur = to > cur ? Math.min(to, cur * 2) : Math.max(to, Math.ceil(cur / 2));
    steps.push(cur);
  }
  return { from, to, steps, exceedsDailyCallLimit: steps.length > UPDATE_SHARD_COUNT_CALLS_PER_DAY };
}

export const HASH_SPACE = 1n << 128n;

export interface HashRange {
  readonly startingHashKey: bigint;
  readonly endingHashKey: bigint;
}

/** Shard i of an even split into n: [floor(i·2¹²⁸/n), floor((i+1)·2¹²⁸/n) − 1]. */
export function evenSplitRange(index: number, shardCount: number): HashRange {
  const n = BigInt(shardCount);
  const i = BigInt(index);
  return { startingHashKey: (i * HASH_SPACE) / n, endingHashKey: ((i + 1n) * HASH_SPACE) / n - 1n };
}

export function evenSplitRanges(shardCount: number): HashRange[] {
  return Array.from({ length: shardCount }, (_, i) => evenSplitRange(i, shardCount));
}

/** Index of the even-split shard holding `hashKey`: the largest i with floor(i·2¹²⁸/n) ≤ hashKey. */
export function evenSplitShardOf(hashKey: bigint, shardCount: number): number {
  const n = BigInt(shardCount);
  // floor(i·M/n) ≤ h  ⇔  i < (h+1)·n/M  ⇔  i ≤ ceil((h+1)·n/M) − 1
  const numerator = (hashKey + 1n) * n;
  return Number((numerator + HASH_SPACE - 1n) / HASH_SPACE - 1n);
}
