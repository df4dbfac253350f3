/**
 * Runs one what-if variant through the simulator (record-level engine, the scenario's own seed) and
 * measures what the Planner's table shows: throttled %, records dropped, p99 put latency, max iterator
 * age, peak shard utilisation, monthly cost, plus a downsampled timeline for the overlaid charts and
 * the capacity module's analytic-vs-simulated comparison. Deterministic: same document, same numbers.
 */
import { compareWithSimulation, type PlanVsSimulation } from '../../../engine/capacity/compare';
import { simulatedOutcomeFromReport, workloadFromScenario } from '../../../engine/capacity/from-scenario';
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
}

export type VariantResult =
  | ({ readonly kind: 'variant-result'; readonly ok: true; readonly id: string; readonly label: string; readonly simulatedMs: number; readonly series: readonly VariantPoint[]; readonly comparison: PlanVsSimulation } & VariantMetrics)
  | { readonly kind: 'variant-result'; readonly ok: false; readonly id: string; readonly label: string; readonly error: string };

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
    const world = World.build(doc);
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
      shardCount: outcome.shardCount,
      mode,
      throttledPercent: outcome.writeThrottledPercent,
      droppedRecords: outcome.droppedRecords,
      recordsOffered: outcome.recordsOffered,
      p99PutLatencyMs: outcome.p99PutLatencyMs,
      maxIteratorAgeMs: outcome.maxIteratorAgeMs,
      peakShardUtilisation: outcome.peakShardUtilization,
      costMonthlyUsd: cost.totalMonthlyUsd,
      series,
      comparison: compareWithSimulation(workload, outcome),
    };
  } catch (e) {
    return { kind: 'variant-result', ok: false, id, label, error: (e as Error).message };
  }
}
