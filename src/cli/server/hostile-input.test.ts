/**
 * `npm run api` under hostile traffic, over raw sockets and fetch (no SDK to tidy the bytes up):
 * malformed JSON and CBOR, wrong or missing content types, unknown targets, bodies over each
 * service's limit, slow clients, many concurrent connections, a connection cap, a flood. Each
 * gets AWS's error (or a closed socket for a client that never finishes its request), and the
 * server keeps answering. Everything talks to 127.0.0.1 only; every loop is bounded.
 * Left out: the numbers at full scale (scripts/api-hostile.ts measures 10,000 connections).
 */
import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';
import { DEFAULT_SERVER_LIMITS, requestBodyBytesMax } from './limits-guard';
import { startApiHttpServer, type RunningHttpServer } from './http-server';
import { WireDispatcher } from '../../engine/api/wire/wire-dispatch';

let server: LocalApiServer;
beforeAll(async () => {
  server = await startLocalApiServer({ transitionDelayMs: 0, seed: 17 });
});
afterAll(async () => {
  await server.close();
});

const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0';

async function post(target: string | undefined, body: string | Uint8Array<ArrayBuffer>, contentType?: string): Promise<{ status: number; type: string | null; text: string }> {
  const headers: Record<string, string> = { authorization: AUTH };
  if (target) headers['x-amz-target'] = target;
  if (contentType) headers['content-type'] = contentType;
  const res = await fetch(`${server.endpoint}/`, { method: 'POST', headers, body });
  return { status: res.status, type: res.headers.get('x-amzn-errortype'), text: await res.text() };
}

/** Sends raw bytes on a fresh socket and resolves with what came back when the server closed it (or after `waitMs`). */
function raw(port: number, bytes: string | Buffer, waitMs = 3_000): Promise<{ text: string; closedByServer: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => { socket.destroy(); resolve({ text, closedByServer: false }); }, waitMs);
    socket.on('data', (c) => { text += c.toString('latin1'); });
    socket.on('close', () => { clearTimeout(timer); resolve({ text, closedByServer: true }); });
    socket.on('error', () => undefined);
    socket.write(bytes);
  });
}

/** ListStreams, waiting out its control-plane rate limit. */
async function listStreams(): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const r = await post('Kinesis_20131202.ListStreams', '{}', 'application/x-amz-json-1.1');
    if (r.status === 200) return r.text;
    await new Promise((res) => setTimeout(res, 250));
  }
  throw new Error('ListStreams stayed throttled');
}

