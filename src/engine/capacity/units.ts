/**
 * Units, constants and per-record accounting of the capacity planner (spec capacity-and-cost.md §1–§3).
 * Pure arithmetic; the Kinesis shard limits come from their one home, engine/streams/limits. Byte counts are binary (KiB, MiB, GiB) as the
 * Kinesis limits and the AWS Pricing Calculator use them.
 */
import { EFO_BYTES_PER_SEC_MAX, READ_BYTES_PER_SEC_MAX, READ_CALLS_PER_SEC_MAX, WRITE_BYTES_PER_SEC_MAX, WRITE_RECORDS_PER_SEC_MAX } from '../streams/limits';

export const KIB = 1024;
export const MIB = 1024 * 1024;
export const GIB = 1024 * 1024 * 1024;

/** PUT payload unit: 25 KiB chunks (AWS pricing page says "25 KB"). */
export const PPU_BYTES = 25 * KIB;
/** On-demand bills each record rounded up to the next 1 KiB. */
export const ON_DEMAND_ROUND_BYTES = KIB;
/** Firehose bills each record rounded up to the next 5 KiB (per record, not per call). */
export const FIREHOSE_ROUND_BYTES = 5 * KIB;
export const HOURS_PER_MONTH = 730;
export const SECONDS_PER_HOUR = 3600;
export const SECONDS_PER_DAY = 86_400;

/** Per-shard write limit: 1 MiB/s including partition keys (Kinesis Data Streams quotas page). */
export const SHARD_WRITE_BYTES_PER_SEC = WRITE_BYTES_PER_SEC_MAX;
/** Per-shard write limit in records (Kinesis Data Streams quotas page). */
export const SHARD_WRITE_RECORDS_PER_SEC = WRITE_RECORDS_PER_SEC_MAX;
/** Shared (GetRecords) read bandwidth per shard, split among all polling consumers. */
export const SHARD_SHARED_READ_BYTES_PER_SEC = READ_BYTES_PER_SEC_MAX;
/** GetRecords calls per second per shard. */
export const SHARD_GET_RECORDS_CALLS_PER_SEC = READ_CALLS_PER_SEC_MAX;
/** Enhanced fan-out push bandwidth per consumer per shard. */
export const EFO_BYTES_PER_SEC_PER_SHARD = EFO_BYTES_PER_SEC_MAX;
/** Registered EFO consumers per stream (50 under on-demand Advantage). */
export const EFO_CONSUMERS_PER_STREAM_MAX = 20;
export const EFO_CONSUMERS_PER_STREAM_MAX_ADVANTAGE = 50;
/** A single partition key maps to one hash value, hence one shard: this is its ceiling in every mode. */
export const KEY_WRITE_BYTES_PER_SEC = MIB;
export const KEY_WRITE_RECORDS_PER_SEC = 1000;
/** Default maximum record size (data blob); configurable up to 10 MiB per stream. */
export const DEFAULT_MAX_RECORD_BYTES = MIB;
export const MAX_RECORD_BYTES_CEILING = 10 * MIB;
/** Default shards-per-stream quota in us-east-1, us-west-2, eu-west-1. */
export const SHARDS_PER_STREAM_QUOTA = 20_000;
/** UpdateShardCount calls allowed per rolling 24 h per stream. */
export const UPDATE_SHARD_COUNT_CALLS_PER_DAY = 10;
export const RETENTION_HOURS_MIN = 24;
export const RETENTION_HOURS_MAX = 8760;
/** Retention beyond this many hours is "long-term" storage billed per GB-month. */
export const EXTENDED_RETENTION_HOURS_MAX = 168;

/** On-demand capacity model (§5.1). */
export const ON_DEMAND_INITIAL_BYTES_PER_SEC = 4 * MIB;
export const ON_DEMAND_INITIAL_RECORDS_PER_SEC = 4000;
export const ON_DEMAND_STREAM_MAX_BYTES_PER_SEC = 200 * MIB;
export const ON_DEMAND_STREAM_MAX_RECORDS_PER_SEC = 200_000;
/** Time on-demand takes to reach its new target after a ramp beyond 2× the trailing peak. */
export const ON_DEMAND_SCALE_UP_SECONDS = 15 * 60;

/** Overhead of KPL aggregation: per user record (key index, length prefixes) and per aggregate (magic + MD5 trailer). */
export const AGGREGATION_PER_RECORD_OVERHEAD_BYTES = 8;
export const AGGREGATION_PER_AGGREGATE_OVERHEAD_BYTES = 20;

/** Bytes counted against the shard write limit: data plus partition key. */
export function throughputBytes(dataBytes: number, keyBytes: number): number {
  return dataBytes + keyBytes;
}

/** PUT payload units of one record: at least 1, then one per started 25 KiB. */
export function putPayloadUnits(recordThroughputBytes: number): number {
  return Math.max(1, Math.ceil(recordThroughputBytes / PPU_BYTES));
}

/** On-demand billed bytes of one record (assumption: data + key, rounded up to 1 KiB). */
export function onDemandBilledBytes(recordThroughputBytes: number): number {
  return Math.ceil(recordThroughputBytes / ON_DEMAND_ROUND_BYTES) * ON_DEMAND_ROUND_BYTES;
}

/** Firehose billed bytes of one record: data only (no partition key), rounded up to 5 KiB. */
export function firehoseBilledBytes(dataBytes: number): number {
  return Math.ceil(dataBytes / FIREHOSE_ROUND_BYTES) * FIREHOSE_ROUND_BYTES;
}

export interface AggregationShape {
  /** User records packed into one Kinesis record. */
  readonly userRecordsPerAggregate: number;
  /** Size of one aggregated Kinesis record in bytes (its own key included in the per-record overhead model). */
  readonly aggregateBytes: number;
}

/**
 * KPL-style aggregation: as many user records as fit under `capBytes` (the 25 KiB PPU by default,
 * so each aggregate costs exactly one PPU), each costing data + key + 8 bytes, plus 20 bytes per aggregate.
 */
export function aggregationShape(userRecordBytes: number, capBytes: number = PPU_BYTES): AggregationShape {
  const perRecord = userRecordBytes + AGGREGATION_PER_RECORD_OVERHEAD_BYTES;
  const fit = Math.floor((capBytes - AGGREGATION_PER_AGGREGATE_OVERHEAD_BYTES) / perRecord);
  const userRecordsPerAggregate = Math.max(1, fit);
  return {
    userRecordsPerAggregate,
    aggregateBytes: userRecordsPerAggregate * perRecord + AGGREGATION_PER_AGGREGATE_OVERHEAD_BYTES,
  };
}

/** Bytes per second to MiB/s. */
export function toMiB(bytes: number): number {
  return bytes / MIB;
}
