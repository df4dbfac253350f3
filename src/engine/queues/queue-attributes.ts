/**
 * Queue attributes: validating the string map of CreateQueue / SetQueueAttributes against the
 * documented ranges and queue type, and rendering GetQueueAttributes. Source: SQS API reference,
 * CreateQueue and SetQueueAttributes (docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html).
 */
import { sqsError } from './errors';
import * as L from './limits';

export interface RedrivePolicy {
  readonly deadLetterTargetArn: string;
  readonly maxReceiveCount: number;
}

export interface RedriveAllowPolicy {
  readonly redrivePermission: 'allowAll' | 'denyAll' | 'byQueue';
  readonly sourceQueueArns?: readonly string[];
}

export interface QueueSettings {
  readonly DelaySeconds: number;
  readonly MaximumMessageSize: number;
  readonly MessageRetentionPeriod: number;
  readonly ReceiveMessageWaitTimeSeconds: number;
  readonly VisibilityTimeout: number;
  readonly Policy?: string;
  readonly RedrivePolicy?: RedrivePolicy;
  readonly RedriveAllowPolicy?: RedriveAllowPolicy;
  readonly KmsMasterKeyId?: string;
  readonly KmsDataKeyReusePeriodSeconds: number;
  readonly SqsManagedSseEnabled: boolean;
  readonly FifoQueue: boolean;
  readonly ContentBasedDeduplication: boolean;
  readonly DeduplicationScope: 'messageGroup' | 'queue';
  readonly FifoThroughputLimit: 'perQueue' | 'perMessageGroupId';
}

export function defaultSettings(fifo: boolean): QueueSettings {
  return {
    DelaySeconds: 0,
    MaximumMessageSize: L.MESSAGE_BYTES_MAX,
    MessageRetentionPeriod: L.RETENTION_SECONDS_DEFAULT,
    ReceiveMessageWaitTimeSeconds: 0,
    VisibilityTimeout: L.VISIBILITY_SECONDS_DEFAULT,
    KmsDataKeyReusePeriodSeconds: L.KMS_REUSE_SECONDS_DEFAULT,
    SqsManagedSseEnabled: true,
    FifoQueue: fifo,
    ContentBasedDeduplication: false,
    DeduplicationScope: 'queue',
    FifoThroughputLimit: 'perQueue',
  };
}

const FIFO_ONLY = ['ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit'];
export const SETTABLE = [
  'DelaySeconds', 'MaximumMessageSize', 'MessageRetentionPeriod', 'ReceiveMessageWaitTimeSeconds', 'VisibilityTimeout',
  'Policy', 'RedrivePolicy', 'RedriveAllowPolicy', 'KmsMasterKeyId', 'KmsDataKeyReusePeriodSeconds', 'SqsManagedSseEnabled',
  'FifoQueue', ...FIFO_ONLY,
];
export const READ_ONLY = [
  'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp', 'LastModifiedTimestamp', 'QueueArn',
];

function invalidValue(name: string, why: string): Error {
  return sqsError('InvalidAttributeValue', `Invalid value for the parameter ${name}. ${why}`);
}

function intIn(name: string, v: string, min: number, max: number): number {
  if (!/^\d+$/.test(v.trim())) throw invalidValue(name, `It must be a whole number from ${min} to ${max}.`);
  const n = Number(v);
  if (n < min || n > max) throw invalidValue(name, `It must be from ${min} to ${max}; got ${n}.`);
  return n;
}

function bool(name: string, v: string): boolean {
  const s = v.toLowerCase();
  if (s !== 'true' && s !== 'false') throw invalidValue(name, 'It must be true or false.');
  return s === 'true';
}

