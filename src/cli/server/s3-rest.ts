/**
 * S3 REST (path-style, `/bucket/key`) over the simulator's ObjectStore: ListBuckets, HeadBucket,
 * CreateBucket, ListObjectsV2 (prefix, delimiter → CommonPrefixes, continuation tokens,
 * start-after, max-keys), GetObject (with Range), HeadObject, PutObject and DeleteObject, with
 * XML bodies and error documents shaped like S3's. Node-free, so it can be tested without a socket.
 */
import { ObjectStoreError, type ObjectStore, type StoredObject } from '../../engine/objectstore/object-store';
import type { RestHandler, RestRequest, RestResponse } from './types';

const XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const OWNER_ID = '75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a';

export function createS3RestHandler(store: ObjectStore): RestHandler {
  return async (req) => handleS3Request(store, req);
}

/** Answers an S3 request, or undefined when the request does not look like one for this store. */
export function handleS3Request(store: ObjectStore, req: RestRequest): RestResponse | undefined {
  const [bucket, key] = splitPath(req.path);
  if (!looksLikeS3(store, req, bucket)) return undefined;
  const requestId = requestIdFor(req);
  try {
    return route(store, req, bucket, key, requestId);
  } catch (e) {
    if (e instanceof ObjectStoreError) return errorResponse(req.method, e.httpStatus, e.code, e.message, requestId, { BucketName: bucket, Key: key });
    throw e;
  }
}

function looksLikeS3(store: ObjectStore, req: RestRequest, bucket: string): boolean {
  const auth = req.headers.authorization ?? '';
  if (/\/s3\/aws4_request/.test(auth) || req.headers['x-amz-content-sha256'] !== undefined) return true;
  return bucket !== '' && store.hasBucket(bucket);
}

function splitPath(path: string): [string, string] {
  const trimmed = path.replace(/^\/+/, '');
  const slash = trimmed.indexOf('/');
  return slash < 0 ? [trimmed, ''] : [trimmed.slice(0, slash), trimmed.slice(slash + 1)];
}

function route(store: ObjectStore, req: RestRequest, bucket: string, key: string, requestId: string): RestResponse {
  const method = req.method.toUpperCase();
  const headers = { 'x-amz-request-id': requestId };
  if (bucket === '') {
    if (method === 'GET') return xml(200, listBucketsXml(store), headers);
    return errorResponse(method, 405, 'MethodNotAllowed', `${method} is not allowed on the service endpoint`, requestId);
  }
  if (key === '') {
    switch (method) {
      case 'GET': {
        if (!store.hasBucket(bucket)) return errorResponse(method, 404, 'NoSuchBucket', 'The specified bucket does not exist', requestId, { BucketName: bucket });
        if (req.query.has('location')) return xml(200, `<LocationConstraint xmlns="${XMLNS}"></LocationConstraint>`, headers);
        return listObjectsV2(store, bucket, req.query, headers);
      }
      case 'HEAD':
        if (!store.hasBucket(bucket)) return { status: 404, headers };
        return { status: 200, headers: { ...headers, 'x-amz-bucket-region': 'us-east-1' } };
      case 'PUT':
        store.createBucket(bucket);
        return { status: 200, headers: { ...headers, location: `/${bucket}` } };
      case 'DELETE':
        store.deleteBucket(bucket);
        return { status: 204, headers };
      default:
        return errorResponse(method, 405, 'MethodNotAllowed', `${method} is not allowed on a bucket`, requestId);
    }
  }
  switch (method) {
    case 'GET':
      return getObject(store.getObject(bucket, key), req, headers);
    case 'HEAD':
      return { status: 200, headers: { ...headers, ...objectHeaders(store.headObject(bucket, key)) } };
    case 'PUT': {
      const metadata: Record<string, string> = {};
      for (const [h, v] of Object.entries(req.headers)) if (h.startsWith('x-amz-meta-')) metadata[h.slice(11)] = v;
      const o = store.putObject(bucket, key, req.body, { contentType: req.headers['content-type'], contentEncoding: req.headers['content-encoding'], metadata });
      return { status: 200, headers: { ...headers, etag: o.etag } };
    }
    case 'DELETE':
      store.deleteObject(bucket, key);
      return { status: 204, headers };
    default:
      return errorResponse(method, 405, 'MethodNotAllowed', `${method} is not allowed on an object`, requestId);
  }
}

function objectHeaders(o: StoredObject): Record<string, string> {
  const h: Record<string, string> = {
    'content-type': o.contentType,
    'content-length': String(o.sizeBytes),
    etag: o.etag,
    'last-modified': new Date(o.lastModifiedMs).toUTCString(),
    'accept-ranges': 'bytes',
  };
  if (o.contentEncoding) h['content-encoding'] = o.contentEncoding;
  for (const [k, v] of Object.entries(o.metadata)) h[`x-amz-meta-${k}`] = v;
  return h;
}

