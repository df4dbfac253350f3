/**
 * The lessons beyond the first eight: each step turns done only once the world is in the state it
 * asks for, driven here as the console drives it (the Kinesis API, the parts' own edit methods,
 * the virtual clock), and not before.
 */
import { describe, expect, it } from 'vitest';
import { buildConsumer } from '../scenario/load';
import type { ScenarioConsumer } from '../scenario/schema';
import { createInProcessInvoker, type TransformRequest } from '../firehose/transform-invoker';
import { comparisonScenario, DEFAULT_COMPARISON } from '../queues/world/comparison';
import { getImages } from '../video/images';
import { lessonById } from './lessons';
import { startLesson } from './lesson-driver.test-util';
import { recommendationFor } from './lessons-services';
import type { FirehoseSectionEntry } from '../firehose/world/scenario-section';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('lessons beyond Data Streams basics', () => {
  it('autoDistribution: the hot key throttles; AUTO spreads it over shards and throttling stops', () => {
    const { done, call, until, world } = startLesson(lessonById('autoDistribution')!);
    expect(until(0, 20)).toEqual([true, false, false]);
    const arn = world.parts.streams.run.service.stream('lesson-auto-distribution')!.arn;
    call('UpdateStreamRecordDistributionStrategy', { StreamARN: arn, RecordDistributionStrategy: 'AUTO' });
    expect(done()).toEqual([true, true, false]);
    expect(until(2, 60)).toEqual([true, true, true]);
  });

  it('consumers: the slow polling app falls behind, a faster one catches up, then fan-out and Lambda read too', () => {
    const { done, until, world } = startLesson(lessonById('consumers')!);
    const run = world.parts.streams.run;
    world.sim.advanceBy(3000);
    expect(done()).toEqual([false, false, false, false]);
    expect(until(0, 120)[0]).toBe(true);
    const add = (c: ScenarioConsumer) => {
      const b = buildConsumer(run, c);
      run.consumers.push(b);
      b.start();
    };
    const i = run.consumers.findIndex((c) => c.name === 'polling-app');
    run.consumers.splice(i, 1)[0].stop();
    add({ type: 'kcl', name: 'polling-app', stream: 'lesson-consumers', processing: { perBatchMs: 5, perRecordMs: 0.1 } });
    expect(until(1, 30).slice(0, 2)).toEqual([true, true]);
    add({ type: 'efo', name: 'fan-out', stream: 'lesson-consumers' });
    expect(until(2, 10)[2]).toBe(true);
    add({ type: 'lambda', name: 'fn', stream: 'lesson-consumers' });
    expect(until(3, 20)).toEqual([true, true, true, true]);
  });

  it('firehoseDelivery: GZIP objects, a transform, a failing destination and delivery after retries', async () => {
    const transforms = {
      invoker: () => createInProcessInvoker((e: TransformRequest) => ({ records: e.records.map((r) => ({ recordId: r.recordId, result: 'Ok', data: r.data })) }), { durationMs: 5 }),
      attached: () => true,
    };
    const { done, world } = startLesson(lessonById('firehoseDelivery')!, { host: { transforms } });
    const fh = world.parts.firehose;
    const entry = () => fh.list()[0] as FirehoseSectionEntry & { ExtendedS3DestinationConfiguration: Record<string, unknown> };
    const step = async (i: number, maxSec: number) => {
      for (let t = 0; t < maxSec && !done()[i]; t++) {
        world.sim.advanceBy(1000);
        await settle();
      }
      return done();
    };
    expect(await step(0, 15)).toEqual([false, false, false, false]); // uncompressed objects do not count
    expect(fh.save({ ...entry(), ExtendedS3DestinationConfiguration: { ...entry().ExtendedS3DestinationConfiguration, CompressionFormat: 'GZIP' } })).toEqual({ ok: true });
    expect((await step(0, 30))[0]).toBe(true);
    expect(fh.save({ ...entry(), transform: { source: 'exports.handler = async (e) => e' } })).toEqual({ ok: true });
    expect((await step(1, 90))[1]).toBe(true);
    expect(fh.save({ ...entry(), faults: { down: true } })).toEqual({ ok: true });
    expect((await step(2, 40))[2]).toBe(true);
    expect(done()[3]).toBe(false);
    expect(fh.save({ ...entry(), faults: { down: false } })).toEqual({ ok: true });
    expect(await step(3, 120)).toEqual([true, true, true, true]);
  });

  it('streamsVsFirehose: a read of the stream, a delivery of the same records, a Direct PUT stream', () => {
    const { done, call, until, world } = startLesson(lessonById('streamsVsFirehose')!);
    const shard = 'shardId-000000000000';
    world.sim.advanceBy(2000);
    const it0 = call('GetShardIterator', { StreamName: 'lesson-streams-vs-firehose', ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' }) as { ShardIterator: string };
    call('GetRecords', { ShardIterator: it0.ShardIterator });
    expect(done()[0]).toBe(true);
    expect(until(1, 30).slice(0, 2)).toEqual([true, true]);
    expect(done()[2]).toBe(false);
    const fh = world.parts.firehose;
    expect(fh.save({ DeliveryStreamName: 'direct', DeliveryStreamType: 'DirectPut', ExtendedS3DestinationConfiguration: { BucketARN: 'arn:aws:s3:::direct', RoleARN: 'arn:aws:iam::000000000000:role/r' } } as FirehoseSectionEntry).ok).toBe(true);
    expect(fh.put('direct', ['{"a":1}\n']).ok).toBe(true);
    expect(done()).toEqual([true, true, true]);
  });

  it('sqlWindows: a tumbling-window application emits rows; the reference-data application keeps its table when restarted', () => {
    const { until, world } = startLesson(lessonById('sqlWindows')!);
    const analytics = world.parts.analytics;
    world.sim.advanceBy(3000);
    const sections = analytics.app('sections')!.config;
    expect(analytics.startApp({
      name: 'page-counts', input: { stream: 'lesson-sql' },
      sql: 'CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (page VARCHAR(16), n BIGINT);\nCREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM" SELECT STREAM s."page", COUNT(*) FROM "SOURCE_SQL_STREAM_001" AS s GROUP BY s."page", STEP(s.ROWTIME BY INTERVAL \'10\' SECOND);',
    })).toEqual({ ok: true });
    expect(until(0, 30)).toEqual([true, false]);
    // The console starts an application from its code and input only: the reference data stays.
    const { reference: _r, ...withoutReference } = sections;
    expect(analytics.startApp(withoutReference)).toEqual({ ok: true });
    expect(until(1, 30)).toEqual([true, true]);
    const app = analytics.app('sections')!.snapshot();
    expect(app.outputs.find((o) => o.stream === app.sinkStream)!.rows.map((r) => r.values[0])).toContain('browse');
  });

  it('flinkSql: a Flink SQL TUMBLE application starts and emits window rows', () => {
    const { done, until, world } = startLesson(lessonById('flinkSql')!);
    world.sim.advanceBy(3000);
    expect(done()).toEqual([false, false]);
    const sql = `CREATE TABLE clicks (page STRING, ip STRING, proc AS PROCTIME()) WITH ('connector' = 'kinesis', 'stream' = 'lesson-flink', 'format' = 'json');
CREATE TABLE page_counts (window_start TIMESTAMP(3), window_end TIMESTAMP(3), page STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO page_counts SELECT window_start, window_end, page, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(proc), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, page;`;
    expect(world.parts.analytics.startApp({ name: 'flink-counts', sql, input: { stream: 'lesson-flink' } })).toEqual({ ok: true });
    expect(done()).toEqual([true, false]);
    expect(until(1, 30)).toEqual([true, true]);
  });

  it('agent: an agent tails a log into the stream as JSON, and resumes from its checkpoint after a restart', () => {
    const { until, world } = startLesson(lessonById('agent')!);
    const agents = world.parts.agents;
    const config = { flows: [{ filePattern: '/var/log/httpd/access_log*', kinesisStream: 'lesson-agent', initialPosition: 'START_OF_FILE', maxBufferAgeMillis: 1000, dataProcessingOptions: [{ optionName: 'LOGTOJSON', logFormat: 'COMBINEDAPACHELOG' }] }] };
    expect(agents.save({ name: 'web-1', config, generators: [{ path: '/var/log/httpd/access_log', kind: 'apache-access', linesPerSecond: 20 }] })).toEqual({ ok: true });
    expect(until(1, 20)).toEqual([true, true, false]);
    agents.find('web-1')!.restart();
    expect(until(2, 20)).toEqual([true, true, true]);
  });

  it('video: a camera puts fragments, then GetImages is called on the archive', () => {
    const { done, until, world } = startLesson(lessonById('video')!);
    world.sim.advanceBy(1000);
    world.parts.videoStreams.startProducer('lesson-camera', {});
    expect(until(0, 30)).toEqual([true, false]);
    // The console's "Get images" and the GetImages API both select frames and count the request.
    const v = world.parts.videoStreams.service;
    const stream = v.resolve({ StreamName: 'lesson-camera' });
    const now = world.sim.nowMs;
    expect(getImages(stream, { ImageSelectorType: 'PRODUCER_TIMESTAMP', StartTimestamp: now - 20_000, EndTimestamp: now, SamplingInterval: 3000, Format: 'JPEG' }).images.length).toBeGreaterThan(0);
    expect(done()).toEqual([true, false]);
    v.metric(stream, 'GetImages.Requests', 1);
    expect(done()).toEqual([true, true]);
  });

  it('sqs: fan-out at 30 s, replay at 125 s, then the FIFO variant keeps order', () => {
    const { until } = startLesson(lessonById('sqs')!);
    expect(until(0, 40)).toEqual([true, false, false]);
    expect(until(1, 140)).toEqual([true, true, false]);
    const fifo = startLesson({ ...lessonById('sqs')!, scenario: comparisonScenario({ ...DEFAULT_COMPARISON, fifo: true }) });
    expect(fifo.until(2, 20)[2]).toBe(true);
  });

  it('capacity: the recommendation applied (more shards) stops the throttling', () => {
    const lesson = lessonById('capacity')!;
    const { until } = startLesson(lesson);
    expect(until(0, 5)).toEqual([false, false]);
    const r = recommendationFor(lesson.scenario, 'lesson-capacity')!;
    expect(r).toMatchObject({ streamMode: 'PROVISIONED' });
    expect(r.shardCount).toBeGreaterThanOrEqual(3); // 2,500 records/s of 400 B: records/s bind, 1,000 per shard
    const applied = startLesson({ ...lesson, scenario: { ...lesson.scenario, streams: [{ ...lesson.scenario.streams[0], shards: r.shardCount }] } });
    expect(applied.done()).toEqual([true, false]);
    expect(applied.until(1, 30)).toEqual([true, true]);
  });
});
