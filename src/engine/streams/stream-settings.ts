/**
 * Control-plane changes to a stream's settings: retention, capacity mode, encryption, tags, enhanced
 * monitoring, maximum record size, record distribution and warm throughput, each with the AWS rule it must
 * obey (status, mode, direction, range, rolling-24h quotas).
 */
import { DAY_MS, RETENTION_HOURS_MAX, RETENTION_HOURS_MIN, TAGS_PER_STREAM_MAX, UPDATE_STREAM_MODE_PER_DAY_MAX } from './limits';
import { AwsServiceError } from '../api/result';
import { invalidArgument, limitExceeded } from './errors';
import type { KinesisService } from './service';
import { applyUniformScaling, shardLimitMessage } from './reshard';
import type { RecordDistributionStrategy, Stream, StreamMode } from './stream';

/** The 24–8,760 h range: a request-level rule, so the API checks it before looking the stream up. */
export function checkRetentionRange(hours: number): void {
  if (hours > RETENTION_HOURS_MAX || hours < RETENTION_HOURS_MIN) {
    throw invalidArgument(`Minimum allowed retention period is ${RETENTION_HOURS_MIN} hours. Maximum allowed retention period is ${RETENTION_HOURS_MAX} hours. Requested retention period (${hours} hours) is out of range.`);
  }
}

export function increaseRetention(service: KinesisService, stream: Stream, hours: number): void {
  checkRetentionRange(hours);
  service.requireActive(stream, 'IncreaseStreamRetentionPeriod');
  if (hours < stream.retentionHours) {
    throw invalidArgument(`Requested retention period (${hours} hours) for stream ${stream.name} can not be shorter than existing retention period (${stream.retentionHours} hours). Use DecreaseStreamRetentionPeriod API.`);
  }
  stream.retentionHours = hours;
}

export function decreaseRetention(service: KinesisService, stream: Stream, hours: number): void {
  checkRetentionRange(hours);
  service.requireActive(stream, 'DecreaseStreamRetentionPeriod');
  if (hours > stream.retentionHours) {
    throw invalidArgument(`Requested retention period (${hours} hours) for stream ${stream.name} can not be longer than existing retention period (${stream.retentionHours} hours). Use IncreaseStreamRetentionPeriod API.`);
  }
  stream.retentionHours = hours;
  // Shorter retention hides older data at once.
  stream.trim(service.nowMs);
}

export function updateStreamMode(service: KinesisService, stream: Stream, mode: StreamMode, warmThroughputMiBps?: number): void {
  service.requireActive(stream, 'UpdateStreamMode');
  const now = service.nowMs;
  const recent = stream.modeChangeHistoryMs.filter((t) => t > now - DAY_MS);
  if (recent.length >= UPDATE_STREAM_MODE_PER_DAY_MAX) {
    throw limitExceeded(`Stream ${stream.name} already changed capacity mode ${recent.length} times in the last 24 hours; the limit is ${UPDATE_STREAM_MODE_PER_DAY_MAX}.`);
  }
  if (mode === 'PROVISIONED' && stream.distribution === 'AUTO') {
    throw invalidArgument(`Stream ${stream.name} under account ${service.accountId} uses RecordDistributionStrategy AUTO, which needs ON_DEMAND mode; switch it to USER_PARTITION_KEY first.`);
  }
  if (mode === 'ON_DEMAND' && stream.mode !== 'ON_DEMAND' && service.onDemandStreamCount() >= service.onDemandStreamLimit) {
    throw limitExceeded(`This account already has ${service.onDemandStreamLimit} on-demand streams, the quota.`);
  }
  if (warmThroughputMiBps !== undefined) {
    requireWarmThroughputAllowed(service, mode, stream.name);
    checkWarmShardQuota(service, stream.openShardCount, warmThroughputMiBps);
  }
  stream.modeChangeHistoryMs = [...recent, now];
  service.beginUpdate(stream, service.delays.updateMs, () => {
    stream.mode = mode;
    if (mode === 'PROVISIONED') stream.warmThroughput = undefined;
    if (warmThroughputMiBps !== undefined) applyWarmThroughput(stream, warmThroughputMiBps, service.nowMs);
  });
}

