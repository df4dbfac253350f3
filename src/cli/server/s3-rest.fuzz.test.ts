/**
 * Fuzz of the S3 REST (path-style) endpoint: random methods, paths, queries, headers and bodies
 * against a store with one bucket and a few objects. Invariants: every answer is a success or an
 * S3 error document whose <Code> is one the operation documents in the SDK model or one of S3's
 * general error codes (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html);
 * never a 5xx; and a failed request changes no state (buckets, keys, sizes).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';
import { documentedErrors, engineFingerprint } from './fuzz-support';

const PKG = '@aws-sdk/client-s3';
/** S3's general codes for malformed requests, from the error-code list. */
const S3_GENERAL = ['AccessDenied', 'InvalidArgument', 'InvalidURI', 'InvalidBucketName', 'MethodNotAllowed', 'MalformedXML', 'NotImplemented', 'InvalidRequest', 'EntityTooLarge', 'InvalidRange', 'NoSuchBucket', 'NoSuchKey', 'BucketNotEmpty', 'BucketAlreadyOwnedByYou', 'InvalidObjectState', 'MissingContentLength', 'InvalidDigest', 'BadDigest'];
let server: LocalApiServer;

/** The operation a request addresses, by S3's REST routing. */
function operationOf(method: string, key: string, query: string): string {
  if (method === 'GET' && key === '' && query.includes('location')) return 'GetBucketLocation';
  const table: Record<string, [string, string]> = {
    GET: ['ListObjectsV2', 'GetObject'], HEAD: ['HeadBucket', 'HeadObject'], PUT: ['CreateBucket', 'PutObject'],
    DELETE: ['DeleteBucket', 'DeleteObject'], POST: ['DeleteObjects', 'PutObject'], PATCH: ['PutObject', 'PutObject'],
  };
  return table[method][key === '' ? 0 : 1];
}

beforeAll(async () => {
  server = await startLocalApiServer({ transitionDelayMs: 0, seed: 1720 });
  const store = server.firehose!.store;
  store.createBucket('lake');
  for (const k of ['a.txt', 'raw/2026/x.json', 'raw/2026/y.json']) store.putObject('lake', k, new TextEncoder().encode(`body of ${k}`));
});
afterAll(async () => {
  await server.close();
});

describe('S3 REST fuzz', () => {
  it('answers every request with success or an S3 error the operation can give, and failures change nothing', async () => {
    const segment = fc.oneof(fc.constantFrom('lake', 'missing', 'a.txt', 'raw', '2026', 'x.json', '', '..', '%2F', '%00', '%E0%A4', 'UPPER', 'a'.repeat(300)), fc.string({ maxLength: 8 }).map(encodeURIComponent));
    const query = fc.array(fc.tuple(
      fc.constantFrom('list-type', 'prefix', 'delimiter', 'max-keys', 'continuation-token', 'start-after', 'location', 'uploads', 'x'),
      fc.oneof(fc.constantFrom('2', '/', '-1', '0', '1001', 'raw/', 'bad-token'), fc.string({ maxLength: 6 })),
    ), { maxLength: 3 }).map((pairs) => new URLSearchParams(pairs).toString());
    const request = fc.record({
      method: fc.constantFrom('GET', 'HEAD', 'PUT', 'DELETE', 'POST', 'PATCH'),
      bucket: segment,
      key: fc.array(segment, { maxLength: 3 }).map((parts) => parts.join('/')),
      query,
      range: fc.option(fc.constantFrom('bytes=0-3', 'bytes=5-2', 'bytes=-1', 'bytes=100-', 'items=0-1', 'bytes=0-0,2-3'), { nil: undefined }),
      body: fc.option(fc.uint8Array({ maxLength: 64 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const key = r.key.replace(/^\/+/, '');
        const path = `/${r.bucket}${key ? `/${key}` : ''}`;
        const headers: Record<string, string> = { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0' };
        if (r.range) headers.range = r.range;
        const withBody = r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD';
        server.sim.runUntil(Math.max(server.sim.nowMs, Date.now()));
        const before = engineFingerprint(server);
        const res = await fetch(`${server.endpoint}${path}${r.query ? `?${r.query}` : ''}`, { method: r.method, headers, body: withBody ? new Uint8Array(r.body!) : undefined });
        const text = await res.text();
        if (res.status >= 500) throw new Error(`${r.method} ${path}: ${res.status} ${text.slice(0, 200)}`);
        if (res.status < 300 || res.status === 304) return;
        const operation = operationOf(r.method, key, r.query);
        const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
        const allowed = new Set([...documentedErrors(PKG, operation), ...S3_GENERAL]);
        // HEAD answers carry no body; S3's SDKs map the status (404 NotFound, 403, 400…).
        if (r.method === 'HEAD') {
          if (![400, 403, 404, 405, 416].includes(res.status)) throw new Error(`HEAD ${path}: unexpected ${res.status}`);
        } else if (code === undefined || !allowed.has(code)) {
          throw new Error(`${r.method} ${path}?${r.query} (${operation}) answered ${res.status} ${code ?? text.slice(0, 200)}; allowed: ${[...allowed].join(', ')}`);
        }
        const after = engineFingerprint(server);
        if (after !== before) throw new Error(`${r.method} ${path} failed with ${code ?? res.status} but changed state`);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});
