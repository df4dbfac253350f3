/**
 * streams.put.fastpath: records/s through Stream.putRecord — 64 shards, pre-generated UUID keys, 100-byte
 * size-only records, virtual clock advanced every 1,000 records so the per-shard limits never bind.
 */
import type { Benchmark } from '../bench/harness';
import { Prng } from '../random/prng';
import { Simulation } from '../simulation';
import { KinesisService } from './service';
import type { Stream } from './stream';

const KEY_COUNT = 100_000;
const RECORDS_PER_RUN = 2_000_000;
let keys: string[] = [];
let sim: Simulation;
let stream: Stream;

export const benchmarks: Benchmark[] = [
  {
    name: 'streams.put.fastpath',
    unit: 'records/s',
    higherIsBetter: true,
    goal: 1_000_000,
    setup() {
      const prng = new Prng('streams-bench');
      keys = Array.from({ length: KEY_COUNT }, () => prng.uuid());
      sim = new Simulation({ seed: 'streams-bench' });
      const service = new KinesisService(sim, { transitionDelayMs: 0, memoryBudgetBytes: 128 * 1_048_576 });
      stream = service.createStream('bench', 'PROVISIONED', 64);
    },
    run() {
      let accepted = 0;
      const start = performance.now();
      for (let i = 0; i < RECORDS_PER_RUN; i++) {
        if (stream.putRecord(keys[i % KEY_COUNT], 100) >= 0) accepted++;
        if (i % 1000 === 999) sim.advanceBy(1000);
      }
      const seconds = (performance.now() - start) / 1000;
      if (accepted < RECORDS_PER_RUN * 0.99) throw new Error(`limits bound: only ${accepted} of ${RECORDS_PER_RUN} accepted`);
      return RECORDS_PER_RUN / seconds;
    },
  },
];
