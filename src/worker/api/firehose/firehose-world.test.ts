import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime, type LiveWorld } from '../../runtime';
import '../firehose-api';
import { FirehoseWorld } from './firehose-world';
import { setMainThreadTransform } from './transform-bridge';
import { renderTemplate } from './direct-put-producer';
import { Prng } from '../../../engine/random/prng';
import type { FirehoseSlice } from './firehose-slice';
import { DEMO_SCENARIO } from '../../../engine/scenario/demo';

const s3 = (interval = 5, extra: Record<string, unknown> = {}) => ({
  BucketARN: 'arn:aws:s3:::orders-archive', RoleARN: 'arn:aws:iam::000000000000:role/fh',
  BufferingHints: { SizeInMBs: 1, IntervalInSeconds: interval }, Prefix: 'orders/', ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/', ...extra,
});

function world(doc: Record<string, unknown>): { live: LiveWorld; fh: FirehoseWorld } {
  const built = createRuntime({ version: 1, name: 't', seed: 7, streams: [{ name: 'clicks', shards: 1 }], producers: [], consumers: [], ...doc });
  if (!built.ok) throw new Error(built.message);
  const live = built.runtime as LiveWorld;
  return { live, fh: live.extensions.get('firehose') as FirehoseWorld };
}

afterEach(() => setMainThreadTransform(null));

