/**
 * Ingest benchmarks (records per wall-clock second through producer → stream, record mode) and
 * the aggregate-mode hour: `npm run bench -- ingest` / `npm run bench -- sim.aggregate`.
 * The record-mode rates stay under the shards' limits so the figure measures the engine, not retries.
 */
import type { Benchmark } from '../bench/harness';
import { AGGREGATE_SCENARIO_1000X1H } from '../scenario/bench-scenarios';
import { runScenario } from '../scenario/report';
import { StreamSinkAdapter } from '../scenario/stream-adapters';
import { Simulation } from '../simulation';
import { KinesisService } from '../streams/service';
import { Producer } from './producer';
import type { KeyStrategy } from './key-strategy';
import { withProducerDefaults } from './producer-config';

function ingest(keys: KeyStrategy, recordsPerSec: number, virtualSec: number): number {
  const sim = new Simulation({ seed: 'bench' });
  const service = new KinesisService(sim, { transitionDelayMs: 0, enforceControlPlaneRates: false, memoryBudgetBytes: 512 * 1_048_576 });
  const stream = service.createStream('bench', 'PROVISIONED', 64);
  stream.status = 'ACTIVE';
  const producer = new Producer(sim, withProducerDefaults({ name: 'p', streamName: 'bench', rate: { kind: 'constant', recordsPerSec }, size: { kind: 'fixed', bytes: 100 }, keys }), new StreamSinkAdapter(stream, () => sim.nowMs));
  producer.start();
  const t0 = performance.now();
  sim.advanceBy(virtualSec * 1000);
  const wallS = (performance.now() - t0) / 1000;
  const t = producer.totals();
  if (t.throttled > t.attempted * 0.01) throw new Error(`bench setup throttles ${t.throttled} of ${t.attempted} records; lower the rate`);
  return t.attempted / wallS;
}

export const benchmarks: Benchmark[] = [
  {
    name: 'ingest.record.uuid',
    unit: 'records/s',
    higherIsBetter: true,
    goal: 1_000_000,
    // 64 shards at 500 records/s each: a random UUID key per 100-byte (size-only) record never throttles.
    run: () => ingest({ kind: 'uuid' }, 32_000, 60),
  },
  {
    name: 'ingest.record.pool',
    unit: 'records/s',
    higherIsBetter: true,
    goal: 3_000_000,
    // 10,000 keys, Zipf s = 1.1: key-0 takes ~13%, so 6,000 records/s keeps its shard under 1,000/s.
    run: () => ingest({ kind: 'pool', keys: 10_000, distribution: 'zipf', zipfExponent: 1.1 }, 6_000, 320),
  },
  {
    name: 'sim.aggregate.1000x1h',
    unit: 's',
    higherIsBetter: false,
    goal: 10,
    runs: 3,
    run: () => {
      const t0 = performance.now();
      runScenario(AGGREGATE_SCENARIO_1000X1H, 3_600_000);
      return (performance.now() - t0) / 1000;
    },
  },
];
