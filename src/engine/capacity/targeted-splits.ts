/**
 * Targeted splits: starting from an even split, cut only the shards that throttle, at hash keys chosen
 * around their heavy keys, so each child carries at most `targetUtilization` of a shard's write limit —
 * or, for a key heavier than that, the key alone. A kernel: plain data in, a layout and the exact
 * SplitShard calls out.
 *
 * Greedy left-to-right filling gives the fewest children for loads on a line (each child is as long as
 * it can be), so the layout is the cheapest set of cuts for that shard. The unlisted tail of keys spreads
 * evenly over the hash space and is cut like a continuous load.
 *
 * SplitShard: "NewStartingHashKey … must be in the range of hash keys being mapped into the shard"; the
 * engine (and this planner) require StartingHashKey + 1 < NewStartingHashKey < EndingHashKey, so each
 * child holds at least two hash values (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SplitShard.html).
 * Child shard ids follow the parent's stream counter: the lower range first, then the upper.
 */
import type { KeyWeights } from './key-weights';
import { evenSplitRanges, HASH_SPACE } from './reshard-path';
import { evaluateLayout, listedKeyHashes, widthFraction, type LayoutEvaluation, type LayoutRange } from './shard-layout';
import { SHARD_WRITE_BYTES_PER_SEC, SHARD_WRITE_RECORDS_PER_SEC } from './units';

export interface SplitCall {
  readonly kind: 'SplitShard';
  readonly shardToSplit: string;
  /** Decimal, as the API takes it. */
  readonly newStartingHashKey: string;
  /** Ids the two children get: [lower range, upper range]. */
  readonly children: readonly [string, string];
  /** Why this cut: the key it isolates or the load it bounds. */
  readonly reason: string;
}

export interface TargetedLayout {
  readonly baseShards: number;
  readonly ranges: readonly LayoutRange[];
  readonly calls: readonly SplitCall[];
  readonly evaluation: LayoutEvaluation;
}

export function shardIdOf(n: number): string {
  return `shardId-${String(n).padStart(12, '0')}`;
}

interface PointLoad {
  readonly h: bigint;
  readonly key: string;
  readonly b: number;
  readonly r: number;
}

/** Width in hash values that holds `load` of a continuous remainder spread at `perSpace` per whole hash space. */
function widthFor(load: number, perSpace: number): bigint {
  if (perSpace <= 0) return HASH_SPACE;
  const f = Math.max(0, load / perSpace);
  if (f >= 1) return HASH_SPACE;
  return (BigInt(Math.floor(f * 2 ** 53)) * HASH_SPACE) >> 53n;
}

/**
 * Cut points inside [range.start, range.end] for the given keys (sorted by hash): each piece stays within
 * (capB, capR), except a single key heavier than that, which gets a two-value piece [h, h+1] of its own.
 */
export function cutsFor(range: LayoutRange, keys: readonly PointLoad[], remB: number, remR: number, capB: number, capR: number): { at: bigint; reason: string }[] {
  const cuts: { at: bigint; reason: string }[] = [];
  let segStart = range.start;
  let accB = 0;
  let accR = 0;
  let lastKey = range.start - 1n;
  const cut = (at: bigint, reason: string) => {
    // Keep every child at least two hash values wide, and inside the parent.
    const prev = cuts.length ? cuts[cuts.length - 1].at : range.start;
    if (at < prev + 2n || at > range.end - 1n) return false;
    cuts.push({ at, reason });
    segStart = at;
    accB = 0;
    accR = 0;
    return true;
  };
  const remIn = (to: bigint) => ({ b: remB * widthFraction(segStart, to), r: remR * widthFraction(segStart, to) });
  /** Cuts the remainder before `to` as often as it overflows on its own. */
  const fillRemainderTo = (to: bigint) => {
    for (;;) {
      const rem = remIn(to);
      if (accB + rem.b <= capB && accR + rem.r <= capR) return;
      const room = Math.min(remB > 0 ? (capB - accB) / remB : Infinity, remR > 0 ? (capR - accR) / remR : Infinity);
      let at = segStart + widthFor(room, 1);
      if (at <= lastKey) at = lastKey + 1n;
      if (at > to || !cut(at, 'bounds the spread of light keys')) return;
    }
  };
  for (const k of keys) {
    const heavy = k.b > capB || k.r > capR;
    fillRemainderTo(k.h - 1n);
    if (heavy) {
      if (k.h > segStart) cut(k.h, `isolates '${k.key}'`);
      accB += k.b;
      accR += k.r;
      lastKey = k.h;
      cut(k.h + 2n, `ends the range of '${k.key}'`);
      continue;
    }
    const rem = remIn(k.h);
    if (accB + rem.b + k.b > capB || accR + rem.r + k.r > capR) cut(k.h, `starts a new range at '${k.key}'`);
    accB += k.b;
    accR += k.r;
    lastKey = k.h;
  }
  fillRemainderTo(range.end);
  return cuts;
}

/**
 * The layout that splits only the throttling shards of an even split into `baseShards`, with each
 * cut listed as a SplitShard call on a stream created with that many shards.
 */
export function planTargetedSplits(args: {
  readonly weights: KeyWeights;
  readonly baseShards: number;
  readonly bytesPerSec: number;
  readonly recordsPerSec: number;
  readonly targetUtilization: number;
}): TargetedLayout {
  const { weights, baseShards, bytesPerSec: w, recordsPerSec: r } = args;
  const base = evenSplitRanges(baseShards).map((x) => ({ start: x.startingHashKey, end: x.endingHashKey }));
  const before = evaluateLayout(base, weights, w, r);
  const hashes = listedKeyHashes(weights);
  const capB = args.targetUtilization * SHARD_WRITE_BYTES_PER_SEC;
  const capR = args.targetUtilization * SHARD_WRITE_RECORDS_PER_SEC;
  const byShard: PointLoad[][] = base.map(() => []);
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i];
    const j = base.findIndex((x) => x.start <= h && h <= x.end);
    byShard[j].push({ h, key: weights.keys[i].key, b: weights.keys[i].share * w, r: weights.keys[i].share * r });
  }
  const ranges: LayoutRange[] = [];
  const calls: SplitCall[] = [];
  let nextId = baseShards;
  base.forEach((range, j) => {
    if (before.shards[j].throttledFraction <= 1e-12) {
      ranges.push(range);
      return;
    }
    const keys = byShard[j].sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0));
    const cuts = cutsFor(range, keys, weights.remainderShare * w, weights.remainderShare * r, capB, capR);
    let parent = shardIdOf(j);
    let start = range.start;
    for (const c of cuts) {
      const children: [string, string] = [shardIdOf(nextId), shardIdOf(nextId + 1)];
      nextId += 2;
      calls.push({ kind: 'SplitShard', shardToSplit: parent, newStartingHashKey: c.at.toString(10), children, reason: c.reason });
      ranges.push({ start, end: c.at - 1n });
      start = c.at;
      parent = children[1];
    }
    ranges.push({ start, end: range.end });
  });
  return { baseShards, ranges, calls, evaluation: evaluateLayout(ranges, weights, w, r) };
}
