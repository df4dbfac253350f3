/**
 * Channels (CreateChannel, DescribeChannel, ListChannels, UpdateChannel, DeleteChannel): wire documents ⇄ the
 * engine's ChannelService, with the request rules the API reference states per operation (exactly one
 * destination, record formats per destination, key template, encryption with a customer managed key only).
 */
import type { Channel, ChannelDestination, DeadLetterQueue, RecordFormat } from '../../channels/channel';
import { ChannelService } from '../../channels/channel-service';
import { DEFAULT_KEY_TEMPLATE, parseKeyTemplate } from '../../channels/key-template';
import { invalidArgument } from '../../streams/errors';
import { CHANNEL_FRESHNESS_S_DEFAULT, LIST_CHANNELS_MAX, TAGS_PER_STREAM_MAX } from '../../streams/limits';
import type { KinesisService } from '../../streams/service';
import { checkTagCharacters } from './ops-tags';
import { decodeListToken, encodeListToken } from './tokens';
import { toEpochSeconds } from './validation';
import type { Doc } from './wire';

const channelsOf = (service: KinesisService): ChannelService => ChannelService.of(service.sim, service);

function dlqOf(doc: Doc | undefined): DeadLetterQueue {
  return { bucketArn: (doc?.BucketARN as string | undefined) ?? '', expectedBucketOwner: (doc?.ExpectedBucketOwner as string | undefined) ?? '', errorOutputPrefix: (doc?.ErrorOutputPrefix as string | undefined) ?? '' };
}

function destinationOf(input: Doc, format: RecordFormat, gsrSchemaArn: string | undefined): { destination: ChannelDestination; freshness: number | undefined } {
  const s3 = input.S3DestinationConfiguration as Doc | undefined;
  const tables = input.S3TablesDestinationConfiguration as Doc | undefined;
  if ((s3 === undefined) === (tables === undefined)) {
    throw invalidArgument('You must specify either S3DestinationConfiguration or S3TablesDestinationConfiguration, but not both.');
  }
  if (s3) {
    if (format === 'GSR_JSON') throw invalidArgument('RecordFormatType GSR_JSON is supported only for S3 Tables destinations; use JSON, STRING or BYTE_ARRAY for S3.');
    const storage = s3.StorageConfiguration as Doc;
    const template = (storage.OutputKeyTemplate as string | undefined) ?? DEFAULT_KEY_TEMPLATE;
    const parsed = parseKeyTemplate(template);
    if (typeof parsed === 'string') throw invalidArgument(parsed);
    return {
      freshness: s3.DataFreshnessInSeconds as number | undefined,
      destination: {
        kind: 'S3',
        bucketArn: storage.BucketARN as string,
        expectedBucketOwner: storage.ExpectedBucketOwner as string,
        outputKeyTemplate: template,
        storageClass: (storage.StorageClass as 'STANDARD' | undefined) ?? 'STANDARD',
        compression: storage.CompressionType as 'NONE' | 'GZIP' | 'ZSTD',
        dlq: dlqOf(s3.DeadLetterQueueS3Configuration as Doc | undefined),
      },
    };
  }
  if (format === 'STRING' || format === 'BYTE_ARRAY') throw invalidArgument(`RecordFormatType ${format} is supported only for S3 destinations; S3 Tables take JSON (with GSRSchemaARN) or GSR_JSON.`);
  if (format === 'JSON' && gsrSchemaArn === undefined) throw invalidArgument('RecordFormatType JSON with an S3 Tables destination needs a GSRSchemaARN.');
  const list = tables!.S3TablesConfigurationList as Doc[];
  if (list.length !== 1) throw invalidArgument(`A channel delivers to exactly one table; S3TablesConfigurationList has ${list.length}.`);
  const t = list[0];
  const fields = ((t.PartitionSpec as Doc | undefined)?.PartitionFields as Doc[] | undefined) ?? [];
  return {
    freshness: tables!.DataFreshnessInSeconds as number | undefined,
    destination: {
      kind: 'S3_TABLES',
      tableBucketArn: t.TableBucketARN as string,
      namespace: t.Namespace as string,
      tableName: t.TableName as string,
      compression: t.CompressionType as 'NONE' | 'ZSTD' | 'SNAPPY',
      partitionSources: fields.map((f) => f.SourceName as string),
      dlq: dlqOf(tables!.DeadLetterQueueS3Configuration as Doc),
    },
  };
}

