/**
 * S3 REST (path-style, `/bucket/key`) over the simulator's ObjectStore, as the AWS SDKs and the
 * AWS CLI (`aws s3 ls/cp/sync`, `aws s3api …`) use it: ListBuckets, Create/Head/DeleteBucket,
 * GetBucketLocation, ListObjects (V1) and ListObjectsV2, Get/Head/Put/Copy/DeleteObject,
 * DeleteObjects and multipart uploads, with S3's XML documents and error codes. This module routes;
 * the operations live in s3-objects.ts, s3-multipart.ts and s3-xml.ts. Node-free, so it can be
 * tested without a socket.
 */
import { ObjectStoreError, type ObjectStore } from '../../engine/objectstore/object-store';
import { MultipartUploads } from './s3-multipart';
import { copyObject, deleteObjects, getObject, putObject } from './s3-objects';
import { errorResponse, listBucketsXml, listV1Xml, listV2Xml, xml, XMLNS, type ListXmlParams } from './s3-xml';
import type { RestHandler, RestRequest, RestResponse } from './types';

export { parseRange } from './s3-objects';

/** S3's own wording for the store's error codes (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html). */
const S3_MESSAGES: Readonly<Record<string, string>> = {
  NoSuchKey: 'The specified key does not exist.',
  NoSuchBucket: 'The specified bucket does not exist',
  BucketNotEmpty: 'The bucket you tried to delete is not empty',
  InvalidBucketName: 'The specified bucket is not valid.',
};

export function createS3RestHandler(store: ObjectStore): RestHandler {
  const uploads = new MultipartUploads(store);
  return async (req) => handleS3Request(store, req, uploads);
}

/** Answers an S3 request, or undefined when the request does not look like one for this store. */
export function handleS3Request(store: ObjectStore, req: RestRequest, uploads = new MultipartUploads(store)): RestResponse | undefined {
  const [bucket, key] = splitPath(req.path);
  if (!looksLikeS3(store, req, bucket)) return undefined;
  const requestId = requestIdFor(req);
  try {
    return route(store, uploads, req, bucket, key, requestId);
  } catch (e) {
    if (e instanceof ObjectStoreError) {
      const extra: Record<string, string> = e.code === 'NoSuchKey' ? { Key: key } : { BucketName: bucket };
      return errorResponse(req.method, e.httpStatus, e.code, S3_MESSAGES[e.code] ?? e.message, requestId, extra);
    }
    throw e;
  }
}

/** S3 requests are signed for the `s3` service, carry x-amz-content-sha256, or name a bucket of this store. */
export function looksLikeS3(store: ObjectStore, req: RestRequest, bucket: string): boolean {
  const auth = req.headers.authorization ?? '';
  if (/\/s3\/aws4_request/.test(auth) || req.headers['x-amz-content-sha256'] !== undefined) return true;
  if ((req.query.get('X-Amz-Credential') ?? '').includes('/s3/aws4_request')) return true;
  return bucket !== '' && store.hasBucket(bucket);
}

function splitPath(path: string): [string, string] {
  const trimmed = path.replace(/^\/+/, '');
  const slash = trimmed.indexOf('/');
  return slash < 0 ? [trimmed, ''] : [trimmed.slice(0, slash), trimmed.slice(slash + 1)];
}

