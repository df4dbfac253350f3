/**
 * Firehose's CloudWatch-named counters for one delivery stream (cumulative totals a metrics module
 * samples once per virtual second and differentiates), the gauges computed on demand, and a
 * bounded ring of flush events for the UI timeline.
 */
import type { DestinationKind, FlushReason } from './types';

/** Counter names as CloudWatch shows them (namespace AWS/Firehose). */
export type FirehoseCounter =
  | 'IncomingBytes' | 'IncomingRecords' | 'IncomingPutRequests' | 'ThrottledRecords'
  | 'PutRecord.Requests' | 'PutRecord.Bytes' | 'PutRecordBatch.Requests' | 'PutRecordBatch.Records' | 'PutRecordBatch.Bytes'
  | 'DeliveryToS3.Bytes' | 'DeliveryToS3.Records' | 'DeliveryToS3.ObjectCount' | 'DeliveryToS3.Attempts' | 'DeliveryToS3.Successes'
  | 'BackupToS3.Bytes' | 'BackupToS3.Records'
  | 'DeliveryToHttpEndpoint.Bytes' | 'DeliveryToHttpEndpoint.Records' | 'DeliveryToHttpEndpoint.Attempts' | 'DeliveryToHttpEndpoint.Successes'
  | 'DeliveryToAmazonOpenSearchService.Bytes' | 'DeliveryToAmazonOpenSearchService.Records'
  | 'DeliveryToAmazonOpenSearchService.Attempts' | 'DeliveryToAmazonOpenSearchService.Successes'
  | 'DeliveryToRedshift.Bytes' | 'DeliveryToRedshift.Records' | 'DeliveryToRedshift.Attempts' | 'DeliveryToRedshift.Successes'
  | 'DeliveryToSplunk.Bytes' | 'DeliveryToSplunk.Records' | 'DeliveryToSplunk.Attempts' | 'DeliveryToSplunk.Successes'
  | 'ExecuteProcessing.Invocations' | 'ExecuteProcessing.Successes' | 'ExecuteProcessing.DurationTotalMs'
  | 'SucceedProcessing.Records' | 'SucceedProcessing.Bytes' | 'DroppedProcessing.Records' | 'FailedProcessing.Records'
  | 'SucceedConversion.Records' | 'SucceedConversion.Bytes' | 'FailedConversion.Records' | 'FailedConversion.Bytes'
  | 'PartitionCountExceeded' | 'JQProcessing.Records'
  | 'DataReadFromKinesisStream.Bytes' | 'DataReadFromKinesisStream.Records' | 'ThrottledGetRecords'
  | 'ErrorOutput.Records' | 'Expired.Records' | 'PermanentlyRejected.Records';

/** The destination's metric name prefix. */
export const DELIVERY_METRIC_PREFIX: Readonly<Record<DestinationKind, string>> = {
  's3': 'DeliveryToS3',
  'http-endpoint': 'DeliveryToHttpEndpoint',
  'opensearch': 'DeliveryToAmazonOpenSearchService',
  'redshift': 'DeliveryToRedshift',
  'splunk': 'DeliveryToSplunk',
};

export interface FlushEvent {
  readonly atMs: number;
  readonly partition: string;
  readonly reason: FlushReason;
  readonly records: number;
  readonly bytes: number;
  /** Set once the batch's delivery finished. */
  outcome?: 'delivered' | 'error-output' | 'expired' | 'rejected';
  deliveredAtMs?: number;
  storedBytes?: number;
  attempts?: number;
  objectKey?: string;
}

export class Ring<T> {
  private readonly items: T[] = [];
  private start = 0;
  constructor(readonly capacity: number) {}

  push(item: T): void {
    if (this.items.length < this.capacity) this.items.push(item);
    else {
      this.items[this.start] = item;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  toArray(): T[] {
    return [...this.items.slice(this.start), ...this.items.slice(0, this.start)];
  }
}

export class FirehoseMetrics {
  private readonly counters = new Map<string, number>();
  readonly flushes = new Ring<FlushEvent>(256);

  add(name: FirehoseCounter | string, amount = 1): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + amount);
  }

  /** Gauges (e.g. KinesisMillisBehindLatest) share the map: the latest value, not a total. */
  set(name: string, value: number): void {
    this.counters.set(name, value);
  }

  get(name: FirehoseCounter | string): number {
    return this.counters.get(name) ?? 0;
  }

  /** Cumulative totals by name; sample and subtract for per-second rates. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counters);
  }
}