export function createChannel(service: KinesisService, input: Doc): Doc {
  const streams = input.StreamConfigurationList as Doc[];
  const record = streams[0].RecordConfiguration as Doc;
  const format = record.RecordFormatType as RecordFormat;
  const gsrSchemaArn = record.GSRSchemaARN as string | undefined;
  const { destination, freshness } = destinationOf(input, format, gsrSchemaArn);
  const encryption = input.EncryptionConfiguration as Doc | undefined;
  // Customer managed keys only: the AWS managed aws/kinesis key is not allowed for channels (API_CreateChannel).
  if (encryption && /alias\/aws\/kinesis$/.test(encryption.KeyId as string)) {
    throw invalidArgument('Channels encrypt with a customer managed KMS key; the AWS managed key alias/aws/kinesis is not allowed.');
  }
  const tags = input.Tags as Record<string, string> | undefined;
  if (tags) {
    if (Object.keys(tags).length > TAGS_PER_STREAM_MAX) throw invalidArgument(`A channel cannot have more than ${TAGS_PER_STREAM_MAX} tags.`);
    checkTagCharacters(tags, true);
  }
  const logs = (input.LoggingConfiguration as Doc | undefined)?.CloudWatchLogs as Doc | undefined;
  const channel = channelsOf(service).create({
    name: input.ChannelName as string,
    config: {
      serviceExecutionRoleArn: input.ServiceExecutionRoleARN as string,
      streamArn: streams[0].StreamARN as string,
      recordFormat: format,
      gsrSchemaArn,
      destination,
      encryption: encryption ? { type: 'KMS', keyId: encryption.KeyId as string } : undefined,
    },
    freshnessS: freshness ?? CHANNEL_FRESHNESS_S_DEFAULT,
    logging: logs ? { enabled: logs.Enabled as boolean, logGroupName: logs.LogGroupName as string | undefined, logStreamName: logs.LogStreamName as string | undefined } : undefined,
    tags,
  });
  return { ChannelDescription: channelDoc(channel) };
}

export function describeChannel(service: KinesisService, input: Doc): Doc {
  const channels = channelsOf(service);
  service.checkRate('DescribeChannel');
  return { ChannelDescription: channelDoc(channels.find(input.ChannelARN as string)) };
}

export function listChannels(service: KinesisService, input: Doc): Doc {
  service.checkRate('ListChannels');
  const filters = (input.StreamFilter as Doc[] | undefined) ?? [];
  let maxResults = (input.MaxResults as number | undefined) ?? LIST_CHANNELS_MAX;
  let all = channelsOf(service).all().filter((c) => filters.length === 0 || filters.some((f) => f.StreamARN === c.config.streamArn && (f.StreamCreationTimestamp === undefined || f.StreamCreationTimestamp === c.config.streamCreatedAtMs)));
  if (input.NextToken !== undefined) {
    const token = decodeListToken(input.NextToken as string, 'channels', service.nowMs);
    const i = all.findIndex((c) => c.config.arn === token.after);
    all = all.slice(i + 1);
    maxResults = (input.MaxResults as number | undefined) ?? token.maxResults ?? maxResults;
  }
  const page = all.slice(0, maxResults);
  const doc: Doc = {
    ChannelSummaries: page.map((c) => ({
      ChannelName: c.config.name,
      ChannelARN: c.config.arn,
      ChannelId: c.config.id,
      ChannelStatus: c.status,
      ...(c.statusReason ? { ChannelStatusReason: c.statusReason } : {}),
      ChannelCreationTimestamp: toEpochSeconds(c.config.createdAtMs),
      ChannelDestinationType: c.destinationType,
      Streams: [{ StreamARN: c.config.streamArn, StreamCreationTimestamp: toEpochSeconds(c.config.streamCreatedAtMs) }],
    })),
  };
  if (all.length > maxResults) doc.NextToken = encodeListToken({ list: 'channels', after: page[page.length - 1].config.arn, maxResults, issuedAtMs: service.nowMs });
  return doc;
}

