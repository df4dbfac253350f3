/**
 * The resolved (validated, defaults applied) configuration of a delivery stream, and the records
 * and batches that move through its pipeline. JSON-able data only; the AWS-shaped request
 * documents are translated into these by `config.ts`.
 */
import type { CompressionFormat } from './compression';
import type { DeAggregation } from './deaggregation';
import type { CompiledQuery } from './jq-lite';
import type { ParquetColumn } from './parquet';
import type { ErrorOutputType, PrefixSegment } from './prefix';

export type DeliveryStreamType = 'DirectPut' | 'KinesisStreamAsSource';
export type DeliveryStreamStatus = 'CREATING' | 'ACTIVE' | 'DELETING';

export interface ResolvedS3 {
  readonly bucket: string;
  readonly prefix?: string;
  readonly errorOutputPrefix?: string;
  readonly dataPrefix: readonly PrefixSegment[];
  readonly errorPrefix: readonly PrefixSegment[];
  readonly compression: CompressionFormat;
  readonly fileExtension?: string;
  readonly sizeBytes: number;
  readonly intervalMs: number;
}

export interface ResolvedLambda {
  readonly lambdaArn: string;
  readonly retries: number;
  readonly bufferBytes: number;
  readonly bufferIntervalMs: number;
  readonly timeoutMs: number;
}

export interface ResolvedProcessing {
  readonly deaggregation?: DeAggregation;
  readonly lambda?: ResolvedLambda;
  readonly appendDelimiter: boolean;
  readonly metadataQuery?: CompiledQuery;
}

export interface ResolvedFormatConversion {
  readonly columns: readonly ParquetColumn[];
  readonly compression: 'SNAPPY' | 'GZIP' | 'UNCOMPRESSED';
}

export type OpenSearchRotation = 'NoRotation' | 'OneHour' | 'OneDay' | 'OneWeek' | 'OneMonth';
export type BackupMode = 'FailedOnly' | 'All';

export type ResolvedDestination =
  | { readonly kind: 's3' }
  | { readonly kind: 'http-endpoint'; readonly url: string; readonly name?: string; readonly accessKey?: string;
      readonly commonAttributes: Readonly<Record<string, string>>; readonly retryDurationMs: number; readonly gzip: boolean; readonly backupMode: BackupMode }
  | { readonly kind: 'opensearch'; readonly domain: string; readonly indexName: string; readonly rotation: OpenSearchRotation;
      readonly retryDurationMs: number; readonly backupMode: BackupMode }
  | { readonly kind: 'redshift'; readonly cluster: string; readonly table: string; readonly columns?: readonly string[];
      readonly copyOptions: string; readonly retryDurationMs: number }
  | { readonly kind: 'splunk'; readonly hecEndpoint: string; readonly endpointType: 'Raw' | 'Event'; readonly retryDurationMs: number;
      readonly ackTimeoutMs: number; readonly backupMode: BackupMode };

export type DestinationKind = ResolvedDestination['kind'];

export interface ResolvedStreamConfig {
  readonly name: string;
  readonly type: DeliveryStreamType;
  readonly kinesisStreamArn?: string;
  readonly destination: ResolvedDestination;
  /** The S3 bucket: destination for `s3`, backup for the others, intermediate for Redshift. */
  readonly s3: ResolvedS3;
  /** Buffering for the destination (for S3 the same as `s3.sizeBytes/intervalMs`). */
  readonly sizeBytes: number;
  readonly intervalMs: number;
  readonly processing: ResolvedProcessing;
  readonly dynamicPartitioning?: { readonly retryDurationMs: number };
  readonly formatConversion?: ResolvedFormatConversion;
  readonly activePartitionsMax: number;
  /** Source record backup (`S3BackupMode: Enabled`): untransformed records copied to a second bucket. */
  readonly sourceBackup?: ResolvedS3;
}

/** One record inside the pipeline. `data` is the current payload (after transformation). */
export interface PipelineRecord {
  readonly recordId: string;
  readonly arrivalMs: number;
  readonly raw: Uint8Array;
  data: Uint8Array;
  lambdaKeys?: Readonly<Record<string, string>>;
  queryKeys?: Readonly<Record<string, string>>;
  /** Parsed rows when record format conversion is on (one record may hold several JSON documents). */
  rows?: Record<string, unknown>[];
  kinesis?: { readonly shardId: string; readonly partitionKey: string; readonly sequenceNumber: string; readonly subsequenceNumber: number };
}

export interface ErrorRecord {
  readonly record: PipelineRecord;
  readonly type: ErrorOutputType;
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly attemptsMade: number;
}

/** Why a buffer was flushed, for the UI timeline. */
export type FlushReason = 'size' | 'interval' | 'zero-buffer' | 'shutdown';

/** Where every ingested record ended up; `pending` is what is still buffered or in flight. */
export interface RecordLedger {
  /** Records accepted, counted after multi-record de-aggregation (so sub-records are tracked one by one). */
  ingested: number;
  delivered: number;
  /** Written to the S3 error output / backup because processing or delivery failed. */
  errorOutput: number;
  droppedByTransform: number;
  /** Dropped after the Direct PUT retention (24 h) while the destination kept failing. */
  expired: number;
  /** Refused permanently by the destination (HTTP 413), which Firehose neither retries nor backs up. */
  rejectedPermanently: number;
}

export const emptyLedger = (): RecordLedger => ({ ingested: 0, delivered: 0, errorOutput: 0, droppedByTransform: 0, expired: 0, rejectedPermanently: 0 });

export function pendingRecords(l: RecordLedger): number {
  return l.ingested - l.delivered - l.errorOutput - l.droppedByTransform - l.expired - l.rejectedPermanently;
}
