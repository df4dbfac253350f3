/**
 * The narrow interface a producer writes through. The scenario loader adapts the streams
 * service's fast path to it; tests use small fakes. Outcomes are the streams engine's one put
 * outcome (streams/put-outcome.ts) in its number form, so the hot path allocates nothing: an
 * accepted record returns its shard index (≥ 0); PUT_THROTTLED is retried with backoff,
 * PUT_TOO_LARGE is dropped, PUT_SHARD_NOT_OPEN (from putToShard) means route again.
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
   * `shardMapVersion()`; `keyBytes` is the key's UTF-8 length. Returns PUT_SHARD_NOT_OPEN when the
   * shard no longer takes writes (route again), otherwise as `put`.
   */
  putToShard?(shardIndex: number, partitionKey: string, keyBytes: number, data: Uint8Array | number): number;
}


