/**
 * The Kinesis Data Streams JSON API (X-Amz-Target prefix "Kinesis_20131202") over a KinesisService.
 * `handle(operation, body)` takes the JSON 1.1 wire document (Data base64, timestamps epoch seconds), validates
 * it as the AWS model does, runs the operation and returns the wire document or an AWS-named error.
 * SubscribeToShard is streaming: use `subscribeToShard(body, sink)`.
 */
import type { ApiResult, JsonServiceApi } from '../result';
import { AwsServiceError, capture } from '../result';
import type { KinesisService } from '../../streams/service';
import { deregisterConsumer, describeConsumer, listConsumers, registerConsumer, subscribeOp } from './ops-consumers';
import type { SubscribeToShardSignal } from './ops-consumers';
import {
  deleteResourcePolicy, describeAccountSettings, getResourcePolicy, putResourcePolicy, updateAccountSettings, updateMaxRecordSizeOp,
  updateRecordDistributionOp, updateWarmThroughputOp,
} from './ops-account';
import { createChannel, deleteChannel, describeChannel, listChannels, updateChannel } from './ops-channels';
import { getRecordsOp, getShardIteratorOp, putRecord, putRecords } from './ops-records';
import { listShards, mergeShardsOp, splitShardOp, updateShardCountOp } from './ops-shards';
import {
  createStream, decreaseRetentionOp, deleteStream, describeLimits, describeStream, describeStreamSummary, disableMonitoringOp,
  enableMonitoringOp, increaseRetentionOp, listStreams, startEncryptionOp, stopEncryptionOp, updateStreamModeOp,
} from './ops-streams';
import { addTagsToStream, listTagsForResource, listTagsForStream, removeTagsFromStream, tagResource, untagResource } from './ops-tags';
import { REQUEST_SHAPES } from './shapes';
import { validateRequest } from './validation';
import type { Doc } from './wire';

export type { SubscribeToShardSignal } from './ops-consumers';
export { encodeBase64, decodeBase64 } from './base64';

export const KINESIS_TARGET_PREFIX = 'Kinesis_20131202';

/** Output members that are blobs (base64 in JSON, byte strings in CBOR). */
export const KINESIS_BLOB_FIELDS = ['Data'] as const;
/** Output (and input) members that are timestamps (epoch seconds in JSON, tagged dates in CBOR). */
export const KINESIS_TIMESTAMP_FIELDS = [
  'ApproximateArrivalTimestamp',
  'StreamCreationTimestamp',
  'ConsumerCreationTimestamp',
  'Timestamp',
  'StartedAt',
  'EndedAt',
  'EarliestAllowedEndAt',
  'ChannelCreationTimestamp',
] as const;

type Operation = (service: KinesisService, input: Doc) => Doc;

const OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateStream: createStream,
  DeleteStream: deleteStream,
  DescribeStream: describeStream,
  DescribeStreamSummary: describeStreamSummary,
  ListStreams: listStreams,
  ListShards: listShards,
  DescribeLimits: describeLimits,
  PutRecord: putRecord,
  PutRecords: putRecords,
  GetShardIterator: getShardIteratorOp,
  GetRecords: getRecordsOp,
  SplitShard: splitShardOp,
  MergeShards: mergeShardsOp,
  UpdateShardCount: updateShardCountOp,
  UpdateStreamMode: updateStreamModeOp,
  IncreaseStreamRetentionPeriod: increaseRetentionOp,
  DecreaseStreamRetentionPeriod: decreaseRetentionOp,
  AddTagsToStream: addTagsToStream,
  RemoveTagsFromStream: removeTagsFromStream,
  ListTagsForStream: listTagsForStream,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
  RegisterStreamConsumer: registerConsumer,
  DeregisterStreamConsumer: deregisterConsumer,
  DescribeStreamConsumer: describeConsumer,
  ListStreamConsumers: listConsumers,
  StartStreamEncryption: startEncryptionOp,
  StopStreamEncryption: stopEncryptionOp,
  EnableEnhancedMonitoring: enableMonitoringOp,
  DisableEnhancedMonitoring: disableMonitoringOp,
  UpdateMaxRecordSize: updateMaxRecordSizeOp,
  UpdateStreamRecordDistributionStrategy: updateRecordDistributionOp,
  UpdateStreamWarmThroughput: updateWarmThroughputOp,
  DescribeAccountSettings: describeAccountSettings,
  UpdateAccountSettings: updateAccountSettings,
  PutResourcePolicy: putResourcePolicy,
  GetResourcePolicy: getResourcePolicy,
  DeleteResourcePolicy: deleteResourcePolicy,
  CreateChannel: createChannel,
  DescribeChannel: describeChannel,
  ListChannels: listChannels,
  UpdateChannel: updateChannel,
  DeleteChannel: deleteChannel,
};

/** Every operation the API answers, SubscribeToShard (streaming) included. */
export const KINESIS_OPERATIONS: readonly string[] = [...Object.keys(OPERATIONS), 'SubscribeToShard'];

export interface KinesisJsonApi extends JsonServiceApi {
  readonly service: KinesisService;
  /**
   * Starts a SubscribeToShard subscription; events arrive through `sink` as the virtual clock advances:
   * `{kind:'event', event:{Records, ContinuationSequenceNumber, MillisBehindLatest, ChildShards?}}`, an
   * `{kind:'error'}` when the consumer or stream goes away, and `{kind:'end'}` after 5 minutes, on
   * takeover by a newer subscription, or at the end of a closed shard.
   */
  subscribeToShard(body: Record<string, unknown>, sink: (ev: SubscribeToShardSignal) => void): ApiResult<{ close(): void }>;
}

function unknownOperation(operation: string): AwsServiceError {
  return new AwsServiceError('UnknownOperationException', `Operation ${operation} is not supported by ${KINESIS_TARGET_PREFIX}.`);
}

export function createKinesisApi(service: KinesisService): KinesisJsonApi {
  return {
    targetPrefix: KINESIS_TARGET_PREFIX,
    service,
    handle(operation: string, body: Record<string, unknown>): ApiResult<Record<string, unknown>> {
      return capture(() => {
        const op = OPERATIONS[operation];
        if (!op) {
          if (operation === 'SubscribeToShard') throw new AwsServiceError('InvalidArgumentException', 'SubscribeToShard is a streaming operation; use subscribeToShard(body, sink).');
          throw unknownOperation(operation);
        }
        const input = validateRequest(body ?? {}, REQUEST_SHAPES[operation]);
        return op(service, input);
      });
    },
    subscribeToShard(body, sink) {
      return capture(() => subscribeOp(service, validateRequest(body ?? {}, REQUEST_SHAPES.SubscribeToShard), sink));
    },
  };
}
