/**
 * DescribeDeliveryStream's document for one stream entry: status, version, timestamps, SSE
 * configuration, the Kinesis source and the one destination
 * (https://docs.aws.amazon.com/firehose/latest/APIReference/API_DeliveryStreamDescription.html).
 */
import type { Doc } from './config';
import { describeEncryption } from './encryption';
import type { StreamEntry } from './stream-entry';

export function describeStream(s: StreamEntry, destinationId: string): Doc {
  return {
    DeliveryStreamDescription: {
      DeliveryStreamName: s.name,
      DeliveryStreamARN: s.arn,
      DeliveryStreamStatus: s.status,
      DeliveryStreamType: s.type,
      VersionId: String(s.version),
      CreateTimestamp: s.createdMs / 1000,
      ...(s.lastUpdateMs !== undefined ? { LastUpdateTimestamp: s.lastUpdateMs / 1000 } : {}),
      DeliveryStreamEncryptionConfiguration: describeEncryption(s.encryption),
      ...(s.source
        ? { Source: { KinesisStreamSourceDescription: { KinesisStreamARN: s.source.KinesisStreamARN, RoleARN: s.source.RoleARN, DeliveryStartTimestamp: s.createdMs / 1000 } } }
        : {}),
      Destinations: [{ DestinationId: destinationId, ...s.resolved.description }],
      HasMoreDestinations: false,
    },
  };
}
