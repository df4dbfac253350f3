/**
 * The narrow interface a producer writes through. The scenario loader adapts the streams
 * service's fast path to it; tests use small fakes. Outcomes are numbers, not objects, so the
 * hot path allocates nothing: an accepted record returns its shard index (≥ 0); any negative
 * number means refused (throttled, or the stream could not take it yet) and the producer retries.
 */

export interface ProducerSink {
  readonly streamName: string;
  /** Writes one record now. `data` is the payload, or only its size in bytes for size-only records. */
  put(partitionKey: string, data: Uint8Array | number, explicitHashKey: string | undefined): number;
  /**
   * Writes one record whose key's MD5 the caller cached (`hashOf`), skipping the hashing;
   * same outcome encoding as `put`. Routing still follows the current shard map.
   */
  putHashed(partitionKey: string, data: Uint8Array | number, hash: Uint32Array): number;
  /** The 128-bit MD5 of a partition key as 4 big-endian words (a fresh array the caller may keep). */
  hashOf(partitionKey: string): Uint32Array;
  /** Number of shard slots the sink indexes (open and closed); shard indices are below it. */
  shardSlots(): number;
  /** Shard index a key routes to now (for caching pool keys and aggregate mode). */
  shardOf(partitionKey: string, explicitHashKey: string | undefined): number;
  /** Open shards with the fraction of the hash key space each covers (sums to 1). */
  openShardShares(): readonly { readonly shardIndex: number; readonly share: number }[];
  /** A number that changes whenever the shard map changes (resharding), to invalidate caches. */
  shardMapVersion(): number;
  /** Aggregate write: `records` records totalling `bytes` for one shard; returns how many were accepted. */
  putAggregate(shardIndex: number, records: number, bytes: number): number;
  /**
   * Optional fast path: writes one record whose key is the version-4 UUID with words `w0…w3`
   * (engine/hash/uuid-key), without the producer building the key string. Same outcomes as `put`.
   */
  putUuid?(w0: number, w1: number, w2: number, w3: number, data: Uint8Array | number): number;
  /**
   * Optional fast path for a key the caller already routed with `shardOf` under the current
   * `shardMapVersion()`; `keyBytes` is the key's UTF-8 length. Returns SINK_SHARD_NOT_OPEN when the
   * shard no longer takes writes (route again), otherwise as `put`.
   */
  putToShard?(shardIndex: number, partitionKey: string, keyBytes: number, data: Uint8Array | number): number;
}

/** Refused by the shard's write limits: retried with backoff. Same code as the streams fast path's PUT_THROTTLED. */
export const SINK_THROTTLED = -1;
/** Refused for good (record over the size limit): the producer drops it instead of retrying. Same code as the streams fast path's PUT_TOO_LARGE. */
export const SINK_TOO_LARGE = -2;
/** `putToShard` named a shard that is closed (resharded since the caller routed): not a throttle. Same code as PUT_SHARD_NOT_OPEN. */
export const SINK_SHARD_NOT_OPEN = -4;

export function isAccepted(outcome: number): boolean {
  return outcome >= 0;
}

