/**
 * Worker operations for the Firehose page, and the `firehose` world extension (registered at module
 * load): it builds the scenario's `firehose` section into a FirehoseWorld and adds its slice to every
 * frame. The page edits delivery streams, browses the object store and attaches the browser
 * transform sandbox through these calls; expected failures come back as `{ok:false, message}`.
 */
import * as Comlink from 'comlink';
import type { WorkerContext } from './context';
import { registerWorldExtension } from '../world-extensions';
import { FirehoseWorld, type Outcome } from './firehose/firehose-world';
import type { ObjectDetail, ObjectListing } from './firehose/object-preview';
import type { FirehoseSectionEntry } from './firehose/scenario-section';
import { setMainThreadTransform, type MainThreadTransform } from './firehose/transform-bridge';

export type { FirehoseSlice, DeliveryStreamView, BufferView, TransformView } from './firehose/firehose-slice';
export type { FirehoseSectionEntry, ProducerSpec, TransformSpec, FaultSpec } from './firehose/scenario-section';
export type { ObjectDetail, ObjectListing, ObjectSummary } from './firehose/object-preview';
export type { SinkView } from './firehose/sink-view';
export type { TransformCall, MainThreadTransform } from './firehose/transform-bridge';
export type { Outcome as FirehoseOutcome } from './firehose/firehose-world';

export const FIREHOSE_EXTENSION_ID = 'firehose';

registerWorldExtension({
  id: FIREHOSE_EXTENSION_ID,
  create: (sim, scenario, doc) => new FirehoseWorld(sim, scenario, doc),
});

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

export function firehoseApi(ctx: WorkerContext): FirehoseApi {
  const world = (): FirehoseWorld | undefined => ctx.world()?.extensions.get(FIREHOSE_EXTENSION_ID) as FirehoseWorld | undefined;
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
      return world()?.listObjects(bucket, prefix) ?? { bucket, prefix, folders: [], objects: [], truncated: false };
    },
    async firehoseGetObject(bucket, key) {
      const w = world();
      if (!w) return { error: 'no scenario is loaded' };
      const detail = await w.getObject(bucket, key);
      return 'body' in detail ? Comlink.transfer(detail, [detail.body.buffer as ArrayBuffer]) : detail;
    },
    async registerTransformInvoker(invoke) {
      setMainThreadTransform(invoke);
    },
  };
}
