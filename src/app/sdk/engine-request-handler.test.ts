/**
 * The in-page path: the real KinesisClient with EngineRequestHandler answering from the real
 * engine, no network. The virtual clock is advanced by the test, as the worker's pacer would.
 */
import {
  CreateStreamCommand, DescribeStreamCommand, DescribeStreamSummaryCommand, GetRecordsCommand, GetShardIteratorCommand,
  KinesisClient, PutRecordsCommand, RegisterStreamConsumerCommand, SubscribeToShardCommand,
} from '@aws-sdk/client-kinesis';
import { afterEach, describe, expect, it } from 'vitest';
import { createKinesisApi, KINESIS_BLOB_FIELDS, KINESIS_TIMESTAMP_FIELDS } from '../../engine/api/kinesis/index';
import { Simulation } from '../../engine/simulation';
import { KinesisService } from '../../engine/streams/index';
import { EngineRequestHandler } from './engine-request-handler';
import { WireDispatcher } from '../../engine/api/wire/wire-dispatch';

const utf8 = new TextEncoder();
const timers: ReturnType<typeof setInterval>[] = [];
afterEach(() => {
  for (const t of timers.splice(0)) clearInterval(t);
});

function setup() {
  const sim = new Simulation({ seed: 11 });
  const service = new KinesisService(sim, { transitionDelayMs: 200 });
  const api = createKinesisApi(service);
  // Each call moves virtual time on by a second, so transitions complete and rate windows roll over.
  const handler = new EngineRequestHandler(
    new WireDispatcher([{ api, blobFields: KINESIS_BLOB_FIELDS, timestampFields: KINESIS_TIMESTAMP_FIELDS }]),
    { beforeRequest: () => sim.advanceBy(1000) },
  );
  const client = new KinesisClient({ requestHandler: handler, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  return { sim, client };
}

describe('EngineRequestHandler', () => {
  it('answers SDK calls from the engine in-process', async () => {
    const { sim, client } = setup();
    await client.send(new CreateStreamCommand({ StreamName: 's', ShardCount: 2 }));
    const summary = await client.send(new DescribeStreamSummaryCommand({ StreamName: 's' }));
    expect(summary.StreamDescriptionSummary!.StreamStatus).toBe('ACTIVE');
    expect(summary.StreamDescriptionSummary!.StreamCreationTimestamp!.getTime()).toBe(sim.startMs + 1000);
    const put = await client.send(new PutRecordsCommand({
      StreamName: 's',
      Records: [{ PartitionKey: 'a', Data: utf8.encode('one'), ExplicitHashKey: '0' }, { PartitionKey: 'b', Data: new Uint8Array([0, 255]), ExplicitHashKey: '0' }],
    }));
    expect(put.FailedRecordCount).toBe(0);
    const iterator = await client.send(new GetShardIteratorCommand({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }));
    const got = await client.send(new GetRecordsCommand({ ShardIterator: iterator.ShardIterator }));
    expect(got.Records!.map((r) => Array.from(r.Data!))).toEqual([Array.from(utf8.encode('one')), [0, 255]]);
    expect(got.Records![0].ApproximateArrivalTimestamp).toBeInstanceOf(Date);
  });

  it('forwards through an async function, as across a worker boundary (structured clone)', async () => {
    const sim = new Simulation({ seed: 12 });
    const dispatcher = new WireDispatcher([{ api: createKinesisApi(new KinesisService(sim, { transitionDelayMs: 0 })) }]);
    const forwarded: string[] = [];
    const handler = new EngineRequestHandler(async (req) => {
      forwarded.push(req.target);
      sim.advanceBy(1000);
      const answer = dispatcher.dispatch(structuredClone(req));
      if (answer.kind !== 'buffered') throw new Error('streams need a Comlink proxy');
      return structuredClone(answer);
    });
    const client = new KinesisClient({ requestHandler: handler, region: 'eu-central-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    await client.send(new CreateStreamCommand({ StreamName: 'w', ShardCount: 1 }));
    const d = await client.send(new DescribeStreamCommand({ StreamName: 'w' }));
    expect(d.StreamDescription!.Shards).toHaveLength(1);
    expect(forwarded).toEqual(['Kinesis_20131202.CreateStream', 'Kinesis_20131202.DescribeStream']);
  });

  it('delivers errors by AWS name', async () => {
    const { client } = setup();
    const e = await client.send(new DescribeStreamCommand({ StreamName: 'missing' })).catch((x: Error) => x);
    expect((e as Error).name).toBe('ResourceNotFoundException');
    expect((e as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(400);
  });

  it('streams SubscribeToShard events as the virtual clock advances', async () => {
    const { sim, client } = setup();
    await client.send(new CreateStreamCommand({ StreamName: 'efo', ShardCount: 1 }));
    const arn = (await client.send(new DescribeStreamSummaryCommand({ StreamName: 'efo' }))).StreamDescriptionSummary!.StreamARN!;
    const consumer = await client.send(new RegisterStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'c' }));
    await client.send(new DescribeStreamSummaryCommand({ StreamName: 'efo' })); // one more second: consumer ACTIVE
    const sub = await client.send(new SubscribeToShardCommand({
      ConsumerARN: consumer.Consumer!.ConsumerARN, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'TRIM_HORIZON' },
    }));
    await client.send(new PutRecordsCommand({ StreamName: 'efo', Records: [{ PartitionKey: 'k', Data: utf8.encode('pushed') }] }));
    timers.push(setInterval(() => sim.advanceBy(200), 5));
    const seen: string[] = [];
    for await (const ev of sub.EventStream!) {
      for (const r of ev.SubscribeToShardEvent?.Records ?? []) seen.push(new TextDecoder().decode(r.Data));
      if (seen.length > 0) break;
    }
    expect(seen).toEqual(['pushed']);
  });
});
