/**
 * Large records and the per-shard write limit. A shard takes 1 MiB/s (data plus key) whatever the stream's
 * maximum record size (https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html); a stream
 * whose MaxRecordSizeInKiB is above 1,024 takes records up to 10 MiB by bursting: "think of your stream's write
 * capacity as a tank that refills at a steady rate" — a large record drains it, the shard's unused sustained rate
 * refills it (https://docs.aws.amazon.com/streams/latest/dev/large-records.html). AWS publishes no tank size; the
 * engine's (engine/streams/limits.ts writeBurstBytesOf) is what one record of the maximum size needs beyond the
 * 1 MiB window, C = max record size − 1 MiB, and this model uses the same, so estimate and simulation agree.
 *
 * Model, per shard, with random keys (each large record picks one of N shards uniformly):
 *   r = 1 MiB − b        the refill rate: what the shard's other traffic b (bytes/s) leaves of its window;
 *   T = max(1 s, C / r)  the time an emptied tank takes to refill (1 s without a tank: the window itself);
 *   n = ⌊(C + T·r) / S⌋  records of size S a full tank plus T seconds of window absorb;
 *   X ~ Poisson(μT), μ = λ/N large records per shard per second;
 *   P(a shard refuses one in a T-second window) = P(X ≥ n + 1),  refused per hour = N · 3,600/T · E[max(0, X − n)].
 * Without a tank (the default 1 MiB maximum) and two records of 600 KiB this is the old rule: two on one shard in
 * the same second exceed its 1 MiB/s, P = 1 − e^{−μ}(1 + μ), refused = μ − 1 + e^{−μ} per shard-second.
 * It treats the tank as full when a window starts — right when large records are rarer than its refill time,
 * which is what AWS designs them for ("keep large records under 2% of total traffic"; records and bytes both checked).
 */
import type { WeightedSize } from './record-size';
import { MIB, SHARD_WRITE_BYTES_PER_SEC } from './units';

/** AWS's guidance for large records (large-records.html, "Optimize stream performance with large records"). */
export const LARGE_RECORD_SHARE_GUIDANCE = 0.02;

export interface LargeRecordRisk {
  /** Records (data + key) above half a shard's write limit: any two of them overflow one shard's second. */
  readonly thresholdBytes: number;
  readonly fractionOfRecords: number;
  readonly largeRecordsPerSec: number;
  readonly shards: number;
  /** Probability that some shard refuses a large record in a given second (per-second equivalent of the window's). */
  readonly probabilityPerSecond: number;
  /** E[max(0, X − n)] per shard-window, × shards × windows per hour: large records refused per hour. */
  readonly refusedPerHour: number;
  /** S: the largest such record (data + key); the model uses it for every large record (conservative). */
  readonly largestRecordBytes: number;
  /** C: the burst tank (0 at the default 1 MiB maximum record size). */
  readonly burstBytes: number;
  /** T and n of the model. */
  readonly windowSeconds: number;
  readonly absorbedPerWindow: number;
  /** Share of records above 1 MiB (AWS: keep under 2%), and of bytes. */
  readonly overOneMiBShareOfRecords: number;
  readonly overOneMiBShareOfBytes: number;
  /** MaxRecordSizeInKiB the stream needs for its largest record (data + key), when above the 1,024 default. */
  readonly neededMaxRecordSizeKiB?: number;
}

export interface LargeRecordInput {
  readonly sizes: readonly WeightedSize[];
  readonly keyBytes: number;
  readonly recordsPerSecPeak: number;
  readonly shards: number;
  /** The stream's maximum record size (data + key), bytes. */
  readonly maxRecordBytes: number;
}

/** P(X = k) for k = 0…n and E[max(0, X − n)] of X ~ Poisson(m). */
function poissonTail(m: number, n: number): { atLeastNPlus1: number; excess: number } {
  let pk = Math.exp(-m);
  let cdf = 0;
  let below = 0; // Σ_{k≤n} (n − k) P(X = k)
  for (let k = 0; k <= n; k++) {
    cdf += pk;
    below += (n - k) * pk;
    pk *= m / (k + 1);
  }
  return { atLeastNPlus1: Math.max(0, 1 - cdf), excess: Math.max(0, m - n + below) };
}

