/**
 * The SDK playground's door into the world: any Kinesis or Firehose JSON API operation (wire
 * documents: Data base64, timestamps epoch seconds) and SubscribeToShard as a pushed sequence of
 * events. The page turns these back into real wire responses for the AWS SDK clients running in
 * the playground's sandbox worker (src/app/views/playground), so learner code changes the same
 * world every page shows. Every answer is a WorkerResult; AWS errors come back as data with their names.
 */
import { createKinesisApi, KINESIS_TARGET_PREFIX, type KinesisJsonApi } from '../../engine/api/kinesis';
import { createFirehoseApi, FIREHOSE_TARGET_PREFIX } from '../../engine/api/firehose/firehose-api';
import { NO_OUTPUT, type JsonServiceApi } from '../../engine/api/result';
import type { SubscriptionEvent } from '../../engine/api/wire/wire-types';
import { done, failure, NO_SCENARIO, type WorkerResult } from './worker-result';
import type { LiveWorld } from '../runtime';
import type { WorkerContext } from './context';
import { consoleWorldOf } from './streams/console-world';
import { writeBackToDoc } from './streams/actor-edits';

/** The operation's output document, or null for an operation without an output shape (an empty body on the wire). */
export type SdkCallResult = WorkerResult<Record<string, unknown> | null>;

export interface SdkApi {
  /** `targetPrefix` is the X-Amz-Target service part ("Kinesis_20131202", "Firehose_20150804"). */
  sdkCall(targetPrefix: string, operation: string, body: Record<string, unknown>): Promise<SdkCallResult>;
  /** Starts a SubscribeToShard; `sink` (a Comlink proxy) receives every signal. Returns an id to close it. */
  sdkSubscribe(body: Record<string, unknown>, sink: (signal: SubscriptionEvent) => void): Promise<WorkerResult<number>>;
  sdkUnsubscribe(id: number): Promise<void>;
}


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
      if (!w) return NO_SCENARIO;
      const api = targetPrefix === KINESIS_TARGET_PREFIX ? kinesisOf(w) : targetPrefix === FIREHOSE_TARGET_PREFIX ? firehoseOf(w) : undefined;
      if (!api) return failure({ name: 'UnknownOperationException', message: `Operation ${targetPrefix}.${operation} is not supported by this endpoint.`, httpStatus: 400, retryable: false });
      const r = api.handle(operation, body);
      if (!r.ok) return r;
      // Streams created or resharded by code show on every page: write them back and publish now.
      if (api === kinesis.get(w)) {
        consoleWorldOf(w).syncSamplers();
        writeBackToDoc(w);
      }
      ctx.host.publishNow();
      return done(r.value === NO_OUTPUT ? null : r.value);
    },
    async sdkSubscribe(body, sink) {
      const w = ctx.world();
      if (!w) return NO_SCENARIO;
      const id = nextId++;
      const r = kinesisOf(w).subscribeToShard(body, (signal) => {
        if (signal.kind !== 'event') subscriptions.delete(id);
        void sink(signal);
      });
      if (!r.ok) return r;
      subscriptions.set(id, r.value);
      return done(id);
    },
    async sdkUnsubscribe(id) {
      subscriptions.get(id)?.close();
      subscriptions.delete(id);
    },
  };
}
