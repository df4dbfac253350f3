/**
 * The AWS JSON-1.1 (and, with a codec, CBOR-1.1) request dispatcher: X-Amz-Target → API and
 * operation, body → wire document, ApiResult → HTTP status/headers/body, SubscribeToShard →
 * event stream. Transport-free and pure, so the Node server and the in-page SDK handler share it.
 */
import type { ApiErrorShape } from '../result';
import { NO_OUTPUT } from '../result';
import { Prng } from '../../random/prng';
import { eventStreamBuilder } from './event-stream-response';
import type { ApiBinding, BodyCodec, BufferedWireResponse, WireRequest, WireResponse } from './wire-types';

export { EVENT_STREAM_CONTENT_TYPE } from './event-stream-response';
export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

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
    const routed = routeWireRequest(req, codec, (prefix) => this.byPrefix.get(prefix));
    if (routed.kind === 'answer') return routed.response;
    const { binding, operation, body } = routed;
    if (operation === 'SubscribeToShard' && binding.api.subscribeToShard) {
      const stream = eventStreamBuilder(codec, binding);
      const result = binding.api.subscribeToShard(body, stream.sink);
      if (!result.ok) return errorFromShape(codec, binding, result.error);
      return stream.response(newRequestId(), () => result.value.close());
    }
    let result;
    try {
      result = binding.api.handle(operation, body);
    } catch (e) {
      // A throw from the engine is a bug, not an AWS error: answer like the service's own fault.
      console.error(`[api] ${req.target} failed:`, e);
      return errorResponse(codec, binding, 'InternalFailure', `Internal failure while handling ${operation}: ${e instanceof Error ? e.message : String(e)}`, 500);
    }
    if (!result.ok) return errorFromShape(codec, binding, result.error);
    return okResponse(codec, binding, result.value === NO_OUTPUT ? undefined : result.value);
  }
}

/** A request routed to its API, or the error answer that ends it (unknown target, no credentials, unreadable body). */
export type RoutedWireRequest<B> =
  | { readonly kind: 'call'; readonly binding: B; readonly prefix: string; readonly operation: string; readonly body: Record<string, unknown> }
  | { readonly kind: 'answer'; readonly response: BufferedWireResponse };

/**
 * X-Amz-Target → served API and operation, the credentials check, body → wire document: the front half
 * every door shares (this dispatcher, and the playground's asynchronous wire whose APIs live in another worker).
 * Error documents hold no blob or timestamp members, so they are encoded without the API's binding.
 */
export function routeWireRequest<B>(req: WireRequest, codec: BodyCodec, served: (prefix: string) => B | undefined): RoutedWireRequest<B> {
  const dot = req.target.lastIndexOf('.');
  const prefix = req.target.slice(0, dot);
  const binding = dot > 0 ? served(prefix) : undefined;
  const operation = req.target.slice(dot + 1);
  // AWS operation names are PascalCase words; anything else (e.g. "__proto__") names no operation.
  if (binding === undefined || !/^[A-Z][A-Za-z0-9]{0,127}$/.test(operation)) {
    return { kind: 'answer', response: errorResponse(codec, undefined, 'UnknownOperationException', `Operation ${req.target} is not supported by this endpoint.`, 400) };
  }
  if (!req.authenticated) {
    return { kind: 'answer', response: errorResponse(codec, undefined, 'MissingAuthenticationTokenException', 'Missing Authentication Token', 400) };
  }
  try {
    return { kind: 'call', binding, prefix, operation, body: codec.decode(req.body) };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { kind: 'answer', response: errorResponse(codec, undefined, 'SerializationException', `Could not read the request body as ${codec.contentType}: ${why}`, 400) };
  }
}

/** The 200 answer; `value` undefined for an operation without an output shape (an empty body, as AWS sends). */
export function okResponse(codec: BodyCodec, binding: ApiBinding | undefined, value: Record<string, unknown> | undefined): BufferedWireResponse {
  return {
    kind: 'buffered',
    status: 200,
    headers: { 'content-type': codec.contentType, 'x-amzn-requestid': newRequestId() },
    body: value === undefined ? '' : codec.encode(value, binding),
  };
}

/** An error as data (the engine's ApiErrorShape, or a worker's error without a status: 400, a client error) as the wire answer. */
export function errorFromShape(codec: BodyCodec, binding: ApiBinding | undefined, error: Pick<ApiErrorShape, 'name' | 'message'> & { readonly httpStatus?: number }): BufferedWireResponse {
  return errorResponse(codec, binding, error.name, error.message, error.httpStatus ?? 400);
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
