/**
 * An AWS SDK v3 `HttpHandler` that answers from the in-page engine instead of the network, so
 * `new KinesisClient({ requestHandler: new EngineRequestHandler(api), region, credentials })`
 * works in a browser tab (or in Node tests) with no server. It receives the real wire request
 * (X-Amz-Target + JSON body, already signed) and replies with the real wire response, including
 * SubscribeToShard event streams as a ReadableStream. Pure TypeScript: no React, no Node APIs.
 */
import { HttpResponse, type HttpHandler, type HttpRequest } from '@smithy/core/protocols';
import type { HttpHandlerOptions } from '@smithy/types';
import type { JsonServiceApi } from '../../engine/api/result';
import { errorResponse, jsonCodec, WireDispatcher } from '../../engine/api/wire/wire-dispatch';
import type { ApiBinding, WireRequest, WireResponse } from '../../engine/api/wire/wire-types';

/** Where requests go: a dispatcher, API bindings, or an async function (e.g. one forwarding to the sim worker). */
export type EngineTarget =
  | WireDispatcher
  | readonly (ApiBinding | JsonServiceApi)[]
  | ((req: WireRequest) => WireResponse | Promise<WireResponse>);

export interface EngineRequestHandlerOptions {
  /** Called before each request, e.g. to bring the virtual clock up to date. */
  readonly beforeRequest?: () => void;
}

const utf8 = new TextEncoder();

function toBytes(body: unknown): Uint8Array {
  if (body === undefined || body === null) return new Uint8Array(0);
  if (typeof body === 'string') return utf8.encode(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  throw new Error('EngineRequestHandler: streaming request bodies are not supported');
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

function asDispatch(target: EngineTarget): (req: WireRequest) => WireResponse | Promise<WireResponse> {
  if (target instanceof WireDispatcher) return (req) => target.dispatch(req);
  if (typeof target === 'function') return target;
  const bindings = target.map((t): ApiBinding => ('api' in t ? t : { api: t }));
  const dispatcher = new WireDispatcher(bindings);
  return (req) => dispatcher.dispatch(req);
}

export class EngineRequestHandler implements HttpHandler<Record<string, never>> {
  private readonly dispatch: (req: WireRequest) => WireResponse | Promise<WireResponse>;

  constructor(target: EngineTarget, private readonly options: EngineRequestHandlerOptions = {}) {
    this.dispatch = asDispatch(target);
  }

  async handle(request: HttpRequest, handlerOptions: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const abortSignal = handlerOptions.abortSignal as AbortSignal | undefined;
    if (abortSignal?.aborted) throw abortError();
    this.options.beforeRequest?.();
    const target = headerValue(request.headers, 'x-amz-target');
    const wire: WireResponse = target
      ? await this.dispatch({
        target,
        contentType: headerValue(request.headers, 'content-type'),
        authenticated: headerValue(request.headers, 'authorization') !== undefined,
        body: toBytes(request.body),
      })
      : errorResponse(jsonCodec, undefined, 'UnknownOperationException', 'The in-page engine only answers X-Amz-Target JSON requests.', 400);
    if (wire.kind === 'buffered') {
      const body = typeof wire.body === 'string' ? utf8.encode(wire.body) : wire.body;
      return { response: new HttpResponse({ statusCode: wire.status, headers: { ...wire.headers, 'content-length': String(body.byteLength) }, body }) };
    }
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        wire.attach((frame) => controller.enqueue(frame), () => {
          try { controller.close(); } catch { /* already cancelled by the reader */ }
        });
        abortSignal?.addEventListener('abort', () => {
          wire.close();
          try { controller.error(abortError()); } catch { /* already closed */ }
        });
      },
      cancel() {
        wire.close();
      },
    });
    return { response: new HttpResponse({ statusCode: wire.status, headers: wire.headers, body }) };
  }

  updateHttpClientConfig(): void {
    // Nothing to configure: there is no connection.
  }

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {
    // No sockets to release.
  }
}

function abortError(): Error {
  const e = new Error('Request aborted');
  e.name = 'AbortError';
  return e;
}
