/**
 * Key distributions turned into named keys with shares (spec §6): the heaviest keys exactly, the
 * long tail as one remainder spread evenly. Names are prefix + index, as the workload generator
 * names them, so the MD5 placement the planner computes is the one the simulation will see.
 */
import type { KeyDistribution } from './workload';

export interface KeyShare {
  readonly key: string;
  /** Fraction of all records carrying this key. */
  readonly share: number;
}

export interface KeyWeights {
  /** The heaviest keys, heaviest first, at most `exactKeysMax`. */
  readonly keys: readonly KeyShare[];
  /** Share carried by keys not listed, each lighter than the lightest listed key. */
  readonly remainderShare: number;
  readonly remainderKeyCount: number;
  readonly totalKeys: number;
}

/** Keys placed with real MD5; beyond this the tail is spread by expectation (each such key is tiny). */
export const EXACT_KEYS_MAX = 20_000;

export function keyWeights(dist: KeyDistribution, exactKeysMax = EXACT_KEYS_MAX): KeyWeights {
  switch (dist.kind) {
    case 'uniform': {
      const listed = Math.min(dist.count, exactKeysMax);
      const keys = Array.from({ length: listed }, (_, i) => ({ key: `${dist.prefix}${i}`, share: 1 / dist.count }));
      return { keys, remainderShare: (dist.count - listed) / dist.count, remainderKeyCount: dist.count - listed, totalKeys: dist.count };
    }
    case 'zipf': {
      const listed = Math.min(dist.count, exactKeysMax);
      const head: number[] = [];
      let headSum = 0;
      for (let k = 1; k <= listed; k++) {
        const w = Math.pow(k, -dist.exponent);
        head.push(w);
        headSum += w;
      }
      const tailSum = dist.count > listed ? powerSum(listed + 1, dist.count, dist.exponent) : 0;
      const total = headSum + tailSum;
      return {
        keys: head.map((w, i) => ({ key: `${dist.prefix}${i}`, share: w / total })),
        remainderShare: tailSum / total,
        remainderKeyCount: dist.count - listed,
        totalKeys: dist.count,
      };
    }
    case 'hot-key': {
      const others = dist.otherKeys;
      const hotShare = others === 0 ? 1 : dist.share;
      const listed = Math.min(others, exactKeysMax - 1);
      const each = others === 0 ? 0 : (1 - hotShare) / others;
      // The hot key's name may also be one of the generated names (hot key 'device-17' among 'device-0…'):
      // one name is one hash value, so its shares add up in a single key.
      const keys: KeyShare[] = [{ key: dist.hotKey, share: hotShare }];
      for (let i = 0; i < listed; i++) {
        const key = `${dist.prefix}${i}`;
        if (key === dist.hotKey) keys[0] = { key, share: keys[0].share + each };
        else keys.push({ key, share: each });
      }
      keys.sort((a, b) => b.share - a.share);
      return { keys, remainderShare: each * (others - listed), remainderKeyCount: others - listed, totalKeys: others + 1 };
    }
    case 'explicit': {
      const entries = Object.entries(dist.weights);
      const total = entries.reduce((s, [, w]) => s + w, 0);
      const all = entries.map(([key, w]) => ({ key, share: w / total })).sort((a, b) => b.share - a.share);
      const keys = all.slice(0, exactKeysMax);
      const rest = all.slice(exactKeysMax);
      return { keys, remainderShare: rest.reduce((s, k) => s + k.share, 0), remainderKeyCount: rest.length, totalKeys: all.length };
    }
  }
}

/** Σ_{k=a}^{b} k^(−s) by the midpoint integral, accurate for the smooth tail beyond the listed head. */
function powerSum(a: number, b: number, s: number): number {
  const lo = a - 0.5;
  const hi = b + 0.5;
  if (Math.abs(s - 1) < 1e-12) return Math.log(hi / lo);
  return (Math.pow(hi, 1 - s) - Math.pow(lo, 1 - s)) / (1 - s);
}
