/**
 * Request shapes of the Kinesis Data Streams API (Kinesis_20131202) as validation rules, following the
 * service model's member constraints (names, lengths, ranges, patterns, enums).
 */
import { MAX_RECORD_SIZE_KIB_MAX, MAX_RECORD_SIZE_KIB_MIN, recordBytesMaxOf } from '../../streams/limits';
import { CHANNEL_SHAPES } from './shapes-channels';
import type { Fields, Rule } from './validation';

const NAME = /^[a-zA-Z0-9_.-]+$/;
export const STREAM_NAME: Rule = { kind: 'string', min: 1, max: 128, pattern: NAME };
const STREAM_ARN: Rule = { kind: 'string', min: 1, max: 2048, pattern: /^arn:aws.*:kinesis:.*:\d{12}:stream\/\S+$/ };
const CONSUMER_ARN: Rule = { kind: 'string', min: 1, max: 2048, pattern: /^(arn):aws.*:kinesis:.*:\d{12}:.*stream\/[a-zA-Z0-9_.-]+\/consumer\/[a-zA-Z0-9_.-]+:[0-9]+$/ };
const RESOURCE_ARN: Rule = { kind: 'string', min: 1, max: 2048, pattern: /^arn:aws.*:kinesis:.*:\d{12}:.+$/ };
const SHARD_ID: Rule = { kind: 'string', min: 1, max: 128, pattern: NAME };
const CONSUMER_NAME: Rule = { kind: 'string', min: 1, max: 128, pattern: NAME };
const HASH_KEY: Rule = { kind: 'string', pattern: /^(0|([1-9]\d{0,38}))$/ };
const SEQUENCE_NUMBER: Rule = { kind: 'string', pattern: /^(0|([1-9]\d{0,128}))$/ };
const PARTITION_KEY: Rule = { kind: 'string', min: 1, max: 256 };
const NEXT_TOKEN: Rule = { kind: 'string', min: 1, max: 1_048_576 };
const TAG_KEY: Rule = { kind: 'string', min: 1, max: 128 };
const TAG_VALUE: Rule = { kind: 'string', min: 0, max: 256 };
const KEY_ID: Rule = { kind: 'string', min: 1, max: 2048 };
const ENCRYPTION_TYPE: Rule = { kind: 'string', enum: ['NONE', 'KMS'], required: true };
const ITERATOR_TYPES = ['AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER', 'TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'];
const METRICS = ['IncomingBytes', 'IncomingRecords', 'OutgoingBytes', 'OutgoingRecords', 'WriteProvisionedThroughputExceeded', 'ReadProvisionedThroughputExceeded', 'IteratorAgeMilliseconds', 'ALL'];
const STREAM_MODE_DETAILS: Rule = { kind: 'struct', fields: { StreamMode: { kind: 'string', enum: ['PROVISIONED', 'ON_DEMAND'], required: true } } };

// Data up to 10 MiB in the current model; the stream's own maximum record size is checked by PutRecord(s).
const DATA_MAX = recordBytesMaxOf(MAX_RECORD_SIZE_KIB_MAX);
const MAX_RECORD_SIZE: Rule = { kind: 'int', min: MAX_RECORD_SIZE_KIB_MIN, max: MAX_RECORD_SIZE_KIB_MAX };
const DISTRIBUTION: Rule = { kind: 'string', enum: ['USER_PARTITION_KEY', 'AUTO'] };
/** "Not Implemented. Reserved for future use." (API reference), pattern [a-z0-9]{20}-[a-z0-9]{3}. */
const STREAM_ID: Rule = { kind: 'string', min: 1, max: 24, pattern: /^[a-z0-9]{20}-[a-z0-9]{3}$/ };

const req = <R extends Rule>(rule: R): R => ({ ...rule, required: true });
/** StreamName and/or StreamARN: every stream-addressed call accepts either (spec §1 d). */
const STREAM_REF: Fields = { StreamName: STREAM_NAME, StreamARN: STREAM_ARN };

