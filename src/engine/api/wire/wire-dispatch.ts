/**
 * The AWS JSON-1.1 (and, with a codec, CBOR-1.1) request dispatcher: X-Amz-Target → API and
 * operation, body → wire document, ApiResult → HTTP status/headers/body, SubscribeToShard →
 * event stream. Transport-free and pure, so the Node server and the in-page SDK handler share it.
 */
import type { ApiErrorShape } from '../result';
import { NO_OUTPUT } from '../result';
import { Prng } from '../../random/prng';
import { encodeEvent, encodeExceptionEvent } from './event-stream';
import type {
  ApiBinding, BodyCodec, BufferedWireResponse, StreamingWireResponse, SubscriptionEvent, WireRequest, WireResponse,
} from './wire-types';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';
export const EVENT_STREAM_CONTENT_TYPE = 'application/vnd.amazon.eventstream';

const textDecoder = new TextDecoder();

export const jsonCodec: BodyCodec = {
  contentType: JSON_CONTENT_TYPE,
  decode(body) {
    if (body.length === 0) return {};
    const doc: unknown = JSON.parse(textDecoder.decode(body));
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('the body is not a JSON object');
    return doc as Record<string, unknown>;
  },
  encode(doc) {
    return JSON.stringify(doc);
  },
};

/**
 * Request ids in the shape AWS uses (UUID v4 text); not security-relevant. Drawn from a fixed-seed
 * Prng rather than Math.random, as everything in the engine is, so a replayed session repeats them.
 */
const requestIds = new Prng('x-amzn-requestid');

export function newRequestId(): string {
  return requestIds.uuid();
}

export class WireDispatcher {
  private readonly byPrefix = new Map<string, ApiBinding>();
  private readonly codecs = new Map<string, BodyCodec>();

  constructor(bindings: readonly ApiBinding[] = [], codecs: readonly BodyCodec[] = [jsonCodec]) {
    for (const b of bindings) this.register(b);
    for (const c of codecs) this.codecs.set(c.contentType, c);
  }

  register(binding: ApiBinding): void {
    this.byPrefix.set(binding.api.targetPrefix, binding);
  }

  addCodec(codec: BodyCodec): void {
    this.codecs.set(codec.contentType, codec);
  }

  /** The codec for a Content-Type header value; JSON when absent or unknown (as lenient as the CLI needs). */
  codecFor(contentType: string | undefined): BodyCodec {
    if (contentType) {
      const bare = contentType.split(';', 1)[0].trim().toLowerCase();
      const codec = this.codecs.get(bare);
      if (codec) return codec;
    }
    return jsonCodec;
  }

  dispatch(req: WireRequest): WireResponse {
    const codec = this.codecFor(req.contentType);
    const dot = req.target.lastIndexOf('.');
    const binding = dot > 0 ? this.byPrefix.get(req.target.slice(0, dot)) : undefined;
    const operation = req.target.slice(dot + 1);
    // AWS operation names are PascalCase words; anything else (e.g. "__proto__") names no operation.
    if (!binding || !/^[A-Z][A-Za-z0-9]{0,127}$/.test(operation)) {
      return errorResponse(codec, undefined, 'UnknownOperationException', `Operation ${req.target} is not supported by this endpoint.`, 400);
    }
    if (!req.authenticated) {
      return errorResponse(codec, binding, 'MissingAuthenticationTokenException', 'Missing Authentication Token', 400);
    }
    let body: Record<string, unknown>;
    try {
      body = codec.decode(req.body);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return errorResponse(codec, binding, 'SerializationException', `Could not read the request body as ${codec.contentType}: ${why}`, 400);
    }
    if (operation === 'SubscribeToShard' && binding.api.subscribeToShard) return this.subscribe(codec, binding, body);
    let result;
    try {
      result = binding.api.handle(operation, body);
    } catch (e) {
      // A throw from the engine is a bug, not an AWS error: answer like the service's own fault.
      console.error(`[api] ${req.target} failed:`, e);
      return errorResponse(codec, binding, 'InternalFailure', `Internal failure while handling ${operation}: ${e instanceof Error ? e.message : String(e)}`, 500);
    }
    if (!result.ok) return errorFromShape(codec, binding, result.error);
    return {
      kind: 'buffered',
      status: 200,
      headers: { 'content-type': codec.contentType, 'x-amzn-requestid': newRequestId() },
      // An operation without an output shape answers with an empty body, as AWS does.
      body: result.value === NO_OUTPUT ? '' : codec.encode(result.value, binding),
    };
  }

  private subscribe(codec: BodyCodec, binding: ApiBinding, body: Record<string, unknown>): WireResponse {
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
    const sink = (ev: SubscriptionEvent): void => {
      if (ev.kind === 'event') push(encodeEvent('SubscribeToShardEvent', codec.encode(ev.event, binding), codec.contentType));
      else if (ev.kind === 'error') {
        push(encodeExceptionEvent(ev.error.name, ev.error.message, codec.contentType,
          toBytes(codec.encode({ message: ev.error.message }, binding))));
        finish();
      } else finish();
    };
    const result = binding.api.subscribeToShard!(body, sink);
    if (!result.ok) return errorFromShape(codec, binding, result.error);
    const subscription = result.value;
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
        if (!ended) subscription.close();
        ended = true;
      },
    };
    return response;
  }
}

const textEncoder = new TextEncoder();
function toBytes(body: Uint8Array | string): Uint8Array {
  return typeof body === 'string' ? textEncoder.encode(body) : body;
}

export function errorFromShape(codec: BodyCodec, binding: ApiBinding | undefined, error: ApiErrorShape): BufferedWireResponse {
  return errorResponse(codec, binding, error.name, error.message, error.httpStatus);
}

/** The AWS JSON error answer: `{"__type", "message"}` plus `x-amzn-ErrorType`, which the SDKs read first. */
export function errorResponse(
  codec: BodyCodec, binding: ApiBinding | undefined, name: string, message: string, status: number,
): BufferedWireResponse {
  return {
    kind: 'buffered',
    status,
    headers: { 'content-type': codec.contentType, 'x-amzn-requestid': newRequestId(), 'x-amzn-errortype': name },
    body: codec.encode({ __type: name, message }, binding),
  };
}
