/**
 * Worker operations for the Firehose page: edit delivery streams of the live world, browse the
 * object store and attach the browser transform sandbox. The delivery streams themselves are the
 * engine world's Firehose part; every answer is a WorkerResult, errors with their AWS names.
 */
import * as Comlink from 'comlink';
import type { WorkerContext } from './context';
import type { FirehoseWorld, Outcome } from '../../engine/firehose/world/firehose-world';
import type { FirehoseSectionEntry } from '../../engine/firehose/world/scenario-section';
import { describeObject, listObjects, type ObjectDetail, type ObjectListing } from './firehose/object-preview';
import { setMainThreadTransform, type MainThreadTransform } from './firehose/transform-bridge';
import { capture } from '../../engine/api/result';
import { done, failure, NO_SCENARIO, pathOf, type WorkerResult } from './worker-result';

export type { FirehoseSlice, DeliveryStreamView, BufferView, TransformView } from '../../engine/firehose/world/firehose-slice';
export type { FirehoseSectionEntry, ProducerSpec, TransformSpec, FaultSpec } from '../../engine/firehose/world/scenario-section';
export type { ObjectDetail, ObjectListing, ObjectSummary } from './firehose/object-preview';
export type { SinkView } from '../../engine/firehose/world/sink-view';
export type { TransformCall, MainThreadTransform } from './firehose/transform-bridge';

export interface FirehoseApi {
  /** The scenario's `firehose` section as the live world holds it (for the edit form). */
  firehoseEntries(): Promise<FirehoseSectionEntry[]>;
  /** Creates a delivery stream, or applies the entry to the stream of that name. */
  firehoseSave(entry: FirehoseSectionEntry): Promise<WorkerResult>;
  firehoseDelete(name: string): Promise<WorkerResult>;
  /** Flushes every buffer of the stream now. */
  firehoseFlush(name: string): Promise<WorkerResult>;
  /** PutRecordBatch of the given text records (the page's "send test records"); the value is FailedPutCount. */
  firehosePut(name: string, records: string[]): Promise<WorkerResult<{ readonly failed: number }>>;
  firehoseListObjects(bucket: string, prefix: string): Promise<ObjectListing>;
  /** One object's real bytes (transferred) and a decompressed preview. */
  firehoseGetObject(bucket: string, key: string): Promise<WorkerResult<ObjectDetail>>;
  /** The page's sandbox relay (wrap in Comlink.proxy); null detaches it. */
  registerTransformInvoker(invoke: MainThreadTransform | null): Promise<void>;
}

/** The part's outcome as the worker's result; a bad section entry names its field. */
function resultOf<T>(outcome: Outcome, value: T): WorkerResult<T> {
  if (outcome.ok) return done(value);
  const path = pathOf(outcome.error.message);
  return failure({ ...outcome.error, ...(path ? { path } : {}) });
}

export function firehoseApi(ctx: WorkerContext): FirehoseApi {
  const world = (): FirehoseWorld | undefined => ctx.world()?.world.parts.firehose;
  const publishAfter = (outcome: Outcome): WorkerResult => {
    ctx.host.publishNow();
    return resultOf(outcome, undefined);
  };
  return {
    async firehoseEntries() {
      return world()?.list() ?? [];
    },
    async firehoseSave(entry) {
      const w = world();
      return w ? publishAfter(w.save(entry)) : NO_SCENARIO;
    },
    async firehoseDelete(name) {
      const w = world();
      return w ? publishAfter(w.remove(name)) : NO_SCENARIO;
    },
    async firehoseFlush(name) {
      const w = world();
      return w ? publishAfter(w.flush(name)) : NO_SCENARIO;
    },
    async firehosePut(name, records) {
      const w = world();
      if (!w) return NO_SCENARIO;
      const out = w.put(name, records);
      ctx.host.publishNow();
      return resultOf(out, { failed: out.failed ?? 0 });
    },
    async firehoseListObjects(bucket, prefix) {
      const w = world();
      return w ? listObjects(w.service.store, bucket, prefix) : { bucket, prefix, folders: [], objects: [], truncated: false };
    },
    async firehoseGetObject(bucket, key) {
      const w = world();
      if (!w) return NO_SCENARIO;
      const object = capture(() => w.service.store.getObject(bucket, key));
      if (!object.ok) return object;
      const detail = await describeObject(object.value);
      return Comlink.transfer(done(detail), [detail.body.buffer as ArrayBuffer]);
    },
    async registerTransformInvoker(invoke) {
      setMainThreadTransform(invoke);
    },
  };
}
