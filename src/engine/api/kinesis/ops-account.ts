/**
 * The 2025/2026 stream and account operations (spec data-streams-2026 §2–§5): UpdateMaxRecordSize,
 * UpdateStreamRecordDistributionStrategy, UpdateStreamWarmThroughput, Describe/UpdateAccountSettings and the
 * resource policies of streams and consumers.
 */
import { resourceNotFound } from '../../streams/errors';
import type { KinesisService } from '../../streams/service';
import type { RecordDistributionStrategy } from '../../streams/stream';
import { updateMaxRecordSize, updateRecordDistribution, updateWarmThroughput } from '../../streams/stream-settings';
import type { CommitmentView } from '../../streams/account-settings';
import { toEpochSeconds } from './validation';
import type { Doc } from './wire';
import { NO_OUTPUT } from './wire';

export function updateMaxRecordSizeOp(service: KinesisService, input: Doc): Doc {
  updateMaxRecordSize(service, service.resolve({ StreamARN: input.StreamARN as string | undefined }), input.MaxRecordSizeInKiB as number);
  return NO_OUTPUT;
}

export function updateRecordDistributionOp(service: KinesisService, input: Doc): Doc {
  updateRecordDistribution(service, service.resolve({ StreamARN: input.StreamARN as string }), input.RecordDistributionStrategy as RecordDistributionStrategy);
  return NO_OUTPUT;
}

export function updateWarmThroughputOp(service: KinesisService, input: Doc): Doc {
  const stream = service.resolve(input);
  const warm = updateWarmThroughput(service, stream, input.WarmThroughputMiBps as number);
  return { StreamARN: stream.arn, StreamName: stream.name, WarmThroughput: { TargetMiBps: warm.targetMiBps, CurrentMiBps: warm.currentMiBps } };
}

function commitmentDoc(view: CommitmentView): Doc {
  const doc: Doc = { Status: view.status };
  if (view.startedAtMs !== undefined) doc.StartedAt = toEpochSeconds(view.startedAtMs);
  if (view.endedAtMs !== undefined) doc.EndedAt = toEpochSeconds(view.endedAtMs);
  if (view.earliestAllowedEndAtMs !== undefined) doc.EarliestAllowedEndAt = toEpochSeconds(view.earliestAllowedEndAtMs);
  return doc;
}

export function describeAccountSettings(service: KinesisService): Doc {
  service.checkRate('DescribeAccountSettings');
  return { MinimumThroughputBillingCommitment: commitmentDoc(service.account.view()) };
}

export function updateAccountSettings(service: KinesisService, input: Doc): Doc {
  service.checkRate('UpdateAccountSettings');
  const status = (input.MinimumThroughputBillingCommitment as Doc).Status as 'ENABLED' | 'DISABLED';
  const view = status === 'ENABLED' ? service.account.enable() : service.account.disable();
  return { MinimumThroughputBillingCommitment: commitmentDoc(view) };
}

/** A ResourceARN of a policy names an existing stream or consumer of this account (API_PutResourcePolicy). */
function requirePolicyTarget(service: KinesisService, arn: string): string {
  if (arn.includes('/consumer/')) return service.consumers.find({ ConsumerARN: arn }).arn;
  if (!/:stream\/[^/]+$/.test(arn)) throw resourceNotFound(`Resource ${arn} not found: resource policies attach to streams and consumers.`);
  return service.resolve({ StreamARN: arn }).arn;
}

export function putResourcePolicy(service: KinesisService, input: Doc): Doc {
  service.policies.put(requirePolicyTarget(service, input.ResourceARN as string), input.Policy as string);
  return NO_OUTPUT;
}

export function getResourcePolicy(service: KinesisService, input: Doc): Doc {
  return { Policy: service.policies.get(requirePolicyTarget(service, input.ResourceARN as string)) };
}

export function deleteResourcePolicy(service: KinesisService, input: Doc): Doc {
  service.policies.delete(requirePolicyTarget(service, input.ResourceARN as string));
  return NO_OUTPUT;
}
