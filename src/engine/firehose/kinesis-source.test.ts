import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { KinesisService } from '../streams/service';
import { FirehoseService } from './firehose-service';
import { kinesisSourcesFrom } from './kinesis-source-adapter';
import { aggregate } from '../producers/kpl-aggregation';
import { text, untext } from './test-helpers';

function setup() {
  const sim = new Simulation({ seed: 'kds-source' });
  const kinesis = new KinesisService(sim, { transitionDelayMs: 0 });
  const firehose = new FirehoseService(sim, { kinesisSources: kinesisSourcesFrom(kinesis) });
  return { sim, kinesis, firehose };
}

const source = (arn: string) => ({
  DeliveryStreamName: 'from-kds', DeliveryStreamType: 'KinesisStreamAsSource',
  KinesisStreamSourceConfiguration: { KinesisStreamARN: arn, RoleARN: 'arn:aws:iam::000000000000:role/r' },
  ExtendedS3DestinationConfiguration: { BucketARN: 'arn:aws:s3:::kds-sink', RoleARN: 'r', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } },
});

describe('Kinesis data stream as source', () => {
  it('reads from LATEST at creation, one poll per shard per second, and delivers with the stream metadata', () => {
    const { sim, kinesis, firehose } = setup();
    const stream = kinesis.createStream('clicks', 'PROVISIONED', 2);
    sim.advanceBy(1);
    stream.putRecord('before', text('old\n'));
    firehose.createDeliveryStream(source(stream.arn));
    for (let i = 0; i < 10; i++) stream.putRecord(`k${i}`, text(`new-${i}\n`));
    sim.advanceBy(2_000);
    const snap = firehose.snapshot('from-kds');
    expect(snap.counters['DataReadFromKinesisStream.Records']).toBe(10);
    const readCalls = stream.shards.reduce((n, s) => n + s.counters.readCalls, 0);
    expect(readCalls).toBe(4); // 2 shards × 2 seconds: Firehose counts against the shard read limits
    sim.advanceBy(61_000);
    const [obj] = firehose.store.listObjectsV2({ bucket: 'kds-sink' }).contents;
    const lines = untext(obj.body).trim().split('\n').sort();
    expect(lines).toEqual(Array.from({ length: 10 }, (_, i) => `new-${i}`).sort());
    expect(firehose.snapshot('from-kds').ledger).toMatchObject({ ingested: 10, delivered: 10, pending: 0 });
  });

  it('counts throttled polls when other consumers use up the shard read calls', () => {
    const { sim, kinesis, firehose } = setup();
    const stream = kinesis.createStream('busy', 'PROVISIONED', 1);
    sim.advanceBy(1);
    firehose.createDeliveryStream(source(stream.arn));
    // Another consumer takes all 5 read calls of the next second before Firehose polls.
    sim.scheduler.at(sim.nowMs + 999 - (sim.nowMs % 1000), (now) => {
      for (let i = 0; i < 5; i++) stream.shards[0].admitReadCall(now + 1);
    });
    sim.advanceBy(1_500);
    expect(firehose.snapshot('from-kds').counters.ThrottledGetRecords).toBe(1);
  });

  it('de-aggregates KPL-aggregated records into their user records', () => {
    const { sim, kinesis, firehose } = setup();
    const stream = kinesis.createStream('kpl', 'PROVISIONED', 1);
    sim.advanceBy(1);
    firehose.createDeliveryStream(source(stream.arn));
    stream.putRecord('agg', aggregate([{ partitionKey: 'a', data: text('one\n') }, { partitionKey: 'b', data: text('two\n') }, { partitionKey: 'a', data: text('three\n') }]));
    sim.advanceBy(62_000);
    const [obj] = firehose.store.listObjectsV2({ bucket: 'kds-sink' }).contents;
    expect(untext(obj.body)).toBe('one\ntwo\nthree\n');
    const snap = firehose.snapshot('from-kds');
    expect(snap.counters['DataReadFromKinesisStream.Records']).toBe(1);
    expect(snap.ledger).toMatchObject({ ingested: 3, delivered: 3 });
  });

  it('stops reading while S3 delivery fails, so the records wait in the data stream, then catches up', () => {
    const { sim, kinesis, firehose } = setup();
    const stream = kinesis.createStream('outage', 'PROVISIONED', 2);
    sim.advanceBy(1);
    firehose.createDeliveryStream(source(stream.arn));
    firehose.s3Faults('kds-sink').down = true;
    let sent = 0;
    const putFor = (ms: number) => {
      for (let t = 0; t < ms; t += 100) {
        stream.putRecord(`k${sent}`, text(`r-${sent}\n`));
        sent++;
        sim.advanceBy(100);
      }
    };
    putFor(30 * 60_000); // 30 minutes of a failing bucket: the first 60 s buffer fails, then reading pauses
    const during = firehose.snapshot('from-kds');
    const read = during.counters['DataReadFromKinesisStream.Records'];
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(61 * 10 + 20); // about one buffer interval (10 records/s), not 30 minutes' worth
    expect(during.ledger).toMatchObject({ ingested: read, delivered: 0, pending: read });
    firehose.s3Faults('kds-sink').down = false;
    putFor(5 * 60_000);
    sim.advanceBy(120_000);
    const after = firehose.snapshot('from-kds');
    expect(after.counters['DataReadFromKinesisStream.Records']).toBe(sent);
    expect(after.ledger).toMatchObject({ ingested: sent, delivered: sent, pending: 0 });
  });

  it('refuses a source stream that does not exist', () => {
    const { firehose } = setup();
    expect(() => firehose.createDeliveryStream(source('arn:aws:kinesis:us-east-1:000000000000:stream/missing'))).toThrow(/does not exist/);
  });
});