export function updateChannel(service: KinesisService, input: Doc): Doc {
  const channels = channelsOf(service);
  const channel = channels.find(input.ChannelARN as string);
  const s3 = input.S3DestinationConfiguration as Doc | undefined;
  const tables = input.S3TablesDestinationConfiguration as Doc | undefined;
  // Only the data freshness of the channel's own destination kind (and logging) can change.
  if ((s3 && channel.destinationType !== 'S3') || (tables && channel.destinationType !== 'S3_TABLES')) {
    throw invalidArgument(`Channel ${channel.config.name} delivers to ${channel.destinationType}; its destination type cannot change.`);
  }
  const logs = (input.LoggingConfiguration as Doc | undefined)?.CloudWatchLogs as Doc | undefined;
  channels.update(
    channel,
    ((s3 ?? tables) as Doc | undefined)?.DataFreshnessInSeconds as number | undefined,
    logs ? { enabled: logs.Enabled as boolean, logGroupName: logs.LogGroupName as string | undefined, logStreamName: logs.LogStreamName as string | undefined } : undefined,
  );
  return { ChannelDescription: channelDoc(channel) };
}

export function deleteChannel(service: KinesisService, input: Doc): Doc {
  const channels = channelsOf(service);
  channels.delete(channels.find(input.ChannelARN as string));
  return {};
}

function dlqDoc(dlq: DeadLetterQueue): Doc {
  return { BucketARN: dlq.bucketArn, ExpectedBucketOwner: dlq.expectedBucketOwner, ErrorOutputPrefix: dlq.errorOutputPrefix };
}

export function channelDoc(channel: Channel): Doc {
  const c = channel.config;
  const d = c.destination;
  const doc: Doc = {
    ChannelName: c.name,
    ChannelARN: c.arn,
    ChannelId: c.id,
    ChannelStatus: channel.status,
    ...(channel.statusReason ? { ChannelStatusReason: channel.statusReason } : {}),
    ChannelCreationTimestamp: toEpochSeconds(c.createdAtMs),
    ServiceExecutionRoleARN: c.serviceExecutionRoleArn,
    StreamConfigurationList: [{
      StreamARN: c.streamArn,
      StreamCreationTimestamp: toEpochSeconds(c.streamCreatedAtMs),
      RecordConfiguration: { RecordFormatType: c.recordFormat, ...(c.gsrSchemaArn ? { GSRSchemaARN: c.gsrSchemaArn } : {}) },
    }],
    LoggingConfiguration: { CloudWatchLogs: { Enabled: channel.logging.enabled, LogGroupName: channel.logging.logGroupName, LogStreamName: channel.logging.logStreamName } },
  };
  if (d.kind === 'S3') {
    doc.S3DestinationConfiguration = {
      DataFreshnessInSeconds: channel.freshnessS,
      DeadLetterQueueS3Configuration: dlqDoc(d.dlq),
      StorageConfiguration: {
        BucketARN: d.bucketArn, ExpectedBucketOwner: d.expectedBucketOwner, OutputKeyTemplate: d.outputKeyTemplate, StorageClass: d.storageClass, CompressionType: d.compression,
      },
    };
  } else {
    doc.S3TablesDestinationConfiguration = {
      DataFreshnessInSeconds: channel.freshnessS,
      DeadLetterQueueS3Configuration: dlqDoc(d.dlq),
      S3TablesConfigurationList: [{
        TableBucketARN: d.tableBucketArn, Namespace: d.namespace, TableName: d.tableName, CompressionType: d.compression,
        ...(d.partitionSources.length > 0 ? { PartitionSpec: { PartitionFields: d.partitionSources.map((s) => ({ Transform: 'TIME_HOUR', SourceName: s })) } } : {}),
      }],
    };
  }
  if (c.encryption) doc.EncryptionConfiguration = { EncryptionType: 'KMS', KeyId: c.encryption.keyId };
  return doc;
}
