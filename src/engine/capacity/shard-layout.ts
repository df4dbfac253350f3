/**
 * A shard layout as the planner proposes it (a list of open hash-key ranges, not necessarily even) and
 * its exact evaluation against a workload's keys: each listed key is placed by the real MD5 of its name
 * read as a 128-bit unsigned integer (spec §6), the unlisted tail spreads by range width. The result says,
 * per shard and for the whole stream, which share of records the per-shard write limits refuse.
 *
 * AWS: "a partition key is used to group data by shard … MD5 hash function is used to map partition keys
 * to 128-bit integer values" (https://docs.aws.amazon.com/streams/latest/dev/key-concepts.html).
 * Pure; BigInt only here and in the split planner (control-plane arithmetic, a few thousand keys at most).
 */
import { hashKeyToBigInt } from '../hash';
import type { KeyWeights } from './key-weights';
import { placementOf } from './key-placement';
import { HASH_SPACE } from './reshard-path';
import { KEY_WRITE_BYTES_PER_SEC, KEY_WRITE_RECORDS_PER_SEC, SHARD_WRITE_BYTES_PER_SEC, SHARD_WRITE_RECORDS_PER_SEC } from './units';

export interface LayoutRange {
  readonly start: bigint;
  readonly end: bigint;
}

export interface LayoutShardLoad {
  /** Hash-key range as AWS writes it: decimal strings. */
  readonly startingHashKey: string;
  readonly endingHashKey: string;
  readonly bytesPerSec: number;
  readonly recordsPerSec: number;
  /** Highest of bytes and records against the shard's write limits. */
  readonly utilization: number;
  /** Fraction of this shard's records refused at steady state (the bucket refuses every key on it alike). */
  readonly throttledFraction: number;
  /** Listed keys placed on this shard, heaviest first (at most 5 named). */
  readonly keys: readonly { readonly key: string; readonly share: number }[];
  readonly keyCount: number;
}

export interface LayoutEvaluation {
  readonly shards: readonly LayoutShardLoad[];
  /** Share of all the stream's records refused: every key on an overloaded shard, not only the heaviest. */
  readonly throttledFraction: number;
  /**
   * The part no layout removes: keys above the per-key limit (1 MiB/s, 1,000 records/s) refuse their own
   * excess even alone on a shard. A layout is "clean" when throttledFraction equals this floor.
   */
  readonly unfixableFraction: number;
  readonly hottestShard: number;
}

const hashCache = new WeakMap<KeyWeights, bigint[]>();

/** Exact 128-bit hash of each listed key, computed once per key set. */
export function listedKeyHashes(weights: KeyWeights): bigint[] {
  const hit = hashCache.get(weights);
  if (hit) return hit;
  const words = placementOf(weights).words;
  const out = weights.keys.map((_, i) => hashKeyToBigInt(words.subarray(4 * i, 4 * i + 4)));
  hashCache.set(weights, out);
  return out;
}

/** Fraction of the hash space covered by [start, end]. */
export function widthFraction(start: bigint, end: bigint): number {
  return Number(end - start + 1n) / Number(HASH_SPACE);
}

/** Share of records refused for a key of this load alone on a shard (0 when it fits). */
export function keyExcessFraction(bytesPerSec: number, recordsPerSec: number): number {
  const fb = bytesPerSec > 0 ? Math.max(0, bytesPerSec - KEY_WRITE_BYTES_PER_SEC) / bytesPerSec : 0;
  const fr = recordsPerSec > 0 ? Math.max(0, recordsPerSec - KEY_WRITE_RECORDS_PER_SEC) / recordsPerSec : 0;
  return Math.max(fb, fr);
}

/** The floor no layout removes: Σ over keys of share × the fraction of its own records over the per-key limit. */
export function unfixableFloor(weights: KeyWeights, bytesPerSec: number, recordsPerSec: number): number {
  let f = 0;
  for (const k of weights.keys) f += k.share * keyExcessFraction(k.share * bytesPerSec, k.share * recordsPerSec);
  return f;
}

/** Index of the range holding `h` in sorted, tiling ranges (binary search). */
function rangeOf(ranges: readonly LayoutRange[], h: bigint): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ranges[mid].start <= h) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function evaluateLayout(ranges: readonly LayoutRange[], weights: KeyWeights, bytesPerSec: number, recordsPerSec: number): LayoutEvaluation {
  const n = ranges.length;
  const hashes = listedKeyHashes(weights);
  const bytes = new Float64Array(n);
  const recs = new Float64Array(n);
  const members: { key: string; share: number }[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < hashes.length; i++) {
    const j = rangeOf(ranges, hashes[i]);
    const k = weights.keys[i];
    bytes[j] += k.share * bytesPerSec;
    recs[j] += k.share * recordsPerSec;
    members[j].push(k);
  }
  const shards: LayoutShardLoad[] = [];
  let refused = 0;
  let hottest = 0;
  for (let j = 0; j < n; j++) {
    const width = widthFraction(ranges[j].start, ranges[j].end);
    bytes[j] += weights.remainderShare * bytesPerSec * width;
    recs[j] += weights.remainderShare * recordsPerSec * width;
    const fb = bytes[j] > 0 ? Math.max(0, bytes[j] - SHARD_WRITE_BYTES_PER_SEC) / bytes[j] : 0;
    const fr = recs[j] > 0 ? Math.max(0, recs[j] - SHARD_WRITE_RECORDS_PER_SEC) / recs[j] : 0;
    const throttledFraction = Math.max(fb, fr);
    refused += throttledFraction * recs[j];
    const utilization = Math.max(bytes[j] / SHARD_WRITE_BYTES_PER_SEC, recs[j] / SHARD_WRITE_RECORDS_PER_SEC);
    const keys = members[j].sort((a, b) => b.share - a.share);
    shards.push({
      startingHashKey: ranges[j].start.toString(10),
      endingHashKey: ranges[j].end.toString(10),
      bytesPerSec: bytes[j],
      recordsPerSec: recs[j],
      utilization,
      throttledFraction,
      keys: keys.slice(0, 5),
      keyCount: keys.length,
    });
    if (utilization > shards[hottest].utilization) hottest = j;
  }
  return {
    shards,
    throttledFraction: recordsPerSec > 0 ? refused / recordsPerSec : 0,
    unfixableFraction: unfixableFloor(weights, bytesPerSec, recordsPerSec),
    hottestShard: hottest,
  };
}