export const REQUEST_SHAPES: Readonly<Record<string, Fields>> = {
  CreateStream: {
    StreamName: req(STREAM_NAME),
    ShardCount: { kind: 'int', min: 1, max: 100_000 },
    StreamModeDetails: STREAM_MODE_DETAILS,
    Tags: { kind: 'map', key: TAG_KEY, value: TAG_VALUE, min: 1, max: 200 },
    WarmThroughputMiBps: { kind: 'int', min: 0 },
    MaxRecordSizeInKiB: MAX_RECORD_SIZE,
    RecordDistributionStrategy: DISTRIBUTION,
  },
  DeleteStream: { ...STREAM_REF, EnforceConsumerDeletion: { kind: 'bool' } },
  DescribeStream: { ...STREAM_REF, Limit: { kind: 'int', min: 1, max: 10_000 }, ExclusiveStartShardId: SHARD_ID },
  DescribeStreamSummary: STREAM_REF,
  ListStreams: { Limit: { kind: 'int', min: 1, max: 10_000 }, ExclusiveStartStreamName: STREAM_NAME, NextToken: NEXT_TOKEN },
  ListShards: {
    ...STREAM_REF,
    NextToken: NEXT_TOKEN,
    ExclusiveStartShardId: SHARD_ID,
    MaxResults: { kind: 'int', min: 1, max: 10_000 },
    StreamCreationTimestamp: { kind: 'timestamp' },
    ShardFilter: {
      kind: 'struct',
      fields: {
        Type: { kind: 'string', required: true, enum: ['AFTER_SHARD_ID', 'AT_TRIM_HORIZON', 'FROM_TRIM_HORIZON', 'AT_LATEST', 'AT_TIMESTAMP', 'FROM_TIMESTAMP'] },
        ShardId: SHARD_ID,
        Timestamp: { kind: 'timestamp' },
      },
    },
  },
  DescribeLimits: {},
  PutRecord: {
    ...STREAM_REF,
    Data: { kind: 'blob', max: DATA_MAX, required: true },
    PartitionKey: PARTITION_KEY,
    ExplicitHashKey: HASH_KEY,
    SequenceNumberForOrdering: SEQUENCE_NUMBER,
    DryRun: { kind: 'bool' },
  },
  PutRecords: {
    ...STREAM_REF,
    Records: {
      kind: 'list',
      min: 1,
      max: 500,
      required: true,
      member: {
        kind: 'struct',
        fields: { Data: { kind: 'blob', max: DATA_MAX, required: true }, ExplicitHashKey: HASH_KEY, PartitionKey: PARTITION_KEY },
      },
    },
  },
  GetShardIterator: {
    ...STREAM_REF,
    ShardId: req(SHARD_ID),
    ShardIteratorType: { kind: 'string', enum: ITERATOR_TYPES, required: true },
    StartingSequenceNumber: SEQUENCE_NUMBER,
    Timestamp: { kind: 'timestamp' },
    DryRun: { kind: 'bool' },
  },
  GetRecords: { ShardIterator: { kind: 'string', min: 1, max: 512, required: true }, Limit: { kind: 'int', min: 1, max: 10_000 }, StreamARN: STREAM_ARN, DryRun: { kind: 'bool' } },
  SplitShard: { ...STREAM_REF, ShardToSplit: req(SHARD_ID), NewStartingHashKey: req(HASH_KEY) },
  MergeShards: { ...STREAM_REF, ShardToMerge: req(SHARD_ID), AdjacentShardToMerge: req(SHARD_ID) },
  UpdateShardCount: {
    ...STREAM_REF,
    TargetShardCount: { kind: 'int', min: 1, max: 100_000, required: true },
    ScalingType: { kind: 'string', enum: ['UNIFORM_SCALING'], required: true },
  },
  UpdateStreamMode: { StreamARN: req(STREAM_ARN), StreamModeDetails: { ...STREAM_MODE_DETAILS, required: true }, WarmThroughputMiBps: { kind: 'int', min: 0 } },
  UpdateMaxRecordSize: { StreamARN: STREAM_ARN, StreamId: STREAM_ID, MaxRecordSizeInKiB: req(MAX_RECORD_SIZE) },
  UpdateStreamRecordDistributionStrategy: { StreamARN: req(STREAM_ARN), StreamId: STREAM_ID, RecordDistributionStrategy: req(DISTRIBUTION) },
  UpdateStreamWarmThroughput: { ...STREAM_REF, WarmThroughputMiBps: { kind: 'int', min: 0, required: true } },
  DescribeAccountSettings: {},
  UpdateAccountSettings: {
    MinimumThroughputBillingCommitment: { kind: 'struct', required: true, fields: { Status: { kind: 'string', enum: ['ENABLED', 'DISABLED'], required: true } } },
  },
  PutResourcePolicy: { ResourceARN: req(RESOURCE_ARN), StreamId: STREAM_ID, Policy: { kind: 'string', required: true } },
  GetResourcePolicy: { ResourceARN: req(RESOURCE_ARN), StreamId: STREAM_ID },
  DeleteResourcePolicy: { ResourceARN: req(RESOURCE_ARN), StreamId: STREAM_ID },
  ...CHANNEL_SHAPES,
  IncreaseStreamRetentionPeriod: { ...STREAM_REF, RetentionPeriodHours: { kind: 'int', min: 1, required: true } },
  DecreaseStreamRetentionPeriod: { ...STREAM_REF, RetentionPeriodHours: { kind: 'int', min: 1, required: true } },
  AddTagsToStream: { ...STREAM_REF, Tags: { kind: 'map', key: TAG_KEY, value: TAG_VALUE, min: 1, max: 200, required: true } },
  RemoveTagsFromStream: { ...STREAM_REF, TagKeys: { kind: 'list', member: TAG_KEY, min: 1, max: 50, required: true } },
  ListTagsForStream: { ...STREAM_REF, ExclusiveStartTagKey: TAG_KEY, Limit: { kind: 'int', min: 1, max: 50 } },
  TagResource: { ResourceARN: req(RESOURCE_ARN), Tags: { kind: 'map', key: TAG_KEY, value: TAG_VALUE, min: 1, max: 200, required: true } },
  UntagResource: { ResourceARN: req(RESOURCE_ARN), TagKeys: { kind: 'list', member: TAG_KEY, min: 1, max: 50, required: true } },
  ListTagsForResource: { ResourceARN: req(RESOURCE_ARN) },
  RegisterStreamConsumer: { StreamARN: req(STREAM_ARN), ConsumerName: req(CONSUMER_NAME), Tags: { kind: 'map', key: TAG_KEY, value: TAG_VALUE, min: 1, max: 200 } },
  DeregisterStreamConsumer: { StreamARN: STREAM_ARN, ConsumerName: CONSUMER_NAME, ConsumerARN: CONSUMER_ARN },
  DescribeStreamConsumer: { StreamARN: STREAM_ARN, ConsumerName: CONSUMER_NAME, ConsumerARN: CONSUMER_ARN },
  ListStreamConsumers: { StreamARN: req(STREAM_ARN), NextToken: NEXT_TOKEN, MaxResults: { kind: 'int', min: 1, max: 10_000 }, StreamCreationTimestamp: { kind: 'timestamp' } },
  SubscribeToShard: {
    ConsumerARN: req(CONSUMER_ARN),
    ShardId: req(SHARD_ID),
    StartingPosition: {
      kind: 'struct',
      required: true,
      fields: { Type: { kind: 'string', enum: ITERATOR_TYPES, required: true }, SequenceNumber: SEQUENCE_NUMBER, Timestamp: { kind: 'timestamp' } },
    },
  },
  StartStreamEncryption: { ...STREAM_REF, EncryptionType: ENCRYPTION_TYPE, KeyId: req(KEY_ID) },
  StopStreamEncryption: { ...STREAM_REF, EncryptionType: ENCRYPTION_TYPE, KeyId: req(KEY_ID) },
  EnableEnhancedMonitoring: { ...STREAM_REF, ShardLevelMetrics: { kind: 'list', member: { kind: 'string', enum: METRICS }, min: 1, max: 7, required: true } },
  DisableEnhancedMonitoring: { ...STREAM_REF, ShardLevelMetrics: { kind: 'list', member: { kind: 'string', enum: METRICS }, min: 1, max: 7, required: true } },
};
