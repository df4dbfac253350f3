/** Engine objects → JSON 1.1 wire documents (decimal hash keys, 56-digit sequence numbers, epoch-second timestamps). */
import type { Consumer } from '../../streams/consumers';
import type { ChildShardInfo } from '../../streams/data-plane';
import type { KinesisService } from '../../streams/service';
import type { Shard } from '../../streams/shard';
import { NO_PARTITION_KEY } from '../../streams/shard-log';
import type { Stream } from '../../streams/stream';
import { SHARD_LEVEL_METRICS } from '../../streams/stream-settings';
import { encodeBase64 } from './base64';
import { toEpochSeconds } from './validation';

export type Doc = Record<string, unknown>;

/** The answer of an operation without an output shape (an empty body on the wire). */
export { NO_OUTPUT } from '../result';

export function shardDoc(stream: Stream, shard: Shard): Doc {
  const doc: Doc = { ShardId: shard.id };
  if (shard.parentNumber !== undefined) doc.ParentShardId = stream.shards[shard.parentNumber].id;
  if (shard.adjacentParentNumber !== undefined) doc.AdjacentParentShardId = stream.shards[shard.adjacentParentNumber].id;
  doc.HashKeyRange = { StartingHashKey: shard.range.start.toString(), EndingHashKey: shard.range.end.toString() };
  const seq: Doc = { StartingSequenceNumber: stream.sequenceNumber(shard.number, shard.startCounter) };
  if (shard.endCounter !== undefined) seq.EndingSequenceNumber = stream.sequenceNumber(shard.number, shard.endCounter);
  doc.SequenceNumberRange = seq;
  return doc;
}

export function childShardsDoc(_stream: Stream, children: readonly ChildShardInfo[]): Doc[] {
  return children.map((c) => ({
    ShardId: c.shard.id,
    ParentShards: c.parentIds,
    HashKeyRange: { StartingHashKey: c.shard.range.start.toString(), EndingHashKey: c.shard.range.end.toString() },
  }));
}

function monitoringDoc(stream: Stream): Doc[] {
  return [{ ShardLevelMetrics: SHARD_LEVEL_METRICS.filter((m) => stream.shardLevelMetrics.has(m)) }];
}

function encryptionDoc(stream: Stream): Doc {
  return stream.encryptionType === 'KMS' ? { EncryptionType: 'KMS', KeyId: stream.keyId } : { EncryptionType: 'NONE' };
}

/** DescribeStream lists no shards while the stream is CREATING (AWS answers an empty list then). */
export function streamDescriptionDoc(stream: Stream, shards: readonly Shard[], hasMoreShards: boolean): Doc {
  return {
    StreamName: stream.name,
    StreamARN: stream.arn,
    StreamStatus: stream.status,
    StreamModeDetails: { StreamMode: stream.mode },
    Shards: stream.status === 'CREATING' ? [] : shards.map((s) => shardDoc(stream, s)),
    HasMoreShards: stream.status === 'CREATING' ? false : hasMoreShards,
    RetentionPeriodHours: stream.retentionHours,
    StreamCreationTimestamp: toEpochSeconds(stream.createdAtMs),
    EnhancedMonitoring: monitoringDoc(stream),
    ...encryptionDoc(stream),
  };
}

export function streamSummaryDoc(service: KinesisService, stream: Stream): Doc {
  return {
    StreamName: stream.name,
    StreamARN: stream.arn,
    StreamStatus: stream.status,
    StreamModeDetails: { StreamMode: stream.mode },
    RetentionPeriodHours: stream.retentionHours,
    StreamCreationTimestamp: toEpochSeconds(stream.createdAtMs),
    EnhancedMonitoring: monitoringDoc(stream),
    ...encryptionDoc(stream),
    OpenShardCount: stream.openShardCount,
    ConsumerCount: service.consumers.forStream(stream).length,
    ...streamExtrasDoc(service, stream),
  };
}

/**
 * The 2025/2026 summary members (API_StreamDescriptionSummary): MaxRecordSizeInKiB always; WarmThroughput only
 * for on-demand streams that have one; RecordDistributionStrategy only for on-demand streams; ChannelCount.
 */
function streamExtrasDoc(service: KinesisService, stream: Stream): Doc {
  const doc: Doc = { MaxRecordSizeInKiB: stream.maxRecordSizeKiB };
  if (stream.mode === 'ON_DEMAND' && stream.warmThroughput) {
    doc.WarmThroughput = { TargetMiBps: stream.warmThroughput.targetMiBps, CurrentMiBps: stream.warmThroughput.currentMiBps };
  }
  if (stream.mode === 'ON_DEMAND') doc.RecordDistributionStrategy = stream.distribution;
  doc.ChannelCount = service.channelCountOf(stream);
  return doc;
}

export function consumerDoc(consumer: Consumer, withStreamArn: boolean): Doc {
  const doc: Doc = {
    ConsumerName: consumer.name,
    ConsumerARN: consumer.arn,
    ConsumerStatus: consumer.status,
    ConsumerCreationTimestamp: toEpochSeconds(consumer.createdAtMs),
  };
  if (withStreamArn) doc.StreamARN = consumer.stream.arn;
  return doc;
}

/** Data of a record on the wire: its payload, or zero bytes of its size for size-only and aggregate records. */
export function recordDataBase64(dataBytes: number, payload: Uint8Array | undefined): string {
  return encodeBase64(payload ?? new Uint8Array(Math.round(dataBytes)));
}

/** Partition key of records written through the aggregate path, which keeps no keys. */
export const AGGREGATE_PARTITION_KEY = 'aggregate';

export function recordDoc(stream: Stream, shardNumber: number, counter: number, arrivalMs: number, key: string, dataBytes: number, payload: Uint8Array | undefined): Doc {
  const doc: Doc = {
    SequenceNumber: stream.sequenceNumber(shardNumber, counter),
    ApproximateArrivalTimestamp: toEpochSeconds(arrivalMs),
    Data: recordDataBase64(dataBytes, payload),
  };
  // A record written without a key (AUTO distribution) is read back without one (service-managed-pk-transition).
  if (key !== NO_PARTITION_KEY) doc.PartitionKey = key === '' ? AGGREGATE_PARTITION_KEY : key;
  if (stream.encryptionType === 'KMS') doc.EncryptionType = 'KMS';
  return doc;
}
