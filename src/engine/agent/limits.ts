/**
 * The Kinesis Agent's own limits and defaults (one home for them). Values from the Firehose
 * developer guide, "Specify agent configuration settings"
 * (docs.aws.amazon.com/firehose/latest/dev/agent-config-settings.html), and the agent's
 * source (spec kinesis-agent.md §3, §8).
 */

export const MIB = 1_048_576;

/** A Kinesis record's data plus partition key, as the agent caps it (it predates 10 MiB records). */
export const KINESIS_MAX_RECORD_SIZE_BYTES = MIB;
/** A Firehose record: 1,000 KiB. */
export const FIREHOSE_MAX_RECORD_SIZE_BYTES = 1_024_000;
export const KINESIS_MAX_BUFFER_SIZE_BYTES = 5 * MIB;
export const FIREHOSE_MAX_BUFFER_SIZE_BYTES = 4 * MIB;
export const MAX_BUFFER_SIZE_RECORDS = 500;

export const DEFAULT_MAX_BUFFER_AGE_MILLIS = 60_000;
export const MAX_BUFFER_AGE_MILLIS_RANGE = [1_000, 900_000] as const;
export const WAIT_ON_PUBLISH_QUEUE_MILLIS_RANGE = [1_000, 900_000] as const;
export const DEFAULT_WAIT_ON_PUBLISH_QUEUE_MILLIS = 60_000;
export const DEFAULT_PUBLISH_QUEUE_CAPACITY = 100;
export const DEFAULT_RETRY_INITIAL_BACKOFF_MILLIS = 100;
export const DEFAULT_RETRY_MAX_BACKOFF_MILLIS = 10_000;
export const DEFAULT_MIN_TIME_BETWEEN_FILE_POLLS_MILLIS = 100;
export const DEFAULT_MAX_TIME_BETWEEN_FILE_TRACKER_REFRESH_MILLIS = 10_000;
export const AGGREGATED_RECORD_SIZE_BYTES_MAX = 1_024_000;
/** Backoff: factor 2, ±30 % jitter (spec §8). */
export const BACKOFF_JITTER = 0.3;

export const DEFAULT_CHECKPOINT_FILE = '/var/run/aws-kinesis-agent/checkpoints';
export const DEFAULT_CLOUDWATCH_NAMESPACE = 'AWSKinesisAgent';
export const DEFAULT_METRICS_BUFFER_TIME_MILLIS = 30_000;

/** File names the agent never tails (compressed rotations), any case. */
export const COMPRESSED_SUFFIXES = ['.gz', '.bz2', '.zip'] as const;
