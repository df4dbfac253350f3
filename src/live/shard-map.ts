/**
 * The shard map of a live stream from ListShards: each shard's hash-key range (decimal strings as
 * AWS writes them, and fractions of the 0…2^128−1 key space for drawing), its parents (lineage
 * after SplitShard / MergeShards / UpdateShardCount) and whether it is open (no EndingSequenceNumber),
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_Shard.html. Also the MD5 routing of a
 * partition key to the open shard whose range holds its hash key, with the engine's hash module.
 */
import { HASH_KEY_MAX, hashKeyToBigInt, md5PartitionKey } from '../engine/hash';

/** The fields of the SDK's Shard type this module reads (kept structural: no SDK import). */
export interface ShardListing {
  readonly ShardId?: string;
  readonly ParentShardId?: string;
  readonly AdjacentParentShardId?: string;
  readonly HashKeyRange?: { readonly StartingHashKey?: string; readonly EndingHashKey?: string };
  readonly SequenceNumberRange?: { readonly StartingSequenceNumber?: string; readonly EndingSequenceNumber?: string };
}

export interface LiveShard {
  readonly shardId: string;
  readonly parents: readonly string[];
  readonly startingHashKey: string;
  readonly endingHashKey: string;
  /** Range as fractions of the key space, for drawing. */
  readonly startFraction: number;
  readonly endFraction: number;
  readonly open: boolean;
}

const SPACE = Number(HASH_KEY_MAX) + 1;

export function shardMapOf(shards: readonly ShardListing[]): LiveShard[] {
  return shards
    .filter((s) => s.ShardId && s.HashKeyRange?.StartingHashKey !== undefined && s.HashKeyRange?.EndingHashKey !== undefined)
    .map((s) => {
      const start = s.HashKeyRange!.StartingHashKey!;
      const end = s.HashKeyRange!.EndingHashKey!;
      return {
        shardId: s.ShardId!,
        parents: [s.ParentShardId, s.AdjacentParentShardId].filter((p): p is string => typeof p === 'string'),
        startingHashKey: start,
        endingHashKey: end,
        startFraction: Number(BigInt(start)) / SPACE,
        endFraction: (Number(BigInt(end)) + 1) / SPACE,
        open: s.SequenceNumberRange?.EndingSequenceNumber === undefined,
      };
    });
}

/** The 128-bit MD5 hash key of a partition key as a bigint (how Kinesis routes records). */
export function hashKeyOfPartitionKey(key: string): bigint {
  return hashKeyToBigInt(md5PartitionKey(key));
}

/** The open shard whose hash-key range holds this hash key, if the map has one. */
export function openShardFor(hashKey: bigint, shards: readonly LiveShard[]): string | undefined {
  for (const s of shards) {
    if (s.open && BigInt(s.startingHashKey) <= hashKey && hashKey <= BigInt(s.endingHashKey)) return s.shardId;
  }
  return undefined;
}

/** The midpoint of a shard's range: the NewStartingHashKey that splits it in two even halves. */
export function midpointHashKey(s: LiveShard): string {
  const lo = BigInt(s.startingHashKey);
  const hi = BigInt(s.endingHashKey);
  return (lo + (hi - lo + 1n) / 2n).toString(10);
}
