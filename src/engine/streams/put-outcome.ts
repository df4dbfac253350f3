/**
 * The one outcome of writing records into a stream, for every producer kind: the simulated SDK-style and
 * KPL producers, the aggregate-mode producer, the Kinesis Agent, Analytics output, the console's put-record
 * and the PutRecord / PutRecords API.
 * - On the hot paths (Stream.putRecord and friends, the producers' ProducerSink) an outcome is a number so
 *   nothing is allocated: a shard number (≥ 0) means accepted, the negative codes below mean refused.
 * - A batch write (putBatch in data-plane.ts, PutRecords semantics) answers one PutOutcome per record in
 *   order, as PutRecords' Records[i]: the shard and sequence counter, or the AWS ErrorCode and ErrorMessage
 *   (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html).
 */

/** Refused by the shard's write limits (ProvisionedThroughputExceededException): retried with backoff. */
export const PUT_THROTTLED = -1;
/** Over the stream's maximum record size: retrying cannot help. */
export const PUT_TOO_LARGE = -2;
/** The stream is gone. */
export const PUT_STREAM_GONE = -3;
/** putRecordToShard named a shard that is not open (the caller's routing predates a reshard): route again. */
export const PUT_SHARD_NOT_OPEN = -4;

/** One record's outcome in a batch: PutRecords' per-record result. */
export type PutOutcome =
  | { readonly ok: true; readonly shardNumber: number; readonly counter: number }
  | { readonly ok: false; readonly errorCode: string; readonly errorMessage: string };

/** A batch write's answer: FailedRecordCount and one outcome per record, in request order. */
export interface BatchOutcome {
  readonly failed: number;
  readonly records: readonly PutOutcome[];
}
