/**
 * The operations added to the Kinesis model in 2025/2026, through @aws-sdk/client-kinesis against the local
 * server: record distribution AUTO, warm throughput and the account's minimum throughput billing commitment,
 * resource policies, tagging consumers by ARN, and MillisBehindLatest as AWS defines it.
 */
import * as K from '@aws-sdk/client-kinesis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';
import { errorOf, kinesisClient, waitForConsumerActive, waitForStreamActive } from './sdk-test-support';

let server: LocalApiServer;
let client: K.KinesisClient;
const utf8 = new TextEncoder();
const ON_DEMAND = { StreamMode: 'ON_DEMAND' as const };

beforeAll(async () => {
  server = await startLocalApiServer({ transitionDelayMs: 0, seed: 26 });
  client = kinesisClient(server.endpoint, 'h2', 1);
});
afterAll(async () => {
  client.destroy();
  await server.close();
});

async function arnOf(StreamName: string): Promise<string> {
  return (await client.send(new K.DescribeStreamSummaryCommand({ StreamName }))).StreamDescriptionSummary!.StreamARN!;
}

describe('RecordDistributionStrategy AUTO', () => {
  it('spreads one hot key over every shard, takes records without a key, refuses SequenceNumberForOrdering', async () => {
    await client.send(new K.CreateStreamCommand({ StreamName: 'auto', StreamModeDetails: ON_DEMAND, RecordDistributionStrategy: 'AUTO' }));
    await waitForStreamActive(client, 'auto');
    const summary = (await client.send(new K.DescribeStreamSummaryCommand({ StreamName: 'auto' }))).StreamDescriptionSummary!;
    expect(summary.RecordDistributionStrategy).toBe('AUTO');
    const shards = new Set<string>();
    for (let i = 0; i < 8; i++) shards.add((await client.send(new K.PutRecordCommand({ StreamName: 'auto', PartitionKey: 'hot', Data: utf8.encode(`r${i}`) }))).ShardId!);
    expect(shards.size).toBe(summary.OpenShardCount);
    const keyless = await client.send(new K.PutRecordsCommand({ StreamName: 'auto', Records: [{ Data: utf8.encode('no key') }] }));
    expect(keyless.FailedRecordCount).toBe(0);
    const it0 = (await client.send(new K.GetShardIteratorCommand({ StreamName: 'auto', ShardId: keyless.Records![0].ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    const read = (await client.send(new K.GetRecordsCommand({ ShardIterator: it0 }))).Records!;
    const mine = read.find((r) => r.SequenceNumber === keyless.Records![0].SequenceNumber)!;
    expect(mine.PartitionKey).toBeUndefined();
    const ordered = await errorOf(client.send(new K.PutRecordCommand({ StreamName: 'auto', PartitionKey: 'k', Data: utf8.encode('x'), SequenceNumberForOrdering: '1' })));
    expect(ordered.name).toBe('InvalidArgumentException');
  });

  it('switches back to USER_PARTITION_KEY, after which a put without a key fails; AUTO on provisioned is refused', async () => {
    const arn = await arnOf('auto');
    await client.send(new K.UpdateStreamRecordDistributionStrategyCommand({ StreamARN: arn, RecordDistributionStrategy: 'USER_PARTITION_KEY' }));
    const a = await client.send(new K.PutRecordCommand({ StreamARN: arn, PartitionKey: 'hot', Data: utf8.encode('1') }));
    const b = await client.send(new K.PutRecordCommand({ StreamARN: arn, PartitionKey: 'hot', Data: utf8.encode('2') }));
    expect(a.ShardId).toBe(b.ShardId);
    expect((await errorOf(client.send(new K.PutRecordCommand({ StreamARN: arn, Data: utf8.encode('x') })))).name).toBe('InvalidArgumentException');
    await client.send(new K.CreateStreamCommand({ StreamName: 'prov', ShardCount: 1 }));
    await waitForStreamActive(client, 'prov');
    const e = await errorOf(client.send(new K.UpdateStreamRecordDistributionStrategyCommand({ StreamARN: await arnOf('prov'), RecordDistributionStrategy: 'AUTO' })));
    expect(e.name).toBe('InvalidArgumentException');
    expect((await client.send(new K.DescribeStreamSummaryCommand({ StreamName: 'prov' }))).StreamDescriptionSummary!.RecordDistributionStrategy).toBeUndefined();
  });
});

describe('account settings and warm throughput', () => {
  it('needs the billing commitment, which lasts at least 24 hours', async () => {
    await client.send(new K.CreateStreamCommand({ StreamName: 'warm', StreamModeDetails: ON_DEMAND }));
    await waitForStreamActive(client, 'warm');
    const refused = await errorOf(client.send(new K.UpdateStreamWarmThroughputCommand({ StreamName: 'warm', WarmThroughputMiBps: 8 })));
    expect(refused.name).toBe('InvalidArgumentException');
    expect((await client.send(new K.DescribeAccountSettingsCommand({}))).MinimumThroughputBillingCommitment?.Status).toBe('DISABLED');
    const on = (await client.send(new K.UpdateAccountSettingsCommand({ MinimumThroughputBillingCommitment: { Status: 'ENABLED' } }))).MinimumThroughputBillingCommitment!;
    expect(on.Status).toBe('ENABLED');
    expect(on.EarliestAllowedEndAt!.getTime() - on.StartedAt!.getTime()).toBe(86_400_000);
    const warm = await client.send(new K.UpdateStreamWarmThroughputCommand({ StreamName: 'warm', WarmThroughputMiBps: 8 }));
    expect(warm.WarmThroughput).toEqual({ TargetMiBps: 8, CurrentMiBps: 0 });
    await waitForStreamActive(client, 'warm');
    const summary = (await client.send(new K.DescribeStreamSummaryCommand({ StreamName: 'warm' }))).StreamDescriptionSummary!;
    expect(summary.WarmThroughput).toEqual({ TargetMiBps: 8, CurrentMiBps: 8 });
    expect(summary.OpenShardCount).toBeGreaterThanOrEqual(8);
    const off = (await client.send(new K.UpdateAccountSettingsCommand({ MinimumThroughputBillingCommitment: { Status: 'DISABLED' } }))).MinimumThroughputBillingCommitment!;
    expect(off.Status).toBe('ENABLED_UNTIL_EARLIEST_ALLOWED_END');
    server.sim.runUntil(server.sim.nowMs + 86_400_000);
    const ended = (await client.send(new K.DescribeAccountSettingsCommand({}))).MinimumThroughputBillingCommitment!;
    expect(ended.Status).toBe('DISABLED');
    expect(ended.EndedAt!.getTime()).toBe(on.EarliestAllowedEndAt!.getTime());
  });
});

describe('warm throughput on CreateStream', () => {
  it('pre-warms a new on-demand stream of an account with the commitment; AUTO on a provisioned CreateStream is refused', async () => {
    await client.send(new K.UpdateAccountSettingsCommand({ MinimumThroughputBillingCommitment: { Status: 'ENABLED' } }));
    await client.send(new K.CreateStreamCommand({ StreamName: 'prewarmed', StreamModeDetails: ON_DEMAND, WarmThroughputMiBps: 6 }));
    await waitForStreamActive(client, 'prewarmed');
    const summary = (await client.send(new K.DescribeStreamSummaryCommand({ StreamName: 'prewarmed' }))).StreamDescriptionSummary!;
    expect(summary.WarmThroughput).toEqual({ TargetMiBps: 6, CurrentMiBps: 6 });
    expect(summary.OpenShardCount).toBeGreaterThanOrEqual(6);
    const auto = await errorOf(client.send(new K.CreateStreamCommand({ StreamName: 'prov-auto', ShardCount: 1, RecordDistributionStrategy: 'AUTO' })));
    expect(auto.name).toBe('InvalidArgumentException');
  });
});

describe('resource policies and tags by ARN', () => {
  it('puts, gets and deletes a policy on a stream and on a consumer; tags a consumer', async () => {
    await client.send(new K.CreateStreamCommand({ StreamName: 'pol', ShardCount: 1 }));
    await waitForStreamActive(client, 'pol');
    const arn = await arnOf('pol');
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kinesis:GetRecords', Resource: arn }] });
    await client.send(new K.PutResourcePolicyCommand({ ResourceARN: arn, Policy: policy }));
    expect((await client.send(new K.GetResourcePolicyCommand({ ResourceARN: arn }))).Policy).toBe(policy);
    await client.send(new K.DeleteResourcePolicyCommand({ ResourceARN: arn }));
    expect((await client.send(new K.GetResourcePolicyCommand({ ResourceARN: arn }))).Policy).toBe('{}');
    expect((await errorOf(client.send(new K.PutResourcePolicyCommand({ ResourceARN: arn, Policy: 'not json' })))).name).toBe('InvalidArgumentException');
    expect((await errorOf(client.send(new K.GetResourcePolicyCommand({ ResourceARN: `${arn}-gone` })))).name).toBe('ResourceNotFoundException');
    const consumer = (await client.send(new K.RegisterStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'c' }))).Consumer!.ConsumerARN!;
    await waitForConsumerActive(client, consumer);
    await client.send(new K.PutResourcePolicyCommand({ ResourceARN: consumer, Policy: policy }));
    expect((await client.send(new K.GetResourcePolicyCommand({ ResourceARN: consumer }))).Policy).toBe(policy);
    await client.send(new K.TagResourceCommand({ ResourceARN: consumer, Tags: { team: 'a', 'cost:centre': '7' } }));
    await client.send(new K.UntagResourceCommand({ ResourceARN: consumer, TagKeys: ['team'] }));
    expect((await client.send(new K.ListTagsForResourceCommand({ ResourceARN: consumer }))).Tags).toEqual([{ Key: 'cost:centre', Value: '7' }]);
  });
});

describe('MillisBehindLatest', () => {
  it('is how far the returned record is behind the newest one, 0 when caught up', async () => {
    await client.send(new K.CreateStreamCommand({ StreamName: 'lag', ShardCount: 1 }));
    await waitForStreamActive(client, 'lag');
    await client.send(new K.PutRecordCommand({ StreamName: 'lag', PartitionKey: 'k', Data: utf8.encode('old') }));
    server.sim.runUntil(server.sim.nowMs + 2_000);
    await client.send(new K.PutRecordCommand({ StreamName: 'lag', PartitionKey: 'k', Data: utf8.encode('new') }));
    server.sim.runUntil(server.sim.nowMs + 30_000); // time since the newest record does not count
    const it0 = (await client.send(new K.GetShardIteratorCommand({ StreamName: 'lag', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    const first = await client.send(new K.GetRecordsCommand({ ShardIterator: it0, Limit: 1 }));
    expect(first.MillisBehindLatest).toBeGreaterThanOrEqual(2_000);
    expect(first.MillisBehindLatest).toBeLessThan(2_100);
    const second = await client.send(new K.GetRecordsCommand({ ShardIterator: first.NextShardIterator, Limit: 1 }));
    expect(second.MillisBehindLatest).toBe(0);
  });
});
