/**
 * S3 object operations over the simulator's ObjectStore: GetObject / HeadObject (same headers,
 * Range → 206 with Content-Range, unsatisfiable → 416 InvalidRange), PutObject (aws-chunked bodies
 * decoded), CopyObject (x-amz-copy-source, metadata directive), DeleteObject and DeleteObjects.
 * Node-free. API pages: https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html
 */
import type { ObjectStore, StoredObject } from '../../engine/objectstore/object-store';
import { AwsChunkedError, decodeAwsChunked, isAwsChunked, remainingContentEncoding } from './aws-chunked';
import { elements, errorResponse, esc, iso, unesc, xml, XMLNS } from './s3-xml';
import type { RestRequest, RestResponse } from './types';

/** DeleteObjects takes at most 1,000 keys per request (API_DeleteObjects). */
export const DELETE_OBJECTS_KEYS_MAX = 1000;

type Headers = Record<string, string>;

export function objectHeaders(o: StoredObject): Headers {
  const h: Headers = {
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

/**
 * How S3 treats a Range header: one satisfiable `bytes=` range → that range; a range starting past
 * the end → 416; anything else (syntax it does not parse, several ranges) → the whole object.
 */
export type RangeChoice = { readonly kind: 'whole' } | { readonly kind: 'unsatisfiable' } | { readonly kind: 'range'; readonly start: number; readonly end: number };

export function chooseRange(header: string | undefined, size: number): RangeChoice {
  if (header === undefined) return { kind: 'whole' };
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return { kind: 'whole' };
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  if (m[2] !== '' && Number(m[2]) < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'range', start, end: m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1) };
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` → inclusive [start, end], or undefined when not one satisfiable range. */
export function parseRange(header: string, size: number): [number, number] | undefined {
  const c = chooseRange(header, size);
  return c.kind === 'range' ? [c.start, c.end] : undefined;
}

/**
 * If-Match / If-Unmodified-Since → 412 PreconditionFailed; If-None-Match / If-Modified-Since → 304,
 * with S3's precedence (a true If-Match overrides If-Unmodified-Since; a present If-None-Match
 * overrides If-Modified-Since). Dates compare at the second, as Last-Modified carries them.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
 */
function preconditions(o: StoredObject, req: RestRequest, headers: Headers): RestResponse | undefined {
  const h = req.headers;
  const etagIn = (list: string) => list.split(',').map((t) => t.trim()).some((t) => t === '*' || t.replace(/^W\//, '') === o.etag || `"${t}"` === o.etag);
  const modifiedSec = Math.floor(o.lastModifiedMs / 1000);
  const dateSec = (v: string | undefined) => (v === undefined || !Number.isFinite(Date.parse(v)) ? undefined : Math.floor(Date.parse(v) / 1000));
  const failed = (condition: string) => errorResponse(req.method, 412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', headers['x-amz-request-id'], { Condition: condition });
  if (h['if-match'] !== undefined) {
    if (!etagIn(h['if-match'])) return failed('If-Match');
  } else {
    const since = dateSec(h['if-unmodified-since']);
    if (since !== undefined && modifiedSec > since) return failed('If-Unmodified-Since');
  }
  const notModified = { status: 304, headers: { ...headers, etag: o.etag, 'last-modified': new Date(o.lastModifiedMs).toUTCString() } };
  if (h['if-none-match'] !== undefined) return etagIn(h['if-none-match']) ? notModified : undefined;
  const since = dateSec(h['if-modified-since']);
  return since !== undefined && modifiedSec <= since ? notModified : undefined;
}

/** `response-content-type` & co. on a GET override the stored headers (used by presigned downloads). */
const RESPONSE_OVERRIDES: readonly (readonly [string, string])[] = [
  ['response-content-type', 'content-type'], ['response-content-language', 'content-language'], ['response-expires', 'expires'],
  ['response-cache-control', 'cache-control'], ['response-content-disposition', 'content-disposition'], ['response-content-encoding', 'content-encoding'],
];

function storedHeaders(o: StoredObject, req: RestRequest): Headers {
  const h = objectHeaders(o);
  for (const [param, header] of RESPONSE_OVERRIDES) {
    const v = req.query.get(param);
    if (v !== null) h[header] = v;
  }
  return h;
}

/** GetObject and HeadObject answer the same status and headers; HEAD just has no body. */
export function getObject(o: StoredObject, req: RestRequest, headers: Headers, withBody: boolean): RestResponse {
  const unmet = preconditions(o, req, headers);
  if (unmet) return unmet;
  const range = chooseRange(req.headers.range, o.sizeBytes);
  if (range.kind === 'unsatisfiable') {
    const e = errorResponse(req.method, 416, 'InvalidRange', 'The requested range is not satisfiable', headers['x-amz-request-id'],
      { RangeRequested: req.headers.range ?? '', ActualObjectSize: String(o.sizeBytes) });
    return { ...e, headers: { ...e.headers, 'content-range': `bytes */${o.sizeBytes}` } };
  }
  if (range.kind === 'whole') return { status: 200, headers: { ...headers, ...storedHeaders(o, req) }, body: withBody ? o.body : undefined };
  const body = o.body.subarray(range.start, range.end + 1);
  return {
    status: 206,
    headers: { ...headers, ...storedHeaders(o, req), 'content-length': String(body.length), 'content-range': `bytes ${range.start}-${range.end}/${o.sizeBytes}` },
    body: withBody ? body : undefined,
  };
}

function userMetadata(headers: Readonly<Headers>): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [h, v] of Object.entries(headers)) if (h.startsWith('x-amz-meta-')) metadata[h.slice(11)] = v;
  return metadata;
}

/** The uploaded bytes, with an aws-chunked framing removed; undefined (after answering) when the framing is broken. */
export function uploadedBody(req: RestRequest): { body: Uint8Array; contentEncoding?: string } | { error: string } {
  if (!isAwsChunked(req.headers)) return { body: req.body, contentEncoding: req.headers['content-encoding'] };
  try {
    return { body: decodeAwsChunked(req.body).body, contentEncoding: remainingContentEncoding(req.headers['content-encoding']) };
  } catch (e) {
    if (e instanceof AwsChunkedError) return { error: e.message };
    throw e;
  }
}

export function putObject(store: ObjectStore, req: RestRequest, bucket: string, key: string, headers: Headers): RestResponse {
  const upload = uploadedBody(req);
  if ('error' in upload) return errorResponse(req.method, 400, 'IncompleteBody', `You did not provide the number of bytes specified by the Content-Length HTTP header: ${upload.error}`, headers['x-amz-request-id']);
  const o = store.putObject(bucket, key, upload.body, { contentType: req.headers['content-type'], contentEncoding: upload.contentEncoding, metadata: userMetadata(req.headers) });
  return { status: 200, headers: { ...headers, etag: o.etag } };
}

/** `x-amz-copy-source: [/]bucket/key[?versionId=…]`, URL-encoded — https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html */
export function copyObject(store: ObjectStore, req: RestRequest, bucket: string, key: string, headers: Headers): RestResponse {
  const raw = req.headers['x-amz-copy-source'].split('?')[0];
  let source: string;
  try {
    source = decodeURIComponent(raw).replace(/^\/+/, '');
  } catch {
    source = raw.replace(/^\/+/, '');
  }
  const slash = source.indexOf('/');
  if (slash <= 0 || slash === source.length - 1) {
    return errorResponse(req.method, 400, 'InvalidArgument', 'Copy Source must mention the source bucket and key: sourcebucket/sourcekey', headers['x-amz-request-id'], { ArgumentName: 'x-amz-copy-source', ArgumentValue: raw });
  }
  const [srcBucket, srcKey] = [source.slice(0, slash), source.slice(slash + 1)];
  const src = store.getObject(srcBucket, srcKey);
  const replace = (req.headers['x-amz-metadata-directive'] ?? 'COPY').toUpperCase() === 'REPLACE';
  if (srcBucket === bucket && srcKey === key && !replace) {
    return errorResponse(req.method, 400, 'InvalidRequest',
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.", headers['x-amz-request-id']);
  }
  const options = replace
    ? { contentType: req.headers['content-type'], contentEncoding: req.headers['content-encoding'], metadata: userMetadata(req.headers) }
    : { contentType: src.contentType, contentEncoding: src.contentEncoding, metadata: { ...src.metadata } };
  const o = store.putObject(bucket, key, src.body, options);
  return xml(200, `<CopyObjectResult xmlns="${XMLNS}"><LastModified>${iso(o.lastModifiedMs)}</LastModified><ETag>${esc(o.etag)}</ETag></CopyObjectResult>`, headers);
}

/** POST /bucket?delete — https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html */
export function deleteObjects(store: ObjectStore, req: RestRequest, bucket: string, headers: Headers): RestResponse {
  if (!store.hasBucket(bucket)) return errorResponse(req.method, 404, 'NoSuchBucket', 'The specified bucket does not exist', headers['x-amz-request-id'], { BucketName: bucket });
  const text = new TextDecoder().decode(uploadedBodyBytes(req));
  const deleteDoc = elements(text, 'Delete')[0];
  const objects = deleteDoc === undefined ? [] : elements(deleteDoc, 'Object');
  if (deleteDoc === undefined || objects.length === 0 || objects.length > DELETE_OBJECTS_KEYS_MAX) {
    return errorResponse(req.method, 400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', headers['x-amz-request-id']);
  }
  const quiet = elements(deleteDoc, 'Quiet')[0]?.trim() === 'true';
  const deleted: string[] = [];
  for (const obj of objects) {
    const key = unesc(elements(obj, 'Key')[0] ?? '');
    store.deleteObject(bucket, key);
    if (!quiet) deleted.push(`<Deleted><Key>${esc(key)}</Key></Deleted>`);
  }
  return xml(200, `<DeleteResult xmlns="${XMLNS}">${deleted.join('')}</DeleteResult>`, headers);
}

function uploadedBodyBytes(req: RestRequest): Uint8Array {
  const upload = uploadedBody(req);
  return 'error' in upload ? new Uint8Array() : upload.body;
}
