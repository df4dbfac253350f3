/**
 * Validation as AWS does it, in AWS's words, through @aws-sdk/client-kinesis (and raw JSON where the SDK would
 * not send the wrong type): the differences a peer emulator's AWS-captured test suite found.
 */
import * as K from '@aws-sdk/client-kinesis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';
import { errorOf, kinesisClient, waitForStreamActive } from './sdk-test-support';

let server: LocalApiServer;
let client: K.KinesisClient;
const ACCOUNT = '000000000000';

beforeAll(async () => {
  server = await startLocalApiServer({ transitionDelayMs: 0, seed: 5, shardLimit: 12 });
  client = kinesisClient(server.endpoint, 'h2', 1);
  await client.send(new K.CreateStreamCommand({ StreamName: 'v', ShardCount: 4 }));
  await waitForStreamActive(client, 'v');
});
afterAll(async () => {
  client.destroy();
  await server.close();
});

async function raw(operation: string, body: string): Promise<{ status: number; doc: Record<string, unknown> }> {
  const res = await fetch(`${server.endpoint}/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `Kinesis_20131202.${operation}`, Authorization: 'AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0' },
    body,
  });
  const text = await res.text();
  return { status: res.status, doc: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

describe('AWS validation', () => {
  it('AT_TIMESTAMP in the future is InvalidArgumentException in AWS words', async () => {
    const future = new Date(server.sim.nowMs + 60_000);
    const e = await errorOf(client.send(new K.GetShardIteratorCommand({ StreamName: 'v', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_TIMESTAMP', Timestamp: future })));
    expect(e.name).toBe('InvalidArgumentException');
    expect(e.message).toMatch(/^The timestampInMillis parameter cannot be greater than the currentTimestampInMillis\. timestampInMillis: \d+, currentTimestampInMillis: \d+$/);
  });

  it('MergeShards needs ShardToMerge to be the lower shard of the adjacent pair', async () => {
    const e = await errorOf(client.send(new K.MergeShardsCommand({ StreamName: 'v', ShardToMerge: 'shardId-000000000001', AdjacentShardToMerge: 'shardId-000000000000' })));
    expect(e.name).toBe('InvalidArgumentException');
    expect(e.message).toBe(`Shards shardId-000000000001 and shardId-000000000000 in stream v under account ${ACCOUNT} are not an adjacent pair of shards eligible for merging`);
    // Shard ids written as <text>-<n> resolve as AWS resolves them.
    await client.send(new K.MergeShardsCommand({ StreamName: 'v', ShardToMerge: 'shard-0', AdjacentShardToMerge: 'anything-1' }));
    const shards = (await client.send(new K.ListShardsCommand({ StreamName: 'v' }))).Shards!;
    expect(shards.find((s) => s.ParentShardId === 'shardId-000000000000')?.AdjacentParentShardId).toBe('shardId-000000000001');
  });

  it('DescribeStream lists no shards while the stream is CREATING', async () => {
    server.kinesis.createStream('creating', 'PROVISIONED', 2);
    const s = server.kinesis.stream('creating')!;
    s.status = 'CREATING';
    const d = (await client.send(new K.DescribeStreamCommand({ StreamName: 'creating' }))).StreamDescription!;
    expect(d.StreamStatus).toBe('CREATING');
    expect(d.Shards).toEqual([]);
    expect(d.HasMoreShards).toBe(false);
    s.status = 'ACTIVE';
  });

  it('RemoveTagsFromStream validates keys like AddTagsToStream; >50 tags is refused before the stream lookup', async () => {
    const bad = await errorOf(client.send(new K.RemoveTagsFromStreamCommand({ StreamName: 'v', TagKeys: ['ok', 'no*star'] })));
    const addBad = await errorOf(client.send(new K.AddTagsToStreamCommand({ StreamName: 'v', Tags: { 'no*star': 'v' } })));
    expect([bad.name, addBad.name]).toEqual(['InvalidArgumentException', 'InvalidArgumentException']);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    const e = await errorOf(client.send(new K.AddTagsToStreamCommand({ StreamName: 'no-such-stream', Tags: many })));
    expect(e.name).toBe('InvalidArgumentException');
  });

  it('a timestamp of the wrong JSON type is a SerializationException', async () => {
    const r = await raw('GetShardIterator', JSON.stringify({ StreamName: 'v', ShardId: 'shardId-000000000002', ShardIteratorType: 'AT_TIMESTAMP', Timestamp: '2026-01-01T00:00:00Z' }));
    expect(r.status).toBe(400);
    expect(r.doc).toEqual({ __type: 'SerializationException', message: 'class java.lang.String can not be converted to milliseconds since epoch' });
  });

  it('uses AWS wording for missing streams, expired iterators and the shard limit', async () => {
    const missing = await errorOf(client.send(new K.DescribeStreamSummaryCommand({ StreamName: 'ghost' })));
    expect(missing.message).toBe(`Stream ghost under account ${ACCOUNT} not found.`);
    const iterator = (await client.send(new K.GetShardIteratorCommand({ StreamName: 'v', ShardId: 'shardId-000000000002', ShardIteratorType: 'LATEST' }))).ShardIterator;
    server.sim.runUntil(server.sim.nowMs + 301_000);
    const expired = await errorOf(client.send(new K.GetRecordsCommand({ ShardIterator: iterator })));
    expect(expired.name).toBe('ExpiredIteratorException');
    expect(expired.message).toMatch(/^Iterator expired\. The iterator was created at time \w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4} while right now it is \w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4} which is further in the future than the tolerated delay of 300000 milliseconds\.$/);
    const limit = await errorOf(client.send(new K.CreateStreamCommand({ StreamName: 'big', ShardCount: 20 })));
    expect(limit.name).toBe('LimitExceededException');
    expect(limit.message).toContain('Limit: 12. Number of additional shards that would have resulted from this request: 20.');
  });
});

describe('DryRun', () => {
  it('answers DryRunOperationException for a request that would succeed, and writes nothing', async () => {
    const before = server.kinesis.stream('v')!.shards.reduce((n, s) => n + s.counters.incomingRecords, 0);
    const e = await errorOf(client.send(new K.PutRecordCommand({ StreamName: 'v', PartitionKey: 'k', Data: new Uint8Array(3), DryRun: true })));
    expect({ name: e.name, message: e.message }).toEqual({ name: 'DryRunOperationException', message: 'The request was rejected because the DryRun parameter was specified.' });
    expect(server.kinesis.stream('v')!.shards.reduce((n, s) => n + s.counters.incomingRecords, 0)).toBe(before);
    const missing = await errorOf(client.send(new K.GetShardIteratorCommand({ StreamName: 'v', ShardId: 'shardId-000000000099', ShardIteratorType: 'LATEST', DryRun: true })));
    expect(missing.name).toBe('ResourceNotFoundException');
  });
});

describe('request-level rules come before the stream lookup', () => {
  it('an out-of-range retention on a missing stream is InvalidArgumentException, not ResourceNotFoundException', async () => {
    const e = await errorOf(client.send(new K.IncreaseStreamRetentionPeriodCommand({ StreamName: 'ghost', RetentionPeriodHours: 9000 })));
    expect(e.name).toBe('InvalidArgumentException');
  });
});

describe('PartitionKey on USER_PARTITION_KEY streams', () => {
  it('a PutRecords entry without a key fails the whole call and writes nothing', async () => {
    const before = server.kinesis.stream('v')!.shards.reduce((n, s) => n + s.counters.incomingRecords, 0);
    const e = await errorOf(client.send(new K.PutRecordsCommand({ StreamName: 'v', Records: [{ PartitionKey: 'a', Data: new Uint8Array(1) }, { Data: new Uint8Array(1) }] })));
    expect(e.name).toBe('InvalidArgumentException');
    expect(server.kinesis.stream('v')!.shards.reduce((n, s) => n + s.counters.incomingRecords, 0)).toBe(before);
  });
});
