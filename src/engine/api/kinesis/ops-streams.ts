/** Stream-level operations: create, delete, describe, list, limits, mode, retention, encryption, monitoring. */
import { invalidArgument } from '../../streams/errors';
import type { KinesisService } from '../../streams/service';
import type { RecordDistributionStrategy, StreamMode } from '../../streams/stream';
import {
  checkRetentionRange, decreaseRetention, increaseRetention, requireAutoAllowed, requireWarmThroughputAllowed, setEnhancedMonitoring, startEncryption, stopEncryption,
  updateStreamMode,
} from '../../streams/stream-settings';
import { TAGS_PER_STREAM_MAX } from '../../streams/limits';
import { shardNumberOf } from '../../streams/sequence-number';
import { checkTagCharacters } from './ops-tags';
import { decodeListToken, encodeListToken } from './tokens';
import type { Doc } from './wire';
import { NO_OUTPUT, streamDescriptionDoc, streamSummaryDoc } from './wire';
import { toEpochSeconds } from './validation';

const DESCRIBE_SHARDS_MAX = 100;
const LIST_STREAMS_DEFAULT = 100;

export function createStream(service: KinesisService, input: Doc): Doc {
  const mode = ((input.StreamModeDetails as Doc | undefined)?.StreamMode as StreamMode | undefined) ?? 'PROVISIONED';
  const shardCount = input.ShardCount as number | undefined;
  const name = input.StreamName as string;
  if (mode === 'PROVISIONED' && shardCount === undefined) {
    throw invalidArgument('ShardCount is required for a PROVISIONED stream (or set StreamModeDetails.StreamMode to ON_DEMAND).');
  }
  if (mode === 'ON_DEMAND' && shardCount !== undefined) {
    throw invalidArgument('ShardCount must not be set for an ON_DEMAND stream; on-demand streams manage their shards.');
  }
  const tags = input.Tags as Record<string, string> | undefined;
  if (tags) {
    if (Object.keys(tags).length > TAGS_PER_STREAM_MAX) throw invalidArgument(`Failed to add tags to stream ${name} under account ${service.accountId} because a given stream cannot have more than ${TAGS_PER_STREAM_MAX} tags.`);
    checkTagCharacters(tags, false);
  }
  const distribution = input.RecordDistributionStrategy as RecordDistributionStrategy | undefined;
  if (distribution !== undefined) requireAutoAllowed(service, mode, distribution, name);
  const warm = input.WarmThroughputMiBps as number | undefined;
  if (warm !== undefined) requireWarmThroughputAllowed(service, mode, name);
  service.createStream(name, mode, shardCount, tags, { maxRecordSizeKiB: input.MaxRecordSizeInKiB as number | undefined, distribution, warmThroughputMiBps: warm });
  return NO_OUTPUT;
}

export function deleteStream(service: KinesisService, input: Doc): Doc {
  service.deleteStream(service.resolve(input), input.EnforceConsumerDeletion === true);
  return NO_OUTPUT;
}

export function describeStream(service: KinesisService, input: Doc): Doc {
  service.checkRate('DescribeStream');
  const stream = service.resolve(input);
  const limit = Math.min((input.Limit as number | undefined) ?? DESCRIBE_SHARDS_MAX, DESCRIBE_SHARDS_MAX);
  let shards = stream.listedShards();
  const after = input.ExclusiveStartShardId as string | undefined;
  if (after !== undefined) {
    const n = shardNumberOf(after) ?? -1;
    shards = shards.filter((s) => s.number > n);
  }
  return { StreamDescription: streamDescriptionDoc(stream, shards.slice(0, limit), shards.length > limit) };
}

export function describeStreamSummary(service: KinesisService, input: Doc): Doc {
  service.checkRate('DescribeStreamSummary');
  return { StreamDescriptionSummary: streamSummaryDoc(service, service.resolve(input)) };
}

export function listStreams(service: KinesisService, input: Doc): Doc {
  service.checkRate('ListStreams');
  let after = input.ExclusiveStartStreamName as string | undefined;
  let limit = (input.Limit as number | undefined) ?? LIST_STREAMS_DEFAULT;
  if (input.NextToken !== undefined) {
    const token = decodeListToken(input.NextToken as string, 'streams', service.nowMs);
    after = token.after as string;
    limit = (input.Limit as number | undefined) ?? token.maxResults ?? limit;
  }
  const all = service.allStreams().filter((s) => after === undefined || s.name > after);
  const page = all.slice(0, limit);
  const more = all.length > limit;
  const doc: Doc = {
    StreamNames: page.map((s) => s.name),
    HasMoreStreams: more,
    StreamSummaries: page.map((s) => ({
      StreamName: s.name,
      StreamARN: s.arn,
      StreamStatus: s.status,
      StreamModeDetails: { StreamMode: s.mode },
      StreamCreationTimestamp: toEpochSeconds(s.createdAtMs),
    })),
  };
  if (more) doc.NextToken = encodeListToken({ list: 'streams', after: page[page.length - 1].name, maxResults: limit, issuedAtMs: service.nowMs });
  return doc;
}

export function describeLimits(service: KinesisService): Doc {
  service.checkRate('DescribeLimits');
  return {
    ShardLimit: service.shardLimit,
    OpenShardCount: service.openShardTotal(),
    OnDemandStreamCount: service.onDemandStreamCount(),
    OnDemandStreamCountLimit: service.onDemandStreamLimit,
    // Channels of the account (API_DescribeLimits 2026); ChannelCountLimit is not stated anywhere read, so it is left out.
    ChannelCount: service.allStreams().reduce((n, s) => n + service.channelCountOf(s), 0),
  };
}

export function updateStreamModeOp(service: KinesisService, input: Doc): Doc {
  const stream = service.resolve({ StreamARN: input.StreamARN as string });
  updateStreamMode(service, stream, (input.StreamModeDetails as Doc).StreamMode as StreamMode, input.WarmThroughputMiBps as number | undefined);
  return NO_OUTPUT;
}

export function increaseRetentionOp(service: KinesisService, input: Doc): Doc {
  checkRetentionRange(input.RetentionPeriodHours as number);
  increaseRetention(service, service.resolve(input), input.RetentionPeriodHours as number);
  return NO_OUTPUT;
}

export function decreaseRetentionOp(service: KinesisService, input: Doc): Doc {
  checkRetentionRange(input.RetentionPeriodHours as number);
  decreaseRetention(service, service.resolve(input), input.RetentionPeriodHours as number);
  return NO_OUTPUT;
}

export function startEncryptionOp(service: KinesisService, input: Doc): Doc {
  startEncryption(service, service.resolve(input), input.EncryptionType as string, input.KeyId as string);
  return NO_OUTPUT;
}

export function stopEncryptionOp(service: KinesisService, input: Doc): Doc {
  stopEncryption(service, service.resolve(input), input.EncryptionType as string, input.KeyId as string);
  return NO_OUTPUT;
}

function monitoring(service: KinesisService, input: Doc, enable: boolean): Doc {
  const stream = service.resolve(input);
  const [current, desired] = setEnhancedMonitoring(stream, input.ShardLevelMetrics as string[], enable);
  return { StreamName: stream.name, StreamARN: stream.arn, CurrentShardLevelMetrics: current, DesiredShardLevelMetrics: desired };
}

export const enableMonitoringOp = (service: KinesisService, input: Doc): Doc => monitoring(service, input, true);
export const disableMonitoringOp = (service: KinesisService, input: Doc): Doc => monitoring(service, input, false);
