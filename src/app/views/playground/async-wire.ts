/**
 * Answers the SDK's wire requests from the simulation worker, asynchronously: the in-page
 * `WireDispatcher` needs a synchronous API in the same thread, but the playground's SDK clients run
 * in their own sandbox worker and the world lives in the simulation worker. So this routes the
 * request and builds the answer with the dispatcher's own pieces (src/engine/api/wire), awaiting
 * each call across the workers.
 */
import { eventStreamBuilder } from '../../../engine/api/wire/event-stream-response';
import { errorFromShape, jsonCodec, newRequestId, okResponse, routeWireRequest } from '../../../engine/api/wire/wire-dispatch';
import type { WireRequest, WireResponse } from '../../../engine/api/wire/wire-types';
import type { SdkApi } from '../../../worker/api/sdk-api';

/** What the page lends the sandbox: the simulation worker's SDK door (src/worker/api/sdk-api.ts). */
export type SdkDoor = SdkApi;

const SERVED = new Set(['Kinesis_20131202', 'Firehose_20150804']);

export function asyncWire(door: SdkDoor): (req: WireRequest) => Promise<WireResponse> {
  return async (req) => {
    const routed = routeWireRequest(req, jsonCodec, (prefix) => (SERVED.has(prefix) ? prefix : undefined));
    if (routed.kind === 'answer') return routed.response;
    const { prefix, operation, body } = routed;
    if (prefix === 'Kinesis_20131202' && operation === 'SubscribeToShard') {
      const stream = eventStreamBuilder(jsonCodec, undefined);
      const r = await door.sdkSubscribe(body, stream.sink);
      if (!r.ok) return errorFromShape(jsonCodec, undefined, r.error);
      return stream.response(newRequestId(), () => void door.sdkUnsubscribe(r.value));
    }
    const r = await door.sdkCall(prefix, operation, body);
    if (!r.ok) return errorFromShape(jsonCodec, undefined, r.error);
    return okResponse(jsonCodec, undefined, r.value ?? undefined);
  };
}
