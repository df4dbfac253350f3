/**
 * Chooses the provisioned layout (spec §4, §6; issue 12): when an even split at the load-based shard count
 * throttles because of key skew, compare (a) uniform counts above it — one UpdateShardCount — and (b)
 * targeted SplitShard calls around the heavy keys, each checked with the real MD5 placement of the keys.
 * The cheapest layout whose only throttling is the unfixable per-key excess wins; at equal shard count the
 * uniform layout wins (one call, even ranges). Shard count is the only cost that differs between layouts:
 * PUT payload units and data volumes do not depend on the layout.
 */
import type { KeyWeights } from './key-weights';
import { placementOf, shardOfListedKey } from './key-placement';
import { evenSplitRanges } from './reshard-path';
import { evaluateLayout, keyExcessFraction, type LayoutEvaluation } from './shard-layout';
import { planTargetedSplits, type SplitCall } from './targeted-splits';
import { SHARD_WRITE_BYTES_PER_SEC, SHARD_WRITE_RECORDS_PER_SEC, SHARDS_PER_STREAM_QUOTA } from './units';

export interface ShardLayoutPlan {
  readonly kind: 'even' | 'targeted-splits';
  /** Load-based count (§4.2) the search started from. */
  readonly baseShards: number;
  /** Open shards of the chosen layout. */
  readonly shards: number;
  /** Targeted layouts: SplitShard calls on a stream created with `baseShards` shards. */
  readonly splitCalls: readonly SplitCall[];
  readonly evaluation: LayoutEvaluation;
  /** Evaluation of the even split at the base count, before any fix (what the user saw). */
  readonly atBase: LayoutEvaluation;
  /** The alternatives tried, for the report: shard count, layout kind and remaining fixable throttling. */
  readonly alternatives: readonly { readonly kind: 'even' | 'targeted-splits'; readonly shards: number; readonly fixableThrottledFraction: number }[];
  /** Fixable throttling left in the chosen layout (0 unless no searched layout removes it). */
  readonly fixableThrottledFraction: number;
}

const EPS = 1e-9;

/** Whole-stream throttled share of an even split, fast path (key positions hashed once). */
function evenThrottle(weights: KeyWeights, n: number, w: number, r: number): number {
  const placement = placementOf(weights);
  const bytes = new Float64Array(n).fill((weights.remainderShare * w) / n);
  const recs = new Float64Array(n).fill((weights.remainderShare * r) / n);
  for (let i = 0; i < weights.keys.length; i++) {
    const j = shardOfListedKey(placement, i, n);
    bytes[j] += weights.keys[i].share * w;
    recs[j] += weights.keys[i].share * r;
  }
  let refused = 0;
  for (let j = 0; j < n; j++) {
    const fb = bytes[j] > 0 ? Math.max(0, bytes[j] - SHARD_WRITE_BYTES_PER_SEC) / bytes[j] : 0;
    const fr = recs[j] > 0 ? Math.max(0, recs[j] - SHARD_WRITE_RECORDS_PER_SEC) / recs[j] : 0;
    refused += Math.max(fb, fr) * recs[j];
  }
  return r > 0 ? refused / r : 0;
}

function floorOf(weights: KeyWeights, w: number, r: number): number {
  let f = 0;
  for (const k of weights.keys) f += k.share * keyExcessFraction(k.share * w, k.share * r);
  return f;
}

export function searchShardLayout(args: {
  readonly weights: KeyWeights;
  readonly baseShards: number;
  readonly bytesPerSec: number;
  readonly recordsPerSec: number;
  readonly targetUtilization: number;
}): ShardLayoutPlan {
  const { weights, baseShards: base, bytesPerSec: w, recordsPerSec: r } = args;
  const even = (n: number) => evenSplitRanges(n).map((x) => ({ start: x.startingHashKey, end: x.endingHashKey }));
  const floor = floorOf(weights, w, r);
  const atBase = evaluateLayout(even(base), weights, w, r);
  const fixableAtBase = Math.max(0, atBase.throttledFraction - floor);
  if (fixableAtBase <= EPS) {
    return { kind: 'even', baseShards: base, shards: base, splitCalls: [], evaluation: atBase, atBase, alternatives: [], fixableThrottledFraction: fixableAtBase };
  }
  const targeted = planTargetedSplits({ weights, baseShards: base, bytesPerSec: w, recordsPerSec: r, targetUtilization: args.targetUtilization });
  const targetedFixable = Math.max(0, targeted.evaluation.throttledFraction - floor);
  const targetedClean = targetedFixable <= EPS;
  const alternatives: { kind: 'even' | 'targeted-splits'; shards: number; fixableThrottledFraction: number }[] = [
    { kind: 'even', shards: base, fixableThrottledFraction: fixableAtBase },
    { kind: 'targeted-splits', shards: targeted.ranges.length, fixableThrottledFraction: targetedFixable },
  ];
  // Uniform counts are worth trying only while cheaper than (or as cheap as) the targeted layout.
  const limit = Math.min(SHARDS_PER_STREAM_QUOTA, targetedClean ? targeted.ranges.length : Math.max(base * 4, base + 64));
  let bestEven: { n: number; fixable: number } | undefined;
  for (let n = base + 1; n <= limit; n++) {
    const fixable = Math.max(0, evenThrottle(weights, n, w, r) - floor);
    if (!bestEven || fixable < bestEven.fixable - EPS) bestEven = { n, fixable };
    if (fixable <= EPS) break;
  }
  if (bestEven) alternatives.push({ kind: 'even', shards: bestEven.n, fixableThrottledFraction: bestEven.fixable });
  const evenWins = bestEven && (bestEven.fixable <= EPS || (!targetedClean && bestEven.fixable < targetedFixable - EPS));
  if (bestEven && evenWins) {
    const evaluation = evaluateLayout(even(bestEven.n), weights, w, r);
    return { kind: 'even', baseShards: base, shards: bestEven.n, splitCalls: [], evaluation, atBase, alternatives, fixableThrottledFraction: bestEven.fixable };
  }
  if (targetedFixable < fixableAtBase - EPS) {
    return { kind: 'targeted-splits', baseShards: base, shards: targeted.ranges.length, splitCalls: targeted.calls, evaluation: targeted.evaluation, atBase, alternatives, fixableThrottledFraction: targetedFixable };
  }
  return { kind: 'even', baseShards: base, shards: base, splitCalls: [], evaluation: atBase, atBase, alternatives, fixableThrottledFraction: fixableAtBase };
}
