/**
 * Skew-aware shard count: with few heavy keys, an even split can put several of them on one shard
 * even when the total fits. Searches upward from the load-based count for the smallest even split
 * whose only throttling is the unfixable per-key excess. Uses the top 53 bits of each key's MD5 for
 * speed; the planner re-checks the chosen count with exact 128-bit arithmetic.
 */
import { md5PartitionKey } from '../hash';
import type { KeyWeights } from './key-weights';
import { SHARD_WRITE_BYTES_PER_SEC, SHARD_WRITE_RECORDS_PER_SEC } from './units';

export interface SkewSearchResult {
  /** Smallest shard count in the searched window without fixable throttling, or undefined if none. */
  readonly shards?: number;
  readonly searchedUpTo: number;
}

const TWO_POW_32 = 4294967296;

/** Position of each listed key in [0, 1) of the hash space. */
function keyPositions(weights: KeyWeights): Float64Array {
  const out = new Float64Array(weights.keys.length);
  weights.keys.forEach((k, i) => {
    const h = md5PartitionKey(k.key);
    out[i] = (h[0] + (h[1] + h[2] / TWO_POW_32) / TWO_POW_32) / TWO_POW_32;
  });
  return out;
}

export function searchSkewFreeShards(args: {
  readonly weights: KeyWeights;
  readonly fromShards: number;
  readonly toShards: number;
  readonly bytesPerSec: number;
  readonly recordsPerSec: number;
}): SkewSearchResult {
  const { weights, bytesPerSec: w, recordsPerSec: r } = args;
  const pos = keyPositions(weights);
  // A key over the per-key limit overflows its shard at every count, so that shard is left out:
  // no shard count fixes it, and the planner reports it as a hot key instead.
  const overLimit = weights.keys.map((k) => k.share * w > SHARD_WRITE_BYTES_PER_SEC || k.share * r > SHARD_WRITE_RECORDS_PER_SEC);
  for (let n = args.fromShards; n <= args.toShards; n++) {
    const bytes = new Float64Array(n).fill((weights.remainderShare * w) / n);
    const recs = new Float64Array(n).fill((weights.remainderShare * r) / n);
    const poisoned = new Uint8Array(n);
    for (let i = 0; i < pos.length; i++) {
      const j = Math.min(n - 1, Math.floor(pos[i] * n));
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
