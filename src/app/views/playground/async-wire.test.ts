/**
 * The playground's asynchronous wire, end to end: the real KinesisClient → EngineRequestHandler →
 * asyncWire → the simulation worker's SDK door (createSimulatorApi, as the worker exposes it) → the
 * engine world. The answers must be the same wire answers the synchronous dispatcher gives: AWS
 * errors by name, empty bodies for operations without output, SubscribeToShard as an event stream.
 */
import {
  CreateStreamCommand, DescribeStreamSummaryCommand, KinesisClient, PutRecordsCommand, RegisterStreamConsumerCommand,
  SubscribeToShardCommand, IncreaseStreamRetentionPeriodCommand, ResourceNotFoundException,
} from '@aws-sdk/client-kinesis';
import { describe, expect, it } from 'vitest';
import { EngineRequestHandler } from '../../sdk/engine-request-handler';
import { createSimulatorApi } from '../../../worker/simulator-api';
import { asyncWire } from './async-wire';

const idleTimers = { wallNowMs: () => 0, later: () => undefined };

async function setup() {
  const door = createSimulatorApi(idleTimers);
  const loaded = await door.load({ version: 1, name: 'wire', seed: 'w', streams: [], producers: [], consumers: [] });
  if (!loaded.ok) throw new Error(loaded.error.message);
  // Stream and consumer transitions take virtual time: the test moves the clock past them.
  const step = () => door.clock({ kind: 'step', ms: 60_000 });
  const client = new KinesisClient({
    requestHandler: new EngineRequestHandler(asyncWire(door)),
    region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1,
  });
  return { door, client, step };
}

describe('asyncWire', () => {
  it('answers SDK calls, AWS errors and empty bodies through the worker door', async () => {
    const { client, step } = await setup();
    await client.send(new CreateStreamCommand({ StreamName: 's', ShardCount: 1 }));
    await step();
    expect((await client.send(new DescribeStreamSummaryCommand({ StreamName: 's' }))).StreamDescriptionSummary!.StreamStatus).toBe('ACTIVE');
    const put = await client.send(new PutRecordsCommand({ StreamName: 's', Records: [{ PartitionKey: 'k', Data: new Uint8Array([1]) }] }));
    expect(put.FailedRecordCount).toBe(0);
    // No output shape: an empty body on the wire, which the SDK reads as success.
    await expect(client.send(new IncreaseStreamRetentionPeriodCommand({ StreamName: 's', RetentionPeriodHours: 48 }))).resolves.toBeDefined();
    await expect(client.send(new DescribeStreamSummaryCommand({ StreamName: 'missing' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('streams SubscribeToShard events pushed from the worker', async () => {
    const { door, client, step } = await setup();
    await client.send(new CreateStreamCommand({ StreamName: 'efo', ShardCount: 1 }));
    await step();
    const arn = (await client.send(new DescribeStreamSummaryCommand({ StreamName: 'efo' }))).StreamDescriptionSummary!.StreamARN!;
    const consumer = await client.send(new RegisterStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'c' }));
    await step();
    const sub = await client.send(new SubscribeToShardCommand({
      ConsumerARN: consumer.Consumer!.ConsumerARN, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'TRIM_HORIZON' },
    }));
    await client.send(new PutRecordsCommand({ StreamName: 'efo', Records: [{ PartitionKey: 'k', Data: new TextEncoder().encode('pushed') }] }));
    const timer = setInterval(() => void door.clock({ kind: 'step', ms: 200 }), 5);
    const seen: string[] = [];
    try {
      for await (const ev of sub.EventStream!) {
        for (const r of ev.SubscribeToShardEvent?.Records ?? []) seen.push(new TextDecoder().decode(r.Data));
        if (seen.length > 0) break;
      }
    } finally {
      clearInterval(timer);
    }
    expect(seen).toEqual(['pushed']);
  });
});
