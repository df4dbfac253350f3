/**
 * Runs one what-if variant through the whole world (every part of the document, the scenario's own
 * seed; record mode for small runs, aggregate mode for long horizons — see whatIfMode) and
 * measures what the Planner's table shows: throttled %, records dropped, p99 put latency, max iterator
 * age, peak shard utilisation, monthly cost, plus a downsampled timeline for the overlaid charts and
 * the capacity module's analytic-vs-simulated comparison. Deterministic: same document, same numbers.
 */
import { compareWithSimulation, type PlanVsSimulation } from '../../../engine/capacity/compare';
import { rateFigures, simulatedOutcomeFromReport, workloadFromScenario } from '../../../engine/capacity/from-scenario';
import { DEFAULT_PRICE_TABLE, withPriceOverrides, type PriceOverrides } from '../../../engine/capacity/price-table';
import type { ScenarioDoc } from '../../../engine/scenario/schema';
import { World } from '../../../engine/world/world';
import { configuredCost } from './scenario-cost';

export interface VariantRunInput {
  readonly id: string;
  readonly label: string;
  readonly doc: ScenarioDoc;
  readonly streamName: string;
  readonly durationMs: number;
  readonly priceOverrides?: PriceOverrides;
}

export interface VariantPoint {
  readonly tSec: number;
  /** Put attempts refused per second, averaged over the bucket. */
  readonly throttledPerSec: number;
  readonly acceptedPerSec: number;
  /** Highest iterator age among the stream's consumers at the end of the bucket. */
  readonly iteratorAgeMs: number;
}

/** Something that reads the stream in the variant's world, with the reads it made and how many the shards refused. */
export interface VariantReader {
  readonly name: string;
  readonly kind: 'kcl' | 'efo' | 'lambda' | 'analytics' | 'firehose';
  /** In aggregate mode, the Analytics application this polling reader stands for. */
  readonly standsFor?: string;
  /** GetRecords-equivalent calls (analytics applications; consumers report throttles only). */
  readonly readCalls?: number;
  readonly readThrottled: number;
  readonly recordsRead: number;
}

export interface VariantMetrics {
  readonly shardCount: number;
  readonly mode: 'PROVISIONED' | 'ON_DEMAND';
  readonly throttledPercent: number;
  readonly droppedRecords: number;
  readonly recordsOffered: number;
  /** 99th percentile of the latency of every put call the stream's producers made. */
  readonly p99PutLatencyMs: number;
  readonly maxIteratorAgeMs: number;
  readonly peakShardUtilisation: number;
  readonly costMonthlyUsd: number;
  /** Every reader of the stream: consumers and the Analytics applications whose source it is (they share each shard's 5 reads/s). */
  readonly readers: readonly VariantReader[];
}

export type VariantResult =
  | ({ readonly kind: 'variant-result'; readonly ok: true; readonly id: string; readonly label: string; readonly simulatedMs: number; readonly simulation: WhatIfMode; readonly series: readonly VariantPoint[]; readonly comparison: PlanVsSimulation } & VariantMetrics)
  | { readonly kind: 'variant-result'; readonly ok: false; readonly id: string; readonly label: string; readonly error: string };

export interface WhatIfMode {
  readonly mode: 'record' | 'aggregate';
  /** Analytics applications simulated as polling readers of their source (aggregate mode, no payloads). */
  readonly analyticsAsReaders: readonly string[];
  /** In plain words: why this mode, and what stays record-level. */
  readonly reason: string;
}

/**
 * Record mode materialises every record; beyond this many records per run the what-if switches to
 * aggregate mode, which keeps the same per-shard, per-second accounting (token buckets, throttling,
 * retries, reads) on counts. 2 M records take a few seconds in record mode on one core.
 */
export const RECORD_MODE_MAX_RECORDS = 2_000_000;

export function whatIfMode(doc: ScenarioDoc, durationMs: number): WhatIfMode {
  const seconds = durationMs / 1000;
  const records = doc.producers.reduce((s, p) => s + rateFigures(p.rate, seconds).average * seconds, 0);
  if (records <= RECORD_MODE_MAX_RECORDS) {
    return { mode: 'record', analyticsAsReaders: [], reason: `record mode: ${Math.round(records).toLocaleString('en-US')} records in the run, every one simulated` };
  }
  const kept = doc.producers.filter((p) => p.template !== undefined || p.aggregation?.enabled === true).map((p) => p.name);
  const asReaders: string[] = [];
  const apps = (doc.analytics ?? []).map((a) => {
    const withRecords = doc.producers.some((p) => p.stream === a.input.stream && kept.includes(p.name));
    if (!withRecords) asReaders.push(a.name);
    return `Analytics '${a.name}' ${withRecords ? 'runs its SQL on the templated records' : 'is simulated as what it is to the stream: a GetRecords reader polling every shard once a second (its SQL needs payloads, which aggregate mode does not keep)'}`;
  });
  return {
    mode: 'aggregate',
    analyticsAsReaders: asReaders,
    reason: [
      `aggregate mode: ${Math.round(records).toLocaleString('en-US')} records in the run, counted per shard and per second with the same limits`,
      kept.length ? `producers ${kept.map((n) => `'${n}'`).join(', ')} stay record-level (templates or KPL aggregation need payloads)` : '',
      ...apps,
    ]
      .filter(Boolean)
      .join('; '),
  };
}

/** Name of the polling reader that stands for an Analytics application in aggregate mode. */
export function analyticsReaderName(app: string): string {
  return `analytics:${app}`;
}

/**
 * The document a what-if runs: shard-level series off (the table needs stream figures and the per-shard
 * peak, which the sampler keeps anyway), and Analytics applications without payloads replaced by the
 * polling reader they are to their source stream (same calls, same bytes against 2 MiB/s per shard).
 */
