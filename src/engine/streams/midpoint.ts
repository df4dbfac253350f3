/**
 * The one midpoint-split kernel: the hash key that divides a shard's range [start, end] into two
 * halves of equal size (the lower child gets the extra key when the size is odd). Used by on-demand
 * scaling and by the console's "split at midpoint"; the AWS console suggests the same key.
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SplitShard.html
 */
import type { HashRange } from './hash-range';

export function midpointHashKey(range: HashRange): bigint {
  return range.start + (range.end - range.start + 1n) / 2n;
}
