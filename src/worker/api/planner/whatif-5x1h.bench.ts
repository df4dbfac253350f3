/**
 * `planner.whatif.5x1h` (issue 12): five what-if variants of one virtual hour of a 100-shard,
 * 10,000 records/s scenario with a polling consumer and an Analytics application, run as the Planner
 * page runs them — in parallel workers, min(cores, variants) of them, each taking the next variant —
 * in seconds of wall time (goal ≤ 5 s). Node worker threads stand in for the page's Web Workers; this
 * same file is the thread's entry (it runs the variant it is given when it is not the main thread).
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Benchmark } from '../../../engine/bench/harness';
import type { ScenarioDoc } from '../../../engine/scenario/schema';
import { runVariant, type VariantRunInput } from './run-variant';

const MAX_WHATIF_WORKERS = 8; // as src/app/views/planner/whatif-store.ts

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

/**
 * The clock starts once every lane's worker has loaded its code: here that is tsx transpiling the
 * engine (seconds), in the page a bundled worker script (milliseconds), so it is left out of both.
 */
async function fiveVariants(): Promise<{ wallSeconds: number; cpuSeconds: number }> {
  const lanes = Math.max(1, Math.min(MAX_WHATIF_WORKERS, availableParallelism(), BENCH_SHARDS.length));
  const boot = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)}))`;
  const workers = await Promise.all(
    Array.from({ length: lanes }, () => new Promise<Worker>((resolve, reject) => {
      const w = new Worker(boot, { eval: true, workerData: null });
      w.once('message', () => resolve(w));
      w.once('error', reject);
    })),
  );
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let next = 0;
  const lane = (w: Worker) =>
    new Promise<void>((resolve, reject) => {
      const take = () => {
        if (next >= BENCH_SHARDS.length) return resolve();
        w.postMessage(BENCH_SHARDS[next++]);
      };
      w.on('message', (m: { ok: boolean; error?: string }) => (m.ok ? take() : reject(new Error(m.error))));
      w.on('error', reject);
      take();
    });
  await Promise.all(workers.map(lane));
  const wallSeconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  await Promise.all(workers.map((w) => w.terminate()));
  return { wallSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

if (!isMainThread && parentPort && workerData === null) {
  const port = parentPort;
  port.postMessage('ready');
  port.on('message', (shards: number) => {
    const r = runVariant(input(shards));
    port.postMessage(r.ok ? { ok: true } : { ok: false, error: r.error });
  });
}

export const benchmarks: Benchmark[] = [
  { name: 'planner.whatif.5x1h', unit: 's', higherIsBetter: false, runs: 3, goal: 5, run: async () => (await fiveVariants()).wallSeconds },
  // The same work in CPU seconds of the whole process (every worker thread): what the wall time would
  // be on one free core, whatever else the machine is running.
  { name: 'planner.whatif.5x1h.cpu', unit: 'CPU s', higherIsBetter: false, runs: 3, run: async () => (await fiveVariants()).cpuSeconds },
];