function route(store: ObjectStore, uploads: MultipartUploads, req: RestRequest, bucket: string, key: string, requestId: string): RestResponse {
  const method = req.method.toUpperCase();
  const headers = { 'x-amz-request-id': requestId };
  if (bucket === '') {
    if (method === 'GET') return xml(200, listBucketsXml(store.listBuckets()), headers);
    return errorResponse(method, 405, 'MethodNotAllowed', `The specified method is not allowed against this resource.`, requestId, { Method: method, ResourceType: 'SERVICE' });
  }
  if (key === '') return routeBucket(store, req, method, bucket, headers);
  const q = req.query;
  switch (method) {
    case 'GET':
      return getObject(store.getObject(bucket, key), req, headers, true);
    case 'HEAD':
      return getObject(store.headObject(bucket, key), req, headers, false);
    case 'PUT':
      if (q.has('uploadId')) return uploads.uploadPart(req, headers);
      if (req.headers['x-amz-copy-source'] !== undefined) return copyObject(store, req, bucket, key, headers);
      return putObject(store, req, bucket, key, headers);
    case 'POST':
      if (q.has('uploads')) return uploads.create(req, bucket, key, headers);
      if (q.has('uploadId')) return uploads.complete(req, headers);
      break;
    case 'DELETE':
      if (q.has('uploadId')) return uploads.abort(req, headers);
      store.deleteObject(bucket, key);
      return { status: 204, headers };
  }
  return errorResponse(method, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', requestId, { Method: method, ResourceType: 'OBJECT' });
}

function routeBucket(store: ObjectStore, req: RestRequest, method: string, bucket: string, headers: Record<string, string>): RestResponse {
  const requestId = headers['x-amz-request-id'];
  switch (method) {
    case 'GET': {
      if (!store.hasBucket(bucket)) return errorResponse(method, 404, 'NoSuchBucket', S3_MESSAGES.NoSuchBucket, requestId, { BucketName: bucket });
      if (req.query.has('location')) return xml(200, `<LocationConstraint xmlns="${XMLNS}"></LocationConstraint>`, headers);
      return listObjects(store, req, bucket, headers);
    }
    case 'HEAD':
      if (!store.hasBucket(bucket)) return { status: 404, headers };
      return { status: 200, headers: { ...headers, 'x-amz-bucket-region': 'us-east-1' } };
    case 'PUT':
      store.createBucket(bucket);
      return { status: 200, headers: { ...headers, location: `/${bucket}` } };
    case 'POST':
      if (req.query.has('delete')) return deleteObjects(store, req, bucket, headers);
      break;
    case 'DELETE':
      store.deleteBucket(bucket);
      return { status: 204, headers };
  }
  return errorResponse(method, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', requestId, { Method: method, ResourceType: 'BUCKET' });
}

/** ListObjectsV2 when `list-type=2`, else ListObjects (V1) — both paged by the store's listPage. */
function listObjects(store: ObjectStore, req: RestRequest, bucket: string, headers: Record<string, string>): RestResponse {
  const q = req.query;
  const requestId = headers['x-amz-request-id'];
  const rawMax = q.get('max-keys');
  const maxKeys = rawMax === null ? 1000 : Number(rawMax);
  if (!Number.isInteger(maxKeys) || maxKeys < 0 || maxKeys > 2_147_483_647) {
    return errorResponse(req.method, 400, 'InvalidArgument', 'Provided max-keys not an integer or within integer range', requestId, { ArgumentName: 'max-keys', ArgumentValue: rawMax ?? '' });
  }
  const params: ListXmlParams = { bucket, prefix: q.get('prefix') ?? '', delimiter: q.get('delimiter') ?? '', maxKeys, urlEncode: q.get('encoding-type') === 'url' };
  if (q.get('list-type') === '2') {
    const token = q.get('continuation-token') ?? undefined;
    const startAfter = q.get('start-after') ?? undefined;
    if (token === '') return errorResponse(req.method, 400, 'InvalidArgument', 'The continuation token provided is incorrect', requestId, { ArgumentName: 'continuation-token' });
    const r = store.listObjectsV2({ bucket, prefix: params.prefix, delimiter: params.delimiter, maxKeys, continuationToken: token, startAfter });
    const page = { ...r, lastConsumed: '' };
    return xml(200, listV2Xml(params, page, { token, nextToken: r.nextContinuationToken, startAfter, fetchOwner: q.get('fetch-owner') === 'true' }), headers);
  }
  const marker = q.get('marker') ?? '';
  const page = store.listPage({ bucket, prefix: params.prefix, delimiter: params.delimiter, maxKeys, after: marker });
  return xml(200, listV1Xml(params, page, marker), headers);
}

let requestCounter = 0;
function requestIdFor(_req: RestRequest): string {
  requestCounter = (requestCounter + 1) % 0xffffffff;
  return `SANDBOX${requestCounter.toString(16).toUpperCase().padStart(9, '0')}`;
}
