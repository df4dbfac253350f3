/**
 * Request shapes of the channel operations (CreateChannel … DeleteChannel) as validation rules, after the
 * service model in @aws-sdk/client-kinesis 3.1143 (member names, required members, enums, ranges).
 */
import { CHANNEL_FRESHNESS_S_MAX, CHANNEL_FRESHNESS_S_MIN, CHANNEL_KEY_TEMPLATE_LENGTH_MAX, LIST_CHANNELS_MAX } from '../../streams/limits';
import type { Fields, Rule } from './validation';

const req = <R extends Rule>(rule: R): R => ({ ...rule, required: true });
const NAME: Rule = { kind: 'string', min: 1, max: 128, pattern: /^[a-zA-Z0-9_.-]+$/ };
const CHANNEL_ARN: Rule = { kind: 'string', min: 1, max: 2048, pattern: /^arn:aws.*:kinesis:.*:\d{12}:channel\/\S+$/ };
const STREAM_ARN: Rule = { kind: 'string', min: 1, max: 2048, pattern: /^arn:aws.*:kinesis:.*:\d{12}:stream\/\S+$/ };
const ROLE_ARN: Rule = { kind: 'string', min: 1, max: 2048, pattern: /^arn:aws.*:iam::\d{12}:role\/\S+$/ };
const BUCKET_ARN: Rule = { kind: 'string', min: 1, max: 2048, pattern: /^arn:aws.*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/ };
const TABLE_BUCKET_ARN: Rule = { kind: 'string', min: 1, max: 2048, pattern: /^arn:aws.*:s3tables:.*:\d{12}:bucket\/[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/ };
const ACCOUNT: Rule = { kind: 'string', pattern: /^\d{12}$/ };
const FRESHNESS: Rule = { kind: 'int', min: CHANNEL_FRESHNESS_S_MIN, max: CHANNEL_FRESHNESS_S_MAX };
const TABLE_PART: Rule = { kind: 'string', min: 1, max: 255, pattern: /^[a-z0-9_]+$/ };
const DLQ: Rule = { kind: 'struct', fields: { BucketARN: req(BUCKET_ARN), ExpectedBucketOwner: req(ACCOUNT), ErrorOutputPrefix: { kind: 'string', min: 1, max: 1024 } } };
const LOGGING: Rule = {
  kind: 'struct',
  fields: { CloudWatchLogs: { kind: 'struct', required: true, fields: { Enabled: { kind: 'bool', required: true }, LogGroupName: { kind: 'string', min: 1, max: 512 }, LogStreamName: { kind: 'string', min: 1, max: 512 } } } },
};

export const CHANNEL_SHAPES: Readonly<Record<string, Fields>> = {
  CreateChannel: {
    ChannelName: req(NAME),
    ServiceExecutionRoleARN: req(ROLE_ARN),
    StreamConfigurationList: {
      kind: 'list', min: 1, max: 1, required: true,
      member: {
        kind: 'struct',
        fields: {
          StreamARN: req(STREAM_ARN),
          RecordConfiguration: {
            kind: 'struct', required: true,
            fields: { RecordFormatType: { kind: 'string', enum: ['GSR_JSON', 'JSON', 'STRING', 'BYTE_ARRAY'], required: true }, GSRSchemaARN: { kind: 'string', min: 1, max: 2048 } },
          },
        },
      },
    },
    S3DestinationConfiguration: {
      kind: 'struct',
      fields: {
        DataFreshnessInSeconds: FRESHNESS,
        DeadLetterQueueS3Configuration: DLQ,
        StorageConfiguration: {
          kind: 'struct', required: true,
          fields: {
            BucketARN: req(BUCKET_ARN),
            ExpectedBucketOwner: req(ACCOUNT),
            OutputKeyTemplate: { kind: 'string', min: 1, max: CHANNEL_KEY_TEMPLATE_LENGTH_MAX },
            StorageClass: { kind: 'string', enum: ['STANDARD', 'INTELLIGENT_TIERING', 'GLACIER_IR'] },
            CompressionType: { kind: 'string', enum: ['NONE', 'GZIP', 'ZSTD'], required: true },
          },
        },
      },
    },
    S3TablesDestinationConfiguration: {
      kind: 'struct',
      fields: {
        DataFreshnessInSeconds: FRESHNESS,
        DeadLetterQueueS3Configuration: { ...DLQ, required: true },
        S3TablesConfigurationList: {
          kind: 'list', min: 1, max: 10_000, required: true,
          member: {
            kind: 'struct',
            fields: {
              TableBucketARN: req(TABLE_BUCKET_ARN),
              Namespace: req(TABLE_PART),
              TableName: req(TABLE_PART),
              CompressionType: { kind: 'string', enum: ['NONE', 'ZSTD', 'SNAPPY'], required: true },
              PartitionSpec: {
                kind: 'struct',
                fields: {
                  PartitionFields: {
                    kind: 'list', min: 1, max: 1, required: true,
                    member: { kind: 'struct', fields: { Transform: { kind: 'string', enum: ['TIME_HOUR'], required: true }, SourceName: { kind: 'string', min: 1, max: 255, required: true } } },
                  },
                },
              },
            },
          },
        },
      },
    },
    EncryptionConfiguration: { kind: 'struct', fields: { EncryptionType: { kind: 'string', enum: ['KMS'], required: true }, KeyId: { kind: 'string', min: 1, max: 2048, required: true } } },
    Tags: { kind: 'map', key: { kind: 'string', min: 1, max: 128 }, value: { kind: 'string', min: 0, max: 256 }, min: 1, max: 200 },
    LoggingConfiguration: LOGGING,
  },
  DescribeChannel: { ChannelARN: req(CHANNEL_ARN) },
  DeleteChannel: { ChannelARN: req(CHANNEL_ARN) },
  ListChannels: {
    StreamFilter: { kind: 'list', min: 1, max: 10, member: { kind: 'struct', fields: { StreamARN: req(STREAM_ARN), StreamCreationTimestamp: { kind: 'timestamp' } } } },
    MaxResults: { kind: 'int', min: 1, max: LIST_CHANNELS_MAX },
    NextToken: { kind: 'string', min: 1, max: 1_048_576 },
  },
  UpdateChannel: {
    ChannelARN: req(CHANNEL_ARN),
    S3DestinationConfiguration: { kind: 'struct', fields: { DataFreshnessInSeconds: req(FRESHNESS) } },
    S3TablesDestinationConfiguration: { kind: 'struct', fields: { DataFreshnessInSeconds: req(FRESHNESS) } },
    LoggingConfiguration: LOGGING,
  },
};