function getObject(o: StoredObject, req: RestRequest, headers: Record<string, string>): RestResponse {
  const range = req.headers.range;
  if (!range) return { status: 200, headers: { ...headers, ...objectHeaders(o) }, body: o.body };
  const parsed = parseRange(range, o.sizeBytes);
  if (!parsed) {
    return errorResponse('GET', 416, 'InvalidRange', 'The requested range is not satisfiable', headers['x-amz-request-id'], { ActualObjectSize: String(o.sizeBytes), RangeRequested: range });
  }
  const [start, end] = parsed;
  const body = o.body.subarray(start, end + 1);
  return {
    status: 206,
    headers: { ...headers, ...objectHeaders(o), 'content-length': String(body.length), 'content-range': `bytes ${start}-${end}/${o.sizeBytes}` },
    body,
  };
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` → inclusive [start, end], or undefined when unsatisfiable. */
export function parseRange(header: string, size: number): [number, number] | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0 || size === 0) return undefined;
    return [Math.max(0, size - n), size - 1];
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return undefined;
  return [start, end];
}

function listObjectsV2(store: ObjectStore, bucket: string, q: URLSearchParams, headers: Record<string, string>): RestResponse {
  const maxKeys = q.has('max-keys') ? Number(q.get('max-keys')) : 1000;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const token = q.get('continuation-token') ?? undefined;
  const startAfter = q.get('start-after') ?? undefined;
  const urlEncode = q.get('encoding-type') === 'url';
  const enc = (s: string) => esc(urlEncode ? encodeURIComponent(s).replace(/%2F/g, '/') : s);
  const r = store.listObjectsV2({ bucket, prefix, delimiter, maxKeys, continuationToken: token, startAfter });
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="${XMLNS}">`,
    `<Name>${esc(bucket)}</Name><Prefix>${enc(prefix)}</Prefix>`,
    delimiter ? `<Delimiter>${enc(delimiter)}</Delimiter>` : '',
    `<MaxKeys>${maxKeys}</MaxKeys><KeyCount>${r.keyCount}</KeyCount><IsTruncated>${r.isTruncated}</IsTruncated>`,
    urlEncode ? '<EncodingType>url</EncodingType>' : '',
    token ? `<ContinuationToken>${esc(token)}</ContinuationToken>` : '',
    r.nextContinuationToken ? `<NextContinuationToken>${esc(r.nextContinuationToken)}</NextContinuationToken>` : '',
    startAfter ? `<StartAfter>${enc(startAfter)}</StartAfter>` : '',
    ...r.contents.map((o) =>
      `<Contents><Key>${enc(o.key)}</Key><LastModified>${new Date(o.lastModifiedMs).toISOString()}</LastModified>` +
      `<ETag>${esc(o.etag)}</ETag><Size>${o.sizeBytes}</Size><StorageClass>STANDARD</StorageClass></Contents>`),
    ...r.commonPrefixes.map((p) => `<CommonPrefixes><Prefix>${enc(p)}</Prefix></CommonPrefixes>`),
    '</ListBucketResult>',
  ];
  return xml(200, parts.join(''), headers);
}

function listBucketsXml(store: ObjectStore): string {
  const buckets = store.listBuckets()
    .map((b) => `<Bucket><Name>${esc(b.name)}</Name><CreationDate>${new Date(b.creationMs).toISOString()}</CreationDate></Bucket>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ListAllMyBucketsResult xmlns="${XMLNS}"><Owner><ID>${OWNER_ID}</ID><DisplayName>sandbox</DisplayName></Owner><Buckets>${buckets}</Buckets></ListAllMyBucketsResult>`;
}

function errorResponse(method: string, status: number, code: string, message: string, requestId: string, extra: Record<string, string> = {}): RestResponse {
  const headers = { 'x-amz-request-id': requestId, 'content-type': 'application/xml' };
  // HEAD responses carry no body; the SDK maps the status code.
  if (method.toUpperCase() === 'HEAD') return { status, headers };
  const fields = Object.entries(extra).filter(([, v]) => v !== '').map(([k, v]) => `<${k}>${esc(v)}</${k}>`).join('');
  return { status, headers, body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${esc(message)}</Message>${fields}<RequestId>${requestId}</RequestId></Error>` };
}

function xml(status: number, body: string, headers: Record<string, string>): RestResponse {
  return { status, headers: { ...headers, 'content-type': 'application/xml' }, body };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

let requestCounter = 0;
function requestIdFor(_req: RestRequest): string {
  requestCounter = (requestCounter + 1) % 0xffffffff;
  return `SANDBOX${requestCounter.toString(16).toUpperCase().padStart(9, '0')}`;
}
