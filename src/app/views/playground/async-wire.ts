/**
 * Answers the SDK's wire requests from the simulation worker, asynchronously: the in-page
 * `WireDispatcher` needs a synchronous API in the same thread, but the playground's SDK clients run
 * in their own sandbox worker and the world lives in the simulation worker. So this does what the
 * dispatcher does — target → service and operation, JSON body, AWS error answers, SubscribeToShard
 * as an event stream — with each call awaited across the workers.
 */
import { encodeEvent, encodeExceptionEvent } from '../../../engine/api/wire/event-stream';
import { EVENT_STREAM_CONTENT_TYPE, errorResponse, jsonCodec, newRequestId } from '../../../engine/api/wire/wire-dispatch';
import type { StreamingWireResponse, WireRequest, WireResponse } from '../../../engine/api/wire/wire-types';
import type { SdkCallResult, SdkSubscriptionSignal } from '../../../worker/api/sdk-api';

/** What the page lends the sandbox: the simulation worker's SDK door (src/worker/api/sdk-api.ts). */
export interface SdkDoor {
  sdkCall(targetPrefix: string, operation: string, body: Record<string, unknown>): Promise<SdkCallResult>;
  sdkSubscribe(body: Record<string, unknown>, sink: (signal: SdkSubscriptionSignal) => void): Promise<{ ok: true; id: number } | { ok: false; error: { name: string; message: string; httpStatus: number } }>;
  sdkUnsubscribe(id: number): Promise<void>;
}

const SERVED = new Set(['Kinesis_20131202', 'Firehose_20150804']);

export function asyncWire(door: SdkDoor): (req: WireRequest) => Promise<WireResponse> {
  return async (req) => {
    const dot = req.target.lastIndexOf('.');
    const prefix = req.target.slice(0, dot);
    const operation = req.target.slice(dot + 1);
    if (dot <= 0 || !SERVED.has(prefix) || !/^[A-Z][A-Za-z0-9]{0,127}$/.test(operation)) {
      return errorResponse(jsonCodec, undefined, 'UnknownOperationException', `Operation ${req.target} is not supported by this endpoint.`, 400);
    }
    if (!req.authenticated) return errorResponse(jsonCodec, undefined, 'MissingAuthenticationTokenException', 'Missing Authentication Token', 400);
    let body: Record<string, unknown>;
    try {
      body = jsonCodec.decode(req.body);
    } catch (e) {
      return errorResponse(jsonCodec, undefined, 'SerializationException', `Could not read the request body as JSON: ${e instanceof Error ? e.message : String(e)}`, 400);
    }
    if (prefix === 'Kinesis_20131202' && operation === 'SubscribeToShard') return subscribe(door, body);
    const r = await door.sdkCall(prefix, operation, body);
    if (!r.ok) return errorResponse(jsonCodec, undefined, r.error.name, r.error.message, r.error.httpStatus);
    return {
      kind: 'buffered',
      status: 200,
      headers: { 'content-type': jsonCodec.contentType, 'x-amzn-requestid': newRequestId() },
      body: r.empty ? '' : JSON.stringify(r.value),
    };
  };
}

async function subscribe(door: SdkDoor, body: Record<string, unknown>): Promise<WireResponse> {
  const ct = jsonCodec.contentType;
  const queue: Uint8Array[] = [encodeEvent('initial-response', '{}', ct)];
  let write: ((frame: Uint8Array) => void) | undefined;
  let end: (() => void) | undefined;
  let ended = false;
  const push = (frame: Uint8Array) => {
    if (ended) return;
    if (write) write(frame); else queue.push(frame);
  };
  const finish = () => {
    if (ended) return;
    ended = true;
    end?.();
  };
  const r = await door.sdkSubscribe(body, (signal) => {
    if (signal.kind === 'event') push(encodeEvent('SubscribeToShardEvent', JSON.stringify(signal.event), ct));
    else if (signal.kind === 'error') {
      push(encodeExceptionEvent(signal.error.name, signal.error.message, ct));
      finish();
    } else finish();
  });
  if (!r.ok) return errorResponse(jsonCodec, undefined, r.error.name, r.error.message, r.error.httpStatus);
  const id = r.id;
  const response: StreamingWireResponse = {
    kind: 'stream',
    status: 200,
    headers: { 'content-type': EVENT_STREAM_CONTENT_TYPE, 'x-amzn-requestid': newRequestId() },
    attach(w, e) {
      write = w;
      end = e;
      for (const frame of queue.splice(0)) w(frame);
      if (ended) e();
    },
    close() {
      if (!ended) void door.sdkUnsubscribe(id);
      ended = true;
    },
  };
  return response;
}
