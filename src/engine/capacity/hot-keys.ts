/**
 * Hot keys and per-shard skew (spec §6): real MD5 placement of the heaviest keys on an even split,
 * per-shard load and throttling, keys whose own load exceeds what one shard takes (unfixable by any
 * shard count or mode), and the salting fix with the chance its sub-keys land on distinct shards.
 */
import { hashKeyToBigInt, md5PartitionKey } from '../hash';
import type { KeyWeights } from './key-weights';
import { placementOf, shardOfListedKey } from './key-placement';
import { evenSplitShardOf } from './reshard-path';
import { KEY_WRITE_BYTES_PER_SEC, KEY_WRITE_RECORDS_PER_SEC, SHARD_WRITE_BYTES_PER_SEC, SHARD_WRITE_RECORDS_PER_SEC } from './units';

export interface ShardLoad {
  readonly index: number;
  readonly bytesPerSec: number;
  readonly recordsPerSec: number;
  /** Highest of bytes and records against the shard's write limits. */
  readonly utilization: number;
  /** Fraction of this shard's traffic refused at steady state. */
  readonly throttledFraction: number;
  /** Listed (exactly placed) keys on this shard. */
  readonly listedKeys: number;
}

export interface KeyOverLimit {
  readonly key: string;
  readonly share: number;
  readonly bytesPerSec: number;
  readonly recordsPerSec: number;
  /** How many shards' worth of write capacity this key alone needs (> 1 means it always throttles). */
  readonly shardsWorth: number;
  /** Whether one shard can carry this key at all: if not, no shard count or mode stops it throttling. */
  readonly fitsOneShard: boolean;
  readonly excessBytesPerSec: number;
  readonly excessRecordsPerSec: number;
  readonly shardIndex: number;
}

export interface HotKeyAnalysis {
  readonly shardCount: number;
  readonly hottestKey: KeyOverLimit;
  /** Keys that exceed 1 MiB/s or 1,000 records/s on their own, heaviest first (at most 10). */
  readonly keysOverLimit: readonly KeyOverLimit[];
  readonly shards: readonly ShardLoad[];
  readonly hotShardIndex: number;
  /** Fraction of all records throttled at steady state, from skew and hot keys together. */
  readonly throttledFraction: number;
  /** Part of that fraction no shard count or mode removes (per-key excess). */
  readonly unfixableFraction: number;
  /**
   * Throttling on shards that hold no over-limit key: what more shards (or a better split) fix.
   * Shards holding an over-limit key also refuse some of their other keys' records; that collateral
   * is counted in throttledFraction but not here, because the fix for it is the key, not the shard count.
   */
  readonly skewThrottledFraction: number;
}

export interface HotKeyInput {
  readonly weights: KeyWeights;
  readonly shardCount: number;
  readonly bytesPerSec: number;
  readonly recordsPerSec: number;
  readonly targetUtilization: number;
}

/** Shard of a partition key on an even split into `shardCount` shards, by MD5 as a 128-bit unsigned integer. */
export function shardOfKey(key: string, shardCount: number): number {
  return evenSplitShardOf(hashKeyToBigInt(md5PartitionKey(key)), shardCount);
}

