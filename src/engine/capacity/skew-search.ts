/**
 * Skew-aware shard count: with few heavy keys, an even split can put several of them on one shard
 * even when the total fits. Searches upward from the load-based count for the smallest even split
 * whose only throttling is the unfixable per-key excess. Key positions are hashed once and reused
 * for every count tried.
 */
import type { KeyWeights } from './key-weights';
import { placementOf, shardOfListedKey } from './key-placement';
import { SHARD_WRITE_BYTES_PER_SEC, SHARD_WRITE_RECORDS_PER_SEC } from './units';

export interface SkewSearchResult {
  /** Smallest shard count in the searched window without fixable throttling, or undefined if none. */
  readonly shards?: number;
  readonly searchedUpTo: number;
}

export function searchSkewFreeShards(args: {
  readonly weights: KeyWeights;
  readonly fromShards: number;
  readonly toShards: number;
  readonly bytesPerSec: number;
  readonly recordsPerSec: number;
}): SkewSearchResult {
  const { weights, bytesPerSec: w, recordsPerSec: r } = args;
  const placement = placementOf(weights);
  const pos = placement.positions;
  // A key over the per-key limit overflows its shard at every count, so that shard is left out:
  // no shard count fixes it, and the planner reports it as a hot key instead.
  const overLimit = weights.keys.map((k) => k.share * w > SHARD_WRITE_BYTES_PER_SEC || k.share * r > SHARD_WRITE_RECORDS_PER_SEC);
  for (let n = args.fromShards; n <= args.toShards; n++) {
    const bytes = new Float64Array(n).fill((weights.remainderShare * w) / n);
    const recs = new Float64Array(n).fill((weights.remainderShare * r) / n);
    const poisoned = new Uint8Array(n);
    for (let i = 0; i < pos.length; i++) {
      const j = shardOfListedKey(placement, i, n);
      bytes[j] += weights.keys[i].share * w;
      recs[j] += weights.keys[i].share * r;
      if (overLimit[i]) poisoned[j] = 1;
    }
    let ok = true;
    for (let j = 0; j < n && ok; j++) {
      if (poisoned[j]) continue;
      if (bytes[j] > SHARD_WRITE_BYTES_PER_SEC * (1 + 1e-9) || recs[j] > SHARD_WRITE_RECORDS_PER_SEC * (1 + 1e-9)) ok = false;
    }
    if (ok) return { shards: n, searchedUpTo: n };
  }
  return { searchedUpTo: args.toShards };
}
