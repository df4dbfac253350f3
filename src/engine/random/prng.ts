/**
 * Seeded pseudo-random numbers: the only source of chance in the engine.
 * sfc32 (small fast counter) — 128-bit state, fast in JS, good statistical quality.
 * `fork(label)` derives an independent stream per actor, so adding one actor leaves
 * the draws of the others unchanged. Must not import anything outside the engine.
 */

/** 32-bit string hash (cyrb53 style mixing, truncated) used to turn labels and seeds into state. */
export function hashString32(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  readonly seedLabel: string;

  constructor(seed: number | string) {
    this.seedLabel = String(seed);
    const s = this.seedLabel;
    this.a = hashString32(s, 1);
    this.b = hashString32(s, 2);
    this.c = hashString32(s, 3);
    this.d = hashString32(s, 4) | 1;
    // Warm up so that similar seeds diverge.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** An independent generator for one actor, derived from this seed and a stable label. */
  fork(label: string): Prng {
    return new Prng(`${this.seedLabel}/${label}`);
  }

  nextUint32(): number {
    const a = this.a, b = this.b, c = this.c, d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.c = (r + t) | 0;
    return t >>> 0;
  }

  /** Writes the next `count` nextUint32 values into `out` from `offset` (same sequence, one state load/store). */
  fillUint32(out: Uint32Array, offset: number, count: number): void {
    let a = this.a, b = this.b, c = this.c, d = this.d;
    for (let k = 0; k < count; k++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      out[offset + k] = t >>> 0;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in the closed range [min, max]. */
  intInclusive(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability numerator/denominator. */
  chance(numerator: number, denominator: number): boolean {
    return this.next() * denominator < numerator;
  }

  /** True with probability p (0…1). */
  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Standard normal via Box–Muller (one value per call; simple beats clever here). */
  normal(mean = 0, stdDev = 1): number {
    let u = this.next();
    while (u === 0) u = this.next();
    const v = this.next();
    return mean + stdDev * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given parameters of the underlying normal. */
  logNormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  exponential(rate: number): number {
    let u = this.next();
    while (u === 0) u = this.next();
    return -Math.log(u) / rate;
  }

  /** Poisson-distributed count; Knuth for small means, normal approximation for large ones. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean < 30) {
      const limit = Math.exp(-mean);
      let k = 0;
      let p = this.next();
      while (p > limit) {
        k++;
        p *= this.next();
      }
      return k;
    }
    return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
  }

  /** A random RFC 4122 version-4 UUID string, deterministic for this generator. */
  uuid(): string {
    const h = (n: number, len: number) => n.toString(16).padStart(len, '0');
    const a = this.nextUint32();
    const b = this.nextUint32();
    const c = this.nextUint32();
    const d = this.nextUint32();
    return `${h(a, 8)}-${h(b >>> 16, 4)}-${h(((b & 0x0fff) | 0x4000) >>> 0, 4)}-${h(((c >>> 16) & 0x3fff) | 0x8000, 4)}-${h(c & 0xffff, 4)}${h(d, 8)}`;
  }
}
