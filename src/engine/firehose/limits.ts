/**
 * Firehose's numbers: record and batch limits, Direct PUT quotas, buffering ranges and defaults,
 * retry windows. Source: /work/shared/spec/firehose.md (§2, §3, §5, §7, §10), which follows the
 * AWS Data Firehose developer guide pages "Quota" and "Buffering hints".
 */

export const KIB = 1024;
export const MIB = 1024 * 1024;

/** PutRecord / PutRecordBatch (API reference, "PutRecordBatch"): record data before base64. */
export const RECORD_BYTES_MAX = 1000 * KIB;
export const BATCH_RECORDS_MAX = 500;
export const BATCH_BYTES_MAX = 4 * MIB;

/** Direct PUT quotas per stream ("Amazon Data Firehose Quota"): the three scale together. */
export interface DirectPutQuota {
  readonly recordsPerSecMax: number;
  readonly requestsPerSecMax: number;
  readonly bytesPerSecMax: number;
}

const LARGE_REGIONS = new Set(['us-east-1', 'us-west-2', 'eu-west-1']);

export function directPutQuotaFor(region: string): DirectPutQuota {
  return LARGE_REGIONS.has(region)
    ? { recordsPerSecMax: 500_000, requestsPerSecMax: 2_000, bytesPerSecMax: 5 * MIB }
    : { recordsPerSecMax: 100_000, requestsPerSecMax: 1_000, bytesPerSecMax: 1 * MIB };
}

/** Buffering hint ranges per destination kind ("Buffering hints" in the developer guide). */
export interface BufferingRange {
  readonly sizeMiBMin: number;
  readonly sizeMiBMax: number;
  readonly sizeMiBDefault: number;
  readonly intervalSecMin: number;
  readonly intervalSecMax: number;
  readonly intervalSecDefault: number;
}

export type BufferingProfile =
  | 's3' | 's3-format-conversion' | 's3-dynamic-partitioning' | 'redshift' | 'opensearch' | 'splunk' | 'http-endpoint';

export const BUFFERING_RANGES: Readonly<Record<BufferingProfile, BufferingRange>> = {
  's3': { sizeMiBMin: 1, sizeMiBMax: 128, sizeMiBDefault: 5, intervalSecMin: 0, intervalSecMax: 900, intervalSecDefault: 300 },
  's3-format-conversion': { sizeMiBMin: 64, sizeMiBMax: 128, sizeMiBDefault: 128, intervalSecMin: 0, intervalSecMax: 900, intervalSecDefault: 300 },
  's3-dynamic-partitioning': { sizeMiBMin: 64, sizeMiBMax: 128, sizeMiBDefault: 128, intervalSecMin: 60, intervalSecMax: 900, intervalSecDefault: 300 },
  'redshift': { sizeMiBMin: 1, sizeMiBMax: 128, sizeMiBDefault: 5, intervalSecMin: 0, intervalSecMax: 900, intervalSecDefault: 300 },
  'opensearch': { sizeMiBMin: 1, sizeMiBMax: 100, sizeMiBDefault: 5, intervalSecMin: 0, intervalSecMax: 900, intervalSecDefault: 300 },
  'splunk': { sizeMiBMin: 1, sizeMiBMax: 5, sizeMiBDefault: 5, intervalSecMin: 0, intervalSecMax: 60, intervalSecDefault: 60 },
  'http-endpoint': { sizeMiBMin: 1, sizeMiBMax: 64, sizeMiBDefault: 5, intervalSecMin: 0, intervalSecMax: 900, intervalSecDefault: 300 },
};

/** Lambda processor buffering (`BufferSizeInMBs`, `BufferIntervalInSeconds`). */
export const LAMBDA_BUFFER_MIB = { min: 0.2, max: 3, default: 1 } as const;
export const LAMBDA_BUFFER_INTERVAL_SEC = { min: 60, max: 900, default: 60 } as const;
export const LAMBDA_RETRIES_DEFAULT = 3;
/** Lambda request and response payloads are each limited to 6 MB. */
export const LAMBDA_PAYLOAD_BYTES_MAX = 6 * 1000 * 1000;
/** Firehose honours a function timeout up to 5 minutes. */
export const LAMBDA_TIMEOUT_MS_MAX = 5 * 60_000;

/** Zero buffering still delivers "within a few seconds": [sim] a 1-second tick. */
export const ZERO_BUFFER_TICK_MS = 1_000;

/** Direct PUT keeps undeliverable data 24 h, then drops it. */
export const DIRECT_PUT_RETENTION_MS = 24 * 3_600_000;

/** Non-S3 retry windows (`RetryOptions.DurationInSeconds`): 0–7200 s. */
export const RETRY_DURATION_SEC_MAX = 7_200;
export const RETRY_DURATION_SEC_DEFAULT = { httpEndpoint: 300, opensearch: 300, splunk: 300, redshift: 3_600, dynamicPartitioning: 300 } as const;

/** HTTP endpoint retry backoff: start 1 s, ×2, ±15 % jitter, capped at 2 min. */
export const BACKOFF_START_MS = 1_000;
export const BACKOFF_CAP_MS = 120_000;
export const BACKOFF_JITTER = 0.15;
/** [sim] S3 writes are retried every 5 s while the bucket is failing. */
export const S3_RETRY_INTERVAL_MS = 5_000;

export const ACTIVE_PARTITIONS_DEFAULT = 500;
export const PARTITION_KEYS_MAX = 50;
export const EVALUATED_PREFIX_CHARS_MAX = 512;
export const DELIVERY_STREAMS_DEFAULT_MAX = 50;
export const STREAM_NAME = /^[a-zA-Z0-9_.-]{1,64}$/;
/** Create/Delete/Describe/List/UpdateDestination/Tag/Untag/ListTags: 5 transactions per second each (hard). */
export const CONTROL_PLANE_TPS = 5;
/** Start- and StopDeliveryStreamEncryption: 25 calls combined per stream per 24 hours (API_StopDeliveryStreamEncryption). */
export const ENCRYPTION_CALLS_PER_DAY_MAX = 25;
