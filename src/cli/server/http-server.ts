/**
 * One TCP port that serves both HTTP/1.1 (AWS CLI, browsers, fetch) and cleartext HTTP/2 with
 * prior knowledge (the Node AWS SDK's default handler). Each new connection is sniffed for the
 * HTTP/2 client preface and handed to the matching Node server. Requests carrying X-Amz-Target
 * go to the WireDispatcher; others to the REST handlers (S3 path-style), else 404.
 */
import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { errorResponse, jsonCodec, newRequestId, type WireDispatcher } from '../../engine/api/wire/wire-dispatch';
import type { WireResponse } from '../../engine/api/wire/wire-types';
import type { TargetHandler } from './sqs-handler';
import { authErrorResponse, type AuthProtocol } from './sigv4-errors';
import { verifySigV4, type SigV4Config, type SignedRequest } from './sigv4';
import type { RestHandler, RestResponse } from './types';
import type { StreamHandler } from './video-http';
import {
  applyServerLimits, armProtocolSniffDeadline, BodyReadError, bodyFailureResponse, DEFAULT_SERVER_LIMITS, LISTEN_BACKLOG, readBoundedBody, requestBodyBytesMax,
  type ServerLimits,
} from './limits-guard';

const H2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

export interface ApiHttpServerOptions {
  readonly dispatcher: WireDispatcher;
  readonly restHandlers?: readonly RestHandler[];
  /** Handlers that take a request before its body is buffered (streamed uploads such as KVS PutMedia); true = handled. */
  readonly streamHandlers?: readonly StreamHandler[];
  /** Asynchronous X-Amz-Target services tried before the dispatcher (SQS, whose long polls wait). */
  readonly targetHandlers?: readonly TargetHandler[];
  /** Verify AWS Signature Version 4 on every request before dispatch; absent = accept any credentials. */
  readonly sigv4?: SigV4Config;
  /** Called before each request is handled (e.g. to bring the virtual clock up to wall time). */
  readonly beforeRequest?: () => void;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Connection cap and slow-client deadlines (limits-guard.ts); defaults suit a laptop. */
  readonly limits?: ServerLimits;
}

export interface RunningHttpServer {
  readonly host: string;
  readonly port: number;
  /** e.g. "http://127.0.0.1:4567". */
  readonly endpoint: string;
  close(): Promise<void>;
}

type AnyRequest = http.IncomingMessage | http2.Http2ServerRequest;
type AnyResponse = http.ServerResponse | http2.Http2ServerResponse;

const CORS_EXPOSE = 'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, x-amz-id-2, x-amz-request-id, ETag, Content-Length, Content-Range, Last-Modified, Date';
/**
 * Headers the AWS SDK for JavaScript sends from a browser, allowed when a preflight does not list
 * its own (a preflight's Access-Control-Request-Headers is echoed instead, whatever it names).
 */
const CORS_ALLOW_HEADERS = 'authorization, content-type, x-amz-target, x-amz-date, x-amz-security-token, x-amz-content-sha256, x-amz-user-agent, x-amz-api-version, amz-sdk-invocation-id, amz-sdk-request, x-amz-decoded-content-length, content-encoding, range';

