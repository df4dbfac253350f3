/**
 * Salting advice that works (spec §6 step 5; issue 12): a key above the per-key limit is split into
 * sub-keys `key#i`, each carrying an equal share. The number of sub-keys is not ceil(load / shard) on
 * faith: every sub-key is hashed with the real MD5 and checked on the shard it actually lands on,
 * together with the other keys already there. Sub-keys that would share a shard with another sub-key,
 * or overload their shard, are skipped, so the advice lists only sub-keys that land on distinct shards
 * with room. Producers then pick one of the listed names per record (e.g. round-robin).
 */
import { md5PartitionKey, hashKeyToBigInt } from '../hash';
import type { KeyWeights } from './key-weights';
import { placementOf, shardOfListedKey } from './key-placement';
import { probabilityDistinctShards } from './hot-keys';
import { evenSplitShardOf } from './reshard-path';
import { SHARD_WRITE_BYTES_PER_SEC, SHARD_WRITE_RECORDS_PER_SEC } from './units';

export interface SubKeyPlacement {
  readonly name: string;
  readonly shard: number;
  /** The shard's utilisation with this sub-key added (highest of bytes and records). */
  readonly shardUtilizationAfter: number;
}

export interface SaltingPlan {
  readonly key: string;
  readonly shardCount: number;
  /** Sub-keys to use: each on its own shard, each shard within the limit. Empty when no number fits. */
  readonly subKeys: readonly SubKeyPlacement[];
  /** Names tried and left out, with why (collision with another sub-key's shard, or no room there). */
  readonly skipped: readonly { readonly name: string; readonly shard: number; readonly why: 'collides' | 'no-room' }[];
  /** The naive count ceil(load / (u·shard)) from spec §6, for comparison. */
  readonly naiveSubKeys: number;
  /** ∏_{i<k} (N−i)/N for the advised count: how often random names would have been distinct. */
  readonly probabilityDistinct: number;
  /** Whether the shards stay within the target utilisation (true) or only within the hard limit. */
  readonly withinTarget: boolean;
}

export function shardOfName(name: string, shardCount: number): number {
  return evenSplitShardOf(hashKeyToBigInt(md5PartitionKey(name)), shardCount);
}

/** Candidate names examined per advice: enough to find free shards on any layout but bounded. */
function candidateLimit(n: number): number {
  return Math.min(100_000, 8 * n + 64);
}

/**
 * Salting advice for the given keys (heaviest first) on an even split into `shardCount` shards. Each
 * advice accounts for the sub-keys advised before it.
 */
export function planSalting(args: {
  readonly weights: KeyWeights;
  readonly keys: readonly string[];
  readonly shardCount: number;
  readonly bytesPerSec: number;
  readonly recordsPerSec: number;
  readonly targetUtilization: number;
}): SaltingPlan[] {
  const { weights, shardCount: n, bytesPerSec: w, recordsPerSec: r } = args;
  const salted = new Set(args.keys);
  const placement = placementOf(weights);
  const bytes = new Float64Array(n).fill((weights.remainderShare * w) / n);
  const recs = new Float64Array(n).fill((weights.remainderShare * r) / n);
  for (let i = 0; i < weights.keys.length; i++) {
    if (salted.has(weights.keys[i].key)) continue;
    const j = shardOfListedKey(placement, i, n);
    bytes[j] += weights.keys[i].share * w;
    recs[j] += weights.keys[i].share * r;
  }
  const out: SaltingPlan[] = [];
  for (const key of args.keys) {
    const share = weights.keys.find((k) => k.key === key)?.share ?? 0;
    const kb = share * w;
    const kr = share * r;
    const naive = Math.max(2, Math.ceil(Math.round(Math.max(kb / SHARD_WRITE_BYTES_PER_SEC, kr / SHARD_WRITE_RECORDS_PER_SEC) / args.targetUtilization * 1e9) / 1e9));
    let found: SaltingPlan | undefined;
    for (const cap of [args.targetUtilization, 1]) {
      const kMin = Math.max(2, Math.ceil(Math.round(Math.max(kb / SHARD_WRITE_BYTES_PER_SEC, kr / SHARD_WRITE_RECORDS_PER_SEC) / cap * 1e9) / 1e9));
      for (let k = kMin; k <= n && !found; k++) found = tryCount(key, k, kb / k, kr / k, cap, bytes, recs, n, naive);
      if (found) break;
    }
    const result = found ?? { key, shardCount: n, subKeys: [], skipped: [], naiveSubKeys: naive, probabilityDistinct: probabilityDistinctShards(naive, n), withinTarget: false };
    for (const s of result.subKeys) {
      bytes[s.shard] += kb / result.subKeys.length;
      recs[s.shard] += kr / result.subKeys.length;
    }
    out.push(result);
  }
  return out;
}

function tryCount(key: string, k: number, subB: number, subR: number, cap: number, bytes: Float64Array, recs: Float64Array, n: number, naive: number): SaltingPlan | undefined {
  const used = new Set<number>();
  const subKeys: SubKeyPlacement[] = [];
  const skipped: SaltingPlan['skipped'][number][] = [];
  const limitB = cap * SHARD_WRITE_BYTES_PER_SEC * (1 + 1e-9);
  const limitR = cap * SHARD_WRITE_RECORDS_PER_SEC * (1 + 1e-9);
  for (let i = 0; i < candidateLimit(n) && subKeys.length < k; i++) {
    const name = `${key}#${i}`;
    const shard = shardOfName(name, n);
    if (used.has(shard)) {
      skipped.push({ name, shard, why: 'collides' });
      continue;
    }
    if (bytes[shard] + subB > limitB || recs[shard] + subR > limitR) {
      skipped.push({ name, shard, why: 'no-room' });
      continue;
    }
    used.add(shard);
    const shardUtilizationAfter = Math.max((bytes[shard] + subB) / SHARD_WRITE_BYTES_PER_SEC, (recs[shard] + subR) / SHARD_WRITE_RECORDS_PER_SEC);
    subKeys.push({ name, shard, shardUtilizationAfter });
  }
  if (subKeys.length < k) return undefined;
  return { key, shardCount: n, subKeys, skipped, naiveSubKeys: naive, probabilityDistinct: probabilityDistinctShards(k, n), withinTarget: cap < 1 };
}
