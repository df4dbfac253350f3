/**
 * One invalid request per Kinesis operation through the default (HTTP/2) SDK client: the AWS
 * error name must reach the SDK as the exception's `name`, with HTTP 400 and a message. Where the
 * spec records a disagreement between emulators, the engine's documented choice is asserted.
 */
import * as K from '@aws-sdk/client-kinesis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';
import { errorOf, kinesisClient, waitForConsumerActive, waitForStreamActive } from './sdk-test-support';

let server: LocalApiServer;
let client: K.KinesisClient;
let strict: K.KinesisClient;
let arn = '';
let consumerArn = '';
const S = 'errs';

beforeAll(async () => {
  server = await startLocalApiServer({ transitionDelayMs: 0, seed: 21 });
  client = kinesisClient(server.endpoint, 'h2');
  strict = kinesisClient(server.endpoint, 'h2', 1);
  await client.send(new K.CreateStreamCommand({ StreamName: S, ShardCount: 3 }));
  await waitForStreamActive(client, S);
  arn = (await client.send(new K.DescribeStreamSummaryCommand({ StreamName: S }))).StreamDescriptionSummary!.StreamARN!;
  consumerArn = (await client.send(new K.RegisterStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'c1' }))).Consumer!.ConsumerARN!;
  await waitForConsumerActive(client, consumerArn);
});
afterAll(async () => {
  client.destroy();
  strict.destroy();
  await server.close();
});

const shard = (n: number): string => `shardId-${String(n).padStart(12, '0')}`;
const long = 'a'.repeat(129);

