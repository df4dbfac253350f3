/**
 * Scenario documents the benchmarks run (kept in the engine so the bench and tests share them):
 * a 1,000-shard stream taking 1,000,000 records/s over Zipf keys with two polling consumers.
 */
import type { ScenarioDoc } from './schema';

export const AGGREGATE_SCENARIO_1000X1H: ScenarioDoc = {
  version: 1,
  name: '1,000 shards at 1M records/s',
  seed: 'bench-aggregate',
  durationSec: 3600,
  streams: [{ name: 'big', shards: 1000 }],
  producers: [{ name: 'fleet', stream: 'big', rate: { kind: 'constant', recordsPerSec: 1_000_000 }, size: { kind: 'fixed', bytes: 100 }, keys: { kind: 'pool', keys: 100_000, distribution: 'zipf', zipfExponent: 1.1 } }],
  consumers: [
    { type: 'kcl', name: 'analytics', stream: 'big', initialPosition: 'TRIM_HORIZON' },
    { type: 'kcl', name: 'archiver', stream: 'big', initialPosition: 'TRIM_HORIZON' },
  ],
};
