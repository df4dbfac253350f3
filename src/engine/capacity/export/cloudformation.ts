/**
 * CloudFormation template (JSON) for an InfraModel: AWS::Kinesis::Stream, AWS::Kinesis::StreamConsumer
 * and AWS::KinesisFirehose::DeliveryStream with the property names and types of the CloudFormation
 * resource reference. The Firehose role is a template parameter: IAM policy design is left to the user.
 */
import { logicalId, type InfraDeliveryStream, type InfraModel, type InfraStream } from './infra-model';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface CloudFormationTemplate {
  readonly AWSTemplateFormatVersion: '2010-09-09';
  readonly Description: string;
  readonly Parameters?: Record<string, { Type: string; Description: string }>;
  readonly Resources: Record<string, { Type: string; Properties: Record<string, Json>; DependsOn?: string[] }>;
  readonly Outputs: Record<string, { Value: Json }>;
}

export function toCloudFormation(model: InfraModel, description = 'Kinesis resources exported from Kinesis Sandbox'): CloudFormationTemplate {
  const taken = new Set<string>();
  const resources: CloudFormationTemplate['Resources'] = {};
  const outputs: CloudFormationTemplate['Outputs'] = {};
  const streamIds = new Map<string, string>();
  for (const s of model.streams) {
    const id = logicalId(s.name, 'Stream', taken);
    streamIds.set(s.name, id);
    resources[id] = { Type: 'AWS::Kinesis::Stream', Properties: streamProperties(s) };
    outputs[`${id}Arn`] = { Value: { 'Fn::GetAtt': [id, 'Arn'] } };
    for (const c of s.efoConsumers) {
      const cid = logicalId(`${s.name}-${c}`, 'Consumer', taken);
      resources[cid] = { Type: 'AWS::Kinesis::StreamConsumer', Properties: { ConsumerName: c, StreamARN: { 'Fn::GetAtt': [id, 'Arn'] } } };
    }
  }
  const needsRole = model.deliveryStreams.length > 0;
  for (const d of model.deliveryStreams) {
    const id = logicalId(d.name, 'DeliveryStream', taken);
    const sourceId = d.source.kind === 'kinesis-stream' ? streamIds.get(d.source.streamName) : undefined;
    resources[id] = {
      Type: 'AWS::KinesisFirehose::DeliveryStream',
      Properties: deliveryProperties(d, sourceId),
      ...(sourceId ? { DependsOn: [sourceId] } : {}),
    };
    outputs[`${id}Arn`] = { Value: { 'Fn::GetAtt': [id, 'Arn'] } };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: description,
    ...(needsRole ? { Parameters: { FirehoseRoleArn: { Type: 'String', Description: 'IAM role Firehose assumes to read the source stream and write to the destination' } } } : {}),
    Resources: resources,
    Outputs: outputs,
  };
}

function streamProperties(s: InfraStream): Record<string, Json> {
  const p: Record<string, Json> = {
    Name: s.name,
    RetentionPeriodHours: s.retentionHours,
    StreamModeDetails: { StreamMode: s.mode },
  };
  if (s.mode === 'PROVISIONED') p.ShardCount = s.shardCount ?? 1;
  if (s.encryption.type === 'KMS') p.StreamEncryption = { EncryptionType: 'KMS', KeyId: s.encryption.keyId };
  return p;
}

const ROLE: Json = { Ref: 'FirehoseRoleArn' };
const bucketArn = (bucket: string): Json => `arn:aws:s3:::${bucket}`;

function deliveryProperties(d: InfraDeliveryStream, sourceId: string | undefined): Record<string, Json> {
  const p: Record<string, Json> = {
    DeliveryStreamName: d.name,
    DeliveryStreamType: d.source.kind === 'kinesis-stream' ? 'KinesisStreamAsSource' : 'DirectPut',
  };
  if (sourceId) p.KinesisStreamSourceConfiguration = { KinesisStreamARN: { 'Fn::GetAtt': [sourceId, 'Arn'] }, RoleARN: ROLE };
  const buffering = { SizeInMBs: d.buffering.sizeMiB, IntervalInSeconds: d.buffering.intervalSeconds };
  const dest = d.destination;
  if (dest.kind === 's3') {
    p.ExtendedS3DestinationConfiguration = {
      BucketARN: bucketArn(dest.bucket),
      RoleARN: ROLE,
      BufferingHints: buffering,
      CompressionFormat: d.compression,
      ...(dest.prefix ? { Prefix: dest.prefix } : {}),
      ...(dest.errorOutputPrefix ? { ErrorOutputPrefix: dest.errorOutputPrefix } : {}),
    };
  } else {
    p.HttpEndpointDestinationConfiguration = {
      EndpointConfiguration: { Url: dest.url, ...(dest.endpointName ? { Name: dest.endpointName } : {}) },
      BufferingHints: buffering,
      RoleARN: ROLE,
      S3BackupMode: 'FailedDataOnly',
      S3Configuration: { BucketARN: bucketArn(dest.backupBucket), RoleARN: ROLE, CompressionFormat: d.compression === 'UNCOMPRESSED' ? 'UNCOMPRESSED' : 'GZIP' },
    };
  }
  return p;
}
