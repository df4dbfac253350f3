/**
 * The console's requests to the worker beyond the frame stream: Kinesis API calls, data-viewer
 * reads and live edits. Thin wrappers so components never hold the Comlink proxy.
 */
import type { ScenarioConsumer, ScenarioProducer } from '../../engine/scenario/schema';
import type { ActorConfigs, ConsoleKinesisOperation, ConsoleKinesisRequests, ControlResult, EditResult, ReadRequest, ReadResult, WorkerResult } from '../../worker/api/streams-api';
import { simulator } from '../sim-client';

/** One Kinesis control-plane call, its request typed by the operation. */
export function kinesisCall<O extends ConsoleKinesisOperation>(operation: O, request: ConsoleKinesisRequests[O]): Promise<ControlResult> {
  return simulator().kinesis(operation, request);
}

/** SplitShard at the shard's midpoint (the engine's midpoint kernel, in the worker). */
export function splitShardAtMidpoint(stream: string, shardId: string): Promise<ControlResult<{ readonly newStartingHashKey: string }>> {
  return simulator().splitShardAtMidpoint(stream, shardId);
}

export function switchCapacityMode(stream: string, mode: 'PROVISIONED' | 'ON_DEMAND'): Promise<ControlResult> {
  return simulator().switchCapacityMode(stream, mode);
}

/** The AWS error as one line: "InvalidArgumentException: message". */
export { errorLine as errorText } from '../../worker/protocol';

export function readRecords(req: ReadRequest): Promise<ReadResult> {
  return simulator().readRecords(req);
}

export function actorConfigs(): Promise<ActorConfigs> {
  return simulator().actorConfigs();
}

export function saveProducer(originalName: string | null, p: ScenarioProducer): Promise<EditResult> {
  return simulator().saveProducer(originalName, p);
}

export function removeProducer(name: string): Promise<EditResult> {
  return simulator().removeProducer(name);
}

export function saveConsumer(originalName: string | null, c: ScenarioConsumer): Promise<EditResult> {
  return simulator().saveConsumer(originalName, c);
}

export function removeConsumer(name: string): Promise<EditResult> {
  return simulator().removeConsumer(name);
}

export function samplePayloads(template: string): Promise<WorkerResult<string[]>> {
  return simulator().samplePayloads(template);
}
