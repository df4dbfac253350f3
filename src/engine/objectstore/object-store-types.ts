/**
 * The object store's data shapes: stored objects, listing requests and pages, bucket info and
 * stats. JSON-able, no behaviour; `object-store.ts` owns the store itself.
 */

export interface StoredObject {
  readonly bucket: string;
  readonly key: string;
  readonly body: Uint8Array;
  readonly sizeBytes: number;
  /** Quoted hex digest, as S3 returns it (a 128-bit content hash; not MD5 — see `contentDigestHex`). */
  readonly etag: string;
  readonly lastModifiedMs: number;
  readonly contentType: string;
  readonly contentEncoding?: string;
  readonly metadata: Readonly<Record<string, string>>;
}

export interface PutObjectOptions {
  readonly contentType?: string;
  readonly contentEncoding?: string;
  readonly metadata?: Record<string, string>;
  /** An ETag to keep instead of the content digest (a multipart upload's `"<digest>-<parts>"`). */
  readonly etag?: string;
}

export interface ListObjectsV2Request {
  readonly bucket: string;
  readonly prefix?: string;
  readonly delimiter?: string;
  /** 1–1000, default 1000 as in S3. */
  readonly maxKeys?: number;
  readonly continuationToken?: string;
  readonly startAfter?: string;
}

export interface ListObjectsV2Result {
  readonly contents: readonly StoredObject[];
  readonly commonPrefixes: readonly string[];
  readonly isTruncated: boolean;
  readonly nextContinuationToken?: string;
  readonly keyCount: number;
}

export interface ListPageRequest {
  readonly bucket: string;
  readonly prefix?: string;
  readonly delimiter?: string;
  readonly maxKeys?: number;
  /** Exclusive lower bound: only keys greater than this are listed ('' = from the start). */
  readonly after: string;
}

export interface ListPage {
  readonly contents: readonly StoredObject[];
  readonly commonPrefixes: readonly string[];
  readonly isTruncated: boolean;
  readonly lastConsumed: string;
  readonly keyCount: number;
}

export interface BucketInfo {
  readonly name: string;
  readonly creationMs: number;
}

export interface ObjectStoreStats {
  readonly bucketCount: number;
  readonly objectCount: number;
  readonly bytesStored: number;
  readonly bytesLimit: number;
  readonly evictedObjects: number;
  readonly evictedBytes: number;
}

export interface ObjectStoreOptions {
  readonly nowMs: () => number;
  /** Memory budget for object bodies; default 256 MiB. */
  readonly maxBytes?: number;
}
