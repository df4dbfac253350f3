/**
 * Large records and the per-shard write limit: two records above 512 KiB on one shard in the same second
 * exceed its 1 MiB/s (data plus key; https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html),
 * so the second is refused even when the stream as a whole has room. With random partition keys each large
 * record picks one of N shards uniformly: arrivals per shard per second are Poisson with μ = λ/N, and
 *   P(a given shard gets two or more in a second) = 1 − e^{−μ}(1 + μ),
 *   P(some shard does, in a given second)        = 1 − (e^{−μ}(1 + μ))^N,
 *   records refused per shard-second             = E[max(0, X − 1)] = μ − 1 + e^{−μ}.
 */
import type { WeightedSize } from './record-size';
import { MIB, SHARD_WRITE_BYTES_PER_SEC } from './units';

export interface LargeRecordRisk {
  /** Records (data + key) above half a shard's write limit: any two of them overflow one shard. */
  readonly thresholdBytes: number;
  readonly fractionOfRecords: number;
  readonly largeRecordsPerSec: number;
  readonly shards: number;
  readonly probabilityPerSecond: number;
  /** E[max(0, X − 1)] per shard-second, × shards × 3,600: large records refused per hour. */
  readonly refusedPerHour: number;
}

export function largeRecordRisk(sizes: readonly WeightedSize[], keyBytes: number, recordsPerSecPeak: number, shards: number): LargeRecordRisk | undefined {
  const threshold = SHARD_WRITE_BYTES_PER_SEC / 2;
  const fraction = sizes.filter((s) => s.bytes + keyBytes > threshold).reduce((a, s) => a + s.probability, 0);
  if (fraction <= 0) return undefined;
  const lambda = recordsPerSecPeak * fraction;
  const mu = lambda / shards;
  const quiet = Math.exp(-mu) * (1 + mu);
  return {
    thresholdBytes: threshold,
    fractionOfRecords: fraction,
    largeRecordsPerSec: lambda,
    shards,
    probabilityPerSecond: 1 - Math.pow(quiet, shards),
    refusedPerHour: 3600 * shards * (mu - 1 + Math.exp(-mu)),
  };
}

export function largeRecordMessage(r: LargeRecordRisk): string {
  const p = r.probabilityPerSecond;
  return `${(r.fractionOfRecords * 100).toFixed(r.fractionOfRecords < 0.1 ? 2 : 0)}% of records are above ${r.thresholdBytes / MIB} MiB (${r.largeRecordsPerSec.toFixed(2)}/s at peak): two of them on one shard in the same second exceed its 1 MiB/s and the second is refused. With random keys over ${r.shards} shards that happens in ${p < 0.001 ? p.toExponential(2) : `${(p * 100).toFixed(1)}%`} of seconds (≈ ${r.refusedPerHour.toFixed(1)} refused large records per hour, retried by the producer). Spread large records over shards in turn with ExplicitHashKey, or send them at most one per shard per second.`;
}
