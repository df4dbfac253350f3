/**
 * The narrow interface consumers read through; the scenario loader adapts a streams-service
 * Stream to it. Shards are addressed by shard number (index into every shard ever created).
 * Both reads are the streams engine's one ShardReader interface: shared reads apply the shard's 5 calls/s
 * and 2 MiB/s limits and count the call; dedicated reads (enhanced fan-out) leave the shared budget alone.
 */
import type { ShardReader } from '../streams/shard-reader';

export interface ShardView {
  readonly number: number;
  readonly id: string;
  readonly isOpen: boolean;
  readonly parentNumber: number | undefined;
  readonly adjacentParentNumber: number | undefined;
  /** Counter the next written record will get (the tip). */
  readonly nextCounter: number;
  /** Counter of the oldest retained record (the trim horizon). */
  trimHorizonCounter(): number;
}

export interface ConsumerSource {
  readonly streamName: string;
  /** Every shard ever created (open and closed), by number; closed shards past retention are omitted. */
  shards(): readonly ShardView[];
  shard(number: number): ShardView | undefined;
  /** GetRecords calls; false when the shard's read limits refused one (counted as ReadProvisionedThroughputExceeded). */
  readonly shared: ShardReader;
  /**
   * Counter one past the last record of the shard that arrived at or before `arrivedAtOrBeforeMs`
   * (the tip when all did). Enhanced fan-out uses it to hold records back for the propagation delay;
   * a source without it shows every record at once.
   */
  visibleEndCounter?(shardNumber: number, arrivedAtOrBeforeMs: number): number;
  /** Enhanced fan-out pushes of up to `maxBytes` (the consumer's own 2 MiB/s budget). */
  readonly dedicated: ShardReader;
}
