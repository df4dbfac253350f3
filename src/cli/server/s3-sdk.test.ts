/**
 * S3 as the SDK uses it on the local server (real sockets, @aws-sdk/client-s3 with forcePathStyle
 * and its default flexible checksums): HeadObject equals GetObject's headers, ranged reads,
 * ListObjectsV2 / ListObjects paging, CopyObject, DeleteObject(s) and multipart uploads.
 */
import {
  CompleteMultipartUploadCommand, CopyObjectCommand, CreateBucketCommand, CreateMultipartUploadCommand, DeleteObjectCommand,
  DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, ListObjectsCommand, ListObjectsV2Command, PutObjectCommand, S3Client,
  S3ServiceException, UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';
import { errorOf } from './sdk-test-support';

let server: LocalApiServer;
let s3: S3Client;
const KEYS = ['2026/01/01/00/a.gz', '2026/01/01/00/b.gz', '2026/01/01/01/c.gz', '2026/01/02/00/d.gz', 'errors/processing-failed/e', 'top.txt'];

beforeAll(async () => {
  server = await startLocalApiServer({ transitionDelayMs: 0, seed: 3 });
  s3 = new S3Client({ endpoint: server.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'x', secretAccessKey: 'y' }, maxAttempts: 1 });
  await s3.send(new CreateBucketCommand({ Bucket: 'lake' }));
  for (const Key of KEYS) await s3.send(new PutObjectCommand({ Bucket: 'lake', Key, Body: `body of ${Key}`, ContentType: 'text/plain', Metadata: { origin: 'test' } }));
});
afterAll(async () => {
  s3.destroy();
  await server.close();
});

