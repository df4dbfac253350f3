/**
 * The narrow interface a producer writes through. The scenario loader adapts the streams
 * service's fast path to it; tests use small fakes. Outcomes are numbers, not objects, so the
 * hot path allocates nothing: an accepted record returns its shard index (≥ 0), a throttled one
 * returns −1 − shardIndex.
 */

export interface ProducerSink {
  readonly streamName: string;
  /** Writes one record now. `data` is the payload, or only its size in bytes for size-only records. */
  put(partitionKey: string, data: Uint8Array | number, explicitHashKey: string | undefined): number;
  /**
   * Writes one record to a shard the caller already routed it to (a cached pool key's shard),
   * skipping the MD5; same outcome encoding as `put`.
   */
  putAt(shardIndex: number, partitionKey: string, data: Uint8Array | number): number;
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
}

export function isAccepted(outcome: number): boolean {
  return outcome >= 0;
}

export function shardOfOutcome(outcome: number): number {
  return outcome >= 0 ? outcome : -1 - outcome;
}
