/**
 * analytics.live.*: the cost of an analytics application in the live world. The demo scenario runs
 * 60 virtual seconds with and without a tumbling-count app on its 4-shard clickstream; the
 * difference in wall time, divided into the records the app read, is the app's own throughput
 * (poll + decode + map + window). Also the cost of one frame slice with a full 1,200-row sink.
 */
import type { Benchmark } from '../../bench/harness';
import { DEMO_SCENARIO } from '../../scenario/demo';
import { World } from '../../world/world';

const TUMBLING = `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (page VARCHAR(16), n BIGINT);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM s."page", COUNT(*) FROM "SOURCE_SQL_STREAM_001" AS s
  GROUP BY s."page", STEP(s.ROWTIME BY INTERVAL '10' SECOND);`;
const SLIDING = `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (page VARCHAR(16), c BIGINT);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM "page", COUNT(*) OVER (PARTITION BY "page" RANGE INTERVAL '10' SECOND PRECEDING) FROM "SOURCE_SQL_STREAM_001";`;
const VIRTUAL_MS = 60_000;

function timed(sql: string | null): { wallMs: number; records: number; w: World } {
  const w = World.build(DEMO_SCENARIO);
  w.sim.advanceBy(2000);
  const a = w.parts.analytics;
  if (sql) {
    const r = a.startApp({ name: 'bench', sql, input: { stream: 'clickstream' } });
    if (!r.ok) throw new Error(r.message);
  }
  const start = performance.now();
  w.sim.advanceBy(VIRTUAL_MS);
  const wallMs = performance.now() - start;
  return { wallMs, records: sql ? a.app('bench')!.snapshot().source.recordsReadTotal : 0, w };
}

function appThroughput(sql: string): number {
  const base = timed(null);
  const withApp = timed(sql);
  const extraMs = Math.max(1, withApp.wallMs - base.wallMs);
  return withApp.records / (extraMs / 1000);
}

export const benchmarks: Benchmark[] = [
  { name: 'analytics.live.tumbling', unit: 'records/s', higherIsBetter: true, runs: 3, run: () => appThroughput(TUMBLING) },
  { name: 'analytics.live.sliding', unit: 'records/s', higherIsBetter: true, runs: 3, run: () => appThroughput(SLIDING) },
  {
    name: 'analytics.live.slice',
    unit: 'ms',
    higherIsBetter: false,
    runs: 3,
    run() {
      const { w } = timed(SLIDING);
      const start = performance.now();
      for (let i = 0; i < 50; i++) structuredClone(w.parts.analytics.snapshot());
      return (performance.now() - start) / 50;
    },
  },
];
