/**
 * A JSON-able summary of a running scenario for the worker to publish to the UI (4–10 Hz):
 * streams with per-shard current write utilisation, producers' and consumers' figures, top keys,
 * and the aggregate-mode flag. Cost is linear in shards with small constants (1,000 shards ≈ tens
 * of microseconds), with no per-record work.
 */
import type { ConsumerFigures } from '../consumers/consumer-figures';
import type { ProducerFiguresView } from '../producers/producer-figures';
import type { Simulation } from '../simulation';
import type { ScenarioRuntime } from './load';
import { SCENARIO_PART_ID } from './load';
import type { TopKey } from './top-keys';
import { topKeysOf } from './top-keys';

export interface StreamSnapshot {
  readonly name: string;
  readonly status: string;
  readonly openShards: number;
  /** Ids and current write utilisation (0…1+, max of records and bytes) of the open shards, in hash-key order. */
  readonly shardIds: readonly string[];
  readonly shardUtilisation: readonly number[];
  readonly incomingRecordsTotal: number;
  readonly throttledWriteRecordsTotal: number;
  readonly topKeys: readonly TopKey[];
}

export interface ScenarioSnapshot {
  readonly kind: 'scenario-snapshot';
  readonly nowMs: number;
  readonly elapsedMs: number;
  readonly aggregateMode: boolean;
  readonly modeReason: string;
  readonly streams: readonly StreamSnapshot[];
  readonly producers: readonly ProducerFiguresView[];
  readonly consumers: readonly ConsumerFigures[];
}

export function scenarioOf(sim: Simulation): ScenarioRuntime | undefined {
  return sim.part<ScenarioRuntime>(SCENARIO_PART_ID);
}

/** The snapshot of the scenario loaded on `sim`, or undefined when none is loaded. */
export function buildSnapshot(sim: Simulation): ScenarioSnapshot | undefined {
  const run = scenarioOf(sim);
  if (!run) return undefined;
  const streams: StreamSnapshot[] = [];
  for (const [name, sampler] of run.samplers) {
    const stream = sampler.stream;
    const open = stream.openShards();
    let incoming = 0;
    let throttled = 0;
    for (const shard of stream.shards) {
      incoming += shard.counters.incomingRecords;
      throttled += shard.counters.throttledWriteRecords;
    }
    streams.push({
      name,
      status: stream.status,
      openShards: open.length,
      shardIds: open.map((s) => s.id),
      shardUtilisation: open.map((s) => Math.round((sampler.currentUtil[s.number] ?? 0) * 1000) / 1000),
      incomingRecordsTotal: incoming,
      throttledWriteRecordsTotal: throttled,
      topKeys: topKeysOf(run.producers, name, 10),
    });
  }
  return {
    kind: 'scenario-snapshot',
    nowMs: sim.nowMs,
    elapsedMs: sim.elapsedMs,
    aggregateMode: run.mode === 'aggregate',
    modeReason: run.modeReason,
    streams,
    producers: run.producers.map((p) => p.figures()),
    consumers: run.consumers.map((c) => c.figures()),
  };
}
