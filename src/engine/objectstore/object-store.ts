/**
 * An S3-like object store held in memory: buckets, objects with real bytes and metadata, and
 * ListObjectsV2 semantics (prefix, delimiter, continuation). It is bounded by a byte budget;
 * when the budget is exceeded the oldest objects are evicted and counted, never silently lost.
 * Pure engine code: time comes from the injected clock, nothing from Node or the DOM.
 */
import { contentDigestHex } from './content-digest';
import type {
  BucketInfo, ListObjectsV2Request, ListObjectsV2Result, ListPage, ListPageRequest, ObjectStoreOptions, ObjectStoreStats, PutObjectOptions, StoredObject,
} from './object-store-types';
import { decodeToken, encodeToken, insertSorted, lowerBound, removeSorted } from './sorted-keys';

export { contentDigestHex } from './content-digest';

export type ObjectStoreErrorCode = 'NoSuchBucket' | 'NoSuchKey' | 'BucketAlreadyOwnedByYou' | 'BucketNotEmpty' | 'InvalidBucketName' | 'InvalidArgument';

/** A failure with the S3 error code, so REST and engine callers can map it faithfully. */
export class ObjectStoreError extends Error {
  constructor(readonly code: ObjectStoreErrorCode, message: string, readonly httpStatus: number) {
    super(message);
    this.name = code;
  }
}

export type {
  BucketInfo, ListObjectsV2Request, ListObjectsV2Result, ListPage, ListPageRequest, ObjectStoreOptions, ObjectStoreStats, PutObjectOptions, StoredObject,
} from './object-store-types';

interface Bucket {
  readonly name: string;
  readonly creationMs: number;
  readonly objects: Map<string, StoredObject>;
  /** Keys kept sorted so listing is a binary search plus a walk, as S3 lists in UTF-8 order. */
  readonly sortedKeys: string[];
  evictedObjects: number;
}

