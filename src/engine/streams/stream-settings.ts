/**
 * Control-plane changes to a stream's settings: retention, capacity mode, encryption, tags and enhanced
 * monitoring, each with the AWS rule it must obey (status, direction, range, rolling-24h quotas).
 */
import { DAY_MS, RETENTION_HOURS_MAX, RETENTION_HOURS_MIN, TAGS_PER_STREAM_MAX, UPDATE_STREAM_MODE_PER_DAY_MAX } from './limits';
import { AwsServiceError } from '../api/result';
import { invalidArgument, limitExceeded } from './errors';
import type { KinesisService } from './service';
import type { Stream, StreamMode } from './stream';

export function increaseRetention(service: KinesisService, stream: Stream, hours: number): void {
  service.requireActive(stream, 'IncreaseStreamRetentionPeriod');
  if (hours > RETENTION_HOURS_MAX || hours < RETENTION_HOURS_MIN) {
    throw invalidArgument(`Minimum allowed retention period is ${RETENTION_HOURS_MIN} hours. Maximum allowed retention period is ${RETENTION_HOURS_MAX} hours. Requested retention period (${hours} hours) is out of range.`);
  }
  if (hours < stream.retentionHours) {
    throw invalidArgument(`Requested retention period (${hours} hours) for stream ${stream.name} can not be shorter than existing retention period (${stream.retentionHours} hours). Use DecreaseStreamRetentionPeriod API.`);
  }
  stream.retentionHours = hours;
}

export function decreaseRetention(service: KinesisService, stream: Stream, hours: number): void {
  service.requireActive(stream, 'DecreaseStreamRetentionPeriod');
  if (hours < RETENTION_HOURS_MIN || hours > RETENTION_HOURS_MAX) {
    throw invalidArgument(`Minimum allowed retention period is ${RETENTION_HOURS_MIN} hours. Maximum allowed retention period is ${RETENTION_HOURS_MAX} hours. Requested retention period (${hours} hours) is out of range.`);
  }
  if (hours > stream.retentionHours) {
    throw invalidArgument(`Requested retention period (${hours} hours) for stream ${stream.name} can not be longer than existing retention period (${stream.retentionHours} hours). Use IncreaseStreamRetentionPeriod API.`);
  }
  stream.retentionHours = hours;
  // Shorter retention hides older data at once.
  stream.trim(service.nowMs);
}

export function updateStreamMode(service: KinesisService, stream: Stream, mode: StreamMode): void {
  service.requireActive(stream, 'UpdateStreamMode');
  const now = service.nowMs;
  const recent = stream.modeChangeHistoryMs.filter((t) => t > now - DAY_MS);
  if (recent.length >= UPDATE_STREAM_MODE_PER_DAY_MAX) {
    throw limitExceeded(`Stream ${stream.name} already changed capacity mode ${recent.length} times in the last 24 hours; the limit is ${UPDATE_STREAM_MODE_PER_DAY_MAX}.`);
  }
  if (mode === 'ON_DEMAND' && stream.mode !== 'ON_DEMAND' && service.onDemandStreamCount() >= service.onDemandStreamLimit) {
    throw limitExceeded(`This account already has ${service.onDemandStreamLimit} on-demand streams, the quota.`);
  }
  stream.modeChangeHistoryMs = [...recent, now];
  service.beginUpdate(stream, service.delays.updateMs, () => {
    stream.mode = mode;
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
