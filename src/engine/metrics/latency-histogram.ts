/**
 * A bounded latency histogram with logarithmic buckets (8 per doubling, ≈9% relative width) from
 * 0.05 ms to about 2 minutes; values outside land in the end buckets. Quantiles come back as the
 * bucket's geometric midpoint clamped to the exact observed min and max, so a run where every call
 * took the same time reports that time. Fixed size, no allocation per value: producers keep one per
 * second and one per run, the metrics sampler one per stream and API.
 */

const BUCKETS_PER_DOUBLING = 8;
const MIN_MS = 0.05;
/** 2^22 × 0.05 ms ≈ 210 s. */
const DOUBLINGS = 22;
const BUCKETS = BUCKETS_PER_DOUBLING * DOUBLINGS + 1;
const LOG_MIN = Math.log2(MIN_MS);

function bucketOf(ms: number): number {
  if (!(ms > MIN_MS)) return 0;
  const b = Math.floor((Math.log2(ms) - LOG_MIN) * BUCKETS_PER_DOUBLING) + 1;
  return b >= BUCKETS ? BUCKETS - 1 : b;
}

/** Geometric midpoint of bucket `b` (bucket 0 holds everything up to MIN_MS). */
function bucketMidMs(b: number): number {
  if (b === 0) return MIN_MS;
  return 2 ** (LOG_MIN + (b - 0.5) / BUCKETS_PER_DOUBLING);
}

export class LatencyHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  count = 0;
  sumMs = 0;
  minMs = Number.POSITIVE_INFINITY;
  maxMs = 0;

  /** Records `weight` calls that each took `ms` (weight > 1 for aggregate mode's many identical calls). */
  record(ms: number, weight = 1): void {
    if (!(weight > 0)) return;
    this.counts[bucketOf(ms)] += weight;
    this.count += weight;
    this.sumMs += ms * weight;
    if (ms < this.minMs) this.minMs = ms;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  /** Adds everything `other` holds. */
  merge(other: LatencyHistogram): void {
    if (other.count === 0) return;
    for (let b = 0; b < BUCKETS; b++) this.counts[b] += other.counts[b];
    this.count += other.count;
    this.sumMs += other.sumMs;
    if (other.minMs < this.minMs) this.minMs = other.minMs;
    if (other.maxMs > this.maxMs) this.maxMs = other.maxMs;
  }

  reset(): void {
    if (this.count === 0) return;
    this.counts.fill(0);
    this.count = 0;
    this.sumMs = 0;
    this.minMs = Number.POSITIVE_INFINITY;
    this.maxMs = 0;
  }

  meanMs(): number {
    return this.count > 0 ? this.sumMs / this.count : 0;
  }

  /** Latency at quantile q (0…1); 0 when empty. */
  quantileMs(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(Number.MIN_VALUE, Math.min(1, q) * this.count);
    let seen = 0;
    for (let b = 0; b < BUCKETS; b++) {
      seen += this.counts[b];
      if (seen >= rank) return Math.min(this.maxMs, Math.max(this.minMs, bucketMidMs(b)));
    }
    return this.maxMs;
  }
}
