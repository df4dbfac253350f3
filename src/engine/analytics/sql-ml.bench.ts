/**
 * Throughput of the ML table functions on one core, rows pushed as mapped values:
 * sql.rcf (RANDOM_CUT_FOREST with default parameters: 100 trees, sample 256, over PRICE and QTY),
 * sql.hotspots (HOTSPOTS over a 1,000-row window of two columns). Input: 1 row per ms, 50 keys.
 */
import type { Benchmark } from '../bench/harness';
import { SqlApplication } from './runtime';
import type { Value } from './types';

const SCHEMA = {
  RecordFormat: { RecordFormatType: 'JSON' as const },
  RecordColumns: [
    { Name: 'SYM', Mapping: '$.SYM', SqlType: 'VARCHAR(8)' },
    { Name: 'PRICE', Mapping: '$.PRICE', SqlType: 'DOUBLE' },
    { Name: 'QTY', Mapping: '$.QTY', SqlType: 'INTEGER' },
  ],
};
const START_MS = Date.UTC(2026, 0, 1);

function rate(sql: string, rows: number): () => number {
  const values: Value[][] = [];
  let x = 12345;
  for (let i = 0; i < rows; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    values.push([`K${x % 50}`, (x % 10000) / 100, x % 100]);
  }
  return () => {
    const { app, diagnostics } = SqlApplication.create(sql, { input: { inputSchema: SCHEMA } });
    if (!app) throw new Error(diagnostics.map((d) => d.message).join('; '));
    let out = 0;
    app.subscribe('DESTINATION_SQL_STREAM', () => out++);
    const t0 = performance.now();
    for (let i = 0; i < values.length; i++) app.pushValues(values[i].slice(), START_MS + i);
    app.close();
    const seconds = (performance.now() - t0) / 1000;
    if (out !== rows) throw new Error(`benchmark produced ${out} rows for ${rows}`);
    return rows / seconds;
  };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'sql.rcf', unit: 'rows/s', higherIsBetter: true, goal: 20_000, runs: 3,
    run: rate(`CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (price DOUBLE, qty INTEGER, score DOUBLE);
      CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
      SELECT STREAM PRICE, QTY, ANOMALY_SCORE FROM TABLE(RANDOM_CUT_FOREST(CURSOR(SELECT STREAM PRICE, QTY FROM "SOURCE_SQL_STREAM_001")));`, 50_000),
  },
  {
    name: 'sql.hotspots', unit: 'rows/s', higherIsBetter: true, runs: 3,
    run: rate(`CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (price DOUBLE, qty INTEGER, h VARCHAR(20480));
      CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
      SELECT STREAM PRICE, QTY, HOTSPOTS_RESULT FROM TABLE(HOTSPOTS(CURSOR(SELECT STREAM PRICE, QTY FROM "SOURCE_SQL_STREAM_001"), 1000, 5.0, 20));`, 5_000),
  },
];
