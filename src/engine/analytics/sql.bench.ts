/**
 * Streaming SQL throughput on one core, rows pushed as mapped values (no JSON parsing):
 * sql.filter (WHERE + projection), sql.tumbling (GROUP BY key + 1-minute STEP window),
 * sql.sliding (1-minute RANGE window per row). Input: 1,000 rows per ms of ROWTIME, 50 keys.
 */
import type { Benchmark } from '../bench/harness';
import { SqlApplication } from './runtime';
import type { Value } from './types';

const ROWS = 1_000_000;
const SCHEMA = {
  RecordFormat: { RecordFormatType: 'JSON' as const },
  RecordColumns: [
    { Name: 'SYM', Mapping: '$.SYM', SqlType: 'VARCHAR(8)' },
    { Name: 'PRICE', Mapping: '$.PRICE', SqlType: 'DOUBLE' },
    { Name: 'QTY', Mapping: '$.QTY', SqlType: 'INTEGER' },
  ],
};
const KEYS = Array.from({ length: 50 }, (_, i) => `K${i}`);
const START_MS = Date.UTC(2026, 0, 1);

function makeRows(n: number, rowsPerMs: number): { values: Value[][]; times: number[] } {
  const values: Value[][] = [];
  const times: number[] = [];
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    values.push([KEYS[x % KEYS.length], (x % 10000) / 100, x % 100]);
    times.push(START_MS + Math.floor(i / rowsPerMs));
  }
  return { values, times };
}

function rate(sql: string, rowsPerMs: number, rows = ROWS): () => number {
  const data = makeRows(rows, rowsPerMs);
  return () => {
    const { app, diagnostics } = SqlApplication.create(sql, { input: { inputSchema: SCHEMA } });
    if (!app) throw new Error(diagnostics.map((d) => d.message).join('; '));
    let out = 0;
    app.subscribe('DESTINATION_SQL_STREAM', () => out++);
    const t0 = performance.now();
    for (let i = 0; i < data.values.length; i++) app.pushValues(data.values[i].slice(), data.times[i]);
    app.close();
    const seconds = (performance.now() - t0) / 1000;
    if (out === 0) throw new Error('benchmark produced no output');
    return data.values.length / seconds;
  };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'sql.filter', unit: 'rows/s', higherIsBetter: true, goal: 2_000_000,
    run: rate(`CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (sym VARCHAR(8), price DOUBLE);
      CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
      SELECT STREAM SYM, PRICE * 2 FROM "SOURCE_SQL_STREAM_001" WHERE PRICE > 50 AND QTY < 90;`, 1000),
  },
  {
    name: 'sql.tumbling', unit: 'rows/s', higherIsBetter: true, goal: 1_000_000,
    run: rate(`CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (w TIMESTAMP, sym VARCHAR(8), n BIGINT, hi DOUBLE, s BIGINT);
      CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
      SELECT STREAM STEP(s.ROWTIME BY INTERVAL '1' MINUTE), SYM, COUNT(*), MAX(PRICE), SUM(QTY)
      FROM "SOURCE_SQL_STREAM_001" AS s GROUP BY SYM, STEP(s.ROWTIME BY INTERVAL '1' MINUTE);`, 1000),
  },
  {
    name: 'sql.sliding', unit: 'rows/s', higherIsBetter: true, goal: 300_000,
    run: rate(`CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (sym VARCHAR(8), price DOUBLE, a DOUBLE, n BIGINT);
      CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
      SELECT STREAM SYM, PRICE, AVG(PRICE) OVER w, COUNT(*) OVER w
      FROM "SOURCE_SQL_STREAM_001" WINDOW w AS (PARTITION BY SYM RANGE INTERVAL '1' MINUTE PRECEDING);`, 10, 500_000),
  },
];
