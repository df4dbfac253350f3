/**
 * Monthly Kinesis Video Streams cost for a camera fleet, itemised like the data-stream costs: data
 * ingested, data stored (GB-month), data consumed by GetMedia, HLS and DASH, and images generated.
 * Pricing dimensions: https://aws.amazon.com/kinesis/video-streams/pricing/ (spec video-streams.md §10).
 * Pure arithmetic over the price table, so the Planner's price editor and `--price` change it.
 */
import { line, total, type CostLine } from './cost-line';
import type { PriceKey, PriceTable } from './price-table';
import { GIB, HOURS_PER_MONTH } from './units';
import type { VideoWorkload } from './video-workload';

export interface VideoFigures {
  /** Media bytes per second one camera sends while recording. */
  readonly bytesPerSecPerCamera: number;
  readonly ingestedGiB: number;
  /** GiB held once the retention window has filled (steady state). */
  readonly storedGiB: number;
  readonly getMediaGiB: number;
  readonly hlsGiB: number;
  readonly dashGiB: number;
}

export interface VideoPlan {
  readonly kind: 'video';
  readonly workload: VideoWorkload;
  readonly figures: VideoFigures;
  readonly lines: readonly CostLine[];
  readonly totalMonthlyUsd: number;
  /** Oldest price date among the rows used. */
  readonly pricesAsOf: string;
  readonly region: string;
  /** What the estimate takes for granted, including every price the captured pricing page did not show. */
  readonly assumptions: readonly string[];
}

/** GiB moved by `hours` of media at `bytesPerSec`. */
function mediaGiB(bytesPerSec: number, hours: number): number {
  return (bytesPerSec * hours * 3600) / GIB;
}

export function videoFigures(w: VideoWorkload): VideoFigures {
  const bytesPerSecPerCamera = (w.bitrateKbps * 1000) / 8;
  const recordingShare = w.recordingHoursPerDay / 24;
  const fleetBytesPerSec = w.cameras * bytesPerSecPerCamera * recordingShare;
  return {
    bytesPerSecPerCamera,
    ingestedGiB: mediaGiB(fleetBytesPerSec, w.hoursPerMonth),
    // Retention keeps the last `retentionHours` of media: at steady state that window is what is stored.
    storedGiB: mediaGiB(fleetBytesPerSec, w.retentionHours),
    // Consumers read the media as it was ingested: KVS repackages for HLS/DASH without transcoding.
    getMediaGiB: mediaGiB(bytesPerSecPerCamera, w.consumption.getMediaHours),
    hlsGiB: mediaGiB(bytesPerSecPerCamera, w.consumption.hlsHours),
    dashGiB: mediaGiB(bytesPerSecPerCamera, w.consumption.dashHours),
  };
}

const USED_KEYS: readonly PriceKey[] = ['kvsIngestGB', 'kvsStoredGBMonth', 'kvsConsumedGB', 'kvsHlsGB', 'kvsDashGB', 'kvsImagesPer1000'];

export function planVideoCost(w: VideoWorkload, prices: PriceTable): VideoPlan {
  const f = videoFigures(w);
  const monthShare = w.hoursPerMonth / HOURS_PER_MONTH;
  const lines: CostLine[] = [
    line(prices, 'video.ingested', 'Data ingested (PutMedia)', f.ingestedGiB, 'GB', 'kvsIngestGB'),
    line(prices, 'video.stored', 'Data stored (retention window)', f.storedGiB * monthShare, 'GB-month', 'kvsStoredGBMonth'),
    line(prices, 'video.getMedia', 'Data consumed (GetMedia)', f.getMediaGiB, 'GB', 'kvsConsumedGB'),
    line(prices, 'video.hls', 'Data consumed via HLS', f.hlsGiB, 'GB', 'kvsHlsGB'),
    line(prices, 'video.dash', 'Data consumed via DASH', f.dashGiB, 'GB', 'kvsDashGB'),
    line(prices, 'video.images', 'Images generated (GetImages)', w.consumption.getImages, 'images', 'kvsImagesPer1000', 1000),
  ];
  const assumptions = [
    'GB means 2^30 bytes, as AWS billing counts it; media bytes = bitrate × time (container overhead not added).',
    `Storage is the steady state once the ${w.retentionHours}-hour retention window has filled; for the first ${w.retentionHours} hours after the streams start recording, less is stored.`,
    'Consumers read media at the recording bitrate (HLS/DASH repackage without transcoding); outgoing data transfer to the internet is billed separately by AWS and not included.',
    ...USED_KEYS.filter((k) => prices.rows[k].source.startsWith('ASSUMED') && !prices.rows[k].overridden).map(
      (k) => `Price ${k} = $${prices.rows[k].value} (${prices.rows[k].unit}) is assumed: the captured AWS pricing page did not show it; override with --price ${k}=<usd>.`,
    ),
  ];
  return {
    kind: 'video',
    workload: w,
    figures: f,
    lines,
    totalMonthlyUsd: total(lines),
    pricesAsOf: USED_KEYS.map((k) => prices.rows[k].asOf).sort()[0],
    region: prices.region,
    assumptions,
  };
}

function usd(n: number): string {
  return `$${n.toFixed(2)}`;
}

/** The plain-text report `npm run plan` prints for a video workload. */
export function renderVideoPlanText(p: VideoPlan): string {
  const w = p.workload;
  const out = [
    `Kinesis Video Streams plan: ${w.name}`,
    `  ${w.cameras} cameras × ${w.bitrateKbps} kbit/s, recording ${w.recordingHoursPerDay} h/day, retention ${w.retentionHours} h, ${w.hoursPerMonth} h/month`,
    `  ingest ${p.figures.ingestedGiB.toFixed(1)} GB/month; stored ${p.figures.storedGiB.toFixed(1)} GB at steady state`,
    '',
    `Monthly cost (${p.region}, prices as of ${p.pricesAsOf}):`,
  ];
  for (const l of p.lines) {
    const per = l.per === 1 ? '' : ` per ${l.per.toLocaleString('en-US')}`;
    out.push(`  ${l.label.padEnd(34)} ${l.quantity.toFixed(2).padStart(12)} ${l.unit.padEnd(8)} × $${l.unitPrice}${per} = ${usd(l.monthlyUsd).padStart(10)}`);
  }
  out.push(`  Total: ${usd(p.totalMonthlyUsd)} per month`);
  out.push('', 'Assumptions:', ...p.assumptions.map((a) => `  - ${a}`));
  return out.join('\n');
}
