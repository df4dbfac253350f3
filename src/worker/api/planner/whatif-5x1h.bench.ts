/**
 * `planner.whatif.5x1h` (issue 12): five what-if variants of one virtual hour of a 100-shard,
 * 10,000 records/s scenario with a polling consumer and an Analytics application, run as the Planner
 * page runs them — in parallel workers, min(4, cores, variants) of them, each taking the next variant —
 * in seconds of wall time (goal ≤ 5 s). Node worker threads stand in for the page's Web Workers; this
 * same file is the thread's entry (it runs the variant it is given when it is not the main thread).
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Benchmark } from '../../../engine/bench/harness';
import type { ScenarioDoc } from '../../../engine/scenario/schema';
import { runVariant, type VariantRunInput } from './run-variant';

const MAX_WHATIF_WORKERS = 4; // as src/app/views/planner/whatif-store.ts

export function whatIfBenchDoc(shards: number): ScenarioDoc {
  return {
    version: 1,
    name: `what-if bench — ${shards} shards`,
    seed: 'whatif-5x1h',
    durationSec: 3600,
    streams: [{ name: 'events', shards }],
    producers: [
      {
        name: 'app',
        stream: 'events',
        rate: { kind: 'constant', recordsPerSec: 10_000 },
        size: { kind: 'fixed', bytes: 200 },
        keys: { kind: 'pool', keys: 100_000, distribution: 'zipf', zipfExponent: 0.9, prefix: 'user-' },
      },
    ],
    consumers: [{ type: 'kcl', name: 'reader', stream: 'events' }],
    analytics: [
      {
        name: 'totals',
        sql: 'CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (u VARCHAR(32), n BIGINT);\nCREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"\n  SELECT STREAM "user", COUNT(*) FROM "SOURCE_SQL_STREAM_001"\n  GROUP BY "user", STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL \'10\' SECOND);',
        input: { stream: 'events' },
        output: { kind: 'console' },
      },
    ],
  } as unknown as ScenarioDoc;
}

/** The five variants: the shard-count axis a Planner user would type (60, 80, 100, 120, 150). */
export const BENCH_SHARDS = [60, 80, 100, 120, 150] as const;

function input(shards: number): VariantRunInput {
  return { id: `s${shards}`, label: `${shards} shards`, doc: whatIfBenchDoc(shards), streamName: 'events', durationMs: 3_600_000 };
}

async function fiveVariantsSeconds(): Promise<number> {
  const lanes = Math.max(1, Math.min(MAX_WHATIF_WORKERS, availableParallelism(), BENCH_SHARDS.length));
  const t0 = performance.now();
  let next = 0;
  const lane = () =>
    new Promise<void>((resolve, reject) => {
      // The thread loads this TypeScript file through tsx, as the bench process does.
      const boot = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)}))`;
      const w = new Worker(boot, { eval: true, workerData: null });
      const take = () => {
        if (next >= BENCH_SHARDS.length) {
          void w.terminate().then(() => resolve());
          return;
        }
        w.postMessage(BENCH_SHARDS[next++]);
      };
      w.on('message', (m: { ok: boolean; error?: string }) => (m.ok ? take() : reject(new Error(m.error))));
      w.on('error', reject);
      take();
    });
  await Promise.all(Array.from({ length: lanes }, lane));
  return (performance.now() - t0) / 1000;
}

if (!isMainThread && parentPort && workerData === null) {
  const port = parentPort;
  port.on('message', (shards: number) => {
    const r = runVariant(input(shards));
    port.postMessage(r.ok ? { ok: true } : { ok: false, error: r.error });
  });
}

export const benchmarks: Benchmark[] = [
  { name: 'planner.whatif.5x1h', unit: 's', higherIsBetter: false, runs: 3, goal: 5, run: fiveVariantsSeconds },
];
