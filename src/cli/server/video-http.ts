/**
 * Kinesis Video Streams on the local API server's port: PutMedia (a streamed request body answered
 * with a stream of JSON acknowledgements, one per line), GetMedia (a long-lived streamed MKV
 * response that follows the live edge), and every other video route through the engine's
 * VideoApi. Runs before the server buffers the body, so uploads are handled as they arrive.
 * PutMedia: https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_dataplane_PutMedia.html
 */
import type http from 'node:http';
import type http2 from 'node:http2';
import { AwsServiceError } from '../../engine/api/result';
import { errorResponse, isVideoPath, VideoApi, type VideoResponse } from '../../engine/api/video/video-api';
import type { Simulation } from '../../engine/simulation';
import { VideoService } from '../../engine/video/video-service';

type AnyRequest = http.IncomingMessage | http2.Http2ServerRequest;
type AnyResponse = http.ServerResponse | http2.Http2ServerResponse;

/** Handles the request and returns true, or returns false when it is not a video route. */
/**
 * `authorize` checks the request's signature (when the server requires one) and answers the refusal
 * itself; `undefined` as the body means a streamed upload whose payload is unsigned.
 */
export type StreamHandler = (
  req: AnyRequest, res: AnyResponse, cors: Record<string, string>, beforeRequest?: () => void, authorize?: (body: Buffer | undefined) => boolean,
) => boolean;

/** Bodies of the JSON operations are small; PutMedia is streamed and not bounded by this. */
const JSON_BODY_BYTES_MAX = 1_048_576;
const GET_MEDIA_POLL_MS = 100;

export interface VideoServer {
  readonly service: VideoService;
  readonly api: VideoApi;
  readonly handler: StreamHandler;
}

export function attachVideoStreams(sim: Simulation, options: { region?: string; accountId?: string; transitionDelayMs?: number }, endpoint: () => string): VideoServer {
  const service = sim.attach(new VideoService(sim, options));
  const api = new VideoApi(service, endpoint);
  const handler: StreamHandler = (req, res, cors, beforeRequest, authorize = () => true) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!isVideoPath(url.pathname)) return false;
    beforeRequest?.();
    if (url.pathname === '/putMedia') {
      if (authorize(undefined)) putMedia(api, req, res, cors, beforeRequest);
      else req.resume();
    } else buffered(api, req, res, cors, url, beforeRequest, authorize);
    return true;
  };
  return { service, api, handler };
}

function header(req: AnyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function sendResponse(res: AnyResponse, cors: Record<string, string>, response: VideoResponse): void {
  const r = response as Exclude<VideoResponse, { kind: 'get-media' }>;
  const body = r.kind === 'json' ? JSON.stringify(r.body) : r.body;
  const headers: Record<string, string> = {
    ...cors,
    'content-type': r.kind === 'json' ? 'application/json' : r.contentType,
    'content-length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength),
    'x-amzn-requestid': requestId(),
    ...(r.kind === 'json' ? r.headers ?? {} : {}),
  };
  (res as http.ServerResponse).writeHead(r.status, headers);
  res.end(body);
}

let counter = 0;
function requestId(): string {
  counter = (counter + 1) % 0xffffffff;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

function buffered(
  api: VideoApi, req: AnyRequest, res: AnyResponse, cors: Record<string, string>, url: URL, beforeRequest: (() => void) | undefined, authorize: (body: Buffer) => boolean,
): void {
  const chunks: Buffer[] = [];
  let bytes = 0;
  req.on('data', (c: Buffer) => {
    bytes += c.length;
    if (bytes <= JSON_BODY_BYTES_MAX) chunks.push(c);
  });
  req.on('end', () => {
    beforeRequest?.();
    if (bytes > JSON_BODY_BYTES_MAX) {
      sendResponse(res, cors, errorResponse(new AwsServiceError('InvalidArgumentException', `The request body is over ${JSON_BODY_BYTES_MAX} bytes.`)));
      return;
    }
    const body = Buffer.concat(chunks);
    if (!authorize(body)) return;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (!k.startsWith(':') && v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const r = api.handle({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, body });
    if (!r) return;
    if (r.kind !== 'get-media') {
      sendResponse(res, cors, r);
      return;
    }
    // GetMedia: stream what is there, then follow the live edge until the client hangs up.
    (res as http.ServerResponse).writeHead(200, { ...cors, 'content-type': r.contentType, 'x-amzn-requestid': requestId() });
    const pump = (): void => {
      beforeRequest?.();
      for (const chunk of r.reader.next()) (res as http.ServerResponse).write(chunk);
    };
    pump();
    const timer = setInterval(pump, GET_MEDIA_POLL_MS);
    const stop = (): void => {
      clearInterval(timer);
      r.reader.close();
    };
    res.on('close', stop);
    req.on('close', stop);
  });
}

/** x-amzn-producer-start-timestamp: epoch seconds (fractional allowed) or, if large, milliseconds. */
export function parseProducerStart(v: string | undefined, nowMs: number): number {
  if (v === undefined) return nowMs;
  const n = Number(v);
  if (!Number.isFinite(n)) return Number.NaN;
  return n > 1e11 ? n : n * 1000;
}

function putMedia(api: VideoApi, req: AnyRequest, res: AnyResponse, cors: Record<string, string>, beforeRequest?: () => void): void {
  let session;
  try {
    session = api.service.openPutMedia(
      { StreamName: header(req, 'x-amzn-stream-name'), StreamARN: header(req, 'x-amzn-stream-arn') },
      header(req, 'x-amzn-fragment-timecode-type') ?? '',
      parseProducerStart(header(req, 'x-amzn-producer-start-timestamp'), api.service.nowMs),
    );
  } catch (e) {
    if (!(e instanceof AwsServiceError)) throw e;
    req.resume();
    sendResponse(res, cors, errorResponse(e));
    return;
  }
  const s = session;
  (res as http.ServerResponse).writeHead(200, { ...cors, 'content-type': 'application/json', 'x-amzn-requestid': requestId() });
  const send = (acks: readonly object[]): void => {
    for (const a of acks) (res as http.ServerResponse).write(`${JSON.stringify(a)}\n`);
  };
  req.on('data', (chunk: Buffer) => {
    beforeRequest?.();
    send(s.write(chunk));
    if (s.isClosed) {
      req.removeAllListeners('data');
      req.resume();
      res.end();
    }
  });
  req.on('end', () => {
    beforeRequest?.();
    send(s.end());
    res.end();
  });
  req.on('close', () => s.close());
}
