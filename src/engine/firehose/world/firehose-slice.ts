/**
 * The JSON-able slice the Firehose world adds to every published frame (`world.extensions.firehose`):
 * per delivery stream its buffers against their limits, the transform stage and its results,
 * delivery success, freshness and retries, and a bounded flush timeline; plus object-store totals.
 * Types only here and a pure builder, so the page can import the types without the engine.
 */
import type { DeliveryStreamSnapshot } from '../../firehose/snapshot';
import type { FlushEvent } from '../../firehose/metrics';
import type { DestinationKind, RecordLedger } from '../../firehose/types';
import type { ProducerCounts } from './direct-put-producer';
import type { SinkView } from './sink-view';

export const FLUSHES_IN_SLICE_MAX = 60;
export const PARTITIONS_IN_SLICE_MAX = 12;

export interface BufferView {
  readonly partition: string;
  readonly records: number;
  readonly bytes: number;
  readonly ageMs: number;
  readonly sizeLimitBytes: number;
  readonly intervalMs: number;
}

export interface TransformView {
  readonly bufferedRecords: number;
  readonly bufferedBytes: number;
  readonly bufferAgeMs: number;
  readonly sizeLimitBytes: number;
  readonly intervalMs: number;
  readonly invocationsInFlight: number;
  readonly recordsInFlight: number;
  readonly invocations: number;
  readonly invocationSuccesses: number;
  readonly okRecords: number;
  readonly droppedRecords: number;
  readonly failedRecords: number;
  readonly avgDurationMs: number;
}

export interface DeliveryStreamView {
  readonly name: string;
  readonly status: string;
  readonly type: 'DirectPut' | 'KinesisStreamAsSource';
  readonly source?: string;
  readonly destination: DestinationKind;
  readonly bucket: string;
  readonly version: number;
  readonly ledger: RecordLedger & { readonly pending: number };
  readonly buffers: readonly BufferView[];
  readonly partitionCount: number;
  readonly sizeLimitBytes: number;
  readonly intervalMs: number;
  readonly transform?: TransformView;
  readonly batchesInFlight: number;
  readonly incomingRecords: number;
  readonly incomingBytes: number;
  readonly throttledRecords: number;
  /** GetRecords calls on the source stream's shards that were refused (Kinesis-sourced streams; ThrottledGetRecords). */
  readonly sourceReadThrottled: number;
  readonly deliveredRecords: number;
  readonly deliveredBytes: number;
  readonly objectCount: number;
  readonly attempts: number;
  readonly successes: number;
  /** Failed delivery attempts (each is retried until the retry window or retention ends). */
  readonly failedAttempts: number;
  readonly successRatio: number;
  readonly dataFreshnessSec: number;
  readonly kinesisMillisBehindLatest?: number;
  readonly flushes: readonly FlushEvent[];
  readonly producer?: ProducerCounts & { readonly recordsPerSec: number };
  /** What a non-S3 destination received. */
  readonly sink?: SinkView;
}

export interface FirehoseSlice {
  readonly kind: 'firehose';
  readonly streams: readonly DeliveryStreamView[];
  readonly store: {
    readonly objectCount: number;
    readonly bytesStored: number;
    readonly bytesLimit: number;
    readonly evictedObjects: number;
    readonly buckets: readonly string[];
  };
  /** Kinesis data streams of the scenario (possible sources). */
  readonly sourceStreams: readonly string[];
  /** Whether a page has attached the browser transform sandbox. */
  readonly sandboxAttached: boolean;
}

export interface StreamViewInput {
  readonly snapshot: DeliveryStreamSnapshot;
  readonly type: 'DirectPut' | 'KinesisStreamAsSource';
  readonly source?: string;
  readonly destination: DestinationKind;
  readonly bucket: string;
  readonly sizeLimitBytes: number;
  readonly intervalMs: number;
  readonly hasTransform: boolean;
  readonly producer?: ProducerCounts & { readonly recordsPerSec: number };
  readonly sink?: SinkView;
}

const DELIVERY_PREFIX: Readonly<Record<DestinationKind, string>> = {
  's3': 'DeliveryToS3', 'http-endpoint': 'DeliveryToHttpEndpoint', 'opensearch': 'DeliveryToAmazonOpenSearchService',
  'redshift': 'DeliveryToRedshift', 'splunk': 'DeliveryToSplunk',
};

export function streamView(input: StreamViewInput): DeliveryStreamView {
  const { snapshot: s } = input;
  const c = (name: string) => s.counters[name] ?? 0;
  const prefix = DELIVERY_PREFIX[input.destination];
  const attempts = c(`${prefix}.Attempts`);
  const successes = c(`${prefix}.Successes`);
  const t = s.buffers.transform;
  const invocations = c('ExecuteProcessing.Invocations');
  return {
    name: s.name, status: s.status, type: input.type, source: input.source, destination: input.destination, bucket: input.bucket,
    version: s.version, ledger: s.ledger,
    buffers: s.buffers.partitions.slice(0, PARTITIONS_IN_SLICE_MAX).map((p) => ({ ...p })),
    partitionCount: s.buffers.partitions.length,
    sizeLimitBytes: input.sizeLimitBytes, intervalMs: input.intervalMs,
    transform: input.hasTransform && t ? {
      ...t,
      invocations, invocationSuccesses: c('ExecuteProcessing.Successes'),
      okRecords: c('SucceedProcessing.Records'), droppedRecords: c('DroppedProcessing.Records'), failedRecords: c('FailedProcessing.Records'),
      avgDurationMs: invocations > 0 ? c('ExecuteProcessing.DurationTotalMs') / invocations : 0,
    } : undefined,
    batchesInFlight: s.buffers.batchesInFlight,
    incomingRecords: c('IncomingRecords') || c('DataReadFromKinesisStream.Records'),
    incomingBytes: c('IncomingBytes') || c('DataReadFromKinesisStream.Bytes'),
    throttledRecords: c('ThrottledRecords'),
    sourceReadThrottled: c('ThrottledGetRecords'),
    deliveredRecords: c(`${prefix}.Records`), deliveredBytes: c(`${prefix}.Bytes`), objectCount: c('DeliveryToS3.ObjectCount'),
    attempts, successes, failedAttempts: Math.max(0, attempts - successes),
    successRatio: attempts === 0 ? 1 : successes / attempts,
    dataFreshnessSec: s.buffers.dataFreshnessSec,
    kinesisMillisBehindLatest: input.type === 'KinesisStreamAsSource' ? c('KinesisMillisBehindLatest') : undefined,
    flushes: s.flushes.slice(-FLUSHES_IN_SLICE_MAX).map((f) => ({ ...f })),
    producer: input.producer,
    sink: input.sink,
  };
}
