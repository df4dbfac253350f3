/**
 * One world, every runner: each gallery scenario (and the console's demo), same document and seed,
 * 10 virtual minutes, run through `npm run sim -- --json` (a real child process) and through the
 * simulation worker's API (the object sim.worker.ts exposes, with the clock stepped second by second
 * as the console's Step does), must give identical figures: records accepted and throttled per shard,
 * records processed per consumer, objects/records/bytes delivered per delivery stream, rows emitted
 * per analytics application — and the console's frames must show the same figures as the report.
 * The two runners advance the clock in different chunks (3 s vs 1 s), so this also checks that a
 * run does not depend on how its clock is driven.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIO } from '../engine/scenario/demo';
import type { WorldReport } from '../engine/world/world';
import type { SnapshotFrame } from '../worker/protocol';
import type { WorldSnapshot } from '../worker/runtime';
import { createSimulatorApi } from '../worker/simulator-api';

const run = promisify(execFile);
const DURATION_SEC = 600;
const GALLERY_DIR = 'examples/gallery';
const SCENARIOS: readonly { name: string; arg: string; doc: unknown }[] = [
  ...readdirSync(GALLERY_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const path = join(GALLERY_DIR, f);
    return { name: f.replace(/\.json$/, ''), arg: path, doc: JSON.parse(readFileSync(path, 'utf8')) as unknown };
  }),
  { name: 'demo', arg: 'demo', doc: DEMO_SCENARIO },
];

/** The figures both runners must agree on, keyed by what they are about. */
function figures(r: WorldReport) {
  return {
    shards: Object.fromEntries(r.streams.flatMap((s) => s.shards.map((sh) => [`${s.name}/${sh.shardId}`, [sh.acceptedRecords, sh.throttledRecords]]))),
    consumers: Object.fromEntries(r.consumers.map((c) => [c.name, c.recordsProcessed])),
    delivered: Object.fromEntries(r.firehose.deliveryStreams.map((d) => [d.name, { objects: d.objectsDelivered, records: d.recordsDelivered, bytes: d.bytesDelivered }])),
    analyticsRows: Object.fromEntries(r.analytics.applications.map((a) => [a.name, { emitted: a.rowsEmitted, errors: a.errorStreamRows, reads: a.readCalls }])),
  };
}

/** Fake wall clock: the host's pacing never runs; the test steps the clock instead. */
const idleTimers = { wallNowMs: () => 0, later: () => undefined };

async function throughWorker(doc: unknown): Promise<{ report: WorldReport; frame: SnapshotFrame<WorldSnapshot> }> {
  const api = createSimulatorApi(idleTimers);
  const loaded = await api.load(doc);
  if (!loaded.ok) throw new Error(loaded.error.message);
  let frame: SnapshotFrame<WorldSnapshot> | null = null;
  await api.onFrame((f) => { frame = f; });
  // The frame carries every part's slice, as the Overview page asks: building them must not change the run.
  await api.watch({ stream: null, firehose: true, analytics: true, consumers: true });
  for (let s = 0; s < DURATION_SEC; s++) await api.clock({ kind: 'step', ms: 1000 });
  const report = await api.runReport();
  if (!report || !frame) throw new Error('no report or frame from the worker API');
  return { report, frame };
}

describe('every runner runs the same world', () => {
  for (const sc of SCENARIOS) {
    it(`${sc.name}: npm run sim --json and the worker API agree over 10 virtual minutes`, async () => {
      const cli = run('npx', ['tsx', 'src/cli/sim.ts', sc.arg, '--duration', `${DURATION_SEC}s`, '--json'], { maxBuffer: 64 * 1024 * 1024 });
      const worker = await throughWorker(sc.doc);
      const fromCli = JSON.parse((await cli).stdout) as WorldReport;
      expect(fromCli.simulatedMs).toBe(DURATION_SEC * 1000);
      expect(worker.report.simulatedMs).toBe(DURATION_SEC * 1000);
      const expected = figures(fromCli);
      expect(figures(worker.report)).toEqual(expected);
      // Not vacuous: every scenario moves records, and the services it declares do their work.
      expect(Object.values(expected.shards).some(([accepted]) => accepted > 0)).toBe(true);
      for (const d of Object.values(expected.delivered)) expect(d.objects).toBeGreaterThan(0);
      for (const a of Object.values(expected.analyticsRows)) expect(a.emitted).toBeGreaterThan(0);
      // The console's frame shows the same figures as the report.
      const w = worker.frame.world!;
      expect(Object.fromEntries(w.streams.consumers.map((c) => [c.name, c.recordsProcessed]))).toEqual(expected.consumers);
      expect(Object.fromEntries(w.firehose!.streams.map((d) => [d.name, { objects: d.objectCount, records: d.deliveredRecords, bytes: d.deliveredBytes }]))).toEqual(expected.delivered);
      expect(Object.fromEntries(w.analytics!.apps.map((a) => [a.name, a.outputs.find((o) => o.stream === a.sinkStream)?.rowsTotal ?? 0]))).toEqual(
        Object.fromEntries(Object.entries(expected.analyticsRows).map(([k, v]) => [k, v.emitted])),
      );
    }, 300_000);
  }
});
