/**
 * The Firehose section of a run report (`npm run sim`, the what-ifs): per delivery stream, records
 * and bytes in, what was delivered (records, bytes, objects), what waits in buffers, delivery
 * retries and failures. Read from the same view the console's frame shows, so both agree.
 */
import type { DeliveryStreamView, FirehoseSlice } from './firehose-slice';

export interface DeliveryStreamReport {
  readonly name: string;
  readonly type: 'DirectPut' | 'KinesisStreamAsSource';
  readonly source?: string;
  readonly destination: string;
  readonly recordsIn: number;
  readonly bytesIn: number;
  readonly throttledRecords: number;
  /** Kinesis-sourced: GetRecords calls on the source stream that its shards refused (ThrottledGetRecords). */
  readonly sourceReadThrottled: number;
  readonly recordsDelivered: number;
  readonly bytesDelivered: number;
  readonly objectsDelivered: number;
  /** Records accepted but not yet delivered, failed or dropped (in buffers or in flight). */
  readonly recordsBuffered: number;
  readonly bytesBuffered: number;
  readonly deliveryAttempts: number;
  /** Failed delivery attempts; each is retried until the retry duration runs out. */
  readonly deliveryRetries: number;
  /** Records written to the error output (processing or delivery failed for good). */
  readonly recordsFailed: number;
  readonly recordsDroppedByTransform: number;
  readonly recordsExpired: number;
  readonly producer?: { readonly sent: number; readonly accepted: number; readonly throttled: number };
}

export interface FirehoseReport {
  readonly deliveryStreams: readonly DeliveryStreamReport[];
  readonly objectsStored: number;
  readonly bytesStored: number;
}

export function deliveryStreamReport(v: DeliveryStreamView): DeliveryStreamReport {
  return {
    name: v.name, type: v.type, source: v.source, destination: v.destination,
    recordsIn: v.incomingRecords, bytesIn: v.incomingBytes, throttledRecords: v.throttledRecords, sourceReadThrottled: v.sourceReadThrottled,
    recordsDelivered: v.deliveredRecords, bytesDelivered: v.deliveredBytes, objectsDelivered: v.objectCount,
    recordsBuffered: v.ledger.pending, bytesBuffered: v.buffers.reduce((s, b) => s + b.bytes, 0),
    deliveryAttempts: v.attempts, deliveryRetries: v.failedAttempts,
    recordsFailed: v.ledger.errorOutput + v.ledger.rejectedPermanently, recordsDroppedByTransform: v.ledger.droppedByTransform, recordsExpired: v.ledger.expired,
    producer: v.producer ? { sent: v.producer.sent, accepted: v.producer.accepted, throttled: v.producer.throttled } : undefined,
  };
}

export function firehoseReport(slice: FirehoseSlice): FirehoseReport {
  return { deliveryStreams: slice.streams.map(deliveryStreamReport), objectsStored: slice.store.objectCount, bytesStored: slice.store.bytesStored };
}