/** KeyId forms AWS accepts: key id (UUID), key ARN, alias ARN, "alias/<name>" (incl. alias/aws/kinesis). */
const KMS_KEY = /^(arn:aws[\w-]*:kms:[\w-]+:\d{12}:(key\/[\w-]+|alias\/[\w/_-]+)|alias\/[\w/_-]+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$/;

export function startEncryption(service: KinesisService, stream: Stream, encryptionType: string, keyId: string): void {
  service.requireActive(stream, 'StartStreamEncryption');
  if (encryptionType !== 'KMS') throw invalidArgument(`EncryptionType ${encryptionType} is not supported for StartStreamEncryption; use KMS.`);
  if (!KMS_KEY.test(keyId)) {
    throw new AwsServiceError('KMSNotFoundException', `KMS key ${keyId} was not found. Pass a key id, key ARN, alias ARN or alias/<name> such as alias/aws/kinesis.`);
  }
  service.beginUpdate(stream, service.delays.updateMs, () => {
    stream.encryptionType = 'KMS';
    stream.keyId = keyId;
  });
}

export function stopEncryption(service: KinesisService, stream: Stream, encryptionType: string, keyId: string): void {
  service.requireActive(stream, 'StopStreamEncryption');
  if (encryptionType !== 'KMS') throw invalidArgument(`EncryptionType ${encryptionType} is not supported for StopStreamEncryption; use KMS.`);
  if (stream.encryptionType === 'KMS' && stream.keyId !== keyId) {
    throw invalidArgument(`KeyId ${keyId} does not match the key ${stream.keyId} that encrypts stream ${stream.name}.`);
  }
  service.beginUpdate(stream, service.delays.updateMs, () => {
    stream.encryptionType = 'NONE';
    stream.keyId = undefined;
  });
}

export function addTags(service: KinesisService, stream: Stream, tags: Record<string, string>): void {
  service.requireActive(stream, 'Tagging');
  const merged = new Set([...stream.tags.keys(), ...Object.keys(tags)]);
  if (merged.size > TAGS_PER_STREAM_MAX) {
    throw invalidArgument(`Failed to add tags to stream ${stream.name} under account ${service.accountId} because a given stream cannot have more than ${TAGS_PER_STREAM_MAX} tags.`);
  }
  for (const [k, v] of Object.entries(tags)) stream.tags.set(k, v);
}

export function removeTags(service: KinesisService, stream: Stream, keys: readonly string[]): void {
  service.requireActive(stream, 'Tagging');
  for (const k of keys) stream.tags.delete(k);
}

export const SHARD_LEVEL_METRICS = [
  'IncomingBytes', 'IncomingRecords', 'OutgoingBytes', 'OutgoingRecords',
  'WriteProvisionedThroughputExceeded', 'ReadProvisionedThroughputExceeded', 'IteratorAgeMilliseconds',
] as const;

/** Enables or disables shard-level metrics ('ALL' = all seven); returns [current, desired]. */
export function setEnhancedMonitoring(stream: Stream, metrics: readonly string[], enable: boolean): [string[], string[]] {
  const current = [...stream.shardLevelMetrics];
  const named = metrics.includes('ALL') ? [...SHARD_LEVEL_METRICS] : metrics;
  for (const m of named) {
    if (enable) stream.shardLevelMetrics.add(m);
    else stream.shardLevelMetrics.delete(m);
  }
  const order = (xs: Iterable<string>) => SHARD_LEVEL_METRICS.filter((m) => [...xs].includes(m));
  return [order(current), order(stream.shardLevelMetrics)];
}

/**
 * UpdateMaxRecordSize (API_UpdateMaxRecordSize; large-records.html): the stream must be ACTIVE; the new
 * maximum applies to the next write, and every shard's burst follows it. Range checks are the model's
 * (ValidationException, done by the API layer).
 */
export function updateMaxRecordSize(service: KinesisService, stream: Stream, kib: number): void {
  service.requireActive(stream, 'UpdateMaxRecordSize');
  stream.setMaxRecordSize(kib);
}

/**
 * UpdateStreamRecordDistributionStrategy (API reference; service-managed-pk-transition.html): on-demand streams
 * only (a provisioned stream answers InvalidArgumentException); effective at once without UPDATING — records
 * already written keep their shards, new ones follow the new strategy.
 */
export function updateRecordDistribution(service: KinesisService, stream: Stream, strategy: RecordDistributionStrategy): void {
  service.requireActive(stream, 'UpdateStreamRecordDistributionStrategy');
  requireAutoAllowed(service, stream.mode, strategy, stream.name);
  stream.distribution = strategy;
}

/** AUTO needs on-demand capacity mode (API_CreateStream, API_UpdateStreamRecordDistributionStrategy). */
export function requireAutoAllowed(service: KinesisService, mode: StreamMode, strategy: RecordDistributionStrategy, streamName: string): void {
  if (strategy === 'AUTO' && mode !== 'ON_DEMAND') {
    throw invalidArgument(`RecordDistributionStrategy AUTO is supported only for ON_DEMAND streams; stream ${streamName} under account ${service.accountId} is ${mode}.`);
  }
}

/**
 * UpdateStreamWarmThroughput (API_UpdateStreamWarmThroughput, API_WarmThroughputObject): only on-demand streams
 * of an account with the minimum throughput billing commitment; the stream goes UPDATING (reads and writes go
 * on), then the write capacity is in place: at least one shard per MiB/s (1 MiB/s per shard), within the
 * account's shard quota. A lower value releases nothing at once (capacity is kept, as AWS keeps it until it
 * scales down). Returns the warm throughput as it stands when the call returns.
 */
export function updateWarmThroughput(service: KinesisService, stream: Stream, targetMiBps: number): { targetMiBps: number; currentMiBps: number } {
  service.checkRate('UpdateStreamWarmThroughput');
  requireWarmThroughputAllowed(service, stream.mode, stream.name);
  service.requireActive(stream, 'UpdateStreamWarmThroughput');
  checkWarmShardQuota(service, stream.openShardCount, targetMiBps);
  const currentMiBps = stream.warmThroughput?.currentMiBps ?? 0;
  stream.warmThroughput = { targetMiBps, currentMiBps };
  service.beginUpdate(stream, service.delays.updateMs, () => applyWarmThroughput(stream, targetMiBps, service.nowMs));
  return { targetMiBps, currentMiBps };
}

export function requireWarmThroughputAllowed(service: KinesisService, mode: StreamMode, streamName: string): void {
  if (mode !== 'ON_DEMAND') {
    throw invalidArgument(`Warm throughput is supported only for ON_DEMAND streams; stream ${streamName} under account ${service.accountId} is ${mode}.`);
  }
  if (!service.account.commitmentActive) {
    throw invalidArgument(`Warm throughput needs the minimum throughput billing commitment (On-demand Advantage) for account ${service.accountId}; enable it with UpdateAccountSettings.`);
  }
}

function checkWarmShardQuota(service: KinesisService, openShards: number, targetMiBps: number): void {
  const extra = Math.max(0, Math.ceil(targetMiBps) - openShards);
  const open = service.openShardTotal();
  if (open + extra > service.shardLimit) throw limitExceeded(shardLimitMessage(service, open, extra));
}

/** Brings an on-demand stream's open shards up to one per MiB/s of warm throughput. */
export function applyWarmThroughput(stream: Stream, targetMiBps: number, nowMs: number): void {
  const shardsNeeded = Math.ceil(targetMiBps);
  if (shardsNeeded > stream.openShardCount) applyUniformScaling(stream, shardsNeeded, nowMs);
  stream.warmThroughput = { targetMiBps, currentMiBps: targetMiBps };
}