function parseRedrive(v: string): RedrivePolicy | undefined {
  if (v === '') return undefined;
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(v) as Record<string, unknown>;
  } catch {
    throw invalidValue('RedrivePolicy', 'It must be JSON: {"deadLetterTargetArn":"arn:aws:sqs:…","maxReceiveCount":5}.');
  }
  const arn = doc.deadLetterTargetArn;
  const count = Number(doc.maxReceiveCount);
  if (typeof arn !== 'string' || !arn.startsWith('arn:')) throw invalidValue('RedrivePolicy', 'Reason: deadLetterTargetArn must be the ARN of an SQS queue.');
  if (!Number.isInteger(count) || count < L.MAX_RECEIVE_COUNT_RANGE[0] || count > L.MAX_RECEIVE_COUNT_RANGE[1]) {
    throw invalidValue('RedrivePolicy', `Reason: maxReceiveCount must be an integer from ${L.MAX_RECEIVE_COUNT_RANGE[0]} to ${L.MAX_RECEIVE_COUNT_RANGE[1]}.`);
  }
  return { deadLetterTargetArn: arn, maxReceiveCount: count };
}

function parseRedriveAllow(v: string): RedriveAllowPolicy | undefined {
  if (v === '') return undefined;
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(v) as Record<string, unknown>;
  } catch {
    throw invalidValue('RedriveAllowPolicy', 'It must be JSON: {"redrivePermission":"byQueue","sourceQueueArns":["arn:…"]}.');
  }
  const p = doc.redrivePermission;
  if (p !== 'allowAll' && p !== 'denyAll' && p !== 'byQueue') throw invalidValue('RedriveAllowPolicy', 'redrivePermission must be allowAll, denyAll or byQueue.');
  const arns = doc.sourceQueueArns;
  if (p === 'byQueue') {
    if (!Array.isArray(arns) || arns.length === 0 || arns.length > L.REDRIVE_ALLOW_SOURCES_MAX || arns.some((a) => typeof a !== 'string')) {
      throw invalidValue('RedriveAllowPolicy', `byQueue needs sourceQueueArns with 1 to ${L.REDRIVE_ALLOW_SOURCES_MAX} queue ARNs.`);
    }
    return { redrivePermission: p, sourceQueueArns: arns as string[] };
  }
  if (arns !== undefined) throw invalidValue('RedriveAllowPolicy', 'sourceQueueArns is allowed only with redrivePermission byQueue.');
  return { redrivePermission: p };
}