function corsHeaders(req: AnyRequest): Record<string, string> {
  const origin = req.headers.origin;
  const requested = req.headers['access-control-request-headers'];
  // Chrome's Private Network Access: a page served from a public origin (e.g. the static console
  // on GitHub Pages) may call this loopback server only if the preflight allows it explicitly.
  const privateNetwork: Record<string, string> = req.headers['access-control-request-private-network'] === 'true'
    ? { 'access-control-allow-private-network': 'true' } : {};
  return {
    ...privateNetwork,
    'access-control-allow-origin': typeof origin === 'string' ? origin : '*',
    'access-control-allow-methods': 'GET, POST, PUT, DELETE, HEAD, OPTIONS',
    'access-control-allow-headers': typeof requested === 'string' ? requested : CORS_ALLOW_HEADERS,
    'access-control-expose-headers': CORS_EXPOSE,
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

function headerText(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join(', ') : v;
}

/** The largest body any service accepts here (S3 REST); each service's own cap is in limits-guard.ts. */
export const REQUEST_BODY_BYTES_MAX = requestBodyBytesMax(undefined);

/**
 * Writes a whole response. A HEAD answer keeps the Content-Length its handler set (the length the
 * GET would have, as S3's HeadObject reports it) and sends no body.
 */
function send(res: AnyResponse, status: number, headers: Record<string, string>, body: Uint8Array | string, head = false): void {
  if (head && headers['content-length'] !== undefined) {
    (res as http.ServerResponse).writeHead(status, headers);
    res.end();
    return;
  }
  headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
  (res as http.ServerResponse).writeHead(status, headers);
  res.end(body);
}

function sendWire(req: AnyRequest, res: AnyResponse, wire: WireResponse, cors: Record<string, string>): void {
  if (wire.kind === 'buffered') {
    send(res, wire.status, { ...cors, ...wire.headers }, wire.body);
    return;
  }
  (res as http.ServerResponse).writeHead(wire.status, { ...cors, ...wire.headers });
  const stop = (): void => wire.close();
  (res as http.ServerResponse).on('close', stop);
  (req as http.IncomingMessage).on('close', stop);
  const out = res as http.ServerResponse;
  wire.attach((frame) => { out.write(frame); }, () => { out.end(); });
}

async function handle(options: ApiHttpServerOptions, req: AnyRequest, res: AnyResponse): Promise<void> {
  const cors = corsHeaders(req);
  if (req.method === 'OPTIONS') {
    req.resume();
    send(res, 204, cors, '');
    return;
  }
  // A streamed request is verified by its handler once it knows the body (or, for an unbounded upload
  // such as PutMedia, from its headers with an unsigned payload, as the SDK signs a stream).
  const authorize = (body: Buffer | undefined): boolean => !options.sigv4 || checkSignature(options, req, res, body ?? Buffer.alloc(0), undefined, cors, body === undefined);
  for (const h of options.streamHandlers ?? []) if (h(req, res, cors, options.beforeRequest, authorize)) return;
  const target = headerText(req.headers['x-amz-target']);
  const body = await readBoundedBody(req, requestBodyBytesMax(target), (options.limits ?? DEFAULT_SERVER_LIMITS).bodyTimeoutMs);
  options.beforeRequest?.();
  if (options.sigv4 && !checkSignature(options, req, res, body, target, cors)) return;
  if (target) {
    let closed = false;
    res.on('close', () => { closed = true; });
    for (const h of options.targetHandlers ?? []) {
      const answer = await h({ target, body, closed: () => closed });
      if (answer) {
        if (!closed) send(res, answer.status, { ...cors, ...answer.headers }, answer.body ?? '');
        return;
      }
    }
    const wire = options.dispatcher.dispatch({
      target,
      contentType: headerText(req.headers['content-type']),
      authenticated: req.headers.authorization !== undefined || (req.url ?? '').includes('X-Amz-Credential='),
      body,
    });
    sendWire(req, res, wire, cors);
    return;
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (!k.startsWith(':') && v !== undefined) headers[k] = headerText(v)!;
  let path: string;
  let url: URL;
  try {
    // Origin-form paths are appended to a fixed origin rather than resolved against it, so "//x"
    // stays a path (resolving would read it as a host); absolute-form request targets parse as is.
    const target = req.url ?? '/';
    url = target.startsWith('/') ? new URL(`http://localhost${target}`) : new URL(target);
    path = decodeURIComponent(url.pathname);
  } catch {
    // S3's answer to a path with broken percent-encoding (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
    send(res, 400, { ...cors, 'content-type': 'application/xml' }, '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InvalidURI</Code><Message>Couldn\'t parse the specified URI.</Message></Error>');
    return;
  }
  const restReq = { method: req.method ?? 'GET', path, query: url.searchParams, headers, body };
  for (const rest of options.restHandlers ?? []) {
    const answer: RestResponse | undefined = await rest(restReq);
    if (answer) {
      send(res, answer.status, { 'x-amzn-requestid': newRequestId(), ...cors, ...answer.headers }, answer.body ?? '', req.method === 'HEAD');
      return;
    }
  }
  if (req.method === 'POST') {
    const wire = errorResponse(jsonCodec, undefined, 'UnknownOperationException', 'Missing X-Amz-Target header: name the operation as <Service_Version>.<Operation>.', 400);
    sendWire(req, res, wire, cors);
    return;
  }
  send(res, 404, { ...cors, 'content-type': 'application/json' }, JSON.stringify({ message: `No handler for ${req.method} ${url.pathname}` }));
}

/** The request as signed: raw target, headers by lower-case name in arrival order, body. */
function signedRequestOf(req: AnyRequest, body: Buffer, unsignedPayload = false): SignedRequest {
  const headers = new Map<string, string[]>();
  // Not a signed header, so it only tells the verifier which payload hash the signer used.
  if (unsignedPayload && req.headers['x-amz-content-sha256'] === undefined) headers.set('x-amz-content-sha256', ['UNSIGNED-PAYLOAD']);
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    const list = headers.get(name);
    if (list) list.push(raw[i + 1]);
    else headers.set(name, [raw[i + 1]]);
  }
  return { method: req.method ?? 'GET', url: req.url ?? '/', headers, body };
}

/** Which error dialect a refused request gets: the JSON/CBOR wire for X-Amz-Target, S3 XML for S3, else REST-JSON. */
function authProtocolOf(options: ApiHttpServerOptions, req: AnyRequest, target: string | undefined, service: string | undefined): AuthProtocol {
  if (target) return { kind: 'wire', codec: options.dispatcher.codecFor(headerText(req.headers['content-type'])) };
  const contentType = headerText(req.headers['content-type']) ?? '';
  if (service !== undefined) return service === 's3' ? { kind: 's3' } : { kind: 'rest-json' };
  // Unsigned (or unparseable) requests: S3 clients send x-amz-content-sha256; REST-JSON APIs send JSON.
  if (req.headers['x-amz-content-sha256'] !== undefined || !contentType.includes('json')) return { kind: 's3' };
  return { kind: 'rest-json' };
}

/** Verifies SigV4; on failure answers with the protocol's AWS error and returns false. */
function checkSignature(options: ApiHttpServerOptions, req: AnyRequest, res: AnyResponse, body: Buffer, target: string | undefined, cors: Record<string, string>, unsignedPayload = false): boolean {
  const signed = signedRequestOf(req, body, unsignedPayload);
  const result = verifySigV4(signed, options.sigv4 as SigV4Config);
  if (result.ok) return true;
  const f = result.failure;
  const service = 'service' in f ? f.service : undefined;
  const answer = authErrorResponse(f, authProtocolOf(options, req, target, service), req.method ?? 'GET');
  send(res, answer.status, { 'x-amzn-requestid': newRequestId(), ...cors, ...answer.headers }, answer.body);
  return false;
}

export async function startApiHttpServer(options: ApiHttpServerOptions): Promise<RunningHttpServer> {
  const onRequest = (req: AnyRequest, res: AnyResponse): void => {
    handle(options, req, res).catch((e: unknown) => {
      if (e instanceof BodyReadError) {
        const answer = bodyFailureResponse(e, headerText(req.headers['x-amz-target']));
        if (!res.headersSent) send(res, answer.status, { ...corsHeaders(req), ...answer.headers }, answer.body);
        return;
      }
      console.error('[api] request failed:', e);
      // CORS headers on failures too, or a browser reports a network error instead of the failure.
      if (!res.headersSent) send(res, 500, { ...corsHeaders(req), 'content-type': 'application/json' }, JSON.stringify({ __type: 'InternalFailure', message: String(e) }));
      else res.end();
    });
  };
  const limits = options.limits ?? DEFAULT_SERVER_LIMITS;
  const h1 = http.createServer({ connectionsCheckingInterval: 1_000 }, onRequest);
  const h2 = http2.createServer({ settings: { maxConcurrentStreams: 1000 } }, onRequest);
  const sockets = new Set<net.Socket>();
  const sessions = new Set<http2.ServerHttp2Session>();
  h2.on('session', (s) => {
    sessions.add(s);
    s.on('close', () => sessions.delete(s));
  });

  const tcp = net.createServer((socket) => {
    sockets.add(socket);
    const disarmSniff = armProtocolSniffDeadline(socket, limits);
    socket.on('close', () => sockets.delete(socket));
    socket.setNoDelay(true);
    let seen: Buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      seen = seen.length === 0 ? chunk : Buffer.concat([seen, chunk]);
      const n = Math.min(seen.length, H2_PREFACE.length);
      const looksH2 = seen.subarray(0, n).equals(H2_PREFACE.subarray(0, n));
      if (looksH2 && seen.length < H2_PREFACE.length) return; // need the whole preface to decide
      socket.removeListener('data', onData);
      disarmSniff();
      socket.pause();
      if (looksH2) {
        // The HTTP/2 session reads what is still buffered on the socket before taking over its handle.
        socket.unshift(seen);
        h2.emit('connection', socket);
      } else {
        // The HTTP/1 parser consumes the socket handle directly, so bytes put back with unshift()
        // would never reach it; replay them as a 'data' event, which its JS listener parses.
        h1.emit('connection', socket);
        socket.emit('data', seen);
      }
    };
    socket.on('data', onData);
    socket.on('error', () => socket.destroy());
  });
  applyServerLimits(limits, tcp, h1, h2);

  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1', backlog: LISTEN_BACKLOG }, () => resolve());
  });
  const address = tcp.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    host,
    port: address.port,
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    close: () => new Promise<void>((resolve) => {
      for (const s of sessions) s.destroy();
      for (const s of sockets) s.destroy();
      h1.close();
      h2.close();
      tcp.close(() => resolve());
    }),
  };
}
