import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import {
  S3Client, ListBucketsCommand, ListObjectsV2Command, GetObjectCommand, HeadObjectCommand, PutObjectCommand, NoSuchKey, NotFound,
} from '@aws-sdk/client-s3';
import { ObjectStore } from '../../engine/objectstore/object-store';
import { handleS3Request, parseRange } from './s3-rest';

/** An in-process HttpHandler turning SDK requests into RestRequests for handleS3Request. */
function inProcess(store: ObjectStore) {
  return {
    async handle(request: { method: string; path: string; query?: Record<string, string | string[] | null>; headers: Record<string, string>; body?: unknown }) {
      const query = new URLSearchParams();
      for (const [k, v] of Object.entries(request.query ?? {})) {
        for (const item of Array.isArray(v) ? v : [v]) query.append(k, item ?? '');
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
      let body: Uint8Array = new Uint8Array();
      if (typeof request.body === 'string') body = new TextEncoder().encode(request.body);
      else if (request.body instanceof Uint8Array) body = request.body;
      const res = handleS3Request(store, { method: request.method, path: decodeURIComponent(request.path), query, headers, body });
      const out = res ?? { status: 404, headers: {}, body: '' };
      const bytes = typeof out.body === 'string' ? new TextEncoder().encode(out.body) : out.body ?? new Uint8Array();
      return { response: { statusCode: out.status, headers: { ...(out.headers ?? {}) }, body: Readable.from([Buffer.from(bytes)]) } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  };
}

function setup() {
  let t = Date.UTC(2026, 0, 1);
  const store = new ObjectStore({ nowMs: () => t++ });
  store.createBucket('logs');
  for (const k of ['2026/01/01/00/a.gz', '2026/01/01/00/b.gz', '2026/01/01/01/c.gz', '2026/01/02/00/d.gz', 'errors/processing-failed/e', 'top.txt']) {
    store.putObject('logs', k, new TextEncoder().encode(`body of ${k}`), { metadata: { origin: 'firehose' } });
  }
  const client = new S3Client({
    region: 'us-east-1', forcePathStyle: true, endpoint: 'http://127.0.0.1:4566',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' }, requestHandler: inProcess(store) as never, maxAttempts: 1,
  });
  return { store, client };
}

describe('S3 REST over the object store, through @aws-sdk/client-s3', () => {
  it('lists buckets', async () => {
    const { client } = setup();
    const r = await client.send(new ListBucketsCommand({}));
    expect(r.Buckets?.map((b) => b.Name)).toEqual(['logs']);
    expect(r.Buckets?.[0].CreationDate).toBeInstanceOf(Date);
  });

  it('lists with prefix and delimiter into CommonPrefixes', async () => {
    const { client } = setup();
    const r = await client.send(new ListObjectsV2Command({ Bucket: 'logs', Prefix: '2026/01/', Delimiter: '/' }));
    expect(r.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['2026/01/01/', '2026/01/02/']);
    expect(r.Contents ?? []).toHaveLength(0);
    const top = await client.send(new ListObjectsV2Command({ Bucket: 'logs', Delimiter: '/' }));
    expect(top.Contents?.map((c) => c.Key)).toEqual(['top.txt']);
    expect(top.Contents?.[0].Size).toBe('body of top.txt'.length);
    expect(top.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['2026/', 'errors/']);
  });

  it('pages with continuation tokens', async () => {
    const { client } = setup();
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await client.send(new ListObjectsV2Command({ Bucket: 'logs', MaxKeys: 2, ContinuationToken: token }));
      keys.push(...(r.Contents ?? []).map((c) => c.Key as string));
      token = r.IsTruncated ? r.NextContinuationToken : undefined;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(keys).toHaveLength(6);
  });

  it('gets objects whole and by range, heads them, and answers NoSuchKey / NotFound', async () => {
    const { client } = setup();
    const whole = await client.send(new GetObjectCommand({ Bucket: 'logs', Key: 'top.txt' }));
    expect(await whole.Body?.transformToString()).toBe('body of top.txt');
    expect(whole.Metadata).toEqual({ origin: 'firehose' });
    const part = await client.send(new GetObjectCommand({ Bucket: 'logs', Key: 'top.txt', Range: 'bytes=0-3' }));
    expect(await part.Body?.transformToString()).toBe('body');
    expect(part.ContentRange).toBe('bytes 0-3/15');
    const head = await client.send(new HeadObjectCommand({ Bucket: 'logs', Key: '2026/01/01/00/a.gz' }));
    expect(head.ContentLength).toBe('body of 2026/01/01/00/a.gz'.length);
    expect(head.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    await expect(client.send(new GetObjectCommand({ Bucket: 'logs', Key: 'missing' }))).rejects.toBeInstanceOf(NoSuchKey);
    await expect(client.send(new HeadObjectCommand({ Bucket: 'logs', Key: 'missing' }))).rejects.toBeInstanceOf(NotFound);
  });

  it('accepts PutObject with metadata', async () => {
    const { client, store } = setup();
    await client.send(new PutObjectCommand({ Bucket: 'logs', Key: 'new/obj.json', Body: '{"a":1}', ContentType: 'application/json', Metadata: { k: 'v' } }));
    expect(store.getObject('logs', 'new/obj.json')).toMatchObject({ contentType: 'application/json', metadata: { k: 'v' } });
  });

  it('ignores requests that are not S3 and parses ranges', () => {
    const { store } = setup();
    expect(handleS3Request(store, { method: 'GET', path: '/health', query: new URLSearchParams(), headers: {}, body: new Uint8Array() })).toBeUndefined();
    expect(parseRange('bytes=-5', 10)).toEqual([5, 9]);
    expect(parseRange('bytes=3-', 10)).toEqual([3, 9]);
    expect(parseRange('bytes=20-30', 10)).toBeUndefined();
  });
});
