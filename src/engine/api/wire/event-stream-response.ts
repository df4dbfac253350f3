/**
 * The SubscribeToShard answer as an event stream: an `initial-response` event, one
 * `SubscribeToShardEvent` per pushed event, an exception event on error, then the end. Frames queue
 * until the transport attaches. One builder for every door into the engine: the synchronous
 * `WireDispatcher` (Node server, in-page SDK handler) and the playground's asynchronous wire, whose
 * subscription lives in another worker.
 */
import { encodeEvent, encodeExceptionEvent } from './event-stream';
import type { ApiBinding, BodyCodec, StreamingWireResponse, SubscriptionEvent } from './wire-types';

export const EVENT_STREAM_CONTENT_TYPE = 'application/vnd.amazon.eventstream';

export interface EventStreamBuilder {
  /** Give this to the subscription: it turns each signal into frames (and ends the stream on error or end). */
  readonly sink: (ev: SubscriptionEvent) => void;
  /** The 200 response, once the subscription exists; `close` stops it when the client goes away first. */
  response(requestId: string, close: () => void): StreamingWireResponse;
}

const textEncoder = new TextEncoder();
const toBytes = (body: Uint8Array | string): Uint8Array => (typeof body === 'string' ? textEncoder.encode(body) : body);

export function eventStreamBuilder(codec: BodyCodec, binding: ApiBinding | undefined): EventStreamBuilder {
  const queue: Uint8Array[] = [encodeEvent('initial-response', codec.encode({}, binding), codec.contentType)];
  let write: ((frame: Uint8Array) => void) | undefined;
  let end: (() => void) | undefined;
  let ended = false;
  const finish = (): void => {
    if (ended) return;
    ended = true;
    end?.();
  };
  const push = (frame: Uint8Array): void => {
    if (ended) return;
    if (write) write(frame);
    else queue.push(frame);
  };
  return {
    sink(ev) {
      if (ev.kind === 'event') push(encodeEvent('SubscribeToShardEvent', codec.encode(ev.event, binding), codec.contentType));
      else if (ev.kind === 'error') {
        push(encodeExceptionEvent(ev.error.name, ev.error.message, codec.contentType, toBytes(codec.encode({ message: ev.error.message }, binding))));
        finish();
      } else finish();
    },
    response(requestId, close) {
      return {
        kind: 'stream',
        status: 200,
        headers: { 'content-type': EVENT_STREAM_CONTENT_TYPE, 'x-amzn-requestid': requestId },
        attach(w, e) {
          write = w;
          end = e;
          for (const frame of queue.splice(0)) w(frame);
          if (ended) e();
        },
        close() {
          if (!ended) close();
          ended = true;
        },
      };
    },
  };
}
