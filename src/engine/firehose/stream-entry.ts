/**
 * One delivery stream as FirehoseService holds it (configuration, status, pipeline, quota and
 * SSE state), and the opaque record ids it hands out. Shared by the service and its data plane.
 */
import type { ObjectStore } from '../objectstore/object-store';
import type { Prng } from '../random/prng';
import type { Scheduler } from '../time/scheduler';
import type { Doc, ResolvedWithDescription } from './config';
import type { DeliveryContext } from './delivery-context';
import { DeliveryPipeline } from './delivery-stream';
import { ENCRYPTION_DISABLED, type EncryptionState } from './encryption';
import type { KinesisSourcePoller } from './kinesis-source';
import type { DirectPutQuota } from './limits';
import { FirehoseMetrics } from './metrics';
import { ErrorOutputBuffer } from './s3-writer';
import type { SinkFaults, SinkRegistry } from './sinks';
import { newWindow, type QuotaWindow } from './throughput-quota';
import type { TransformInvoker } from './transform-invoker';
import { emptyLedger, type DeliveryStreamStatus, type DeliveryStreamType, type PipelineRecord } from './types';

export interface StreamEntry {
  readonly name: string;
  readonly arn: string;
  readonly type: DeliveryStreamType;
  status: DeliveryStreamStatus;
  version: number;
  readonly createdMs: number;
  lastUpdateMs?: number;
  resolved: ResolvedWithDescription;
  readonly tags: Map<string, string>;
  readonly pipeline: DeliveryPipeline;
  readonly ctx: DeliveryContext;
  readonly quota: QuotaWindow;
  quotaLimits: DirectPutQuota;
  readonly source?: Doc;
  recordSeq: number;
  poller?: KinesisSourcePoller;
  encryption: EncryptionState;
  /** Times of Start/StopDeliveryStreamEncryption calls in the last 24 hours (bounded by their quota). */
  readonly encryptionCalls: number[];
}

export interface EntryParts {
  readonly name: string;
  readonly arn: string;
  readonly type: DeliveryStreamType;
  readonly resolved: ResolvedWithDescription;
  readonly tags: Map<string, string>;
  readonly source?: Doc;
  readonly createdMs: number;
  readonly scheduler: Scheduler;
  readonly store: ObjectStore;
  readonly sinks: SinkRegistry;
  readonly prng: Prng;
  readonly quotaLimits: DirectPutQuota;
  s3Faults(bucket: string): SinkFaults;
  invoker(lambdaArn: string): TransformInvoker | undefined;
}

/** A CREATING entry with its delivery context and pipeline; the context reads the entry's live configuration. */
export function buildEntry(p: EntryParts): StreamEntry {
  const holder: { entry?: StreamEntry } = {};
  const ctx: DeliveryContext = {
    scheduler: p.scheduler,
    store: p.store,
    sinks: p.sinks,
    metrics: new FirehoseMetrics(),
    ledger: emptyLedger(),
    prng: p.prng,
    streamName: p.name,
    streamArn: p.arn,
    config: () => (holder.entry as StreamEntry).resolved.config,
    version: () => (holder.entry as StreamEntry).version,
    s3Faults: p.s3Faults,
    reportErrors: (errors) => errorBuffer.add(errors),
    inFlight: new Set(),
  };
  const errorBuffer = new ErrorOutputBuffer(() => ctx);
  const entry: StreamEntry = {
    name: p.name, arn: p.arn, type: p.type, status: 'CREATING', version: 1, createdMs: p.createdMs, resolved: p.resolved, tags: p.tags, ctx, source: p.source,
    pipeline: new DeliveryPipeline(ctx, p.invoker),
    quota: newWindow(), quotaLimits: p.quotaLimits, recordSeq: 0, encryption: ENCRYPTION_DISABLED, encryptionCalls: [],
  };
  holder.entry = entry;
  return entry;
}

/** A new pipeline record with an id that is opaque and unique like AWS's 56-digit ids: arrival time, stream hash and a sequence. */
export function newRecord(s: StreamEntry, data: Uint8Array, arrivalMs: number): PipelineRecord {
  s.recordSeq++;
  const recordId = `${String(arrivalMs).padStart(16, '0')}${String(hash32(s.name)).padStart(10, '0')}${String(s.recordSeq).padStart(30, '0')}`;
  return { recordId, arrivalMs, raw: data, data };
}

function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
