/**
 * A captured window of a live stream's traffic as a Planner workload (the format `npm run plan` and
 * the Planner read, src/engine/capacity/workload.ts), validated by the capacity module's own parser.
 * Rates: records over the window's length; peak: the highest 3-second average seen. Record sizes: the
 * sampled histogram (fixed when every record had one size). Keys: explicit weights of the real
 * partition keys when the sample holds them all (≤ EXPLICIT_KEYS_MAX and no overflow) — the planner
 * then routes each by MD5 exactly as the stream does; otherwise a hot-key or uniform model of the
 * distinct keys seen, which the description says.
 */
import { parseWorkload, type Workload, type WorkloadIssue } from '../engine/capacity/workload';
import type { TrafficStats } from './traffic-stats';

export const EXPLICIT_KEYS_MAX = 2_000;
/** A key this many times above the mean key's share counts as hot. */
const HOT_FACTOR = 5;

export interface CaptureInput {
  readonly streamName: string;
  readonly endpointLabel: string;
  readonly seconds: number;
  readonly nowMs: number;
  readonly stats: TrafficStats;
  readonly openShards: number;
  readonly retentionHours?: number;
  /** ISO date of the capture, for the description (the caller's clock). */
  readonly capturedOn: string;
}

export type CaptureResult =
  | { readonly ok: true; readonly workload: Workload; readonly json: Record<string, unknown>; readonly perSecond: readonly number[] }
  | { readonly ok: false; readonly reason: 'no-records' } | { readonly ok: false; readonly reason: 'invalid'; readonly issues: readonly WorkloadIssue[] };

function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function workloadFromCapture(c: CaptureInput): CaptureResult {
  const s = c.stats;
  if (s.records === 0) return { ok: false, reason: 'no-records' };
  const rates = s.totalRates(c.nowMs, c.seconds);
  const average = s.records / c.seconds;
  const peak = Math.max(average, rates.peakRecordsPerSec);
  const histogram = s.sizeHistogram();
  const recordSize = histogram.length === 1
    ? { kind: 'fixed', bytes: Math.max(1, Math.round(histogram[0].meanBytes)) }
    : { kind: 'histogram', buckets: histogram.map((b) => ({ bytes: Math.max(1, Math.round(b.meanBytes)), weight: b.records })) };
  const distinct = s.distinctKeys();
  let keys: Record<string, unknown>;
  let keysNote: string;
  if (distinct <= EXPLICIT_KEYS_MAX && s.overflowRecords === 0) {
    const weights: Record<string, number> = {};
    for (const [k, v] of s.keyCounts()) weights[k] = v.records;
    keys = { kind: 'explicit', weights };
    keysNote = `the ${distinct} partition keys seen, weighted by their records`;
  } else {
    const [top] = s.hotKeys(1);
    const share = top.records / s.records;
    if (share * distinct >= HOT_FACTOR) {
      keys = { kind: 'hot-key', hotKey: top.key, share: round(share, 4), otherKeys: Math.max(1, distinct - 1), prefix: 'key-' };
      keysNote = `hot key '${top.key}' with ${round(share * 100, 1)}% of records and ${distinct - 1}+ other keys (too many keys to list: modelled)`;
    } else {
      keys = { kind: 'uniform', count: distinct, prefix: 'key-' };
      keysNote = `${distinct}+ keys of similar weight (too many keys to list: modelled as uniform)`;
    }
  }
  const json: Record<string, unknown> = {
    name: `captured-${c.streamName}`.slice(0, 256),
    description: `Captured from stream '${c.streamName}' at ${c.endpointLabel} over ${c.seconds} s on ${c.capturedOn}: ${s.records} records; keys: ${keysNote}.`,
    traffic: {
      recordsPerSecond: { average: round(average), peak: round(peak) },
      recordSize,
      partitionKeyBytes: Math.min(256, Math.max(1, round(s.meanKeyBytes(), 2))),
      keys,
    },
    currentShards: Math.max(1, c.openShards),
    ...(c.retentionHours !== undefined ? { retentionHours: c.retentionHours } : {}),
  };
  const parsed = parseWorkload(json);
  if (!parsed.ok) return { ok: false, reason: 'invalid', issues: parsed.issues };
  return { ok: true, workload: parsed.workload, json, perSecond: s.perSecond(c.nowMs, c.seconds) };
}
