/**
 * Server-side encryption of a Firehose stream (Start/StopDeliveryStreamEncryption and
 * CreateDeliveryStream's DeliveryStreamEncryptionConfigurationInput): the key choice is checked
 * as AWS checks it, and the status moves ENABLING → ENABLED / DISABLING → DISABLED on the virtual
 * clock. Pure engine code: the owner (FirehoseService) schedules the transition this module plans.
 *
 * Rules from https://docs.aws.amazon.com/firehose/latest/APIReference/API_StartDeliveryStreamEncryption.html
 * and https://docs.aws.amazon.com/firehose/latest/APIReference/API_DeliveryStreamEncryptionConfigurationInput.html:
 * - KeyType AWS_OWNED_CMK (default) or CUSTOMER_MANAGED_CMK; the latter needs a KeyARN, the former refuses one.
 * - Only Direct PUT streams can enable SSE (a Kinesis-sourced stream relies on the data stream's own SSE).
 * - While ENABLING the records are not yet encrypted; PutRecord(Batch) answer `Encrypted: true` only once ENABLED.
 */
import { AwsServiceError } from '../api/result';
import type { Scheduler } from '../time/scheduler';
import { ENCRYPTION_CALLS_PER_DAY_MAX } from './limits';
import type { DeliveryStreamType } from './types';

export type EncryptionKeyType = 'AWS_OWNED_CMK' | 'CUSTOMER_MANAGED_CMK';
export type EncryptionStatus = 'ENABLED' | 'ENABLING' | 'ENABLING_FAILED' | 'DISABLED' | 'DISABLING' | 'DISABLING_FAILED';

export interface EncryptionState {
  readonly status: EncryptionStatus;
  readonly keyType?: EncryptionKeyType;
  readonly keyArn?: string;
}

export const ENCRYPTION_DISABLED: EncryptionState = { status: 'DISABLED' };

/** The KMS key ARN shape the API model constrains KeyARN to (`arn:.*:kms:…`). */
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/.+$/;

function invalid(message: string): AwsServiceError {
  return new AwsServiceError('InvalidArgumentException', message, 400);
}

/** SSE belongs to Direct PUT streams; a Kinesis-sourced stream is refused with AWS's InvalidArgumentException. */
export function requireDirectPut(type: DeliveryStreamType): void {
  if (type !== 'DirectPut') {
    throw invalid('Server side encryption from firehose is only allowed for direct put delivery streams and database as a source delivery streams');
  }
}

/** Validates a DeliveryStreamEncryptionConfigurationInput; returns the key to enable. */
export function parseEncryptionInput(input: unknown, type: DeliveryStreamType, region: string): { keyType: EncryptionKeyType; keyArn?: string } {
  requireDirectPut(type);
  const doc = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const keyType = doc.KeyType ?? 'AWS_OWNED_CMK';
  if (keyType !== 'AWS_OWNED_CMK' && keyType !== 'CUSTOMER_MANAGED_CMK') {
    throw new AwsServiceError('ValidationException',
      `1 validation error detected: Value '${String(keyType)}' at 'deliveryStreamEncryptionConfigurationInput.keyType' failed to satisfy constraint: Member must satisfy enum value set: [AWS_OWNED_CMK, CUSTOMER_MANAGED_CMK]`, 400);
  }
  const keyArn = typeof doc.KeyARN === 'string' && doc.KeyARN !== '' ? doc.KeyARN : undefined;
  if (keyType === 'AWS_OWNED_CMK') {
    if (keyArn !== undefined) throw invalid('KeyARN cannot be specified when KeyType is AWS_OWNED_CMK');
    return { keyType };
  }
  if (keyArn === undefined) throw invalid('KeyARN has to be specified when KeyType is CUSTOMER_MANAGED_CMK');
  if (!KMS_KEY_ARN.test(keyArn)) {
    throw new AwsServiceError('InvalidKMSResourceException', `The KMS key ${keyArn} is not a valid KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>).`, 400);
  }
  const keyRegion = keyArn.split(':')[3];
  if (keyRegion !== region) throw invalid('Cross-region keys are not allowed for SSE. Please provide CMKs in the same region as firehose');
  return { keyType, keyArn };
}

/** The state right after Start: ENABLING with the new key (changing the key of an enabled stream also re-enters ENABLING). */
export function startEncryption(key: { keyType: EncryptionKeyType; keyArn?: string }): EncryptionState {
  return { status: 'ENABLING', keyType: key.keyType, keyArn: key.keyArn };
}

/** The state right after Stop: DISABLING keeps the key until the transition completes; stopping a disabled stream is a no-op. */
export function stopEncryption(current: EncryptionState): EncryptionState {
  if (current.status === 'DISABLED') return current;
  return { ...current, status: 'DISABLING' };
}

/** Where a pending transition lands; other states are stable. */
export function settle(current: EncryptionState): EncryptionState {
  if (current.status === 'ENABLING') return { ...current, status: 'ENABLED' };
  if (current.status === 'DISABLING') return { status: 'DISABLED' };
  return current;
}

/** Records are encrypted only once the status is ENABLED (AWS: "the data is not encrypted" while ENABLING). */
export const isEncrypting = (s: EncryptionState): boolean => s.status === 'ENABLED' || s.status === 'DISABLING';

/** DescribeDeliveryStream's DeliveryStreamEncryptionConfiguration. */
export function describeEncryption(s: EncryptionState): Record<string, unknown> {
  if (s.status === 'DISABLED') return { Status: 'DISABLED' };
  return { ...(s.keyArn ? { KeyARN: s.keyArn } : {}), ...(s.keyType ? { KeyType: s.keyType } : {}), Status: s.status };
}

/** Applies the transitional state now and settles it after `delayMs` on the virtual clock, unless superseded meanwhile. */
export function transitionEncryption(holder: { encryption: EncryptionState }, next: EncryptionState, scheduler: Scheduler, delayMs: number): void {
  holder.encryption = next;
  if (delayMs <= 0) {
    holder.encryption = settle(next);
    return;
  }
  scheduler.after(delayMs, () => { if (holder.encryption === next) holder.encryption = settle(next); });
}

const DAY_MS = 86_400_000;

/**
 * Counts one Start/Stop call in a stream's rolling 24-hour window (`calls` holds the call times,
 * at most ENCRYPTION_CALLS_PER_DAY_MAX of them); throws LimitExceededException beyond the quota.
 */
export function countEncryptionCall(calls: number[], nowMs: number, streamName: string): void {
  while (calls.length > 0 && calls[0] <= nowMs - DAY_MS) calls.shift();
  if (calls.length >= ENCRYPTION_CALLS_PER_DAY_MAX) {
    throw new AwsServiceError('LimitExceededException',
      `StartDeliveryStreamEncryption and StopDeliveryStreamEncryption have a combined limit of ${ENCRYPTION_CALLS_PER_DAY_MAX} calls per Firehose stream per 24 hours; ${streamName} has reached it.`);
  }
  calls.push(nowMs);
}