describe('S3 objects through @aws-sdk/client-s3 on the local server', () => {
  it('stores the bytes of a checksummed (aws-chunked) PutObject and answers HeadObject with GetObject headers', async () => {
    const get = await s3.send(new GetObjectCommand({ Bucket: 'lake', Key: 'top.txt' }));
    expect(await get.Body?.transformToString()).toBe('body of top.txt');
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'lake', Key: 'top.txt' }));
    expect(head.ContentLength).toBe('body of top.txt'.length);
    expect(head.ContentLength).toBe(get.ContentLength);
    expect(head.ETag).toBe(get.ETag);
    expect(head.LastModified?.getTime()).toBe(get.LastModified?.getTime());
    expect(head.ContentType).toBe('text/plain');
    expect(head.ContentType).toBe(get.ContentType);
    expect(head.Metadata).toEqual({ origin: 'test' });
    expect(head.ContentEncoding).toBeUndefined();
  });

  it('reads ranges (206 + Content-Range) and refuses unsatisfiable ones with InvalidRange (416)', async () => {
    const part = await s3.send(new GetObjectCommand({ Bucket: 'lake', Key: 'top.txt', Range: 'bytes=8-10' }));
    expect(await part.Body?.transformToString()).toBe('top');
    expect(part.ContentRange).toBe('bytes 8-10/15');
    expect(part.ContentLength).toBe(3);
    const tail = await s3.send(new GetObjectCommand({ Bucket: 'lake', Key: 'top.txt', Range: 'bytes=-4' }));
    expect(await tail.Body?.transformToString()).toBe('.txt');
    const e = await errorOf(s3.send(new GetObjectCommand({ Bucket: 'lake', Key: 'top.txt', Range: 'bytes=100-' })));
    expect(e.name).toBe('InvalidRange');
    expect(e.$metadata?.httpStatusCode).toBe(416);
  });

  it('answers conditional GETs (304 / 412) and response-* header overrides', async () => {
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'lake', Key: 'top.txt' }));
    const same = await errorOf(s3.send(new GetObjectCommand({ Bucket: 'lake', Key: 'top.txt', IfNoneMatch: head.ETag })));
    expect(same.$metadata?.httpStatusCode).toBe(304);
    const stale = await errorOf(s3.send(new GetObjectCommand({ Bucket: 'lake', Key: 'top.txt', IfMatch: '"0000"' })));
    expect(stale.name).toBe('PreconditionFailed');
    expect(stale.$metadata?.httpStatusCode).toBe(412);
    const fresh = await s3.send(new GetObjectCommand({ Bucket: 'lake', Key: 'top.txt', IfMatch: head.ETag, IfModifiedSince: new Date(0) }));
    expect(await fresh.Body?.transformToString()).toBe('body of top.txt');
    const later = await errorOf(s3.send(new GetObjectCommand({ Bucket: 'lake', Key: 'top.txt', IfModifiedSince: new Date(Date.now() + 60_000) })));
    expect(later.$metadata?.httpStatusCode).toBe(304);
    const renamed = await s3.send(new GetObjectCommand({ Bucket: 'lake', Key: 'top.txt', ResponseContentType: 'application/x-test', ResponseContentDisposition: 'attachment' }));
    expect(renamed.ContentType).toBe('application/x-test');
    expect(renamed.ContentDisposition).toBe('attachment');
  });

  it('lists V2 with prefix, delimiter, MaxKeys, continuation tokens, StartAfter and KeyCount', async () => {
    const top = await s3.send(new ListObjectsV2Command({ Bucket: 'lake', Delimiter: '/' }));
    expect(top.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['2026/', 'errors/']);
    expect(top.Contents?.map((c) => c.Key)).toEqual(['top.txt']);
    expect(top.KeyCount).toBe(3);
    const days = await s3.send(new ListObjectsV2Command({ Bucket: 'lake', Prefix: '2026/01/', Delimiter: '/' }));
    expect(days.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['2026/01/01/', '2026/01/02/']);
    const keys: string[] = [];
    let ContinuationToken: string | undefined;
    let pages = 0;
    do {
      const r = await s3.send(new ListObjectsV2Command({ Bucket: 'lake', MaxKeys: 4, ContinuationToken }));
      keys.push(...(r.Contents ?? []).map((c) => c.Key as string));
      expect(r.KeyCount).toBe(r.Contents?.length);
      ContinuationToken = r.IsTruncated ? r.NextContinuationToken : undefined;
      pages++;
    } while (ContinuationToken);
    expect(pages).toBe(2);
    expect(keys).toEqual([...KEYS].sort());
    const after = await s3.send(new ListObjectsV2Command({ Bucket: 'lake', StartAfter: '2026/01/02/00/d.gz' }));
    expect(after.Contents?.map((c) => c.Key)).toEqual(['errors/processing-failed/e', 'top.txt']);
    expect(after.StartAfter).toBe('2026/01/02/00/d.gz');
  });

  it('lists V1 with Marker and NextMarker', async () => {
    const first = await s3.send(new ListObjectsCommand({ Bucket: 'lake', Delimiter: '/', Prefix: '2026/01/', MaxKeys: 1 }));
    expect(first.IsTruncated).toBe(true);
    expect(first.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['2026/01/01/']);
    const second = await s3.send(new ListObjectsCommand({ Bucket: 'lake', Delimiter: '/', Prefix: '2026/01/', Marker: first.NextMarker }));
    expect(second.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['2026/01/02/']);
    expect(second.IsTruncated).toBe(false);
    const all = await s3.send(new ListObjectsCommand({ Bucket: 'lake', Marker: 'errors/' }));
    expect(all.Contents?.map((c) => c.Key)).toEqual(['errors/processing-failed/e', 'top.txt']);
    expect(all.Contents?.[0].Owner?.ID).toBeTruthy();
  });

  it('copies objects (metadata kept, or replaced) and refuses a copy onto itself', async () => {
    const out = await s3.send(new CopyObjectCommand({ Bucket: 'lake', Key: 'copies/top.txt', CopySource: 'lake/top.txt' }));
    expect(out.CopyObjectResult?.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    const copy = await s3.send(new HeadObjectCommand({ Bucket: 'lake', Key: 'copies/top.txt' }));
    expect(copy).toMatchObject({ ContentLength: 15, ContentType: 'text/plain', Metadata: { origin: 'test' } });
    await s3.send(new CopyObjectCommand({ Bucket: 'lake', Key: 'copies/top 2.txt', CopySource: encodeURIComponent('lake/top.txt'), MetadataDirective: 'REPLACE', ContentType: 'application/json', Metadata: { k: 'v' } }));
    expect(await s3.send(new HeadObjectCommand({ Bucket: 'lake', Key: 'copies/top 2.txt' }))).toMatchObject({ ContentType: 'application/json', Metadata: { k: 'v' } });
    const self = await errorOf(s3.send(new CopyObjectCommand({ Bucket: 'lake', Key: 'top.txt', CopySource: 'lake/top.txt' })));
    expect(self.name).toBe('InvalidRequest');
    const missing = await errorOf(s3.send(new CopyObjectCommand({ Bucket: 'lake', Key: 'x', CopySource: 'lake/nope' })));
    expect(missing.name).toBe('NoSuchKey');
  });

  it('deletes one object and many (DeleteObjects, quiet or not)', async () => {
    await s3.send(new DeleteObjectCommand({ Bucket: 'lake', Key: 'copies/top.txt' }));
    await s3.send(new DeleteObjectCommand({ Bucket: 'lake', Key: 'never/existed' }));
    const many = await s3.send(new DeleteObjectsCommand({ Bucket: 'lake', Delete: { Objects: [{ Key: 'copies/top 2.txt' }, { Key: 'ghost' }] } }));
    expect(many.Deleted?.map((d) => d.Key)).toEqual(['copies/top 2.txt', 'ghost']);
    const left = await s3.send(new ListObjectsV2Command({ Bucket: 'lake', Prefix: 'copies/' }));
    expect(left.KeyCount).toBe(0);
    const e = await errorOf(s3.send(new GetObjectCommand({ Bucket: 'lake', Key: 'copies/top.txt' })));
    expect(e).toBeInstanceOf(S3ServiceException);
    expect(e.name).toBe('NoSuchKey');
    expect(e.message).toBe('The specified key does not exist.');
  });

  it('assembles a multipart upload', async () => {
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'lake', Key: 'big.bin', ContentType: 'application/octet-stream' }));
    const one = new Uint8Array(5 * 1024 * 1024).fill(1);
    const two = new Uint8Array(1000).fill(2);
    const p1 = await s3.send(new UploadPartCommand({ Bucket: 'lake', Key: 'big.bin', UploadId, PartNumber: 1, Body: one }));
    const p2 = await s3.send(new UploadPartCommand({ Bucket: 'lake', Key: 'big.bin', UploadId, PartNumber: 2, Body: two }));
    const done = await s3.send(new CompleteMultipartUploadCommand({
      Bucket: 'lake', Key: 'big.bin', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: p1.ETag }, { PartNumber: 2, ETag: p2.ETag }] },
    }));
    expect(done.ETag).toMatch(/-2"$/);
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'lake', Key: 'big.bin' }));
    expect(head.ContentLength).toBe(one.length + two.length);
    expect(head.ETag).toBe(done.ETag);
    const last = await s3.send(new GetObjectCommand({ Bucket: 'lake', Key: 'big.bin', Range: `bytes=${one.length - 1}-${one.length}` }));
    expect([...(await last.Body!.transformToByteArray())]).toEqual([1, 2]);
  });
});
