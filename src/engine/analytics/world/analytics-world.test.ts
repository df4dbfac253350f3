import { describe, expect, it } from 'vitest';
import { World } from '../../world/world';
import { DEMO_SCENARIO } from '../../scenario/demo';
import type { AnalyticsWorld } from './analytics-world';
import { validateAnalyticsSection } from './app-config';

const TUMBLING = `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (page VARCHAR(16), n BIGINT);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM "page", COUNT(*)
  FROM "SOURCE_SQL_STREAM_001"
  GROUP BY "page", STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '10' SECOND);`;

function world(extra: Record<string, unknown> = {}): World {
  return World.build({ ...DEMO_SCENARIO, ...extra });
}

function analytics(w: World): AnalyticsWorld {
  return w.parts.analytics;
}

describe('analytics in the live world', () => {
  it('discovers the demo clickstream schema from sample records', () => {
    const w = world();
    w.sim.advanceBy(3000);
    const d = analytics(w).discover('clickstream');
    expect(d.ok).toBe(true);
    expect(d.inputSchema?.RecordColumns.map((c) => c.Name)).toEqual(expect.arrayContaining(['user', 'page', 'ip']));
    expect(analytics(w).discover('nope').ok).toBe(false);
  });

  it('runs a tumbling count from the scenario section, reading as a consumer, with rows in the frame slice', () => {
    const w = world({ analytics: [{ name: 'counts', sql: TUMBLING, input: { stream: 'clickstream' } }] });
    w.sim.advanceBy(35_000);
    const slice = w.snapshot().analytics;
    const app = slice.apps[0];
    expect(app.message ?? '').not.toMatch(/does not compile/);
    expect(app.status).toBe('RUNNING');
    expect(app.source.readCallsTotal).toBeGreaterThan(0);
    expect(app.source.recordsReadTotal).toBeGreaterThan(10_000);
    const sink = app.outputs.find((o) => o.stream === 'DESTINATION_SQL_STREAM');
    expect(sink?.rows.length).toBeGreaterThan(0);
    // Four pages per closed 10-second window; counts add up to at most what was read.
    const total = sink!.rows.reduce((s, r) => s + Number(r.values[1]), 0);
    expect(total).toBeLessThanOrEqual(app.source.recordsReadTotal);
    expect(new Set(sink!.rows.map((r) => r.values[0]))).toEqual(new Set(['/', '/cart', '/search', '/product']));
    for (const r of sink!.rows) expect(r.rowtimeMs % 10_000).toBe(0);
    expect(app.streams.map((s) => s.name)).toEqual(expect.arrayContaining(['SOURCE_SQL_STREAM_001', 'DESTINATION_SQL_STREAM']));
  });

  it('reports compile errors as a FAILED application and refuses bad configuration', () => {
    const w = world();
    w.sim.advanceBy(2000);
    const a = analytics(w);
    const r = a.startApp({ name: 'broken', sql: TUMBLING.replace('COUNT(*)', 'COUNT(*'), input: { stream: 'clickstream' } });
    expect(r.ok).toBe(false);
    expect(a.app('broken')?.status).toBe('FAILED');
    expect(a.startApp({ name: 'x', sql: TUMBLING, input: { stream: 'missing' } }).ok).toBe(false);
    expect(a.startApp({ name: 'bad name!', sql: TUMBLING, input: { stream: 'clickstream' } })).toMatchObject({ ok: false, message: expect.stringContaining('name') });
    expect(validateAnalyticsSection({})).toMatchObject({ ok: false });
  });

  it('writes output rows into a Kinesis stream of the scenario and stops on request', () => {
    const doc = { streams: [...DEMO_SCENARIO.streams, { name: 'page-counts', mode: 'PROVISIONED', shards: 1, retentionHours: 24 }] };
    const w = world(doc);
    w.sim.advanceBy(2000);
    const a = analytics(w);
    const r = a.startApp({ name: 'to-stream', sql: TUMBLING, input: { stream: 'clickstream' }, output: { kind: 'stream', name: 'page-counts' } });
    expect(r).toEqual({ ok: true });
    w.sim.advanceBy(25_000);
    const out = w.parts.streams.run.service.stream('page-counts')!;
    const written = out.shards.reduce((s, sh) => s + sh.counters.incomingRecords, 0);
    expect(written).toBeGreaterThan(0);
    expect(a.app('to-stream')!.snapshot().output.recordsDeliveredTotal).toBe(written);
    a.stopApp('to-stream');
    const readCalls = a.app('to-stream')!.snapshot().source.readCallsTotal;
    w.sim.advanceBy(5000);
    expect(a.app('to-stream')!.snapshot().source.readCallsTotal).toBe(readCalls);
    expect(a.app('to-stream')!.status).toBe('STOPPED');
  });

  it('delivers output rows to a Firehose delivery stream with PutRecordBatch', () => {
    const s3 = { BucketARN: 'arn:aws:s3:::counts', RoleARN: 'arn:aws:iam::000000000000:role/fh', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 }, Prefix: 'counts/' };
    const w = world({ firehose: [{ DeliveryStreamName: 'counts-archive', ExtendedS3DestinationConfiguration: s3 }] });
    w.sim.advanceBy(2000);
    const a = analytics(w);
    expect(a.deliveryStreamNames()).toEqual(['counts-archive']);
    expect(a.startApp({ name: 'to-fh', sql: TUMBLING, input: { stream: 'clickstream' }, output: { kind: 'firehose', name: 'counts-archive' } })).toEqual({ ok: true });
    w.sim.advanceBy(25_000);
    const out = a.app('to-fh')!.snapshot().output;
    expect(out.problem).toBeUndefined();
    expect(out.recordsDeliveredTotal).toBeGreaterThan(0);
    expect(out.pendingRecords).toBe(0);
    const r = a.startApp({ name: 'to-missing', sql: TUMBLING, input: { stream: 'clickstream' }, output: { kind: 'firehose', name: 'nope' } });
    expect(r.ok).toBe(true);
    w.sim.advanceBy(15_000);
    expect(a.app('to-missing')!.snapshot().output.problem).toMatch(/ResourceNotFound|nope/);
  });

  it('writes console changes back to the document, so a reset rebuilds the running application', () => {
    const w = world();
    w.sim.advanceBy(2000);
    const a = analytics(w);
    expect(a.startApp({ name: 'kept', sql: TUMBLING, input: { stream: 'clickstream' } })).toEqual({ ok: true });
    const section = w.doc.analytics ?? [];
    expect(section).toHaveLength(1);
    expect(section[0]).toMatchObject({ name: 'kept', autoStart: true });
    expect(section[0].input.inputSchema).toBeDefined();
    const w2 = World.build(w.doc);
    w2.sim.advanceBy(15_000);
    expect(analytics(w2).app('kept')?.status).toBe('RUNNING');
    a.remove('kept');
    expect(w.doc.analytics).toEqual([]);
  });

  it('routes records that fail the input schema to error_stream, shown in the slice', () => {
    const w = world();
    w.sim.advanceBy(2000);
    const a = analytics(w);
    const inputSchema = {
      RecordFormat: { RecordFormatType: 'JSON' as const, MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
      RecordColumns: [{ Name: 'page', Mapping: '$.page', SqlType: 'INTEGER' }],
    };
    const sql = `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (p INTEGER);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM" SELECT STREAM "page" FROM "SOURCE_SQL_STREAM_001";`;
    expect(a.startApp({ name: 'bad-types', sql, input: { stream: 'clickstream', inputSchema } })).toEqual({ ok: true });
    w.sim.advanceBy(3000);
    const snap = a.app('bad-types')!.snapshot();
    expect(snap.errorsTotal).toBe(snap.source.recordsReadTotal);
    expect(snap.errors.length).toBe(100);
    expect(snap.errors[0]).toMatchObject({ errorName: 'Coercion_Error' });
    expect(snap.errors[0].dataRow).toMatch(/^[0-9a-f]+$/);
    expect(snap.outputs.find((o) => o.stream === 'DESTINATION_SQL_STREAM')?.rowsTotal).toBe(0);
  });

  it('reads from TRIM_HORIZON when asked, giving the backlog ingest-time ROWTIMEs', () => {
    const w = world();
    w.sim.advanceBy(20_000);
    const a = analytics(w);
    const startMs = w.sim.nowMs;
    expect(a.startApp({ name: 'backlog', sql: TUMBLING, input: { stream: 'clickstream', startingPosition: 'TRIM_HORIZON' } })).toEqual({ ok: true });
    w.sim.advanceBy(1000);
    const snap = a.app('backlog')!.snapshot();
    // The first poll reads up to 10,000 records per shard of the 20-second backlog.
    expect(snap.source.recordsReadTotal).toBeGreaterThan(20_000);
    const source = snap.outputs.find((o) => o.stream === 'SOURCE_SQL_STREAM_001')!;
    for (const r of source.rows) expect(r.rowtimeMs).toBeGreaterThanOrEqual(startMs);
    expect(a.startApp({ name: 'bad-pos', sql: TUMBLING, input: { stream: 'clickstream', startingPosition: 'LATEST' as 'NOW' } }).ok).toBe(false);
  });

  it('routes error_stream to a destination when the output names it', () => {
    const doc = { streams: [...DEMO_SCENARIO.streams, { name: 'app-errors', mode: 'PROVISIONED', shards: 1, retentionHours: 24 }] };
    const w = world(doc);
    w.sim.advanceBy(2000);
    const a = analytics(w);
    const inputSchema = {
      RecordFormat: { RecordFormatType: 'JSON' as const, MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
      RecordColumns: [{ Name: 'page', Mapping: '$.page', SqlType: 'INTEGER' }],
    };
    const sql = `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (p INTEGER);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM" SELECT STREAM "page" FROM "SOURCE_SQL_STREAM_001";`;
    const r = a.startApp({ name: 'errs', sql, input: { stream: 'clickstream', inputSchema }, output: { kind: 'stream', name: 'app-errors', inAppStream: 'error_stream' } });
    expect(r).toEqual({ ok: true });
    w.sim.advanceBy(3000);
    const out = a.app('errs')!.snapshot().output;
    expect(out.inAppStream).toBe('error_stream');
    expect(out.recordsDeliveredTotal + out.pendingRecords).toBe(a.app('errs')!.snapshot().errorsTotal);
    expect(out.recordsDeliveredTotal).toBeGreaterThan(0);
  });
});