describe('firehose world extension', () => {
  it('builds the section, buffers producer records and flushes them to the object store on the interval', () => {
    const { live, fh } = world({ firehose: [{ DeliveryStreamName: 'orders', ExtendedS3DestinationConfiguration: s3(5, { CompressionFormat: 'GZIP' }), producer: { recordsPerSec: 20 } }] });
    live.sim.advanceBy(3000);
    let slice = fh.snapshot();
    const view = slice.streams[0];
    expect(view.name).toBe('orders');
    expect(view.buffers[0].records).toBeGreaterThan(0);
    expect(view.buffers[0].sizeLimitBytes).toBe(1024 * 1024);
    expect(view.intervalMs).toBe(5000);
    live.sim.advanceBy(10_000);
    slice = live.snapshot().extensions.firehose as FirehoseSlice;
    expect(slice.streams[0].flushes.some((f) => f.reason === 'interval' && f.outcome === 'delivered')).toBe(true);
    expect(slice.store.objectCount).toBeGreaterThan(0);
  });

  it('lists objects by prefix and previews gzip content as text', async () => {
    const { live, fh } = world({ firehose: [{ DeliveryStreamName: 'orders', ExtendedS3DestinationConfiguration: s3(1, { CompressionFormat: 'GZIP' }), producer: { recordsPerSec: 5, template: '{"n":{{seq}}}' } }] });
    live.sim.advanceBy(8000);
    const top = fh.listObjects('orders-archive', '');
    expect(top.folders).toEqual(['orders/']);
    let listing = top;
    while (listing.objects.length === 0) listing = fh.listObjects('orders-archive', listing.folders[0]);
    const obj = listing.objects[0];
    expect(obj.key.endsWith('.gz')).toBe(true);
    const detail = await fh.getObject('orders-archive', obj.key);
    if ('error' in detail && !('body' in detail)) throw new Error(detail.error);
    expect(detail.format).toBe('GZIP');
    expect(detail.previewText).toContain('{"n":1}\n');
    expect(detail.body[0]).toBe(0x1f);
    expect(detail.decodedBytes).toBeGreaterThan(0);
  });

  it('save creates and updates streams, persisting them in the document; remove deletes', () => {
    const { live, fh } = world({});
    expect(fh.save({ DeliveryStreamName: 'a', ExtendedS3DestinationConfiguration: s3() })).toEqual({ ok: true });
    expect(fh.save({ DeliveryStreamName: 'a', ExtendedS3DestinationConfiguration: s3(9) })).toEqual({ ok: true });
    expect(fh.snapshot().streams[0].intervalMs).toBe(9000);
    expect(fh.snapshot().streams[0].version).toBe(2);
    expect((live.doc.firehose as unknown[]).length).toBe(1);
    const bad = fh.save({ DeliveryStreamName: 'b', ExtendedS3DestinationConfiguration: s3(5000) });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/InvalidArgumentException: .*IntervalInSeconds must be 0–900/);
    expect(fh.remove('a')).toEqual({ ok: true });
    expect(fh.snapshot().streams).toEqual([]);
    expect(live.doc.firehose).toEqual([]);
  });

  it('reads a scenario stream as its source and refuses Direct PUT on it', () => {
    const { fh } = world({ firehose: [{ DeliveryStreamName: 'from-clicks', DeliveryStreamType: 'KinesisStreamAsSource', KinesisStreamSourceConfiguration: { StreamName: 'clicks' }, ExtendedS3DestinationConfiguration: s3() }] });
    const view = fh.snapshot().streams[0];
    expect(view.type).toBe('KinesisStreamAsSource');
    const put = fh.put('from-clicks', ['x']);
    expect(!put.ok && put.message).toContain('This operation is not permitted on KinesisStreamAsSource delivery stream type.');
    expect(fh.save({ DeliveryStreamName: 'nope', DeliveryStreamType: 'KinesisStreamAsSource', KinesisStreamSourceConfiguration: { StreamName: 'missing' }, ExtendedS3DestinationConfiguration: s3() }).ok).toBe(false);
  });

  it('a Kinesis-sourced stream reads the demo stream as a consumer and delivers what producers put there', () => {
    const built = createRuntime({ ...structuredClone(DEMO_SCENARIO), firehose: [{
      DeliveryStreamName: 'clicks-archive', DeliveryStreamType: 'KinesisStreamAsSource', KinesisStreamSourceConfiguration: { StreamName: 'clickstream' },
      ExtendedS3DestinationConfiguration: s3(5),
    }] });
    if (!built.ok) throw new Error(built.message);
    const live = built.runtime as LiveWorld;
    live.sim.advanceBy(20_000);
    const view = (live.snapshot().extensions.firehose as FirehoseSlice).streams[0];
    expect(view.incomingRecords).toBeGreaterThan(0);
    expect(view.ledger.delivered).toBeGreaterThan(0);
    expect(view.kinesisMillisBehindLatest).toBeGreaterThanOrEqual(0);
  });

  it('an outage on the bucket shows as failed attempts (retried) and lower success, then recovers', () => {
    const { live, fh } = world({ firehose: [{ DeliveryStreamName: 'o', ExtendedS3DestinationConfiguration: s3(1), producer: { recordsPerSec: 10 }, faults: { down: true } }] });
    live.sim.advanceBy(30_000);
    let view = fh.snapshot().streams[0];
    expect(view.failedAttempts).toBeGreaterThan(0);
    expect(view.successRatio).toBeLessThan(1);
    expect(view.ledger.delivered).toBe(0);
    expect(view.dataFreshnessSec).toBeGreaterThan(20);
    const entry = fh.list()[0];
    expect(fh.save({ ...entry, faults: { down: false } })).toEqual({ ok: true });
    live.sim.advanceBy(120_000);
    view = fh.snapshot().streams[0];
    expect(view.ledger.delivered).toBeGreaterThan(0);
  });

  it('a clock reset rebuilds the streams the console created (they live in the world document)', () => {
    const { live, fh } = world({});
    fh.save({ DeliveryStreamName: 'kept', ExtendedS3DestinationConfiguration: s3() });
    const rebuilt = createRuntime(live.doc);
    if (!rebuilt.ok) throw new Error(rebuilt.message);
    expect(((rebuilt.runtime as LiveWorld).snapshot().extensions.firehose as FirehoseSlice).streams.map((s) => s.name)).toEqual(['kept']);
  });

  it('refuses a malformed section with a field path', () => {
    const built = createRuntime({ version: 1, seed: 1, streams: [], producers: [], consumers: [], firehose: [{ DeliveryStreamName: 'x' }] });
    expect(built.ok).toBe(false);
    expect(!built.ok && built.message).toMatch(/firehose\[0\] needs exactly one destination/);
  });

  it('runs the transform through the main-thread bridge and counts ok / dropped / failed records', async () => {
    const calls: string[] = [];
    setMainThreadTransform(async (call) => {
      calls.push(call.functionId);
      const records = call.request.records.map((r, i) => ({ recordId: r.recordId, result: i % 3 === 0 ? 'Ok' : i % 3 === 1 ? 'Dropped' : 'ProcessingFailed', data: r.data }));
      return { kind: 'result', response: { records }, durationMs: 5 };
    });
    const { live, fh } = world({ firehose: [{
      DeliveryStreamName: 'tx', ExtendedS3DestinationConfiguration: s3(1),
      transform: { source: 'exports.handler = e => e', bufferIntervalSec: 60, bufferSizeMBs: 0.2 },
    }] });
    expect(fh.put('tx', ['a', 'b', 'c', 'd', 'e', 'f']).ok).toBe(true);
    live.sim.advanceBy(61_000);
    await new Promise((r) => setTimeout(r, 0));
    live.sim.advanceBy(5000);
    const t = fh.snapshot().streams[0].transform!;
    expect(calls).toEqual(['tx']);
    expect(t.okRecords).toBe(2);
    expect(t.droppedRecords).toBe(2);
    expect(t.failedRecords).toBe(2);
  });

  it('fails the batch as InvalidFunction when no sandbox is attached', async () => {
    const { live, fh } = world({ firehose: [{ DeliveryStreamName: 'tx', ExtendedS3DestinationConfiguration: s3(1), transform: { source: '', retries: 0 } }] });
    fh.put('tx', ['a']);
    live.sim.advanceBy(61_000);
    await new Promise((r) => setTimeout(r, 0));
    live.sim.advanceBy(1000);
    expect(fh.snapshot().streams[0].transform!.failedRecords).toBe(1);
    expect(fh.snapshot().sandboxAttached).toBe(false);
  });
});

