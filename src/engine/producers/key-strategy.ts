/**
 * Partition-key strategies: how a producer picks each record's partition key (and optionally an
 * explicit hash key). A strategy also describes itself as key weights for aggregate mode and for
 * "top keys" reporting: pools know each key's probability, so per-shard load is exact.
 */
import type { Prng } from '../random/prng';
import { ZipfSampler } from '../random/zipf';

export type KeyStrategy =
  /** A fresh random UUID per record: spreads evenly, no per-key ordering. */
  | { readonly kind: 'uuid' }
  /** A fixed pool of `keys` keys named `<prefix><i>`, chosen uniformly or Zipf-skewed with exponent `zipfExponent`. */
  | { readonly kind: 'pool'; readonly keys: number; readonly distribution?: 'uniform' | 'zipf'; readonly zipfExponent?: number; readonly prefix?: string }
  /** One key takes `hotPercent`% of records; the rest go to a uniform pool of `otherKeys` keys. */
  | { readonly kind: 'hotKey'; readonly hotKey?: string; readonly hotPercent: number; readonly otherKeys?: number; readonly prefix?: string }
  /** Sequential keys `<prefix><n>` (n counts up per record, modulo `wrap` if set). */
  | { readonly kind: 'sequential'; readonly prefix?: string; readonly wrap?: number }
  /** The same key for every record within a time bucket: `<prefix><floor(t / bucketMs)>`. */
  | { readonly kind: 'timeBucket'; readonly bucketMs: number; readonly prefix?: string }
  /** Explicit hash keys (decimal strings) cycled in order; the partition key is still sent and counted. */
  | { readonly kind: 'explicitHash'; readonly hashKeys: readonly string[]; readonly partitionKey?: string };

export interface KeyPick {
  /** Index into the strategy's fixed key table, or −1 when the key is made fresh (uuid, sequential, time bucket). */
  index: number;
  key: string;
  explicitHashKey: string | undefined;
}

/** A key generator: `next(nowMs, out)` fills `out` (reused, no allocation for pooled keys). */
export interface KeyGenerator {
  /** Keys that a fixed-table strategy can produce, with their probabilities; undefined for open-ended strategies. */
  readonly table: readonly string[] | undefined;
  readonly weights: Float64Array | undefined;
  readonly explicitHashKeys: readonly string[] | undefined;
  next(nowMs: number, out: KeyPick): void;
  /**
   * UUID strategy only: draws the next key as its four words into `out[offset…offset+3]` (version and
   * variant bits set; text via hash/uuid-key's `uuidKeyString`) instead of a string. It consumes the same
   * draws as `next`, so a run yields the same keys whichever of the two the producer calls.
   */
  nextUuidWords?(out: Uint32Array, offset: number): void;
}

const HEX_CODES = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));
/** Reused char-code buffer; dashes stay in place. */
const UUID_CODES: number[] = new Array<number>(36).fill(45);

/**
 * A version-4 UUID from 4 draws, built as char codes and turned into a flat one-byte string in one
 * call: about 1.5× faster than concatenating hex pairs, and the MD5 then reads a flat string.
 */
export function fastUuid(prng: Prng): string {
  const codes = UUID_CODES;
  let j = 0;
  for (let w = 0; w < 4; w++) {
    let v = prng.nextUint32();
    if (w === 1) v = (v & 0xffff0fff) | 0x4000; // version 4
    else if (w === 2) v = ((v & 0x3fffffff) | 0x80000000) >>> 0; // variant 10xx
    for (let k = 0; k < 8; k++) {
      if (j === 8 || j === 13 || j === 18 || j === 23) j++;
      codes[j++] = HEX_CODES[(v >>> (28 - 4 * k)) & 15];
    }
  }
  return String.fromCharCode.apply(null, codes);
}