// [operation, command factory, expected AWS error name]
const cases: Array<[string, () => unknown, string]> = [
  ['CreateStream', () => new K.CreateStreamCommand({ StreamName: 'x', ShardCount: 0 }), 'ValidationException'],
  ['DeleteStream', () => new K.DeleteStreamCommand({ StreamName: 'missing' }), 'ResourceNotFoundException'],
  ['DescribeStream', () => new K.DescribeStreamCommand({ StreamName: S, Limit: 0 }), 'ValidationException'],
  ['DescribeStreamSummary', () => new K.DescribeStreamSummaryCommand({ StreamName: long }), 'ValidationException'],
  ['ListStreams', () => new K.ListStreamsCommand({ Limit: 0 }), 'ValidationException'],
  ['ListShards', () => new K.ListShardsCommand({ StreamName: S, NextToken: 'abc' }), 'InvalidArgumentException'],
  ['PutRecord', () => new K.PutRecordCommand({ StreamName: S, PartitionKey: '', Data: new Uint8Array(1) }), 'ValidationException'],
  ['PutRecords', () => new K.PutRecordsCommand({ StreamName: S, Records: Array.from({ length: 501 }, () => ({ PartitionKey: 'k', Data: new Uint8Array(1) })) }), 'ValidationException'],
  ['GetShardIterator', () => new K.GetShardIteratorCommand({ StreamName: S, ShardId: shard(0), ShardIteratorType: 'TRIM_HORIZON', StartingSequenceNumber: '1' }), 'InvalidArgumentException'],
  ['GetRecords', () => new K.GetRecordsCommand({ ShardIterator: 'x'.repeat(513) }), 'ValidationException'],
  ['SplitShard', () => new K.SplitShardCommand({ StreamName: S, ShardToSplit: shard(0), NewStartingHashKey: '0' }), 'InvalidArgumentException'],
  ['MergeShards', () => new K.MergeShardsCommand({ StreamName: S, ShardToMerge: shard(0), AdjacentShardToMerge: shard(2) }), 'InvalidArgumentException'],
  ['UpdateShardCount', () => new K.UpdateShardCountCommand({ StreamName: S, TargetShardCount: 0, ScalingType: 'UNIFORM_SCALING' }), 'ValidationException'],
  ['UpdateStreamMode', () => new K.UpdateStreamModeCommand({ StreamARN: `${arn}-missing`, StreamModeDetails: { StreamMode: 'ON_DEMAND' } }), 'ResourceNotFoundException'],
  ['IncreaseStreamRetentionPeriod', () => new K.IncreaseStreamRetentionPeriodCommand({ StreamName: S, RetentionPeriodHours: 8761 }), 'InvalidArgumentException'],
  ['DecreaseStreamRetentionPeriod', () => new K.DecreaseStreamRetentionPeriodCommand({ StreamName: S, RetentionPeriodHours: 23 }), 'InvalidArgumentException'],
  ['AddTagsToStream', () => new K.AddTagsToStreamCommand({ StreamName: S, Tags: { [long]: 'v' } }), 'ValidationException'],
  ['RemoveTagsFromStream', () => new K.RemoveTagsFromStreamCommand({ StreamName: S, TagKeys: [] }), 'ValidationException'],
  ['ListTagsForStream', () => new K.ListTagsForStreamCommand({ StreamName: S, Limit: 51 }), 'ValidationException'],
  ['TagResource', () => new K.TagResourceCommand({ ResourceARN: `${arn}-missing`, Tags: { a: 'b' } }), 'ResourceNotFoundException'],
  ['UntagResource', () => new K.UntagResourceCommand({ ResourceARN: `${arn}-missing`, TagKeys: ['a'] }), 'ResourceNotFoundException'],
  ['ListTagsForResource', () => new K.ListTagsForResourceCommand({ ResourceARN: `${arn}-missing` }), 'ResourceNotFoundException'],
  ['RegisterStreamConsumer', () => new K.RegisterStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'c1' }), 'ResourceInUseException'],
  ['DeregisterStreamConsumer', () => new K.DeregisterStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'nobody' }), 'ResourceNotFoundException'],
  ['DescribeStreamConsumer', () => new K.DescribeStreamConsumerCommand({ ConsumerARN: `${arn}/consumer/nobody:1` }), 'ResourceNotFoundException'],
  ['ListStreamConsumers', () => new K.ListStreamConsumersCommand({ StreamARN: arn, MaxResults: 0 }), 'ValidationException'],
  ['SubscribeToShard', () => new K.SubscribeToShardCommand({ ConsumerARN: consumerArn, ShardId: shard(99), StartingPosition: { Type: 'LATEST' } }), 'ResourceNotFoundException'],
  ['StartStreamEncryption', () => new K.StartStreamEncryptionCommand({ StreamName: S, EncryptionType: 'NONE' as K.EncryptionType, KeyId: '' }), 'ValidationException'],
  ['StopStreamEncryption', () => new K.StopStreamEncryptionCommand({ StreamName: 'missing', EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }), 'ResourceNotFoundException'],
  ['EnableEnhancedMonitoring', () => new K.EnableEnhancedMonitoringCommand({ StreamName: S, ShardLevelMetrics: ['Bogus' as K.MetricsName] }), 'ValidationException'],
  ['DisableEnhancedMonitoring', () => new K.DisableEnhancedMonitoringCommand({ StreamName: S, ShardLevelMetrics: [] }), 'ValidationException'],
  ['UpdateMaxRecordSize', () => new K.UpdateMaxRecordSizeCommand({ StreamARN: arn, MaxRecordSizeInKiB: 512 }), 'ValidationException'],
  ['UpdateStreamRecordDistributionStrategy', () => new K.UpdateStreamRecordDistributionStrategyCommand({ StreamARN: arn, RecordDistributionStrategy: 'AUTO' }), 'InvalidArgumentException'],
  ['UpdateStreamWarmThroughput', () => new K.UpdateStreamWarmThroughputCommand({ StreamName: S, WarmThroughputMiBps: 10 }), 'InvalidArgumentException'],
  ['DescribeAccountSettings', () => new K.DescribeAccountSettingsCommand({}), 'ok'],
  ['UpdateAccountSettings', () => new K.UpdateAccountSettingsCommand({ MinimumThroughputBillingCommitment: { Status: 'MAYBE' as K.MinimumThroughputBillingCommitmentInputStatus } }), 'ValidationException'],
  ['PutResourcePolicy', () => new K.PutResourcePolicyCommand({ ResourceARN: arn, Policy: '[]' }), 'InvalidArgumentException'],
  ['GetResourcePolicy', () => new K.GetResourcePolicyCommand({ ResourceARN: `${arn}-missing` }), 'ResourceNotFoundException'],
  ['DeleteResourcePolicy', () => new K.DeleteResourcePolicyCommand({ ResourceARN: `${consumerArn}0` }), 'ResourceNotFoundException'],
  ['CreateChannel', () => new K.CreateChannelCommand({ ChannelName: 'ch', ServiceExecutionRoleARN: 'arn:aws:iam::000000000000:role/r', StreamConfigurationList: [{ StreamARN: arn, RecordConfiguration: { RecordFormatType: 'JSON' } }], S3DestinationConfiguration: { StorageConfiguration: { BucketARN: 'arn:aws:s3:::lake', ExpectedBucketOwner: '000000000000', CompressionType: 'NONE' } } }), 'InvalidArgumentException'],
  ['DescribeChannel', () => new K.DescribeChannelCommand({ ChannelARN: 'arn:aws:kinesis:us-east-1:000000000000:channel/none' }), 'ResourceNotFoundException'],
  ['ListChannels', () => new K.ListChannelsCommand({ MaxResults: 101 }), 'ValidationException'],
  ['UpdateChannel', () => new K.UpdateChannelCommand({ ChannelARN: 'arn:aws:kinesis:us-east-1:000000000000:channel/none', S3DestinationConfiguration: { DataFreshnessInSeconds: 300 } }), 'ResourceNotFoundException'],
  ['DeleteChannel', () => new K.DeleteChannelCommand({ ChannelARN: 'not-an-arn' }), 'ValidationException'],
];

describe('errors by operation', () => {
  it('covers every operation of the SDK model', () => {
    const commands = Object.keys(K).filter((k) => /^[A-Z]\w*Command$/.test(k)).map((k) => k.slice(0, -'Command'.length));
    expect(commands).toHaveLength(45);
    // DescribeLimits has its own case below (its 1-per-second quota).
    expect([...cases.map((c) => c[0]), 'DescribeLimits'].sort()).toEqual(commands.sort());
  });

  it.each(cases)('%s', async (_op, make, expected) => {
    if (expected === 'ok') {
      await client.send(make() as never);
      return;
    }
    const e = await errorOf(client.send(make() as never));
    expect({ name: e.name, status: e.$metadata?.httpStatusCode }).toEqual({ name: expected, status: 400 });
    expect(e.message.length).toBeGreaterThan(5);
  });

  it('DescribeLimits: 1 call per second per account (LimitExceededException)', async () => {
    await new Promise((r) => setTimeout(r, 1000));
    const results = await Promise.allSettled([1, 2, 3].map(() => strict.send(new K.DescribeLimitsCommand({}))));
    const names = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as Error).name));
    expect(names.filter((n) => n === 'ok').length).toBeGreaterThanOrEqual(1);
    expect(names).toContain('LimitExceededException');
  });
});