describe('malformed bodies, content types and targets', () => {
  it('answers malformed JSON with SerializationException', async () => {
    for (const body of ['{', '{"StreamName":', 'null', '[1,2]', '"text"', '\u0000\u00ff', '{"StreamName": "a"}}']) {
      const r = await post('Kinesis_20131202.DescribeStreamSummary', body, 'application/x-amz-json-1.1');
      expect(r.status, body).toBe(400);
      expect(r.type, body).toBe('SerializationException');
    }
  });

  it('answers malformed CBOR with SerializationException in CBOR', async () => {
    for (const body of [Buffer.from([0xff]), Buffer.from([0xbf, 0x61]), Buffer.from([0x9f, 0x01]), Buffer.from([0x1b, 0x00]), Buffer.from([0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])]) {
      const r = await post('Kinesis_20131202.DescribeStreamSummary', body, 'application/x-amz-cbor-1.1');
      expect(r.status, body.toString('hex')).toBe(400);
      expect(r.type, body.toString('hex')).toBe('SerializationException');
    }
  });

  it('reads a body with a missing or foreign content type as JSON (as lenient as the CLI needs): same answer as with the right one', async () => {
    const proper = await post('Kinesis_20131202.DescribeStreamSummary', '{}', 'application/x-amz-json-1.1');
    expect(proper.status).toBe(400);
    for (const ct of [undefined, 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', ';;;']) {
      const r = await post('Kinesis_20131202.DescribeStreamSummary', '{}', ct);
      expect(r.status, String(ct)).toBe(400);
      expect(r.type, String(ct)).toBe(proper.type);
    }
  });

  it('answers unknown or broken targets with UnknownOperationException', async () => {
    for (const target of ['Kinesis_20131202.Nope', 'Kinesis_20131202.', 'Nope.DescribeStream', '.', 'x'.repeat(4000), 'Kinesis_20131202.__proto__', 'Kinesis_20131202.constructor', 'Firehose_20150804.hasOwnProperty']) {
      const r = await post(target, '{}', 'application/x-amz-json-1.1');
      expect(r.status, target).toBe(400);
      expect(r.type, target).toBe('UnknownOperationException');
    }
    const r = await post(undefined, '{}', 'application/x-amz-json-1.1');
    expect(r.type).toBe('UnknownOperationException');
  });

  it('answers an S3 path with broken percent-encoding with InvalidURI, not a crash', async () => {
    const res = await fetch(`${server.endpoint}/bucket/%E0%A4%A`, { headers: { authorization: AUTH.replace('/kinesis/', '/s3/') } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>InvalidURI</Code>');
  });
});

describe('bodies over each service limit', () => {
  it('refuses a Kinesis body over its cap by Content-Length, before reading it', async () => {
    const limit = requestBodyBytesMax('Kinesis_20131202.PutRecords');
    const r = await raw(server.port, `POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: Kinesis_20131202.PutRecords\r\nAuthorization: x\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: ${limit + 1}\r\n\r\n{`);
    expect(r.text).toMatch(/^HTTP\/1\.1 413/);
    expect(r.text).toContain('SerializationException');
    expect(r.closedByServer).toBe(true);
  });

  it('refuses a chunked Firehose body once it passes its cap, keeping none of it', async () => {
    const limit = requestBodyBytesMax('Firehose_20150804.PutRecordBatch');
    const chunk = new Uint8Array(1_048_576);
    const body = new ReadableStream<Uint8Array>({
      start(c) { for (let i = 0; i * chunk.length <= limit; i++) c.enqueue(chunk); c.close(); },
    });
    const res = await fetch(`${server.endpoint}/`, {
      method: 'POST', body, duplex: 'half',
      headers: { 'x-amz-target': 'Firehose_20150804.PutRecordBatch', authorization: AUTH, 'content-type': 'application/x-amz-json-1.1' },
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(res.headers.get('x-amzn-errortype')).toBe('SerializationException');
  });

  it('answers an S3 PUT over the endpoint limit with EntityTooLarge', async () => {
    const r = await raw(server.port, `PUT /bucket/big HTTP/1.1\r\nHost: x\r\nx-amz-content-sha256: UNSIGNED-PAYLOAD\r\nContent-Length: ${requestBodyBytesMax(undefined) + 1}\r\n\r\n`);
    expect(r.text).toMatch(/^HTTP\/1\.1 400/);
    expect(r.text).toContain('<Code>EntityTooLarge</Code>');
  });

  it('still answers after all of that', async () => {
    expect(await listStreams()).toContain('StreamNames');
  });
});

describe('slow clients and connection caps (short deadlines)', () => {
  let tight: RunningHttpServer;
  beforeAll(async () => {
    tight = await startApiHttpServer({
      dispatcher: new WireDispatcher([]),
      limits: { ...DEFAULT_SERVER_LIMITS, connectionsMax: 40, protocolSniffTimeoutMs: 300, headersTimeoutMs: 500, bodyTimeoutMs: 500, idleTimeoutMs: 1_000 },
    });
  });
  afterAll(async () => {
    await tight.close();
  });

  it('closes a connection that never sends a byte', async () => {
    const started = Date.now();
    const r = await raw(tight.port, Buffer.alloc(0), 5_000);
    expect(r.closedByServer).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('closes an HTTP/1 connection whose headers never finish', async () => {
    const r = await raw(tight.port, 'POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Tar', 5_000);
    expect(r.closedByServer).toBe(true);
  });

  it('answers a body that stalls with a timeout and closes the connection (HTTP/1)', async () => {
    const r = await raw(tight.port, 'POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: Kinesis_20131202.ListStreams\r\nAuthorization: x\r\nContent-Length: 100\r\n\r\n{"a":', 5_000);
    expect(r.closedByServer).toBe(true);
    expect(r.text).toMatch(/^HTTP\/1\.1 408/);
  });

  it('answers a body that stalls with a timeout (HTTP/2)', async () => {
    const session = http2.connect(tight.endpoint);
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = session.request({ ':method': 'POST', ':path': '/', 'x-amz-target': 'Kinesis_20131202.ListStreams', authorization: 'x', 'content-length': '100' });
        req.on('response', (h) => resolve(Number(h[':status'])));
        req.on('error', reject);
        req.write('{"a":'); // and never the rest
      });
      expect(status).toBe(408);
    } finally {
      session.destroy();
    }
  });

  it('caps open connections and serves again once they go', async () => {
    const sockets = await Promise.all(Array.from({ length: 60 }, () => new Promise<net.Socket>((resolve) => {
      const s = net.connect(tight.port, '127.0.0.1', () => resolve(s));
      s.on('error', () => undefined);
    })));
    await new Promise((r) => setTimeout(r, 100));
    const open = sockets.filter((s) => !s.destroyed && s.readyState === 'open');
    // Node closes connections past maxConnections right after accepting them.
    const closed = await Promise.all(sockets.map((s) => new Promise<boolean>((resolve) => {
      if (s.destroyed) return resolve(true);
      const t = setTimeout(() => resolve(false), 150);
      s.once('close', () => { clearTimeout(t); resolve(true); });
    })));
    expect(closed.filter(Boolean).length).toBeGreaterThanOrEqual(20);
    expect(open.length).toBeGreaterThan(0);
    for (const s of sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const res = await fetch(`${tight.endpoint}/`, { method: 'POST', headers: { 'x-amz-target': 'Nope.Op', authorization: 'x' }, body: '{}' });
    expect(res.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
  });
});

describe('many connections and a flood', () => {
  it('serves 1,500 concurrent HTTP/1 connections', async () => {
    const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
    const one = (i: number) => new Promise<string>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/', agent, headers: {
        'x-amz-target': i % 2 ? 'Kinesis_20131202.ListStreams' : 'Kinesis_20131202.Bogus', authorization: AUTH, 'content-type': 'application/x-amz-json-1.1',
      } }, (res) => { res.resume(); res.on('end', () => resolve(`${res.statusCode} ${res.headers['x-amzn-errortype'] ?? ''}`)); });
      req.on('error', reject);
      req.end('{}');
    });
    const answers = await Promise.all(Array.from({ length: 1_500 }, (_, i) => one(i)));
    agent.destroy();
    // ListStreams is held to its control-plane rate (LimitExceededException); every answer is AWS's.
    const byAnswer = new Map<string, number>();
    for (const a of answers) byAnswer.set(a, (byAnswer.get(a) ?? 0) + 1);
    expect(byAnswer.get('400 UnknownOperationException')).toBe(750);
    expect((byAnswer.get('200 ') ?? 0) + (byAnswer.get('400 LimitExceededException') ?? 0)).toBe(750);
    expect(byAnswer.get('200 ')).toBeGreaterThan(0);
  });

  it('answers a flood of 3,000 bad requests on one HTTP/2 session and changes nothing', async () => {
    const before = await listStreams();
    const session = http2.connect(server.endpoint);
    const bodies = ['{', '{"StreamName":"nope"}', '{"StreamName":""}', '{"ShardCount":-1,"StreamName":"x"}', '[]'];
    const targets = ['Kinesis_20131202.DescribeStream', 'Kinesis_20131202.DeleteStream', 'Kinesis_20131202.PutRecord', 'Kinesis_20131202.Zzz'];
    try {
      for (let wave = 0; wave < 10; wave++) {
        const statuses = await Promise.all(Array.from({ length: 300 }, (_, i) => new Promise<number>((resolve, reject) => {
          const req = session.request({ ':method': 'POST', ':path': '/', 'x-amz-target': targets[i % targets.length], authorization: AUTH, 'content-type': 'application/x-amz-json-1.1' });
          req.on('response', (h) => resolve(Number(h[':status'])));
          req.on('error', reject);
          req.resume();
          req.end(bodies[(i + wave) % bodies.length]);
        })));
        expect(statuses.every((s) => s === 400)).toBe(true);
      }
    } finally {
      session.close();
    }
    expect(await listStreams()).toBe(before);
  });
});
