/**
 * `npm run api` answers CORS so the console, served from any origin, can use it in live mode:
 * preflights (OPTIONS) get 204 with the origin echoed, the methods, the requested headers and a
 * max age; every answer — successes and AWS errors alike — carries Access-Control-Allow-Origin and
 * exposes the request-id headers, or a browser would see a network error instead of the AWS error.
 * Checked with fetch (as a browser sends it) and with the real SDK (its responses' headers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateStreamCommand, DescribeStreamSummaryCommand, KinesisClient, ResourceNotFoundException } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';

const ORIGIN = 'https://console.example.org';
const KEY = { accessKeyId: 'AKIDCORSTEST', secretAccessKey: 'cors-secret' };

let server: LocalApiServer;

beforeAll(async () => {
  server = await startLocalApiServer({ transitionDelayMs: 0, seed: 16, sigv4: { keys: new Map([[KEY.accessKeyId, KEY.secretAccessKey]]) } });
});
afterAll(async () => {
  await server.close();
});

/** A client whose responses' headers are collected (the SDK drops them from command outputs). */
function recordingClient(credentials: typeof KEY): { client: KinesisClient; seen: Headers[] } {
  const seen: Headers[] = [];
  const client = new KinesisClient({ endpoint: server.endpoint, region: 'us-east-1', credentials, maxAttempts: 1, requestHandler: new NodeHttpHandler() });
  client.middlewareStack.add((next) => async (args) => {
    // A browser always sends Origin on a cross-origin request; the Node SDK does not, so add it.
    (args.request as { headers: Record<string, string> }).headers.origin = ORIGIN;
    try {
      const out = await next(args);
      seen.push(new Headers((out.response as { headers: Record<string, string> }).headers));
      return out;
    } catch (e) {
      const raw = (e as { $response?: { headers: Record<string, string> } }).$response;
      if (raw) seen.push(new Headers(raw.headers));
      throw e;
    }
  }, { step: 'finalizeRequest', name: 'corsProbe', priority: 'low' });
  return { client, seen };
}

describe('CORS on the local API', () => {
  it('answers a preflight with 204, the origin, the methods, the requested headers and a max age', async () => {
    const requested = 'authorization,content-type,x-amz-target,x-amz-date,x-amz-security-token,x-amz-user-agent,amz-sdk-invocation-id,amz-sdk-request';
    const res = await fetch(`${server.endpoint}/`, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': requested },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe(requested);
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('allows the SDK browser headers when a preflight names none, and * without an Origin', async () => {
    const res = await fetch(`${server.endpoint}/`, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = res.headers.get('access-control-allow-headers') ?? '';
    for (const h of ['authorization', 'content-type', 'x-amz-target', 'x-amz-date', 'x-amz-security-token', 'amz-sdk-invocation-id', 'amz-sdk-request']) expect(allowed).toContain(h);
  });

  it('puts CORS headers on SDK successes and exposes the request id', async () => {
    const { client, seen } = recordingClient(KEY);
    await client.send(new CreateStreamCommand({ StreamName: 'cors', ShardCount: 1 }));
    expect(seen).toHaveLength(1);
    expect(seen[0].get('access-control-allow-origin')).toBe(ORIGIN);
    expect(seen[0].get('access-control-expose-headers')).toMatch(/x-amzn-RequestId/);
    expect(seen[0].get('x-amzn-requestid')).toBeTruthy();
  });

  it('puts CORS headers on AWS errors, so the browser sees the error name', async () => {
    const { client, seen } = recordingClient(KEY);
    const notFound = await client.send(new DescribeStreamSummaryCommand({ StreamName: 'missing' })).catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(ResourceNotFoundException);
    expect(seen.at(-1)?.get('access-control-allow-origin')).toBe(ORIGIN);

    const stranger = recordingClient({ accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' });
    const denied = await stranger.client.send(new DescribeStreamSummaryCommand({ StreamName: 'cors' })).catch((e: unknown) => e as Error);
    expect((denied as Error).name).toBe('UnrecognizedClientException');
    expect(stranger.seen.at(-1)?.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(stranger.seen.at(-1)?.get('access-control-expose-headers')).toMatch(/x-amzn-ErrorType/);
  });
});
