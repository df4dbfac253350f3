/**
 * The run report of a headless run (`npm run sim`): per stream, records accepted / throttled /
 * dropped, peak and p99 per-shard write utilisation, put-call latency p50/p99, hottest shards and
 * keys; per producer, its counts and latency p50/p99; per consumer, max
 * iterator age and lag. Plain JSON; `runScenario` drives a whole run in chunks with progress.
 */
import { LatencyHistogram } from '../metrics/latency-histogram';
import { runWorld } from '../world/run';
import type { World, WorldReport } from '../world/world';
import type { ScenarioRuntime } from './load';
import type { TopKey } from './top-keys';
import { topKeysOf } from './top-keys';

export interface StreamReport {
  readonly name: string;
  readonly openShards: number;
  readonly recordsAttempted: number;
  readonly recordsAccepted: number;
  readonly recordsThrottled: number;
  readonly recordsDropped: number;
  readonly bytesAccepted: number;
  readonly peakShardUtilisation: number;
  readonly p99ShardUtilisation: number;
  readonly hottestShards: readonly { readonly shardId: string; readonly incomingRecords: number; readonly throttledRecords: number; readonly peakUtilisation: number }[];
  /** Every shard (open and closed) by shard number: records accepted and write-throttled over the run, from the shard's own counters. */
  readonly shards: readonly { readonly shardId: string; readonly acceptedRecords: number; readonly throttledRecords: number }[];
  readonly hottestKeys: readonly TopKey[];
  /** Put-call latency over the run, all of the stream's producers' calls together. */
  readonly putLatencyP50Ms: number;
  readonly putLatencyP99Ms: number;
}

export interface ProducerReport {
  readonly name: string;
  readonly stream: string;
  readonly mode: string;
  readonly attempted: number;
  readonly accepted: number;
  readonly throttled: number;
  readonly retried: number;
  readonly dropped: number;
  readonly putLatencyMsAvg: number;
  /** Median and 99th percentile of the producer's put-call latency over the run. */
  readonly putLatencyP50Ms: number;
  readonly putLatencyP99Ms: number;
}

export interface ConsumerReport {
  readonly name: string;
  readonly type: string;
  readonly stream: string;
  readonly recordsProcessed: number;
  readonly recordsRedelivered: number;
  readonly readThrottled: number;
  readonly maxIteratorAgeMs: number;
  readonly lagRecords: number;
}

export interface RunReport {
  readonly kind: 'run-report';
  readonly scenario: string;
  readonly seed: string;
  readonly simulatedMs: number;
  readonly aggregateMode: boolean;
  readonly modeReason: string;
  readonly streams: readonly StreamReport[];
  readonly producers: readonly ProducerReport[];
  readonly consumers: readonly ConsumerReport[];
}

export function buildReport(run: ScenarioRuntime): RunReport {
  const streams: StreamReport[] = [];
  for (const [name, sampler] of run.samplers) {
    const stream = sampler.stream;
    let attempted = 0, accepted = 0, throttled = 0, dropped = 0, bytes = 0;
    const latency = new LatencyHistogram();
    for (const p of run.producers) {
      if (p.config.streamName !== name) continue;
      latency.merge(p.putLatency.run);
      const t = p.totals();
      attempted += t.attempted; accepted += t.accepted; throttled += t.throttled; dropped += t.dropped; bytes += t.acceptedBytes;
    }
    let peak = 0;
    for (const v of sampler.peakUtil) peak = Math.max(peak, v);
    const hottest = stream.shards
      .map((s) => ({ shardId: s.id, incomingRecords: sampler.totalIncoming[s.number] ?? 0, throttledRecords: sampler.totalThrottled[s.number] ?? 0, peakUtilisation: round3(sampler.peakUtil[s.number] ?? 0) }))
      .sort((a, b) => b.incomingRecords + b.throttledRecords - (a.incomingRecords + a.throttledRecords) || (a.shardId < b.shardId ? -1 : 1))
      .slice(0, 5);
    streams.push({
      name, openShards: stream.openShardCount, recordsAttempted: attempted, recordsAccepted: accepted, recordsThrottled: throttled, recordsDropped: dropped,
      bytesAccepted: Math.round(bytes), peakShardUtilisation: round3(peak), p99ShardUtilisation: round3(Math.min(peak, sampler.utilQuantile(0.99))),
      hottestShards: hottest,
      shards: stream.shards.map((s) => ({ shardId: s.id, acceptedRecords: s.counters.incomingRecords, throttledRecords: s.counters.throttledWriteRecords })),
      hottestKeys: topKeysOf(run.producers, name, 5),
      putLatencyP50Ms: round3(latency.quantileMs(0.5)), putLatencyP99Ms: round3(latency.quantileMs(0.99)),
    });
  }
  return {
    kind: 'run-report',
    scenario: run.doc.name ?? 'scenario',
    seed: String(run.doc.seed),
    simulatedMs: run.sim.elapsedMs,
    aggregateMode: run.mode === 'aggregate',
    modeReason: run.modeReason,
    streams,
    producers: run.producers.map((p) => {
      const f = p.figures();
      const t = f.total;
      const h = p.putLatency.run;
      return {
        name: p.name, stream: p.config.streamName, mode: p.mode, attempted: t.attempted, accepted: t.accepted, throttled: t.throttled, retried: t.retried, dropped: t.dropped,
        putLatencyMsAvg: t.calls ? round3(t.latencyMsSum / t.calls) : 0, putLatencyP50Ms: round3(h.quantileMs(0.5)), putLatencyP99Ms: round3(h.quantileMs(0.99)),
      };
    }),
    consumers: run.consumers.map((c) => {
      const f = c.figures();
      return { name: c.name, type: f.type, stream: f.streamName, recordsProcessed: f.recordsProcessed, recordsRedelivered: f.recordsRedelivered, readThrottled: f.readThrottled, maxIteratorAgeMs: f.iteratorAgeMsMax, lagRecords: f.lagRecords };
    }),
  };
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/**
 * Builds the whole world of `doc` (every part, through the one loader) and runs it for `durationMs`,
 * reporting progress (0…1) between chunks. `report` is the world's report: these figures plus a
 * section per other part (firehose, analytics, …).
 */
export function runScenario(doc: unknown, durationMs: number, onProgress?: (fraction: number) => void, seed?: number | string): { run: ScenarioRuntime; report: WorldReport; world: World } {
  const { world, report } = runWorld(doc, durationMs, onProgress, { seed });
  return { run: world.parts.streams.run, report, world };
}
