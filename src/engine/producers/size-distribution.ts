/**
 * Record data sizes in bytes: fixed, uniform, normal or log-normal, clamped to [minBytes,
 * maxBytes] (by default 1 byte … 1 MiB, the stream's default record limit).
 */
import type { Prng } from '../random/prng';

export const RECORD_DATA_MAX_BYTES = 1_048_576; // AWS: record data blob up to 1 MiB by default

export type SizeDistribution =
  | { readonly kind: 'fixed'; readonly bytes: number }
  | { readonly kind: 'uniform'; readonly minBytes: number; readonly maxBytes: number }
  | { readonly kind: 'normal'; readonly meanBytes: number; readonly stdDevBytes: number; readonly minBytes?: number; readonly maxBytes?: number }
  /** Log-normal described by its median and the σ of the underlying normal (heavy right tail). */
  | { readonly kind: 'logNormal'; readonly medianBytes: number; readonly sigma: number; readonly minBytes?: number; readonly maxBytes?: number };

export type SizeSampler = () => number;

export function makeSizeSampler(dist: SizeDistribution, prng: Prng): SizeSampler {
  switch (dist.kind) {
    case 'fixed': {
      const b = Math.round(dist.bytes);
      return () => b;
    }
    case 'uniform': {
      const lo = Math.round(dist.minBytes);
      const hi = Math.round(dist.maxBytes);
      return () => prng.intInclusive(lo, hi);
    }
    case 'normal': {
      const lo = dist.minBytes ?? 1;
      const hi = dist.maxBytes ?? RECORD_DATA_MAX_BYTES;
      return () => clampRound(prng.normal(dist.meanBytes, dist.stdDevBytes), lo, hi);
    }
    case 'logNormal': {
      const lo = dist.minBytes ?? 1;
      const hi = dist.maxBytes ?? RECORD_DATA_MAX_BYTES;
      const mu = Math.log(dist.medianBytes);
      return () => clampRound(prng.logNormal(mu, dist.sigma), lo, hi);
    }
  }
}

/** Expected size, for aggregate mode where sizes are not drawn one by one. */
export function meanSize(dist: SizeDistribution): number {
  switch (dist.kind) {
    case 'fixed':
      return dist.bytes;
    case 'uniform':
      return (Math.round(dist.minBytes) + Math.round(dist.maxBytes)) / 2;
    case 'normal':
      return dist.meanBytes;
    case 'logNormal':
      return Math.min(dist.maxBytes ?? RECORD_DATA_MAX_BYTES, dist.medianBytes * Math.exp((dist.sigma * dist.sigma) / 2));
  }
}

function clampRound(v: number, lo: number, hi: number): number {
  const r = Math.round(v);
  return r < lo ? lo : r > hi ? hi : r;
}