export function analyzeHotKeys(input: HotKeyInput): HotKeyAnalysis {
  const { weights, shardCount: n, bytesPerSec: w, recordsPerSec: r } = input;
  const bytes = new Float64Array(n);
  const recs = new Float64Array(n);
  const listed = new Uint32Array(n);
  const placed: KeyOverLimit[] = [];
  const placement = placementOf(weights);
  for (let i = 0; i < weights.keys.length; i++) {
    const k = weights.keys[i];
    const j = shardOfListedKey(placement, i, n);
    bytes[j] += k.share * w;
    recs[j] += k.share * r;
    listed[j]++;
    if (placed.length < 10 || k.share * w > KEY_WRITE_BYTES_PER_SEC || k.share * r > KEY_WRITE_RECORDS_PER_SEC) {
      placed.push(keyLoad(k.key, k.share, w, r, j));
    }
  }
  for (let j = 0; j < n; j++) {
    bytes[j] += (weights.remainderShare * w) / n;
    recs[j] += (weights.remainderShare * r) / n;
  }
  const poisoned = new Uint8Array(n);
  for (const k of placed) if (k.shardsWorth > 1) poisoned[k.shardIndex] = 1;
  const shards: ShardLoad[] = [];
  let throttledRecords = 0;
  let skewRecords = 0;
  let hot = 0;
  for (let j = 0; j < n; j++) {
    const fb = bytes[j] > 0 ? Math.max(0, bytes[j] - SHARD_WRITE_BYTES_PER_SEC) / bytes[j] : 0;
    const fr = recs[j] > 0 ? Math.max(0, recs[j] - SHARD_WRITE_RECORDS_PER_SEC) / recs[j] : 0;
    const throttledFraction = Math.max(fb, fr);
    throttledRecords += throttledFraction * recs[j];
    if (!poisoned[j]) skewRecords += throttledFraction * recs[j];
    const utilization = Math.max(bytes[j] / SHARD_WRITE_BYTES_PER_SEC, recs[j] / SHARD_WRITE_RECORDS_PER_SEC);
    shards.push({ index: j, bytesPerSec: bytes[j], recordsPerSec: recs[j], utilization, throttledFraction, listedKeys: listed[j] });
    if (utilization > shards[hot].utilization) hot = j;
  }
  const over = placed.filter((k) => k.shardsWorth > 1).sort((a, b) => b.shardsWorth - a.shardsWorth);
  const hottest = placed.length ? placed.reduce((a, b) => (b.shardsWorth > a.shardsWorth ? b : a)) : keyLoad('(none)', 0, w, r, 0);
  const unfixable = over.reduce((s, k) => s + Math.max(k.excessBytesPerSec / Math.max(k.bytesPerSec, 1e-300), k.excessRecordsPerSec / Math.max(k.recordsPerSec, 1e-300)) * k.share, 0);
  return {
    shardCount: n,
    hottestKey: hottest,
    keysOverLimit: over.slice(0, 10),
    shards,
    hotShardIndex: hot,
    throttledFraction: r > 0 ? throttledRecords / r : 0,
    unfixableFraction: unfixable,
    skewThrottledFraction: r > 0 ? skewRecords / r : 0,
  };
}

function keyLoad(key: string, share: number, w: number, r: number, shardIndex: number): KeyOverLimit {
  const b = share * w;
  const rec = share * r;
  return {
    key,
    share,
    bytesPerSec: b,
    recordsPerSec: rec,
    shardsWorth: Math.max(b / KEY_WRITE_BYTES_PER_SEC, rec / KEY_WRITE_RECORDS_PER_SEC),
    fitsOneShard: b <= KEY_WRITE_BYTES_PER_SEC && rec <= KEY_WRITE_RECORDS_PER_SEC,
    excessBytesPerSec: Math.max(0, b - KEY_WRITE_BYTES_PER_SEC),
    excessRecordsPerSec: Math.max(0, rec - KEY_WRITE_RECORDS_PER_SEC),
    shardIndex,
  };
}

/** ∏_{i<k} (n−i)/n: chance that k keys hashed uniformly land on k different shards of n. */
export function probabilityDistinctShards(k: number, n: number): number {
  let p = 1;
  for (let i = 0; i < k; i++) p *= Math.max(0, n - i) / n;
  return p;
}

/** Closed form for one hot key of share h plus a uniform remainder over N shards (spec §6). */
export function hotShardClosedForm(h: number, bytesPerSec: number, shardCount: number) {
  const hotShardLoad = h * bytesPerSec + ((1 - h) * bytesPerSec) / shardCount;
  const throttled = Math.max(0, hotShardLoad - SHARD_WRITE_BYTES_PER_SEC);
  return { hotShardLoad, throttled, throttledShareOfHotShard: hotShardLoad > 0 ? throttled / hotShardLoad : 0 };
}
