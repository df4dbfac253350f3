/**
 * Worker operations for the Firehose page: edit delivery streams of the live world, browse the
 * object store and attach the browser transform sandbox. The delivery streams themselves are the
 * engine world's Firehose part; expected failures come back as `{ok:false, message}`.
 */
import * as Comlink from 'comlink';
import type { WorkerContext } from './context';
import type { FirehoseWorld, Outcome } from '../../engine/firehose/world/firehose-world';
import type { FirehoseSectionEntry } from '../../engine/firehose/world/scenario-section';
import { describeObject, listObjects, type ObjectDetail, type ObjectListing } from './firehose/object-preview';
import { setMainThreadTransform, type MainThreadTransform } from './firehose/transform-bridge';
import { AwsServiceError } from '../../engine/api/result';

export type { FirehoseSlice, DeliveryStreamView, BufferView, TransformView } from '../../engine/firehose/world/firehose-slice';
export type { FirehoseSectionEntry, ProducerSpec, TransformSpec, FaultSpec } from '../../engine/firehose/world/scenario-section';
export type { ObjectDetail, ObjectListing, ObjectSummary } from './firehose/object-preview';
export type { SinkView } from '../../engine/firehose/world/sink-view';
export type { TransformCall, MainThreadTransform } from './firehose/transform-bridge';
export type { Outcome as FirehoseOutcome } from '../../engine/firehose/world/firehose-world';

export interface FirehoseApi {
  /** The scenario's `firehose` section as the live world holds it (for the edit form). */
  firehoseEntries(): Promise<FirehoseSectionEntry[]>;
  /** Creates a delivery stream, or applies the entry to the stream of that name. */
  firehoseSave(entry: FirehoseSectionEntry): Promise<Outcome>;
  firehoseDelete(name: string): Promise<Outcome>;
  /** Flushes every buffer of the stream now. */
  firehoseFlush(name: string): Promise<Outcome>;
  /** PutRecordBatch of the given text records (the page's "send test records"). */
  firehosePut(name: string, records: string[]): Promise<Outcome & { failed?: number }>;
  firehoseListObjects(bucket: string, prefix: string): Promise<ObjectListing>;
  /** One object's real bytes (transferred) and a decompressed preview. */
  firehoseGetObject(bucket: string, key: string): Promise<ObjectDetail | { error: string }>;
  /** The page's sandbox relay (wrap in Comlink.proxy); null detaches it. */
  registerTransformInvoker(invoke: MainThreadTransform | null): Promise<void>;
}

const noWorld: Outcome = { ok: false, message: 'no scenario is loaded' };
const describe = (e: unknown): string => (e instanceof AwsServiceError ? `${e.name}: ${e.message}` : e instanceof Error ? e.message : String(e));

export function firehoseApi(ctx: WorkerContext): FirehoseApi {
  const world = (): FirehoseWorld | undefined => ctx.world()?.world.parts.firehose;
  const publishAfter = <T,>(result: T): T => {
    ctx.host.publishNow();
    return result;
  };
  return {
    async firehoseEntries() {
      return world()?.list() ?? [];
    },
    async firehoseSave(entry) {
      const w = world();
      return w ? publishAfter(w.save(entry)) : noWorld;
    },
    async firehoseDelete(name) {
      const w = world();
      return w ? publishAfter(w.remove(name)) : noWorld;
    },
    async firehoseFlush(name) {
      const w = world();
      return w ? publishAfter(w.flush(name)) : noWorld;
    },
    async firehosePut(name, records) {
      const w = world();
      return w ? publishAfter(w.put(name, records)) : noWorld;
    },
    async firehoseListObjects(bucket, prefix) {
      const w = world();
      return w ? listObjects(w.service.store, bucket, prefix) : { bucket, prefix, folders: [], objects: [], truncated: false };
    },
    async firehoseGetObject(bucket, key) {
      const w = world();
      if (!w) return { error: 'no scenario is loaded' };
      let detail: ObjectDetail | { error: string };
      try {
        detail = await describeObject(w.service.store.getObject(bucket, key));
      } catch (e) {
        detail = { error: describe(e) };
      }
      return 'body' in detail ? Comlink.transfer(detail, [detail.body.buffer as ArrayBuffer]) : detail;
    },
    async registerTransformInvoker(invoke) {
      setMainThreadTransform(invoke);
    },
  };
}