export const DEFAULT_OBJECT_STORE_BYTES = 256 * 1024 * 1024;
const LIST_MAX_KEYS = 1000;
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export class ObjectStore {
  private readonly buckets = new Map<string, Bucket>();
  /** Insertion order across all buckets: the eviction queue (oldest first). */
  private readonly age = new Map<string, StoredObject>();
  private bytes = 0;
  private evictedObjectsTotal = 0;
  private evictedBytesTotal = 0;
  private readonly maxBytes: number;
  private readonly nowMs: () => number;

  constructor(options: ObjectStoreOptions) {
    this.nowMs = options.nowMs;
    this.maxBytes = options.maxBytes ?? DEFAULT_OBJECT_STORE_BYTES;
  }

  createBucket(name: string): BucketInfo {
    if (!BUCKET_NAME.test(name)) {
      throw new ObjectStoreError('InvalidBucketName', `bucket name "${name}" must be 3–63 chars of a-z, 0-9, "." and "-"`, 400);
    }
    const existing = this.buckets.get(name);
    if (existing) return { name, creationMs: existing.creationMs };
    const bucket: Bucket = { name, creationMs: this.nowMs(), objects: new Map(), sortedKeys: [], evictedObjects: 0 };
    this.buckets.set(name, bucket);
    return { name, creationMs: bucket.creationMs };
  }

  hasBucket(name: string): boolean {
    return this.buckets.has(name);
  }

  /** Removes a bucket; like S3 it must be empty unless `force` is set. */
  deleteBucket(name: string, force = false): void {
    const bucket = this.requireBucket(name);
    if (bucket.objects.size > 0 && !force) {
      throw new ObjectStoreError('BucketNotEmpty', `bucket "${name}" is not empty; delete its objects first`, 409);
    }
    for (const key of [...bucket.sortedKeys]) this.deleteObject(name, key);
    this.buckets.delete(name);
  }

  listBuckets(): BucketInfo[] {
    return [...this.buckets.values()]
      .map((b) => ({ name: b.name, creationMs: b.creationMs }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  putObject(bucketName: string, key: string, body: Uint8Array, options: PutObjectOptions = {}): StoredObject {
    const bucket = this.requireBucket(bucketName);
    const previous = bucket.objects.get(key);
    if (previous) this.removeFromBucket(bucket, previous);
    else insertSorted(bucket.sortedKeys, key);
    const object: StoredObject = {
      bucket: bucketName,
      key,
      body,
      sizeBytes: body.byteLength,
      etag: options.etag ?? `"${contentDigestHex(body)}"`,
      lastModifiedMs: this.nowMs(),
      contentType: options.contentType ?? 'binary/octet-stream',
      contentEncoding: options.contentEncoding,
      metadata: { ...(options.metadata ?? {}) },
    };
    bucket.objects.set(key, object);
    this.age.set(ageKey(bucketName, key), object);
    this.bytes += object.sizeBytes;
    this.evictToBudget(object);
    return object;
  }

  getObject(bucketName: string, key: string): StoredObject {
    const object = this.requireBucket(bucketName).objects.get(key);
    if (!object) throw new ObjectStoreError('NoSuchKey', `no object "${key}" in bucket "${bucketName}"`, 404);
    return object;
  }

  headObject(bucketName: string, key: string): StoredObject {
    return this.getObject(bucketName, key);
  }

  deleteObject(bucketName: string, key: string): void {
    const bucket = this.requireBucket(bucketName);
    const object = bucket.objects.get(key);
    if (!object) return; // S3 deletes are idempotent
    this.removeFromBucket(bucket, object);
    bucket.objects.delete(key);
    removeSorted(bucket.sortedKeys, key);
  }

  /** ListObjectsV2: a page resumed by an opaque continuation token (or after StartAfter). */
  listObjectsV2(request: ListObjectsV2Request): ListObjectsV2Result {
    let after = request.startAfter ?? '';
    if (request.continuationToken !== undefined) {
      const decoded = decodeToken(request.continuationToken);
      if (decoded === undefined) throw new ObjectStoreError('InvalidArgument', 'The continuation token provided is incorrect', 400);
      after = decoded;
    }
    const page = this.listPage({ ...request, after });
    return { ...page, nextContinuationToken: page.isTruncated ? encodeToken(page.lastConsumed) : undefined };
  }

  /**
   * One page of keys after `after` (exclusive) under a prefix, with keys sharing a delimiter-bounded
   * prefix rolled up into one CommonPrefixes entry. `lastConsumed` is the last key the page covered
   * (for a rolled-up prefix, its last key), so resuming after it never repeats an entry: it serves as
   * both the V2 continuation token and the V1 NextMarker.
   */
  listPage(request: ListPageRequest): ListPage {
    const bucket = this.requireBucket(request.bucket);
    const prefix = request.prefix ?? '';
    const delimiter = request.delimiter ?? '';
    const maxKeys = Math.max(0, Math.min(request.maxKeys ?? LIST_MAX_KEYS, LIST_MAX_KEYS));
    const keys = bucket.sortedKeys;
    let i = lowerBound(keys, prefix);
    while (i < keys.length && keys[i] <= request.after) i++;
    const contents: StoredObject[] = [];
    const commonPrefixes: string[] = [];
    let last = '';
    let truncated = false;
    for (; i < keys.length; i++) {
      const key = keys[i];
      if (!key.startsWith(prefix)) break;
      if (contents.length + commonPrefixes.length >= maxKeys) {
        truncated = true;
        break;
      }
      const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
      if (cut >= 0) {
        const common = key.slice(0, cut + delimiter.length);
        commonPrefixes.push(common);
        // Skip every key under this common prefix: they are rolled up into one entry.
        while (i + 1 < keys.length && keys[i + 1].startsWith(common)) i++;
        last = keys[i];
      } else {
        contents.push(bucket.objects.get(key) as StoredObject);
        last = key;
      }
    }
    return { contents, commonPrefixes, isTruncated: truncated, lastConsumed: last, keyCount: contents.length + commonPrefixes.length };
  }

  /** Every object in a bucket under a prefix (no paging), for engine consumers such as COPY. */
  objectsUnder(bucketName: string, prefix: string): StoredObject[] {
    const bucket = this.requireBucket(bucketName);
    const out: StoredObject[] = [];
    for (let i = lowerBound(bucket.sortedKeys, prefix); i < bucket.sortedKeys.length; i++) {
      const key = bucket.sortedKeys[i];
      if (!key.startsWith(prefix)) break;
      out.push(bucket.objects.get(key) as StoredObject);
    }
    return out;
  }

  evictedObjectsIn(bucketName: string): number {
    return this.requireBucket(bucketName).evictedObjects;
  }

  stats(): ObjectStoreStats {
    let objectCount = 0;
    for (const b of this.buckets.values()) objectCount += b.objects.size;
    return {
      bucketCount: this.buckets.size,
      objectCount,
      bytesStored: this.bytes,
      bytesLimit: this.maxBytes,
      evictedObjects: this.evictedObjectsTotal,
      evictedBytes: this.evictedBytesTotal,
    };
  }

  private requireBucket(name: string): Bucket {
    const bucket = this.buckets.get(name);
    if (!bucket) throw new ObjectStoreError('NoSuchBucket', `the bucket "${name}" does not exist; create it first`, 404);
    return bucket;
  }

  private removeFromBucket(bucket: Bucket, object: StoredObject): void {
    this.age.delete(ageKey(bucket.name, object.key));
    this.bytes -= object.sizeBytes;
  }

  /** Evicts oldest objects until the budget holds; the object just written is kept even if alone it is too big. */
  private evictToBudget(keep: StoredObject): void {
    for (const [id, object] of this.age) {
      if (this.bytes <= this.maxBytes) return;
      if (object === keep) continue;
      const bucket = this.buckets.get(object.bucket) as Bucket;
      this.age.delete(id);
      bucket.objects.delete(object.key);
      removeSorted(bucket.sortedKeys, object.key);
      this.bytes -= object.sizeBytes;
      bucket.evictedObjects++;
      this.evictedObjectsTotal++;
      this.evictedBytesTotal += object.sizeBytes;
    }
  }
}

function ageKey(bucket: string, key: string): string {
  return `${bucket}\u0000${key}`;
}
