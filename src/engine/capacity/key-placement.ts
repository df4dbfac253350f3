/**
 * Where listed keys fall in the 128-bit hash space, computed once per key set (MD5 is the cost) and
 * reused for every shard count the planner tries. Shard lookup uses the top 64 bits as a double and
 * falls back to exact 128-bit arithmetic only when a key sits within rounding distance of a boundary.
 */
import { hashKeyToBigInt, md5PartitionKey } from '../hash';
import type { KeyWeights } from './key-weights';
import { evenSplitShardOf } from './reshard-path';

export interface KeyPlacement {
  /** Position of each listed key in [0, 1) of the hash space (top 64 bits). */
  readonly positions: Float64Array;
  /** The full MD5 words, 4 per key, for exact lookups near boundaries. */
  readonly words: Uint32Array;
}

const TWO_POW_32 = 4294967296;
const cache = new WeakMap<KeyWeights, KeyPlacement>();

export function placementOf(weights: KeyWeights): KeyPlacement {
  const hit = cache.get(weights);
  if (hit) return hit;
  const n = weights.keys.length;
  const positions = new Float64Array(n);
  const words = new Uint32Array(4 * n);
  const out = new Uint32Array(4);
  for (let i = 0; i < n; i++) {
    md5PartitionKey(weights.keys[i].key, out);
    words.set(out, 4 * i);
    positions[i] = (out[0] + out[1] / TWO_POW_32) / TWO_POW_32;
  }
  const placement = { positions, words };
  cache.set(weights, placement);
  return placement;
}

/** Even-split shard of listed key `i` among `shardCount` shards; exact at range boundaries. */
export function shardOfListedKey(p: KeyPlacement, i: number, shardCount: number): number {
  const x = p.positions[i] * shardCount;
  const j = Math.floor(x);
  if (x - j > 1e-9 && j + 1 - x > 1e-9) return Math.min(j, shardCount - 1);
  return evenSplitShardOf(hashKeyToBigInt(p.words.subarray(4 * i, 4 * i + 4)), shardCount);
}
