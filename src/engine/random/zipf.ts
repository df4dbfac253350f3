/**
 * Zipf-distributed ranks 0…n−1 with exponent s: P(rank k) ∝ 1/(k+1)^s.
 * Precomputes the CDF once (n up to a few million is fine) and samples by binary search,
 * so a draw is O(log n) with no allocation.
 */
import type { Prng } from './prng';

export class ZipfSampler {
  readonly cdf: Float64Array;

  constructor(readonly n: number, readonly exponent: number) {
    if (!(n >= 1)) throw new RangeError(`Zipf needs at least one item, got ${n}`);
    if (!(exponent >= 0)) throw new RangeError(`Zipf exponent must be ≥ 0, got ${exponent}`);
    this.cdf = new Float64Array(n);
    let total = 0;
    for (let k = 0; k < n; k++) {
      total += 1 / Math.pow(k + 1, exponent);
      this.cdf[k] = total;
    }
    for (let k = 0; k < n; k++) this.cdf[k] /= total;
  }

  /** Probability of rank k. */
  probability(rank: number): number {
    return rank === 0 ? this.cdf[0] : this.cdf[rank] - this.cdf[rank - 1];
  }

  sample(prng: Prng): number {
    const u = prng.next();
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
