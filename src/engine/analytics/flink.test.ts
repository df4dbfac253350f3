/**
 * Flink SQL dialect beyond the window TVFs: OVER aggregation ordered by event time, legacy
 * GROUP BY TUMBLE(…) with TUMBLE_START, interval joins, views, non-windowed GROUP BY (final
 * values at end of input), computed PROCTIME columns.
 */
import { describe, expect, it } from 'vitest';
import { replay } from './replay';
import { SqlApplication } from './runtime';

const SOURCE = `CREATE TABLE trades (sym STRING, price DOUBLE, event_time TIMESTAMP(3), proc AS PROCTIME(),
  WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND) WITH ('connector' = 'kinesis', 'format' = 'json');
CREATE TABLE sink (a STRING, b DOUBLE, c TIMESTAMP(3)) WITH ('connector' = 'kinesis');`;
const RECORDS = [['A', 1, '00:00:10'], ['A', 3, '00:00:50'], ['B', 2, '00:00:55'], ['A', 5, '00:01:04']]
  .map(([sym, price, t], i) => JSON.stringify({ rowtime: Date.UTC(2024, 0, 1, 1) + i, data: { sym, price, event_time: `2024-01-01 ${t}` } }));

function run(query: string): string[] {
  const r = replay({ sql: `${SOURCE}\n${query}`, records: RECORDS, keys: 'sql' });
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return r.lines.map((l) => {
    const o = JSON.parse(l) as { A: string; B: number; C: string };
    return `${o.A} ${o.B} ${o.C.slice(11, 19)}`;
  });
}

describe('Flink SQL', () => {
  it('OVER (ORDER BY event_time RANGE BETWEEN … PRECEDING AND CURRENT ROW)', () => {
    expect(run(`INSERT INTO sink SELECT sym, AVG(price) OVER (PARTITION BY sym ORDER BY event_time RANGE BETWEEN INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW), event_time FROM trades;`))
      .toEqual(['A 1 00:00:10', 'A 2 00:00:50', 'B 2 00:00:55', 'A 3 00:01:04']);
  });
  it('legacy GROUP BY TUMBLE(...) with TUMBLE_START', () => {
    expect(run(`INSERT INTO sink SELECT sym, SUM(price), TUMBLE_START(event_time, INTERVAL '1' MINUTE) FROM trades GROUP BY TUMBLE(event_time, INTERVAL '1' MINUTE), sym;`))
      .toEqual(['A 4 00:00:00', 'B 2 00:00:00', 'A 5 00:01:00']);
  });
  it('non-windowed GROUP BY emits final values at end of input', () => {
    expect(run('INSERT INTO sink SELECT sym, SUM(price), MAX(event_time) FROM trades GROUP BY sym;')).toEqual(['A 9 00:01:04', 'B 2 00:00:55']);
  });
  it('interval join through a view', () => {
    expect(run(`CREATE VIEW t2 AS SELECT sym, price, event_time FROM trades;
      INSERT INTO sink SELECT a.sym, b.price, b.event_time FROM trades a JOIN t2 b
      ON a.sym = b.sym AND b.event_time BETWEEN a.event_time - INTERVAL '1' MINUTE AND a.event_time AND a.price > b.price;`))
      .toEqual(['A 1 00:00:10', 'A 1 00:00:10', 'A 3 00:00:50']);
  });
  it('PROCTIME() columns carry the processing time', () => {
    expect(run('INSERT INTO sink SELECT sym, price, proc FROM trades WHERE price > 2;')).toEqual(['A 3 01:00:00', 'A 5 01:00:00']);
  });
});

describe('Flink connector tables', () => {
  it("report role 'source', or 'sink' when an INSERT INTO writes them", () => {
    const { app, diagnostics } = SqlApplication.create(`${SOURCE}\nINSERT INTO sink SELECT sym, price, event_time FROM trades;`);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const roles = Object.fromEntries((app as SqlApplication).streams().map((s) => [s.name, s.role]));
    expect(roles).toEqual({ error_stream: 'error', TRADES: 'source', SINK: 'sink' });
    expect((app as SqlApplication).sourceStreamNames()).toContain('TRADES');
  });
});
