/**
 * Operators through the runtime, against hand-computed results: Flink window TVFs with watermarks
 * and late rows, ROWTIME bounds closing windows without new rows, reference-table reloads, the ML
 * table functions' shapes and learning phase, and the runtime's stream/plan introspection.
 */
import { describe, expect, it } from 'vitest';
import { Prng } from '../random/prng';
import { replay } from './replay';
import { SqlApplication } from './runtime';
import { formatTimestamp } from './values';

const T0 = Date.UTC(2024, 0, 1);
const FLINK_SOURCE = `CREATE TABLE trades (sym STRING, price DOUBLE, event_time TIMESTAMP(3),
  WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND) WITH ('connector' = 'kinesis', 'format' = 'json');
CREATE TABLE sink (ws TIMESTAMP(3), we TIMESTAMP(3), sym STRING, n BIGINT, hi DOUBLE) WITH ('connector' = 'kinesis');`;
const FLINK_RECORDS = [
  ['A', 1, '00:00:10'], ['A', 3, '00:00:50'], ['B', 2, '00:00:55'], ['A', 5, '00:01:04'],
  ['A', 9, '00:00:30'], ['A', 7, '00:01:06'], ['A', 8, '00:00:59'],
].map(([sym, price, t]) => JSON.stringify({ sym, price, event_time: `2024-01-01 ${t}` }));

function flink(tvf: string): string[] {
  const r = replay({
    sql: `${FLINK_SOURCE}\nINSERT INTO sink SELECT window_start, window_end, sym, COUNT(*), MAX(price) FROM TABLE(${tvf}) GROUP BY window_start, window_end, sym;`,
    records: FLINK_RECORDS,
    keys: 'sql',
  });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.lines.map((l) => {
    const o = JSON.parse(l) as Record<string, unknown>;
    return `${String(o.WS).slice(11, 19)}-${String(o.WE).slice(11, 19)} ${String(o.SYM)} n=${String(o.N)} hi=${String(o.HI)}`;
  });
}

describe('Flink window TVFs', () => {
  it('TUMBLE fires at the watermark and drops rows behind it', () => {
    // The 00:00:30 row arrives with watermark 00:00:59 (window still open); 00:00:59 arrives after 00:01:06 closed it.
    expect(flink("TUMBLE(TABLE trades, DESCRIPTOR(event_time), INTERVAL '1' MINUTE)")).toEqual([
      '00:00:00-00:01:00 A n=3 hi=9', '00:00:00-00:01:00 B n=1 hi=2', '00:01:00-00:02:00 A n=2 hi=7',
    ]);
  });
  it('HOP assigns each row to size/slide windows', () => {
    expect(flink("HOP(TABLE trades, DESCRIPTOR(event_time), INTERVAL '30' SECOND, INTERVAL '1' MINUTE)")).toEqual([
      '23:59:30-00:00:30 A n=1 hi=1', '00:00:00-00:01:00 A n=3 hi=9', '00:00:00-00:01:00 B n=1 hi=2',
      '00:00:30-00:01:30 A n=5 hi=9', '00:00:30-00:01:30 B n=1 hi=2', '00:01:00-00:02:00 A n=2 hi=7',
    ]);
  });
  it('CUMULATE emits growing windows within each max-size period', () => {
    expect(flink("CUMULATE(TABLE trades, DESCRIPTOR(event_time), INTERVAL '30' SECOND, INTERVAL '1' MINUTE)")).toEqual([
      '00:00:00-00:00:30 A n=1 hi=1', '00:00:00-00:01:00 A n=3 hi=9', '00:00:00-00:01:00 B n=1 hi=2',
      '00:01:00-00:01:30 A n=2 hi=7', '00:01:00-00:02:00 A n=2 hi=7',
    ]);
  });
  it('SESSION merges rows closer than the gap per partition', () => {
    expect(flink("SESSION(TABLE trades PARTITION BY sym, DESCRIPTOR(event_time), INTERVAL '20' SECOND)")).toEqual([
      '00:00:10-00:00:30 A n=1 hi=1', '00:00:55-00:01:15 B n=1 hi=2', '00:00:50-00:01:26 A n=4 hi=8',
    ]);
  });
});

const SCHEMA = {
  RecordFormat: { RecordFormatType: 'JSON' as const },
  RecordColumns: [{ Name: 'K', Mapping: '$.k', SqlType: 'VARCHAR(4)' }, { Name: 'X', Mapping: '$.x', SqlType: 'DOUBLE' }, { Name: 'Y', Mapping: '$.y', SqlType: 'DOUBLE' }],
};

function app(sql: string, extra: Parameters<typeof SqlApplication.create>[1] = {}): SqlApplication {
  const r = SqlApplication.create(sql, { input: { inputSchema: SCHEMA }, ...extra });
  if (!r.app) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.app;
}

