import { describe, expect, it } from 'vitest';
import type { FirehoseWorld } from './firehose-world';
import { renderTemplate } from './direct-put-producer';
import { Prng } from '../../random/prng';
import { DEMO_SCENARIO } from '../../scenario/demo';
import { World } from '../../world/world';
import type { TransformHost, WorldHost } from '../../world/part';
import { createInProcessInvoker, type TransformFunction } from '../transform-invoker';

const s3 = (interval = 5, extra: Record<string, unknown> = {}) => ({
  BucketARN: 'arn:aws:s3:::orders-archive', RoleARN: 'arn:aws:iam::000000000000:role/fh',
  BufferingHints: { SizeInMBs: 1, IntervalInSeconds: interval }, Prefix: 'orders/', ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/', ...extra,
});

function world(doc: Record<string, unknown>, host: WorldHost = {}): { live: World; fh: FirehoseWorld } {
  const live = World.build({ version: 1, name: 't', seed: 7, streams: [{ name: 'clicks', shards: 1 }], producers: [], consumers: [], ...doc }, { host });
  return { live, fh: live.parts.firehose };
}

/** A TransformHost running `fn` in-process, recording which function ids were invoked. */
function inProcessTransforms(fn: TransformFunction, calls: string[]): TransformHost {
  return {
    invoker: (functionId) => {
      const inner = createInProcessInvoker(fn, { durationMs: 5 });
      return { invoke: (request, limitMs) => (calls.push(functionId), inner.invoke(request, limitMs)) };
    },
    attached: () => true,
  };
}

describe('the firehose part of the world', () => {
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
    slice = live.snapshot().firehose;
    expect(slice.streams[0].flushes.some((f) => f.reason === 'interval' && f.outcome === 'delivered')).toBe(true);
    expect(slice.store.objectCount).toBeGreaterThan(0);
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
    const live = World.build({ ...structuredClone(DEMO_SCENARIO), firehose: [{
      DeliveryStreamName: 'clicks-archive', DeliveryStreamType: 'KinesisStreamAsSource', KinesisStreamSourceConfiguration: { StreamName: 'clickstream' },
      ExtendedS3DestinationConfiguration: s3(5),
    }] });
    live.sim.advanceBy(20_000);
    const view = live.snapshot().firehose.streams[0];
    expect(view.incomingRecords).toBeGreaterThan(0);
    expect(view.ledger.delivered).toBeGreaterThan(0);
    // Firehose polls its source every second and keeps up with the demo's load: at most a poll behind.
    expect(view.kinesisMillisBehindLatest).toBeLessThanOrEqual(1000);
    expect(view.ledger.delivered + view.ledger.pending).toBe(view.incomingRecords);
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
    const rebuilt = World.build(live.doc);
    expect(rebuilt.snapshot().firehose.streams.map((s) => s.name)).toEqual(['kept']);
  });

  it('refuses a malformed section with a field path', () => {
    const built = World.tryBuild({ version: 1, seed: 1, streams: [], producers: [], consumers: [], firehose: [{ DeliveryStreamName: 'x' }] });
    expect(built.ok).toBe(false);
    expect(!built.ok && built.errors).toEqual([expect.stringMatching(/^firehose\[0\] needs exactly one destination/)]);
    const missing = World.tryBuild({ version: 1, seed: 1, streams: [], producers: [], firehose: [{ DeliveryStreamName: 'x', DeliveryStreamType: 'KinesisStreamAsSource', KinesisStreamSourceConfiguration: { StreamName: 'nope' }, ExtendedS3DestinationConfiguration: s3() }] });
    expect(!missing.ok && missing.errors).toEqual(['firehose[0].KinesisStreamSourceConfiguration.StreamName: no stream named nope in this scenario\'s streams']);
  });

  it('runs the transform through the runner\'s transform host and counts ok / dropped / failed records', async () => {
    const calls: string[] = [];
    const transforms = inProcessTransforms((request) => ({
      records: request.records.map((r, i) => ({ recordId: r.recordId, result: i % 3 === 0 ? 'Ok' : i % 3 === 1 ? 'Dropped' : 'ProcessingFailed', data: r.data })),
    }), calls);
    const { live, fh } = world({ firehose: [{
      DeliveryStreamName: 'tx', ExtendedS3DestinationConfiguration: s3(1),
      transform: { source: 'exports.handler = e => e', bufferIntervalSec: 60, bufferSizeMBs: 0.2 },
    }] }, { transforms });
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

  it('fails the batch as InvalidFunction when the runner cannot run transforms', async () => {
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
