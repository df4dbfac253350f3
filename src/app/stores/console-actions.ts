/**
 * The console's requests to the worker beyond the frame stream: Kinesis API calls, data-viewer
 * reads and live edits. Thin wrappers so components never hold the Comlink proxy.
 */
import type { ScenarioConsumer, ScenarioProducer } from '../../engine/scenario/schema';
import type { ActorConfigs, EditResult, KinesisCallResult, ReadRequest, ReadResult } from '../../worker/api/streams-api';
import { simulator } from '../sim-client';

export function kinesisCall(operation: string, body: Record<string, unknown>): Promise<KinesisCallResult> {
  return simulator().kinesis(operation, body);
}

/** The AWS error as one line: "InvalidArgumentException: message". */
export function errorText(r: KinesisCallResult | ReadResult): string | null {
  return r.ok ? null : `${r.error.name}: ${r.error.message}`;
}

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

export function samplePayloads(template: string): Promise<{ ok: true; samples: string[] } | { ok: false; error: string }> {
  return simulator().samplePayloads(template);
}