/** Applies an attribute map to settings; `creating` allows FifoQueue. */
export function applyAttributes(base: QueueSettings, attrs: Readonly<Record<string, string>>, creating: boolean): QueueSettings {
  const s: { -readonly [K in keyof QueueSettings]: QueueSettings[K] } = { ...base };
  for (const [name, raw] of Object.entries(attrs)) {
    const v = String(raw);
    if (!SETTABLE.includes(name) || (FIFO_ONLY.includes(name) && !base.FifoQueue)) {
      throw sqsError('InvalidAttributeName', `Unknown Attribute ${name}.`);
    }
    switch (name) {
      case 'DelaySeconds': s.DelaySeconds = intIn(name, v, 0, L.DELAY_SECONDS_MAX); break;
      case 'MaximumMessageSize': s.MaximumMessageSize = intIn(name, v, L.MESSAGE_BYTES_MIN_SETTING, L.MESSAGE_BYTES_MAX); break;
      case 'MessageRetentionPeriod': s.MessageRetentionPeriod = intIn(name, v, L.RETENTION_SECONDS_RANGE[0], L.RETENTION_SECONDS_RANGE[1]); break;
      case 'ReceiveMessageWaitTimeSeconds': s.ReceiveMessageWaitTimeSeconds = intIn(name, v, 0, L.WAIT_SECONDS_MAX); break;
      case 'VisibilityTimeout': s.VisibilityTimeout = intIn(name, v, 0, L.VISIBILITY_SECONDS_MAX); break;
      case 'KmsDataKeyReusePeriodSeconds': s.KmsDataKeyReusePeriodSeconds = intIn(name, v, L.KMS_REUSE_SECONDS_RANGE[0], L.KMS_REUSE_SECONDS_RANGE[1]); break;
      case 'Policy':
        if (v !== '') {
          try { JSON.parse(v); } catch { throw invalidValue(name, 'It must be an IAM policy document in JSON.'); }
        }
        s.Policy = v === '' ? undefined : v;
        break;
      case 'RedrivePolicy': s.RedrivePolicy = parseRedrive(v); break;
      case 'RedriveAllowPolicy': s.RedriveAllowPolicy = parseRedriveAllow(v); break;
      case 'KmsMasterKeyId':
        s.KmsMasterKeyId = v === '' ? undefined : v;
        if (s.KmsMasterKeyId) s.SqsManagedSseEnabled = false;
        break;
      case 'SqsManagedSseEnabled':
        s.SqsManagedSseEnabled = bool(name, v);
        if (s.SqsManagedSseEnabled && attrs.KmsMasterKeyId) throw invalidValue(name, 'Only one server-side encryption option can be set: SqsManagedSseEnabled or KmsMasterKeyId.');
        if (s.SqsManagedSseEnabled) s.KmsMasterKeyId = undefined;
        break;
      case 'FifoQueue':
        if (!creating) throw sqsError('InvalidAttributeName', 'Unknown Attribute FifoQueue.');
        if (bool(name, v) !== base.FifoQueue) throw invalidValue(name, 'A queue whose name ends in .fifo must set FifoQueue=true, and only such a queue may.');
        break;
      case 'ContentBasedDeduplication': s.ContentBasedDeduplication = bool(name, v); break;
      case 'DeduplicationScope':
        if (v !== 'messageGroup' && v !== 'queue') throw invalidValue(name, 'It must be messageGroup or queue.');
        s.DeduplicationScope = v;
        break;
      case 'FifoThroughputLimit':
        if (v !== 'perQueue' && v !== 'perMessageGroupId') throw invalidValue(name, 'It must be perQueue or perMessageGroupId.');
        s.FifoThroughputLimit = v;
        break;
    }
  }
  if (s.FifoQueue && s.FifoThroughputLimit === 'perMessageGroupId' && s.DeduplicationScope !== 'messageGroup') {
    throw invalidValue('FifoThroughputLimit', 'perMessageGroupId requires DeduplicationScope messageGroup.');
  }
  return s;
}

/** The queue's settable attributes as GetQueueAttributes renders them (strings). */
export function renderSettings(s: QueueSettings): Record<string, string> {
  const out: Record<string, string> = {
    DelaySeconds: String(s.DelaySeconds),
    MaximumMessageSize: String(s.MaximumMessageSize),
    MessageRetentionPeriod: String(s.MessageRetentionPeriod),
    ReceiveMessageWaitTimeSeconds: String(s.ReceiveMessageWaitTimeSeconds),
    VisibilityTimeout: String(s.VisibilityTimeout),
    SqsManagedSseEnabled: String(s.SqsManagedSseEnabled),
  };
  if (s.Policy) out.Policy = s.Policy;
  if (s.RedrivePolicy) out.RedrivePolicy = JSON.stringify(s.RedrivePolicy);
  if (s.RedriveAllowPolicy) out.RedriveAllowPolicy = JSON.stringify(s.RedriveAllowPolicy);
  if (s.KmsMasterKeyId) {
    out.KmsMasterKeyId = s.KmsMasterKeyId;
    out.KmsDataKeyReusePeriodSeconds = String(s.KmsDataKeyReusePeriodSeconds);
  }
  if (s.FifoQueue) {
    out.FifoQueue = 'true';
    out.ContentBasedDeduplication = String(s.ContentBasedDeduplication);
    out.DeduplicationScope = s.DeduplicationScope;
    out.FifoThroughputLimit = s.FifoThroughputLimit;
  }
  return out;
}
