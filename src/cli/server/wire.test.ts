/**
 * The wire layer against a fake API: event-stream framing (checked with the SDK's own codec),
 * CBOR conversion, dispatcher errors, and the one-port HTTP/1.1 + h2c server with CORS and the
 * REST fallback. The real engine is exercised in kinesis-sdk.test.ts.
 */
import { KinesisClient, SubscribeToShardCommand } from '@aws-sdk/client-kinesis';
import { EventStreamCodec } from '@smithy/core/event-streams';
import { encode as cborEncode, Tag } from 'cbor-x';
import fc from 'fast-check';
import http2 from 'node:http2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc32, decodeEventStreamMessages, encodeEventStreamMessage } from '../../engine/api/wire/event-stream';
import { WireDispatcher } from '../../engine/api/wire/wire-dispatch';
import type { StreamingJsonServiceApi } from '../../engine/api/wire/wire-types';
import { CBOR_CONTENT_TYPE, cborCodec, decodeCborResponse } from './cbor-codec';
import { REQUEST_BODY_BYTES_MAX, startApiHttpServer, type RunningHttpServer } from './http-server';
import type { RestHandler } from './types';

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

let lastBody: Record<string, unknown> = {};
const echoApi: StreamingJsonServiceApi = {
  targetPrefix: 'Echo_20200101',
  handle(operation, body) {
    lastBody = body;
    if (operation === 'Echo') return { ok: true, value: { Got: body, Data: body.Data ?? null, At: 1700000000.5 } };
    if (operation === 'Boom') throw new Error('engine bug');
    return { ok: false, error: { name: 'ResourceNotFoundException', message: `no ${operation}`, httpStatus: 400, retryable: false } };
  },
};
const binding = { api: echoApi, blobFields: ['Data'], timestampFields: ['At'] };
const dispatcher = new WireDispatcher([binding], [cborCodec]);

describe('event-stream framing', () => {
  it('crc32 matches the IEEE check value', () => {
    expect(crc32(utf8.encode('123456789'))).toBe(0xcbf43926);
  });

  it('frames that the AWS SDK codec decodes (property)', () => {
    const codec = new EventStreamCodec((s: Uint8Array) => fromUtf8.decode(s), (s: string) => utf8.encode(s));
    fc.assert(fc.property(
      fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ maxLength: 40 }), { maxKeys: 5 }),
      fc.uint8Array({ maxLength: 300 }),
      (headers, payload) => {
        const frame = encodeEventStreamMessage(headers, payload);
        const decoded = codec.decode(frame);
        expect(Object.fromEntries(Object.entries(decoded.headers).map(([k, v]) => [k, v.value]))).toEqual(headers);
        expect(Array.from(decoded.body)).toEqual(Array.from(payload));
        const ours = decodeEventStreamMessages(frame);
        expect(ours.messages[0].headers).toEqual(headers);
        expect(ours.rest.length).toBe(0);
      },
    ), { seed: 42 });
  });

  it('keeps an incomplete trailing frame for the next chunk and detects corruption', () => {
    const a = encodeEventStreamMessage({ ':event-type': 'x' }, 'one');
    const b = encodeEventStreamMessage({ ':event-type': 'y' }, 'two');
    const joined = new Uint8Array([...a, ...b.subarray(0, 10)]);
    const { messages, rest } = decodeEventStreamMessages(joined);
    expect(messages.map((m) => fromUtf8.decode(m.payload))).toEqual(['one']);
    expect(rest.length).toBe(10);
    const bad = a.slice();
    bad[bad.length - 6] ^= 1;
    expect(() => decodeEventStreamMessages(bad)).toThrow(/CRC/);
  });
});

