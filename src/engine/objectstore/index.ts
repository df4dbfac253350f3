export { ObjectStore, ObjectStoreError, contentDigestHex, DEFAULT_OBJECT_STORE_BYTES } from './object-store';
export type {
  StoredObject, PutObjectOptions, ListObjectsV2Request, ListObjectsV2Result, BucketInfo, ObjectStoreStats, ObjectStoreOptions,
} from './object-store';