describe('producer templates', () => {
  it('fills placeholders deterministically from the seed', () => {
    const a = renderTemplate('{{seq}} {{int:1:3}} {{pick:x|y}} {{ts}}', 4, 1000, new Prng(1));
    const b = renderTemplate('{{seq}} {{int:1:3}} {{pick:x|y}} {{ts}}', 4, 1000, new Prng(1));
    expect(a).toBe(b);
    expect(a).toMatch(/^4 [1-3] [xy] 1000$/);
  });
});

describe('record format conversion', () => {
  it('converts JSON to Parquet with a schema table from the section, and previews the rows', async () => {
    const { live, fh } = world({ firehose: [{
      DeliveryStreamName: 'pq',
      schemaTable: { DatabaseName: 'db', TableName: 'events', Columns: [{ Name: 'id', Type: 'int' }, { Name: 'user', Type: 'string' }] },
      ExtendedS3DestinationConfiguration: s3(10, {
        BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 10 }, CompressionFormat: 'UNCOMPRESSED',
        DataFormatConversionConfiguration: {
          Enabled: true, SchemaConfiguration: { DatabaseName: 'db', TableName: 'events' },
          InputFormatConfiguration: { Deserializer: { OpenXJsonSerDe: {} } }, OutputFormatConfiguration: { Serializer: { ParquetSerDe: {} } },
        },
      }),
      producer: { recordsPerSec: 5, template: '{"id":{{seq}},"user":"u{{int:1:3}}"}' },
    }] });
    live.sim.advanceBy(25_000);
    const keys: string[] = [];
    const walk = (prefix: string) => {
      const l = fh.listObjects('orders-archive', prefix);
      keys.push(...l.objects.map((o) => o.key));
      l.folders.forEach(walk);
    };
    walk('');
    const key = keys.find((k) => k.endsWith('.parquet'));
    expect(key).toBeDefined();
    const detail = await fh.getObject('orders-archive', key!);
    if (!('body' in detail)) throw new Error(detail.error);
    expect(detail.format).toBe('PARQUET');
    expect(detail.parquet?.columns).toEqual(['id', 'user']);
    expect(detail.parquet?.rows[0]).toEqual({ id: 1, user: expect.stringMatching(/^u[1-3]$/) });
    expect(detail.parquet?.rowCount).toBeGreaterThan(10);
  });
});

describe('destination panel', () => {
  it('shows what an HTTP endpoint and an OpenSearch domain received', () => {
    const backup = { S3Configuration: { BucketARN: 'arn:aws:s3:::backup-bucket', RoleARN: 'arn:aws:iam::000000000000:role/fh' } };
    const { live, fh } = world({ firehose: [
      { DeliveryStreamName: 'http', HttpEndpointDestinationConfiguration: { EndpointConfiguration: { Url: 'https://collector.example.com/in' }, BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 1 }, ...backup }, producer: { recordsPerSec: 5, template: '{"n":{{seq}}}', newline: false } },
      { DeliveryStreamName: 'search', AmazonopensearchserviceDestinationConfiguration: { DomainARN: 'arn:aws:es:us-east-1:000000000000:domain/logs', IndexName: 'events', IndexRotationPeriod: 'NoRotation', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 1 }, ...backup }, producer: { recordsPerSec: 5, template: '{"n":{{seq}}}', newline: false } },
    ] });
    live.sim.advanceBy(10_000);
    const [http, search] = fh.snapshot().streams;
    expect(http.sink?.kind).toBe('http-endpoint');
    expect(Number(http.sink?.facts.find((f) => f.label === 'Records received')?.value)).toBeGreaterThan(0);
    expect(http.sink?.sample).toMatch(/^requestId [0-9a-f-]+ · \d+ records/);
    expect(http.sink?.sample).toMatch(/\n\{"n":\d+\}/);
    expect(search.sink?.facts[0]).toEqual({ label: 'index events', value: expect.stringMatching(/^[1-9]\d* documents$/) });
    expect(search.sink?.sample).toContain('"n"');
  });
});