export function largeRecordRisk(input: LargeRecordInput): LargeRecordRisk | undefined {
  const { sizes, keyBytes, recordsPerSecPeak, shards } = input;
  const threshold = SHARD_WRITE_BYTES_PER_SEC / 2;
  const large = sizes.filter((s) => s.bytes + keyBytes > threshold);
  const fraction = large.reduce((a, s) => a + s.probability, 0);
  if (fraction <= 0 || shards <= 0) return undefined;
  const largest = Math.max(...large.map((s) => s.bytes + keyBytes));
  const over = sizes.filter((s) => s.bytes + keyBytes > MIB);
  const overShare = over.reduce((a, s) => a + s.probability, 0);
  const meanBytes = sizes.reduce((a, s) => a + s.probability * (s.bytes + keyBytes), 0);
  const overBytes = over.reduce((a, s) => a + s.probability * (s.bytes + keyBytes), 0);
  const lambda = recordsPerSecPeak * fraction;
  const mu = lambda / shards;
  // The other traffic of a shard: everything but the large records, spread evenly.
  const largeBytesPerSec = recordsPerSecPeak * large.reduce((a, s) => a + s.probability * (s.bytes + keyBytes), 0);
  const baseline = Math.max(0, recordsPerSecPeak * meanBytes - largeBytesPerSec) / shards;
  const refill = Math.max(0, SHARD_WRITE_BYTES_PER_SEC - baseline);
  const burst = Math.max(0, input.maxRecordBytes - SHARD_WRITE_BYTES_PER_SEC);
  const window = refill > 0 ? Math.max(1, burst / refill) : 1;
  const absorbed = Math.floor((burst + window * refill) / largest);
  const tail = poissonTail(mu * window, absorbed);
  const perWindow = 1 - Math.pow(1 - tail.atLeastNPlus1, shards);
  return {
    thresholdBytes: threshold,
    fractionOfRecords: fraction,
    largeRecordsPerSec: lambda,
    shards,
    probabilityPerSecond: 1 - Math.pow(1 - perWindow, 1 / window),
    refusedPerHour: (shards * 3600 * tail.excess) / window,
    largestRecordBytes: largest,
    burstBytes: burst,
    windowSeconds: window,
    absorbedPerWindow: absorbed,
    overOneMiBShareOfRecords: overShare,
    overOneMiBShareOfBytes: meanBytes > 0 ? overBytes / meanBytes : 0,
    ...(largest > MIB ? { neededMaxRecordSizeKiB: Math.ceil(largest / 1024) } : {}),
  };
}

const pctText = (p: number) => (p < 0.001 ? p.toExponential(2) : `${(p * 100).toFixed(1)}%`);

export function largeRecordMessage(r: LargeRecordRisk): string {
  const p = r.probabilityPerSecond;
  const share = `${(r.fractionOfRecords * 100).toFixed(r.fractionOfRecords < 0.1 ? 2 : 0)}% of records are above ${r.thresholdBytes / MIB} MiB (${r.largeRecordsPerSec.toFixed(2)}/s at peak)`;
  const odds = `With random keys over ${r.shards} shards that happens in ${pctText(p)} of seconds (≈ ${r.refusedPerHour.toFixed(1)} refused large records per hour, retried by the producer).`;
  if (r.burstBytes <= 0) {
    return `${share}: two of them on one shard in the same second exceed its 1 MiB/s and the second is refused. ${odds} Spread large records over shards in turn with ExplicitHashKey, or send them at most one per shard per second.`;
  }
  const sizeMiB = (r.largestRecordBytes / MIB).toFixed(2);
  return `${share}, the largest ${sizeMiB} MiB: a shard still takes 1 MiB/s and absorbs larger records from its burst tank (${(r.burstBytes / MIB).toFixed(0)} MiB at this maximum record size), which its unused rate refills in about ${r.windowSeconds.toFixed(1)} s; ${r.absorbedPerWindow} such record${r.absorbedPerWindow === 1 ? ' fits' : 's fit'} per shard in that time, one more is refused. ${odds} Spread large records over shards in turn with ExplicitHashKey; on-demand streams manage the burst themselves (large-records.html).`;
}

/** Findings about records above 1 MiB beyond collisions: the setting they need and AWS's 2% guidance. */
export function largeRecordSettingMessages(r: LargeRecordRisk, maxRecordBytes: number): string[] {
  const out: string[] = [];
  if (r.neededMaxRecordSizeKiB !== undefined && maxRecordBytes >= r.largestRecordBytes) {
    const kib = Math.round(maxRecordBytes / 1024);
    out.push(`Records up to ${(r.largestRecordBytes / MIB).toFixed(2)} MiB (data + key) need the stream's maximum record size raised from the 1,024 KiB default to at least ${r.neededMaxRecordSizeKiB} KiB (this plan uses the workload's ${kib.toLocaleString('en-US')} KiB): create the stream with MaxRecordSizeInKiB ${kib} or call UpdateMaxRecordSize (aws kinesis update-max-record-size --stream-arn … --max-record-size-in-ki-b ${kib}); check that every consumer handles records that large (large-records.html).`);
  }
  if (Math.max(r.overOneMiBShareOfRecords, r.overOneMiBShareOfBytes) > LARGE_RECORD_SHARE_GUIDANCE) {
    out.push(`Records above 1 MiB are ${(r.overOneMiBShareOfRecords * 100).toFixed(1)}% of records and ${(r.overOneMiBShareOfBytes * 100).toFixed(0)}% of bytes: AWS designs large records for intermittent use and advises keeping them under 2% of total traffic (either reading is over here). At this share the burst tank is rarely full when the next one comes, so shards throttle more than the estimate above says; send the large payloads elsewhere (for example to S3, with a pointer in the stream) or expect retries.`);
  }
  return out;
}
