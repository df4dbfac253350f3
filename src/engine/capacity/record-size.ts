/**
 * Record-size distributions for static sizing, reduced to weighted points so that per-record
 * rounding (PPU, on-demand 1 KiB, Firehose 5 KiB) is averaged exactly rather than applied to the mean.
 * Deterministic: continuous distributions are discretised at fixed quantiles, never sampled.
 */

export type RecordSizeDistribution =
  | { readonly kind: 'fixed'; readonly bytes: number }
  | { readonly kind: 'uniform'; readonly minBytes: number; readonly maxBytes: number }
  | { readonly kind: 'lognormal'; readonly medianBytes: number; readonly sigma: number }
  | { readonly kind: 'histogram'; readonly buckets: readonly { readonly bytes: number; readonly weight: number }[] };

export interface WeightedSize {
  readonly bytes: number;
  readonly probability: number;
}

/** Uniform ranges wider than this are represented by this many evenly spaced points. */
const UNIFORM_POINTS_MAX = 20_000;
/** Quantile points used for a log-normal distribution. */
const LOGNORMAL_POINTS = 1000;

/** The distribution as integer byte sizes with probabilities summing to 1, clipped to [1, maxBytes]. */
export function discretizeSizes(dist: RecordSizeDistribution, maxBytes = Number.POSITIVE_INFINITY): WeightedSize[] {
  const clip = (b: number) => Math.min(maxBytes, Math.max(1, Math.round(b)));
  switch (dist.kind) {
    case 'fixed':
      return [{ bytes: clip(dist.bytes), probability: 1 }];
    case 'uniform': {
      const lo = Math.round(dist.minBytes);
      const hi = Math.round(dist.maxBytes);
      const count = hi - lo + 1;
      const points = Math.min(count, UNIFORM_POINTS_MAX);
      const out: WeightedSize[] = [];
      for (let i = 0; i < points; i++) {
        const bytes = points === count ? lo + i : lo + ((i + 0.5) * count) / points - 0.5;
        out.push({ bytes: clip(bytes), probability: 1 / points });
      }
      return out;
    }
    case 'lognormal': {
      const mu = Math.log(dist.medianBytes);
      const out: WeightedSize[] = [];
      for (let i = 0; i < LOGNORMAL_POINTS; i++) {
        const z = inverseStandardNormal((i + 0.5) / LOGNORMAL_POINTS);
        out.push({ bytes: clip(Math.exp(mu + dist.sigma * z)), probability: 1 / LOGNORMAL_POINTS });
      }
      return out;
    }
    case 'histogram': {
      const total = dist.buckets.reduce((s, b) => s + b.weight, 0);
      return dist.buckets.map((b) => ({ bytes: clip(b.bytes), probability: b.weight / total }));
    }
  }
}

/** E[f(size)] over a discretised distribution. */
export function expectation(sizes: readonly WeightedSize[], f: (bytes: number) => number): number {
  let sum = 0;
  for (const s of sizes) sum += s.probability * f(s.bytes);
  return sum;
}

export function meanBytes(sizes: readonly WeightedSize[]): number {
  return expectation(sizes, (b) => b);
}

export function maxBytesOf(sizes: readonly WeightedSize[]): number {
  let max = 0;
  for (const s of sizes) if (s.probability > 0 && s.bytes > max) max = s.bytes;
  return max;
}

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9),
 * enough for placing quantile points.
 */
export function inverseStandardNormal(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pLow = 0.02425;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - pLow) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