describe('KDA runtime', () => {
  it('advanceWatermark closes a tumbling window without new rows; intermediate streams can be observed', () => {
    const a = app(`CREATE OR REPLACE STREAM "MID" (k VARCHAR(4), x DOUBLE);
      CREATE OR REPLACE PUMP "P1" AS INSERT INTO "MID" SELECT STREAM K, X FROM "SOURCE_SQL_STREAM_001";
      CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (k VARCHAR(4), total DOUBLE);
      CREATE OR REPLACE PUMP "P2" AS INSERT INTO "DESTINATION_SQL_STREAM"
        SELECT STREAM K, SUM(X) FROM "MID" GROUP BY K, FLOOR("MID".ROWTIME TO MINUTE);`);
    const out: string[] = [];
    const mid: number[] = [];
    a.subscribe('DESTINATION_SQL_STREAM', (r) => out.push(`${formatTimestamp(r.rowtimeMs)} ${r.values.join(',')}`));
    a.subscribe('MID', (r) => mid.push(r.values[1] as number));
    a.push({ data: '{"k":"a","x":1}', rowtimeMs: T0 + 1000 });
    a.push({ data: '{"k":"a","x":2}', rowtimeMs: T0 + 2000 });
    a.advanceWatermark(T0 + 59_999);
    expect(out).toEqual([]);
    a.advanceWatermark(T0 + 60_000);
    expect(out).toEqual(['2024-01-01 00:01:00.000 a,3']);
    expect(mid).toEqual([1, 2]);
    expect(a.streams().map((s) => `${s.role}:${s.name}`)).toEqual(['error:error_stream', 'source:SOURCE_SQL_STREAM_001', 'stream:MID', 'stream:DESTINATION_SQL_STREAM']);
    expect(a.plan.nodes.map((n) => n.kind)).toContain('tumbling_aggregate');
  });

  it('reference tables reload through updateReference', () => {
    const a = app(`CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (k VARCHAR(4), label VARCHAR(8));
      CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
        SELECT STREAM s.K, r.LABEL FROM "SOURCE_SQL_STREAM_001" AS s JOIN "LABELS" AS r ON s.K = r.K;`, {
      references: [{ tableName: 'LABELS', referenceSchema: { RecordFormat: { RecordFormatType: 'CSV' }, RecordColumns: [{ Name: 'K', SqlType: 'VARCHAR(4)' }, { Name: 'LABEL', SqlType: 'VARCHAR(8)' }] }, body: 'a,first\n' }],
    });
    const out: string[] = [];
    a.subscribe('DESTINATION_SQL_STREAM', (r) => out.push(r.values.join(',')));
    a.push({ data: '{"k":"a"}', rowtimeMs: T0 });
    expect(a.updateReference('LABELS', 'a,second\nb,bee\n')).toBeNull();
    a.push({ data: '{"k":"a"}', rowtimeMs: T0 + 1 });
    a.push({ data: '{"k":"b"}', rowtimeMs: T0 + 2 });
    expect(out).toEqual(['a,first', 'a,second', 'b,bee']);
  });

  it('reference objects resolve through a reader (missing objects are named)', async () => {
    const { resolveReferenceSources } = await import('./reference-data');
    const schema = { RecordFormat: { RecordFormatType: 'CSV' as const }, RecordColumns: [{ Name: 'K', SqlType: 'VARCHAR(4)' }] };
    const reader = { readObject: (bucket: string, key: string) => (bucket === 'arn:aws:s3:::b' && key === 'k.csv' ? 'a\n' : null) };
    expect(resolveReferenceSources([{ TableName: 'T', S3ReferenceDataSource: { BucketARN: 'arn:aws:s3:::b', FileKey: 'k.csv' }, ReferenceSchema: schema }], reader))
      .toEqual({ sources: [{ tableName: 'T', referenceSchema: schema, body: 'a\n' }], errors: [] });
    expect(resolveReferenceSources([{ TableName: 'T', S3ReferenceDataSource: { BucketARN: 'arn:aws:s3:::b', FileKey: 'x' }, ReferenceSchema: schema }], reader).errors[0]).toContain('s3://b/x');
  });

  it('refuses application code over 100 KB', () => {
    const sql = `CREATE OR REPLACE STREAM "S" (a INTEGER);\n-- ${'x'.repeat(100 * 1024)}`;
    expect(SqlApplication.create(sql).diagnostics.map((d) => d.message).join()).toContain('at most 100 KB');
  });

  it('out-of-order ROWTIMEs go to the error stream', () => {
    const a = app(`CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (k VARCHAR(4));
      CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM" SELECT STREAM K FROM "SOURCE_SQL_STREAM_001";`);
    const errors: string[] = [];
    a.onError((e) => errors.push(e.errorName));
    a.push({ data: '{"k":"a"}', rowtimeMs: T0 + 10 });
    a.push({ data: '{"k":"b"}', rowtimeMs: T0 + 5 });
    expect(errors).toEqual(['Out_Of_Order_Rowtime']);
  });

  it('RANDOM_CUT_FOREST: all columns + ANOMALY_SCORE, zeros while learning, outliers score higher', () => {
    const a = app(`CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (k VARCHAR(4), x DOUBLE, y DOUBLE, score DOUBLE, why VARCHAR(2000));
      CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
        SELECT STREAM * FROM TABLE(RANDOM_CUT_FOREST_WITH_EXPLANATION(CURSOR(SELECT STREAM * FROM "SOURCE_SQL_STREAM_001"), 20, 32, 1000, 1, TRUE));`, { prng: new Prng('rcf-test') });
    const scores: number[] = [];
    let why = '';
    a.subscribe('DESTINATION_SQL_STREAM', (r) => {
      scores.push(r.values[3] as number);
      why = r.values[4] as string;
    });
    const rng = new Prng('rcf-data');
    for (let i = 0; i < 200; i++) a.pushValues(['a', rng.normal(10, 1), rng.normal(5, 1)], T0 + i);
    a.pushValues(['a', 60, 5], T0 + 500);
    expect(scores.slice(0, 32).every((s) => s === 0)).toBe(true);
    const normal = scores.slice(100, 200);
    const typical = normal.reduce((x, y) => x + y, 0) / normal.length;
    expect(scores[200]).toBeGreaterThan(2 * typical);
    const doc = JSON.parse(why) as Record<string, { ATTRIBUTION_SCORE: number; DIRECTION: string }>;
    expect(Object.keys(doc)).toEqual(['X', 'Y']);
    expect(doc.X.DIRECTION).toBe('HIGH');
    expect(doc.X.ATTRIBUTION_SCORE).toBeGreaterThan(doc.Y.ATTRIBUTION_SCORE);
  });

  it('HOTSPOTS reports dense regions of the recent rows', () => {
    const a = app(`CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (x DOUBLE, y DOUBLE, h VARCHAR(10000));
      CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
        SELECT STREAM x, y, HOTSPOTS_RESULT FROM TABLE(HOTSPOTS(CURSOR(SELECT STREAM X, Y FROM "SOURCE_SQL_STREAM_001"), 100, 1.0, 5));`);
    let last = '';
    a.subscribe('DESTINATION_SQL_STREAM', (r) => {
      last = r.values[2] as string;
    });
    const rng = new Prng('hot');
    for (let i = 0; i < 100; i++) {
      const inCluster = i % 2 === 0;
      a.pushValues(['a', inCluster ? 5 + rng.next() * 0.5 : rng.next() * 100, inCluster ? 5 + rng.next() * 0.5 : rng.next() * 100], T0 + i);
    }
    const doc = JSON.parse(last) as { hotspots: { density: number; minValues: number[]; maxValues: number[] }[] };
    expect(doc.hotspots.length).toBeGreaterThanOrEqual(1);
    expect(doc.hotspots[0].density).toBeGreaterThanOrEqual(0.45);
    expect(doc.hotspots[0].minValues[0]).toBeGreaterThanOrEqual(5);
    expect(doc.hotspots[0].maxValues[0]).toBeLessThanOrEqual(5.5);
  });

  it('ROWS n PRECEDING keeps the current row plus n previous rows of the partition', () => {
    const a = app(`CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (k VARCHAR(4), s DOUBLE, f DOUBLE, l DOUBLE);
      CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
        SELECT STREAM K, SUM(X) OVER w, FIRST_VALUE(X) OVER w, LAST_VALUE(X) OVER w FROM "SOURCE_SQL_STREAM_001"
        WINDOW w AS (PARTITION BY K ROWS 1 PRECEDING);`);
    const out: string[] = [];
    a.subscribe('DESTINATION_SQL_STREAM', (r) => out.push(r.values.join(',')));
    [['a', 1], ['b', 10], ['a', 2], ['a', 4]].forEach(([k, x], i) => a.pushValues([k, x, 0], T0 + i));
    expect(out).toEqual(['a,1,1,1', 'b,10,10,10', 'a,3,1,2', 'a,6,2,4']);
  });
});

describe('simulation hook', () => {
  it('the virtual clock closes windows while input stalls', async () => {
    const { Simulation } = await import('../simulation');
    const { attachApplication } = await import('./simulation-part');
    const sim = new Simulation({ seed: 1, startMs: T0 });
    const { app } = attachApplication(sim, 'app1', `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (n BIGINT);
      CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
        SELECT STREAM COUNT(*) FROM "SOURCE_SQL_STREAM_001" AS s GROUP BY STEP(s.ROWTIME BY INTERVAL '10' SECOND);`, { input: { inputSchema: SCHEMA } });
    const out: number[] = [];
    app?.subscribe('DESTINATION_SQL_STREAM', (r) => out.push(r.values[0] as number));
    app?.push({ data: '{"k":"a","x":1}', rowtimeMs: sim.nowMs + 1 });
    sim.advanceBy(9_000);
    expect(out).toEqual([]);
    sim.advanceBy(1_000);
    expect(out).toEqual([1]);
  });
});
