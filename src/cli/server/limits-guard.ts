/**
 * What keeps `npm run api` up under hostile traffic: a bound on every buffer and every wait.
 * - Request bodies: a cap per service, checked against Content-Length before reading and counted
 *   while reading, so an oversized body is refused with the service's error and never buffered.
 * - Slow clients: a deadline to choose a protocol (first bytes), to send the headers (HTTP/1) and
 *   to send the whole body (both protocols); idle keep-alive connections and HTTP/2 sessions close.
 * - Connections: a cap on open TCP connections; beyond it new ones are closed at once.
 * The http-server calls these; it owns protocols and routing, this module owns the numbers.
 * Node only (sockets and servers); no engine state is touched here.
 */
import type http from 'node:http';
import type http2 from 'node:http2';
import type net from 'node:net';

export interface ServerLimits {
  /** Open TCP connections at once; more are closed on accept. */
  readonly connectionsMax: number;
  /** From accept to the first bytes that tell HTTP/1 from HTTP/2. */
  readonly protocolSniffTimeoutMs: number;
  /** From the start of an HTTP/1 request to the end of its headers. */
  readonly headersTimeoutMs: number;
  /** From the start of a request to the last byte of its body (either protocol). */
  readonly bodyTimeoutMs: number;
  /** A keep-alive connection or HTTP/2 session with no traffic for this long is closed. */
  readonly idleTimeoutMs: number;
}

/** Pending connections the kernel queues before accept (it caps this at net.core.somaxconn). */
export const LISTEN_BACKLOG = 4_096;

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  connectionsMax: 16_384,
  protocolSniffTimeoutMs: 10_000,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 60_000,
  idleTimeoutMs: 60_000,
};

const MIB = 1_048_576;

/**
 * The body cap for a request, by service. Each is the service's largest legal request in its wire
 * encoding (blobs are base64 in JSON, 4/3 the bytes) with room for field names, rounded up:
 * - Kinesis: PutRecords carries ≤ 10 MiB including partition keys (the current API reference;
 *   the engine enforces the 5 MiB figure — shared/spec/data-streams.md §5), and one record may be up
 *   to 10 MiB with MaxRecordSizeInKiB
 *   (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html) → 16 MiB.
 * - Firehose: PutRecordBatch ≤ 4 MiB for the whole request
 *   (https://docs.aws.amazon.com/firehose/latest/APIReference/API_PutRecordBatch.html) → 8 MiB.
 * - S3 REST and anything else: a guard for this process, far below S3's 5 GiB single PUT
 *   (https://docs.aws.amazon.com/AmazonS3/latest/userguide/upload-objects.html) → 32 MiB.
 */
export function requestBodyBytesMax(target: string | undefined): number {
  if (target?.startsWith('Kinesis_20131202.')) return 16 * MIB;
  if (target?.startsWith('Firehose_20150804.')) return 8 * MIB;
  return 32 * MIB;
}

export type BodyFailure = 'too-large' | 'timeout';

export class BodyReadError extends Error {
  constructor(readonly failure: BodyFailure, readonly bytesMax: number, message: string) {
    super(message);
  }
}

type AnyRequest = http.IncomingMessage | http2.Http2ServerRequest;

function contentLengthOf(req: AnyRequest): number | undefined {
  const v = req.headers['content-length'];
  if (typeof v !== 'string' || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/**
 * Reads a whole body within `bytesMax` and `timeoutMs`. On either failure it stops buffering at
 * once (the rest of the body is discarded, never stored) and rejects with a BodyReadError.
 */
export function readBoundedBody(req: AnyRequest, bytesMax: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = contentLengthOf(req);
    if (declared !== undefined && declared > bytesMax) {
      req.resume();
      reject(new BodyReadError('too-large', bytesMax, `The request body of ${declared} bytes is over this operation's limit of ${bytesMax} bytes.`));
      return;
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const finish = (err: Error | undefined, body?: Buffer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.removeListener('data', onData);
      if (err) {
        chunks.length = 0;
        req.resume(); // keep draining so the peer is not stuck mid-write; nothing is kept
        reject(err);
      } else resolve(body!);
    };
    const onData = (c: Buffer): void => {
      bytes += c.length;
      if (bytes > bytesMax) {
        finish(new BodyReadError('too-large', bytesMax, `The request body is over this operation's limit of ${bytesMax} bytes.`));
        return;
      }
      chunks.push(c);
    };
    const timer = setTimeout(() => {
      finish(new BodyReadError('timeout', bytesMax, `The request body did not arrive within ${timeoutMs / 1000} s.`));
    }, timeoutMs);
    timer.unref();
    req.on('data', onData);
    req.on('end', () => finish(undefined, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on('error', (e: Error) => finish(e));
  });
}

/** The answer to a body that failed, in the shape of the service it was meant for. */
export function bodyFailureResponse(e: BodyReadError, target: string | undefined): { status: number; headers: Record<string, string>; body: string } {
  // Both close the connection: the unread rest of the body must not be parsed as a next request.
  if (target === undefined) {
    // S3 answers EntityTooLarge / RequestTimeout as XML error documents
    // (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList).
    const [status, code] = e.failure === 'too-large' ? [400, 'EntityTooLarge'] : [400, 'RequestTimeout'];
    const message = e.failure === 'too-large'
      ? `Your proposed upload exceeds the maximum allowed size (${e.bytesMax} bytes on this local endpoint).`
      : 'Your socket connection to the server was not read from or written to within the timeout period. Idle connections will be closed.';
    return { status, headers: { 'content-type': 'application/xml', connection: 'close' }, body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>` };
  }
  // The JSON services: a 413 for a body over the front end's limit (what AWS's front end sends
  // for an oversized request, see boto/boto3#1147), typed so the SDKs surface a named error.
  const [status, name] = e.failure === 'too-large' ? [413, 'SerializationException'] : [408, 'RequestTimeoutException'];
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': name, connection: 'close' },
    body: JSON.stringify({ __type: name, message: e.message }),
  };
}

/** Applies the connection cap, the HTTP/1 header and idle deadlines and the HTTP/2 session idle deadline. */
export function applyServerLimits(limits: ServerLimits, tcp: net.Server, h1: http.Server, h2: http2.Http2Server): void {
  tcp.maxConnections = limits.connectionsMax;
  // Node starts checking headersTimeout/requestTimeout when an http.Server emits 'listening'. This
  // one never listens (the TCP server hands it sockets), so without this the deadlines never fire.
  h1.emit('listening');
  h1.headersTimeout = limits.headersTimeoutMs;
  // requestTimeout covers headers and body on HTTP/1; readBoundedBody covers the body on both.
  h1.requestTimeout = limits.bodyTimeoutMs + limits.headersTimeoutMs;
  h1.keepAliveTimeout = limits.idleTimeoutMs;
  h1.timeout = limits.idleTimeoutMs + limits.bodyTimeoutMs;
  h2.setTimeout(limits.idleTimeoutMs); // with no listener, an idle session is destroyed
}

/**
 * Closes a fresh socket that does not send its first bytes in time (a client that connects and
 * waits would otherwise hold a connection slot forever). Returns the call that disarms it.
 */
export function armProtocolSniffDeadline(socket: net.Socket, limits: ServerLimits): () => void {
  const timer = setTimeout(() => socket.destroy(), limits.protocolSniffTimeoutMs);
  timer.unref();
  return () => clearTimeout(timer);
}