export function whatIfDoc(doc: ScenarioDoc, m: WhatIfMode): ScenarioDoc {
  const readers = (doc.analytics ?? []).filter((a) => m.analyticsAsReaders.includes(a.name));
  return {
    ...doc,
    settings: { ...doc.settings, shardLevelMetrics: false },
    ...(readers.length
      ? {
          analytics: (doc.analytics ?? []).filter((a) => !m.analyticsAsReaders.includes(a.name)),
          consumers: [
            ...(doc.consumers ?? []),
            ...readers.map((a) => ({ type: 'kcl' as const, name: analyticsReaderName(a.name), stream: a.input.stream, initialPosition: a.input.startingPosition === 'TRIM_HORIZON' ? ('TRIM_HORIZON' as const) : ('LATEST' as const), pollIntervalMs: 1000 })),
          ],
        }
      : {}),
  };
}

/** Charts keep at most this many points per variant. */
const MAX_POINTS = 120;

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function runVariant(input: VariantRunInput, onProgress?: (fraction: number) => void): VariantResult {
  const { id, label, doc, streamName } = input;
  try {
    // The whole world of the document: Firehose sources and Analytics applications read the stream too.
    const simulation = whatIfMode(doc, input.durationMs);
    const runDoc = whatIfDoc(doc, simulation);
    const world = World.build(runDoc, { mode: simulation.mode });
    const sim = world.sim;
    const run = world.parts.streams.run;
    const durationMs = Math.max(1000, Math.round(input.durationMs / 1000) * 1000);
    const seconds = durationMs / 1000;
    const bucketSec = Math.max(1, Math.ceil(seconds / MAX_POINTS));
    const producers = run.producers.filter((p) => p.config.streamName === streamName);
    const consumers = run.consumers.filter((c) => c.figures().streamName === streamName);
    const series: VariantPoint[] = [];
    let prevThrottled = 0, prevAccepted = 0, lastReported = -1;
    for (let s = 1; s <= seconds; s++) {
      sim.runUntil(sim.startMs + s * 1000);
      if (s % bucketSec === 0 || s === seconds) {
        let throttled = 0, accepted = 0, age = 0;
        for (const p of producers) {
          const t = p.totals();
          throttled += t.throttled;
          accepted += t.accepted;
        }
        for (const c of consumers) age = Math.max(age, c.figures().iteratorAgeMs);
        const span = s - (series.length ? series[series.length - 1].tSec : 0);
        series.push({ tSec: s, throttledPerSec: (throttled - prevThrottled) / span, acceptedPerSec: (accepted - prevAccepted) / span, iteratorAgeMs: age });
        prevThrottled = throttled;
        prevAccepted = accepted;
      }
      const pct = Math.floor((100 * s) / seconds);
      if (onProgress && pct !== lastReported) {
        lastReported = pct;
        onProgress(s / seconds);
      }
    }
    const report = world.report();
    const measured = simulatedOutcomeFromReport(report, streamName);
    if (!measured) return { kind: 'variant-result', ok: false, id, label, error: `the scenario has no stream named '${streamName}'` };
    // The run's real p99 over every put call to the stream (the capacity module's outcome has the mean only).
    const streamReport = report.streams.find((x) => x.name === streamName);
    const outcome = { ...measured, p99PutLatencyMs: streamReport?.putLatencyP99Ms ?? measured.p99PutLatencyMs };
    const { workload } = workloadFromScenario(doc, streamName);
    const stream = doc.streams.find((x) => x.name === streamName);
    const mode = stream?.mode ?? 'PROVISIONED';
    const prices = input.priceOverrides ? withPriceOverrides(DEFAULT_PRICE_TABLE, input.priceOverrides) : DEFAULT_PRICE_TABLE;
    const cost = configuredCost(workload, mode, outcome.shardCount, prices);
    return {
      kind: 'variant-result',
      ok: true,
      id,
      label,
      simulatedMs: report.simulatedMs,
      simulation,
      shardCount: outcome.shardCount,
      mode,
      throttledPercent: outcome.writeThrottledPercent,
      droppedRecords: outcome.droppedRecords,
      recordsOffered: outcome.recordsOffered,
      p99PutLatencyMs: outcome.p99PutLatencyMs,
      maxIteratorAgeMs: outcome.maxIteratorAgeMs,
      peakShardUtilisation: outcome.peakShardUtilization,
      costMonthlyUsd: cost.totalMonthlyUsd,
      readers: [
        ...report.consumers.filter((c) => c.stream === streamName).map((c): VariantReader => {
          const app = simulation.analyticsAsReaders.find((a) => analyticsReaderName(a) === c.name);
          return { name: c.name, kind: c.type as VariantReader['kind'], readThrottled: c.readThrottled, recordsRead: c.recordsProcessed, ...(app ? { standsFor: app } : {}) };
        }),
        ...report.firehose.deliveryStreams
          .filter((d) => d.type === 'KinesisStreamAsSource' && (d.source === streamName || d.source?.endsWith(`/${streamName}`)))
          .map((d): VariantReader => ({ name: d.name, kind: 'firehose', readThrottled: d.sourceReadThrottled, recordsRead: d.recordsIn })),
        ...report.analytics.applications.filter((a) => a.sourceStream === streamName).map((a): VariantReader => ({ name: a.name, kind: 'analytics', readCalls: a.readCalls, readThrottled: a.readThrottles, recordsRead: a.recordsRead })),
      ],
      series,
      comparison: compareWithSimulation(workload, outcome),
    };
  } catch (e) {
    return { kind: 'variant-result', ok: false, id, label, error: (e as Error).message };
  }
}
