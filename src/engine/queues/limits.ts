/**
 * Amazon SQS limits and defaults (one home for them). Sources: SQS API reference
 * (CreateQueue, SetQueueAttributes, SendMessage, ReceiveMessage, ChangeMessageVisibility —
 * docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/) and "Amazon SQS message
 * quotas" (docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html);
 * the 1 MiB payload: What's New "Amazon SQS increases maximum message payload size to 1 MiB".
 */

export const QUEUE_NAME_MAX = 80;
export const MESSAGE_BYTES_MAX = 1_048_576;
export const MESSAGE_BYTES_MIN_SETTING = 1_024;
export const DELAY_SECONDS_MAX = 900;
export const RETENTION_SECONDS_RANGE = [60, 1_209_600] as const;
export const RETENTION_SECONDS_DEFAULT = 345_600;
export const WAIT_SECONDS_MAX = 20;
export const VISIBILITY_SECONDS_MAX = 43_200;
export const VISIBILITY_SECONDS_DEFAULT = 30;
export const KMS_REUSE_SECONDS_RANGE = [60, 86_400] as const;
export const KMS_REUSE_SECONDS_DEFAULT = 300;
export const MAX_RECEIVE_COUNT_RANGE = [1, 1_000] as const;
export const RECEIVE_MAX_MESSAGES = 10;
export const BATCH_ENTRIES_MAX = 10;
export const BATCH_ENTRY_ID_MAX = 80;
export const MESSAGE_ATTRIBUTES_MAX = 10;
export const ATTRIBUTE_NAME_MAX = 256;
export const ATTRIBUTE_TYPE_MAX = 256;
export const DEDUP_ID_MAX = 128;
export const GROUP_ID_MAX = 128;
/** FIFO deduplication interval. */
export const DEDUP_WINDOW_MS = 5 * 60_000;
/** ReceiveRequestAttemptId is honoured for 5 minutes. */
export const RECEIVE_ATTEMPT_WINDOW_MS = 5 * 60_000;
export const INFLIGHT_STANDARD_MAX = 120_000;
export const INFLIGHT_FIFO_MAX = 120_000;
/** A deleted queue's name is reusable after 60 s; a second PurgeQueue within 60 s fails. */
export const QUEUE_NAME_REUSE_MS = 60_000;
export const PURGE_INTERVAL_MS = 60_000;
export const LIST_QUEUES_MAX = 1_000;
export const MOVE_TASK_RATE_MAX = 500;
export const REDRIVE_ALLOW_SOURCES_MAX = 10;
export const TAGS_PER_QUEUE_MAX = 50;
/** FIFO: 300 transactions per second per action without high throughput (MQ, FT). */
export const FIFO_TPS_PER_ACTION = 300;
/**
 * High-throughput FIFO, per action: the us-east-1 row of the quota table in "Amazon SQS message
 * quotas" (70,000 TPS without batching) [unconfirmed: spec sqs.md §1 did not capture the table].
 */
export const FIFO_HIGH_THROUGHPUT_TPS_PER_ACTION = 70_000;
/** First 1 million requests a month are free (standard and FIFO), per pricing page. */
export const FREE_REQUESTS_PER_MONTH = 1_000_000;
/** Pricing unit: each 64 KiB chunk of payload is one request. */
export const BILLING_CHUNK_BYTES = 65_536;