describe('dispatcher', () => {
  const call = (target: string, body: string | Uint8Array, extra: { contentType?: string; authenticated?: boolean } = {}) =>
    dispatcher.dispatch({
      target,
      contentType: extra.contentType ?? 'application/x-amz-json-1.1',
      authenticated: extra.authenticated ?? true,
      body: typeof body === 'string' ? utf8.encode(body) : body,
    });
  const bodyOf = (r: ReturnType<typeof call>) => {
    if (r.kind !== 'buffered') throw new Error('expected a buffered response');
    return JSON.parse(typeof r.body === 'string' ? r.body : fromUtf8.decode(r.body)) as Record<string, unknown>;
  };

  it('answers errors as AWS JSON 1.1 does', () => {
    const cases: Array<[ReturnType<typeof call>, string, number]> = [
      [call('Echo_20200101.Nope', '{}'), 'ResourceNotFoundException', 400],
      [call('Other_1.Echo', '{}'), 'UnknownOperationException', 400],
      [call('Echo_20200101.Echo', '{"a":'), 'SerializationException', 400],
      [call('Echo_20200101.Echo', '[1]'), 'SerializationException', 400],
      [call('Echo_20200101.Echo', '{}', { authenticated: false }), 'MissingAuthenticationTokenException', 400],
      [call('Echo_20200101.Boom', '{}'), 'InternalFailure', 500],
    ];
    const original = console.error;
    console.error = () => {};
    try {
      for (const [r, name, status] of cases) {
        expect(r.status).toBe(status);
        expect(r.headers['x-amzn-errortype']).toBe(name);
        expect(r.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
        expect(bodyOf(r).__type).toBe(name);
        expect(typeof bodyOf(r).message).toBe('string');
      }
    } finally {
      console.error = original;
    }
  });

  it('treats an empty body as {}', () => {
    expect(bodyOf(call('Echo_20200101.Echo', '')).Got).toEqual({});
  });

  it('converts CBOR byte strings and tag-1 timestamps both ways', () => {
    const request = cborEncode({ Data: new Uint8Array([1, 2, 3]), When: new Tag(1700000000250, 1), N: 5 });
    const r = call('Echo_20200101.Echo', request, { contentType: CBOR_CONTENT_TYPE });
    if (r.kind !== 'buffered' || typeof r.body === 'string') throw new Error('expected CBOR bytes');
    expect(r.headers['content-type']).toBe(CBOR_CONTENT_TYPE);
    const doc = decodeCborResponse(r.body) as { Got: Record<string, unknown>; Data: Uint8Array; At: Tag | Date };
    // The request reached the API as a JSON-1.1 document: bytes as base64, timestamps in epoch seconds.
    expect(lastBody).toEqual({ Data: 'AQID', When: 1700000000.25, N: 5 });
    expect(Array.from(doc.Got.Data as Uint8Array)).toEqual([1, 2, 3]);
    expect(Array.from(doc.Data)).toEqual([1, 2, 3]);
    // Epoch milliseconds under tag 1, as the Java SDK reads CBOR timestamps.
    const at = doc.At instanceof Date ? doc.At.getTime() / 1000 : Number(doc.At.value);
    expect(at).toBe(1700000000500);
  });
});

describe('one port for HTTP/1.1 and h2c', () => {
  let server: RunningHttpServer;
  const rest: RestHandler = async (req) =>
    req.path.startsWith('/bucket/') ? { status: 200, headers: { 'content-type': 'text/plain' }, body: `${req.method} ${req.path} ${req.query.get('q') ?? ''}` } : undefined;

  beforeAll(async () => {
    server = await startApiHttpServer({ dispatcher, restHandlers: [rest] });
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves JSON over HTTP/1.1 with CORS and request ids', async () => {
    const res = await fetch(`${server.endpoint}/`, {
      method: 'POST',
      headers: { 'X-Amz-Target': 'Echo_20200101.Echo', 'Content-Type': 'application/x-amz-json-1.1', Authorization: 'AWS4-HMAC-SHA256 x', Origin: 'http://localhost:5173' },
      body: JSON.stringify({ Data: 'AQID' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(await res.json()).toMatchObject({ Got: { Data: 'AQID' }, Data: 'AQID' });
  });

  it('answers CORS preflight', async () => {
    const res = await fetch(`${server.endpoint}/`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://example.github.io', 'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'x-amz-target,content-type,authorization', 'Access-Control-Request-Private-Network': 'true',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://example.github.io');
    expect(res.headers.get('access-control-allow-private-network')).toBe('true');
    expect(res.headers.get('access-control-allow-headers')).toContain('x-amz-target');
    expect(res.headers.get('access-control-expose-headers')).toContain('x-amzn-RequestId');
  });

  it('falls back to REST handlers, then 404', async () => {
    const hit = await fetch(`${server.endpoint}/bucket/a%20b.txt?q=1`);
    expect(await hit.text()).toBe('GET /bucket/a b.txt 1');
    expect((await fetch(`${server.endpoint}/elsewhere`)).status).toBe(404);
  });

  it('refuses absurdly large bodies with 413', async () => {
    const res = await fetch(`${server.endpoint}/`, {
      method: 'POST',
      headers: { 'X-Amz-Target': 'Echo_20200101.Echo', Authorization: 'x' },
      body: new Uint8Array(REQUEST_BODY_BYTES_MAX + 1),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('x-amzn-errortype')).toBe('SerializationException');
  });

  it('serves many concurrent h2c streams on one session', async () => {
    const session = http2.connect(server.endpoint);
    try {
      const one = (i: number) => new Promise<Record<string, unknown>>((resolve, reject) => {
        const req = session.request({ ':method': 'POST', ':path': '/', 'x-amz-target': 'Echo_20200101.Echo', authorization: 'x', 'content-type': 'application/x-amz-json-1.1' });
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>));
        req.on('error', reject);
        req.end(JSON.stringify({ i }));
      });
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => one(i)));
      expect(answers.map((a) => (a.Got as { i: number }).i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    } finally {
      session.close();
    }
  });
});

describe('SubscribeToShard event streams (fake Kinesis API, real SDK)', () => {
  let server: RunningHttpServer;
  let closed = 0;
  const fakeKinesis: StreamingJsonServiceApi = {
    targetPrefix: 'Kinesis_20131202',
    handle: () => ({ ok: false, error: { name: 'InternalFailure', message: 'not in this fake', httpStatus: 500, retryable: true } }),
    subscribeToShard(body, sink) {
      if (body.ShardId === 'missing') return { ok: false, error: { name: 'ResourceNotFoundException', message: 'no shard missing', httpStatus: 400, retryable: false } };
      let n = 0;
      const timer = setInterval(() => {
        n++;
        sink({ kind: 'event', event: { Records: [], ContinuationSequenceNumber: String(n), MillisBehindLatest: 0 } });
        if (body.ShardId === 'fails' && n === 2) {
          clearInterval(timer);
          sink({ kind: 'error', error: { name: 'ResourceInUseException', message: 'taken over by a newer subscription', httpStatus: 400, retryable: false } });
        }
      }, 5);
      return { ok: true, value: { close: () => { closed++; clearInterval(timer); } } };
    },
  };
  const client = () => new KinesisClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });

  beforeAll(async () => {
    server = await startApiHttpServer({ dispatcher: new WireDispatcher([{ api: fakeKinesis }]) });
  });
  afterAll(async () => {
    await server.close();
  });

  it('delivers an exception event as the modelled error, after the events before it', async () => {
    const c = client();
    const out = await c.send(new SubscribeToShardCommand({ ConsumerARN: 'arn', ShardId: 'fails', StartingPosition: { Type: 'LATEST' } }));
    const seen: string[] = [];
    let error: Error | undefined;
    try {
      for await (const ev of out.EventStream!) seen.push(ev.SubscribeToShardEvent!.ContinuationSequenceNumber!);
    } catch (e) {
      error = e as Error;
    }
    expect(seen).toEqual(['1', '2']);
    expect(error?.name).toBe('ResourceInUseException');
    expect(error?.message).toContain('taken over');
    c.destroy();
  });

  it('refuses a subscription with a plain 400 before the stream starts', async () => {
    const c = client();
    const e = await c.send(new SubscribeToShardCommand({ ConsumerARN: 'arn', ShardId: 'missing', StartingPosition: { Type: 'LATEST' } })).catch((x: Error) => x);
    expect((e as Error).name).toBe('ResourceNotFoundException');
    c.destroy();
  });

  const waitClosed = async (before: number): Promise<void> => {
    for (let i = 0; i < 100 && closed === before; i++) await new Promise((r) => setTimeout(r, 10));
    expect(closed).toBe(before + 1);
  };
  const subscribeHeaders = { 'x-amz-target': 'Kinesis_20131202.SubscribeToShard', authorization: 'x', 'content-type': 'application/x-amz-json-1.1' };
  const subscribeBody = JSON.stringify({ ConsumerARN: 'arn', ShardId: 'ok', StartingPosition: { Type: 'LATEST' } });

  it('closes the subscription when an h2 client resets the stream', async () => {
    const before = closed;
    const session = http2.connect(server.endpoint);
    try {
      const req = session.request({ ':method': 'POST', ':path': '/', ...subscribeHeaders });
      req.end(subscribeBody);
      await new Promise<void>((resolve) => req.once('data', () => resolve()));
      req.close(http2.constants.NGHTTP2_CANCEL);
      await waitClosed(before);
    } finally {
      session.destroy();
    }
  });

  it('closes the subscription when an HTTP/1.1 client disconnects', async () => {
    const before = closed;
    const abort = new AbortController();
    const res = await fetch(`${server.endpoint}/`, { method: 'POST', headers: subscribeHeaders, body: subscribeBody, signal: abort.signal });
    expect(res.headers.get('content-type')).toBe('application/vnd.amazon.eventstream');
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(decodeEventStreamMessages(first.value!).messages[0].headers[':event-type']).toBe('initial-response');
    abort.abort();
    await waitClosed(before);
  });
});