export function makeKeyGenerator(strategy: KeyStrategy, prng: Prng): KeyGenerator {
  switch (strategy.kind) {
    case 'uuid':
      return {
        table: undefined, weights: undefined, explicitHashKeys: undefined,
        next(_nowMs, out) { out.index = -1; out.key = fastUuid(prng); out.explicitHashKey = undefined; },
        nextUuidWords(out, offset) {
          prng.fillUint32(out, offset, 4);
          out[offset + 1] = (out[offset + 1] & 0xffff0fff) | 0x4000;
          out[offset + 2] = ((out[offset + 2] & 0x3fffffff) | 0x80000000) >>> 0;
        },
      };
    case 'pool': {
      const prefix = strategy.prefix ?? 'key-';
      const table = Array.from({ length: strategy.keys }, (_, i) => `${prefix}${i}`);
      if ((strategy.distribution ?? 'uniform') === 'zipf') {
        const zipf = new ZipfSampler(strategy.keys, strategy.zipfExponent ?? 1);
        const weights = new Float64Array(strategy.keys);
        for (let i = 0; i < strategy.keys; i++) weights[i] = zipf.probability(i);
        // Walker's alias method: one draw and O(1) per key instead of a binary search over the CDF.
        const alias = new AliasTable(weights);
        return {
          table, weights, explicitHashKeys: undefined,
          next(_nowMs, out) { const i = alias.sample(prng); out.index = i; out.key = table[i]; out.explicitHashKey = undefined; },
        };
      }
      const n = strategy.keys;
      return {
        table, weights: new Float64Array(n).fill(1 / n), explicitHashKeys: undefined,
        next(_nowMs, out) { const i = Math.floor(prng.next() * n); out.index = i; out.key = table[i]; out.explicitHashKey = undefined; },
      };
    }
    case 'hotKey': {
      const prefix = strategy.prefix ?? 'key-';
      const others = Math.max(1, strategy.otherKeys ?? 1000);
      const table = [strategy.hotKey ?? 'hot-key', ...Array.from({ length: others }, (_, i) => `${prefix}${i}`)];
      const p = Math.min(1, Math.max(0, strategy.hotPercent / 100));
      const weights = new Float64Array(table.length).fill((1 - p) / others);
      weights[0] = p;
      return {
        table, weights, explicitHashKeys: undefined,
        next(_nowMs, out) {
          const i = prng.next() < p ? 0 : 1 + Math.floor(prng.next() * others);
          out.index = i; out.key = table[i]; out.explicitHashKey = undefined;
        },
      };
    }
    case 'sequential': {
      const prefix = strategy.prefix ?? 'seq-';
      let n = 0;
      return {
        table: undefined, weights: undefined, explicitHashKeys: undefined,
        next(_nowMs, out) {
          const v = strategy.wrap ? n % strategy.wrap : n;
          n++;
          out.index = -1; out.key = prefix + v; out.explicitHashKey = undefined;
        },
      };
    }
    case 'timeBucket': {
      const prefix = strategy.prefix ?? 'bucket-';
      let bucket = Number.NaN;
      let key = '';
      return {
        table: undefined, weights: undefined, explicitHashKeys: undefined,
        next(nowMs, out) {
          const b = Math.floor(nowMs / strategy.bucketMs);
          if (b !== bucket) { bucket = b; key = prefix + b; }
          out.index = -1; out.key = key; out.explicitHashKey = undefined;
        },
      };
    }
    case 'explicitHash': {
      const pk = strategy.partitionKey ?? 'explicit';
      const n = strategy.hashKeys.length;
      let i = 0;
      return {
        table: strategy.hashKeys.map(() => pk), weights: new Float64Array(n).fill(1 / n), explicitHashKeys: strategy.hashKeys,
        next(_nowMs, out) { const k = i++ % n; out.index = k; out.key = pk; out.explicitHashKey = strategy.hashKeys[k]; },
      };
    }
  }
}

/** Walker's alias table over discrete weights (summing to 1): O(n) to build, O(1) per draw. */
export class AliasTable {
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;
  readonly n: number;

  constructor(weights: Float64Array) {
    const n = (this.n = weights.length);
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    let total = 0;
    for (const w of weights) total += w;
    const scaled = Float64Array.from(weights, (w) => (w * n) / total);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = n - 1; i >= 0; i--) (scaled[i] < 1 ? small : large).push(i);
    while (small.length > 0 && large.length > 0) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.prob[s] = scaled[s];
      this.alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      (scaled[l] < 1 ? small : large).push(l);
    }
    for (const i of large) { this.prob[i] = 1; this.alias[i] = i; }
    for (const i of small) { this.prob[i] = 1; this.alias[i] = i; }
  }

  sample(prng: Prng): number {
    const u = prng.next() * this.n;
    const i = Math.floor(u);
    return u - i < this.prob[i] ? i : this.alias[i];
  }
}
