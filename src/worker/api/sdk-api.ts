/**
 * The SDK playground's door into the world: any Kinesis or Firehose JSON API operation (wire
 * documents: Data base64, timestamps epoch seconds) and SubscribeToShard as a pushed sequence of
 * events. The page turns these back into real wire responses for the AWS SDK clients running in
 * the playground's sandbox worker (src/app/views/playground), so learner code changes the same
 * world every page shows. Expected AWS errors come back as data.
 */
import { createKinesisApi, KINESIS_TARGET_PREFIX, type KinesisJsonApi } from '../../engine/api/kinesis';
import { createFirehoseApi, FIREHOSE_TARGET_PREFIX } from '../../engine/api/firehose/firehose-api';
import { NO_OUTPUT, type ApiErrorShape, type JsonServiceApi } from '../../engine/api/result';
import type { LiveWorld } from '../runtime';
import type { WorkerContext } from './context';
import { consoleWorldOf } from './streams/console-world';
import { writeBackToDoc } from './streams/actor-edits';

export type SdkCallResult =
  | { readonly ok: true; readonly value: Record<string, unknown>; readonly empty: boolean }
  | { readonly ok: false; readonly error: ApiErrorShape };

/** One pushed SubscribeToShard signal, as the Kinesis API defines the event stream. */
export type SdkSubscriptionSignal =
  | { readonly kind: 'event'; readonly event: Record<string, unknown> }
  | { readonly kind: 'error'; readonly error: ApiErrorShape }
  | { readonly kind: 'end' };

export interface SdkApi {
  /** `targetPrefix` is the X-Amz-Target service part ("Kinesis_20131202", "Firehose_20150804"). */
  sdkCall(targetPrefix: string, operation: string, body: Record<string, unknown>): Promise<SdkCallResult>;
  /** Starts a SubscribeToShard; `sink` (a Comlink proxy) receives every signal. Returns an id to close it. */
  sdkSubscribe(body: Record<string, unknown>, sink: (signal: SdkSubscriptionSignal) => void): Promise<{ ok: true; id: number } | { ok: false; error: ApiErrorShape }>;
  sdkUnsubscribe(id: number): Promise<void>;
}

const noWorld: ApiErrorShape = { name: 'ResourceNotFoundException', message: 'No scenario is loaded.', httpStatus: 400, retryable: false };

export function sdkApi(ctx: WorkerContext): SdkApi {
  const kinesis = new WeakMap<LiveWorld, KinesisJsonApi>();
  const firehose = new WeakMap<LiveWorld, JsonServiceApi>();
  const subscriptions = new Map<number, { close(): void }>();
  let nextId = 1;
  const kinesisOf = (w: LiveWorld): KinesisJsonApi => {
    let api = kinesis.get(w);
    if (!api) kinesis.set(w, (api = createKinesisApi(w.scenario.service)));
    return api;
  };
  const firehoseOf = (w: LiveWorld): JsonServiceApi | undefined => {
    const part = w.world.parts.firehose;
    if (!part) return undefined;
    let api = firehose.get(w);
    if (!api) firehose.set(w, (api = createFirehoseApi(part.service)));
    return api;
  };
  return {
    async sdkCall(targetPrefix, operation, body) {
      const w = ctx.world();
      if (!w) return { ok: false, error: noWorld };
      const api = targetPrefix === KINESIS_TARGET_PREFIX ? kinesisOf(w) : targetPrefix === FIREHOSE_TARGET_PREFIX ? firehoseOf(w) : undefined;
      if (!api) return { ok: false, error: { name: 'UnknownOperationException', message: `Operation ${targetPrefix}.${operation} is not supported by this endpoint.`, httpStatus: 400, retryable: false } };
      const r = api.handle(operation, body);
      if (!r.ok) return { ok: false, error: r.error };
      // Streams created or resharded by code show on every page: write them back and publish now.
      if (api === kinesis.get(w)) {
        consoleWorldOf(w).syncSamplers();
        writeBackToDoc(w);
      }
      ctx.host.publishNow();
      return { ok: true, value: r.value === NO_OUTPUT ? {} : r.value, empty: r.value === NO_OUTPUT };
    },
    async sdkSubscribe(body, sink) {
      const w = ctx.world();
      if (!w) return { ok: false, error: noWorld };
      const id = nextId++;
      const r = kinesisOf(w).subscribeToShard(body, (signal) => {
        if (signal.kind !== 'event') subscriptions.delete(id);
        void sink(signal);
      });
      if (!r.ok) return { ok: false, error: r.error };
      subscriptions.set(id, r.value);
      return { ok: true, id };
    },
    async sdkUnsubscribe(id) {
      subscriptions.get(id)?.close();
      subscriptions.delete(id);
    },
  };
}
