/**
 * Kinesis Data Streams limits and defaults, as numbers the engine enforces. Each names its source:
 * "quotas" = docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html; "API" = the API reference
 * page of the operation; "spec" = /shared/spec/data-streams.md (which records where sources disagree).
 */

const MiB = 1_048_576;

// Per-shard write limits (quotas): 1 MiB/s including partition-key bytes, 1,000 records/s.
export const WRITE_BYTES_PER_SEC_MAX = MiB;
export const WRITE_RECORDS_PER_SEC_MAX = 1_000;

// Per-shard shared read limits (quotas; GetRecords API): 5 calls/s, 2 MiB/s, ≤10,000 records or 10 MiB a call.
export const READ_CALLS_PER_SEC_MAX = 5;
export const READ_BYTES_PER_SEC_MAX = 2 * MiB;
export const GET_RECORDS_LIMIT_MAX = 10_000;
export const GET_RECORDS_BYTES_MAX = 10 * MiB;
// GetShardIterator (API): 5 calls/s per open shard.
export const GET_SHARD_ITERATOR_PER_SEC_MAX = 5;
// Enhanced fan-out (SubscribeToShard API): 2 MiB/s per consumer per shard; a subscription lives 5 minutes.
export const EFO_BYTES_PER_SEC_MAX = 2 * MiB;
export const SUBSCRIPTION_LIFETIME_MS = 5 * 60_000;
export const RESUBSCRIBE_TAKEOVER_MS = 5_000;

// Records (PutRecord/PutRecords API): data + key ≤ the stream's maximum record size, 1 MiB by default; key 1–256
// Unicode chars.
export const RECORD_BYTES_MAX = MiB;
export const PARTITION_KEY_LENGTH_MAX = 256;
// Large records (docs.aws.amazon.com/streams/latest/dev/large-records.html; API_UpdateMaxRecordSize):
// MaxRecordSizeInKiB 1,024–10,240 per stream, default 1,024 for new and existing streams. Shard limits stay
// 1 MiB/s write and 2 MiB/s read; a shard absorbs a large record by bursting (the "tank" that refills at the
// sustained rate), "up to 10 MiB while averaging 1 MiB per second".
export const MAX_RECORD_SIZE_KIB_DEFAULT = 1_024;
export const MAX_RECORD_SIZE_KIB_MIN = 1_024;
export const MAX_RECORD_SIZE_KIB_MAX = 10_240;
/** Bytes of a stream's maximum record size. */
export const recordBytesMaxOf = (maxRecordSizeKiB: number): number => maxRecordSizeKiB * 1_024;
/** Write burst a shard can hold beyond its 1 MiB/s window: what a record of the stream's maximum size needs. */
export const writeBurstBytesOf = (maxRecordSizeKiB: number): number => Math.max(0, recordBytesMaxOf(maxRecordSizeKiB) - WRITE_BYTES_PER_SEC_MAX);
// PutRecords (API): 1–500 entries. Whole request (data + keys): 5 MiB before large records; the current API text
// says 10 MiB, which a large-record stream needs to take one 10 MiB record (spec §5 [disagree]): 5 MiB for
// streams at the default maximum record size, 10 MiB for streams with a larger one.
export const PUT_RECORDS_ENTRIES_MAX = 500;
export const PUT_RECORDS_BYTES_MAX = 5 * MiB;
export const PUT_RECORDS_BYTES_MAX_LARGE = 10 * MiB;
export const putRecordsBytesMaxOf = (maxRecordSizeKiB: number): number =>
  maxRecordSizeKiB > MAX_RECORD_SIZE_KIB_DEFAULT ? PUT_RECORDS_BYTES_MAX_LARGE : PUT_RECORDS_BYTES_MAX;

// Retention (IncreaseStreamRetentionPeriod API): 24 h default, 24–8,760 h.
export const RETENTION_HOURS_DEFAULT = 24;
export const RETENTION_HOURS_MIN = 24;
export const RETENTION_HOURS_MAX = 8_760;

// Shard iterators (GetShardIterator API): valid 5 minutes.
export const ITERATOR_LIFETIME_MS = 5 * 60_000;

// Control plane (quotas; spec §3, §7, §10).
export const SHARD_LIMIT_DEFAULT = 20_000; // us-east-1 account shard quota
export const STREAMS_CREATING_MAX = 5;
export const ON_DEMAND_STREAMS_MAX = 50;
export const ON_DEMAND_INITIAL_SHARDS = 4; // 4 MiB/s + 4,000 records/s at creation
export const UPDATE_SHARD_COUNT_PER_DAY_MAX = 10;
export const UPDATE_SHARD_COUNT_TARGET_MAX = 10_000;
export const UPDATE_STREAM_MODE_PER_DAY_MAX = 2;
export const CONSUMERS_PER_STREAM_MAX = 20;
/** With On-demand Advantage (the account's minimum throughput billing commitment) on-demand streams take 50. */
export const CONSUMERS_PER_STREAM_MAX_ADVANTAGE = 50;
export const CONSUMERS_CREATING_MAX = 5;
export const TAGS_PER_STREAM_MAX = 50;
export const NEXT_TOKEN_LIFETIME_MS = 300_000;
export const DAY_MS = 86_400_000;

// Warm throughput (API_UpdateStreamWarmThroughput, API_WarmThroughputObject): on-demand streams of accounts with
// the minimum throughput billing commitment; default ceiling 10 GiB/s.
export const WARM_THROUGHPUT_MIBPS_MAX = 10_240;
// Minimum throughput billing commitment (API_UpdateAccountSettings): it lasts at least 24 hours.
export const COMMITMENT_MIN_DURATION_MS = DAY_MS;

// Channels (data-delivery-quotas; API_CreateChannel): one S3 and one S3 Tables delivery per stream; freshness
// 300–900 s, default 300; ListChannels ≤ 100 per page.
export const CHANNELS_PER_STREAM_MAX = 2;
export const CHANNEL_FRESHNESS_S_MIN = 300;
export const CHANNEL_FRESHNESS_S_MAX = 900;
export const CHANNEL_FRESHNESS_S_DEFAULT = 300;
export const LIST_CHANNELS_MAX = 100;
// S3 output key templates: at most 1,024 characters (the MSK twin page's rules, msk-data-delivery-s3-template-rules).
export const CHANNEL_KEY_TEMPLATE_LENGTH_MAX = 1_024;

/** Control-plane transactions per second (quotas), per account unless noted. */
export const CONTROL_PLANE_TPS: Readonly<Record<string, number>> = {
  CreateStream: 5,
  DeleteStream: 5,
  DescribeStream: 10,
  DescribeStreamSummary: 20,
  ListStreams: 5,
  DescribeLimits: 1,
  SplitShard: 5,
  MergeShards: 5,
  UpdateShardCount: 10,
  RegisterStreamConsumer: 5,
  DeregisterStreamConsumer: 5,
  DescribeStreamConsumer: 20,
  ListStreamConsumers: 5,
  // 2025/2026 operations (spec data-streams-2026 §4, §7): 5 TPS per account.
  UpdateAccountSettings: 5,
  DescribeAccountSettings: 5,
  UpdateStreamWarmThroughput: 5,
  CreateChannel: 5,
  DeleteChannel: 5,
  DescribeChannel: 5,
  ListChannels: 5,
  UpdateChannel: 5,
};
