/**
 * A channel (Kinesis Data Streams "streaming tables and S3 delivery", docs.aws.amazon.com/streams/latest/dev/
 * data-delivery.html): its configuration as plain data and its state — lifecycle status, where it has read each
 * shard of its source stream up to, the records buffered until the data freshness interval, and its counters.
 * Reading and delivering live in channel-reader.ts, s3-delivery.ts and iceberg-delivery.ts.
 */
import type { Stream } from '../streams/stream';
import type { IcebergTableState } from './iceberg-delivery';

export type ChannelStatus = 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING' | 'FAILED';
export type RecordFormat = 'JSON' | 'GSR_JSON' | 'STRING' | 'BYTE_ARRAY';

export interface DeadLetterQueue {
  readonly bucketArn: string;
  readonly expectedBucketOwner: string;
  readonly errorOutputPrefix: string;
}

export interface S3Destination {
  readonly kind: 'S3';
  readonly bucketArn: string;
  readonly expectedBucketOwner: string;
  readonly outputKeyTemplate: string;
  readonly storageClass: 'STANDARD' | 'INTELLIGENT_TIERING' | 'GLACIER_IR';
  readonly compression: 'NONE' | 'GZIP' | 'ZSTD';
  readonly dlq: DeadLetterQueue;
}

export interface S3TablesDestination {
  readonly kind: 'S3_TABLES';
  readonly tableBucketArn: string;
  readonly namespace: string;
  readonly tableName: string;
  readonly compression: 'NONE' | 'ZSTD' | 'SNAPPY';
  /** TIME_HOUR partition fields on timestamp columns. */
  readonly partitionSources: readonly string[];
  readonly dlq: DeadLetterQueue;
}

export type ChannelDestination = S3Destination | S3TablesDestination;

export interface ChannelConfig {
  readonly name: string;
  readonly id: string;
  readonly arn: string;
  readonly createdAtMs: number;
  readonly serviceExecutionRoleArn: string;
  readonly streamArn: string;
  readonly streamCreatedAtMs: number;
  readonly recordFormat: RecordFormat;
  readonly gsrSchemaArn?: string;
  readonly destination: ChannelDestination;
  readonly encryption?: { readonly type: 'KMS'; readonly keyId: string };
}

export interface ChannelLogging {
  enabled: boolean;
  logGroupName: string;
  logStreamName: string;
}

/** A record read from the stream and waiting for delivery. */
export interface BufferedRecord {
  readonly shardId: string;
  readonly sequenceNumber: string;
  readonly arrivalMs: number;
  readonly data: Uint8Array;
}

/** Cumulative delivery counters (the DeliveryToS3.* / DeliveryToIceberg.* metrics of data-delivery-monitoring). */
export interface ChannelCounters {
  recordsIn: number;
  bytesIn: number;
  successfulRecords: number;
  failedRecords: number;
  bytesOut: number;
  deliveries: number;
  dlqObjects: number;
}

export class Channel {
  status: ChannelStatus = 'CREATING';
  statusReason: string | undefined;
  freshnessS: number;
  readonly logging: ChannelLogging;
  readonly tags = new Map<string, string>();
  /** Next sequence counter to read, per shard number of the source stream. */
  readonly positions = new Map<number, number>();
  /** When the channel became ACTIVE (no backfill: it reads what arrives from then on). */
  activatedAtMs: number | undefined;
  buffer: BufferedRecord[] = [];
  bufferBytes = 0;
  /** Arrival of the oldest buffered record (DataFreshness), NaN when empty. */
  oldestBufferedMs = Number.NaN;
  objectNumber = 0;
  /** The Iceberg table the channel created (S3 Tables destinations), once it has delivered. */
  icebergTable: IcebergTableState | undefined;
  readonly counters: ChannelCounters = { recordsIn: 0, bytesIn: 0, successfulRecords: 0, failedRecords: 0, bytesOut: 0, deliveries: 0, dlqObjects: 0 };

  constructor(
    readonly config: ChannelConfig,
    readonly stream: Stream,
    freshnessS: number,
    logging: ChannelLogging,
  ) {
    this.freshnessS = freshnessS;
    this.logging = logging;
  }

  get destinationType(): 'S3' | 'S3_TABLES' {
    return this.config.destination.kind;
  }

  /** Takes the buffer for delivery, leaving it empty. */
  drain(): BufferedRecord[] {
    const out = this.buffer;
    this.buffer = [];
    this.bufferBytes = 0;
    this.oldestBufferedMs = Number.NaN;
    return out;
  }
}
