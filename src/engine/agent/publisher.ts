/**
 * The agent's publishing kernels, shared by the simulated agent and `npm run agent`:
 * - a per-flow buffer published when it reaches maxBufferSizeRecords, would pass
 *   maxBufferSizeBytes, or is maxBufferAgeMillis old (one buffer = one PutRecords /
 *   PutRecordBatch call);
 * - retry backoff: exponential, factor 2 from retryInitialBackoffMillis to
 *   retryMaxBackoffMillis with ±30 % jitter; each failed send adds one to the failure count and
 *   each success divides it by ten; retries are unbounded (spec kinesis-agent.md §8);
 * - checkpoints: per (flow, file) the end offset of the last sent buffer, never moving back.
 * Plain data in and out; time and chance are passed in.
 */
import type { FlowConfig } from './config-types';
import { BACKOFF_JITTER } from './limits';
import type { AgentRecord } from './record-pipeline';

export interface BufferedRecord {
  readonly file: string;
  readonly record: AgentRecord;
  readonly data: Uint8Array;
  readonly partitionKey?: string;
}

export interface SendBuffer {
  readonly id: number;
  createdMs: number;
  readonly records: BufferedRecord[];
  bytes: number;
  /** Send attempts made so far (1 after the first call). */
  attempts: number;
}

export function recordBytes(r: BufferedRecord): number {
  return r.data.length + (r.partitionKey?.length ?? 0);
}

/** Would adding `r` break the byte limit (so the buffer must be published first)? */
export function wouldOverflow(flow: FlowConfig, buf: SendBuffer, r: BufferedRecord): boolean {
  return buf.records.length > 0 && buf.bytes + recordBytes(r) > flow.maxBufferSizeBytes;
}

export function isFull(flow: FlowConfig, buf: SendBuffer): boolean {
  return buf.records.length >= flow.maxBufferSizeRecords || buf.bytes >= flow.maxBufferSizeBytes;
}

export function isExpired(flow: FlowConfig, buf: SendBuffer, nowMs: number): boolean {
  return buf.records.length > 0 && nowMs - buf.createdMs >= flow.maxBufferAgeMillis;
}

export function addToBuffer(buf: SendBuffer, r: BufferedRecord): void {
  buf.records.push(r);
  buf.bytes += recordBytes(r);
}

/** Delay before the next send after `failures` consecutive-ish failures; `random` in [0, 1). */
export function backoffMs(flow: FlowConfig, failures: number, random: () => number): number {
  if (failures <= 0) return 0;
  const base = Math.min(flow.retryMaxBackoffMillis, flow.retryInitialBackoffMillis * 2 ** Math.min(failures - 1, 30));
  return Math.round(base * (1 - BACKOFF_JITTER + 2 * BACKOFF_JITTER * random()));
}

export function afterSuccess(failures: number): number {
  return Math.floor(failures / 10);
}

/** Per-file checkpoint offsets after a buffer was sent: the max end offset per file, never lower. */
export function advanceCheckpoints(checkpoints: Map<string, number>, sent: readonly BufferedRecord[]): void {
  for (const r of sent) {
    const prev = checkpoints.get(r.file) ?? 0;
    if (r.record.endOffset > prev) checkpoints.set(r.file, r.record.endOffset);
  }
}

/** The agent's four CloudWatch metrics (namespace AWSKinesisAgent, dimension Destination). */
export interface AgentMetrics {
  BytesSent: number;
  RecordSendAttempts: number;
  RecordSendErrors: number;
  ServiceErrors: number;
}

export function emptyMetrics(): AgentMetrics {
  return { BytesSent: 0, RecordSendAttempts: 0, RecordSendErrors: 0, ServiceErrors: 0 };
}

export function destinationDimension(flow: FlowConfig): string {
  return flow.destinationKind === 'kinesisStream' ? `KinesisStream:${flow.destinationName}` : `DeliveryStream:${flow.destinationName}`;
}
