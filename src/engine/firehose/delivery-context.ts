/**
 * What the delivery code needs from its owning delivery stream: clock, stores, sinks, metrics,
 * ledger and configuration. An interface, so delivery modules stay testable and free of the owner.
 */
import type { ObjectStore } from '../objectstore/object-store';
import type { Prng } from '../random/prng';
import type { Scheduler } from '../time/scheduler';
import type { FirehoseMetrics, FlushEvent } from './metrics';
import type { SinkFaults, SinkRegistry } from './sinks';
import type { ErrorRecord, PipelineRecord, RecordLedger, ResolvedStreamConfig } from './types';

export interface DeliveryContext {
  readonly scheduler: Scheduler;
  readonly store: ObjectStore;
  readonly sinks: SinkRegistry;
  readonly metrics: FirehoseMetrics;
  readonly ledger: RecordLedger;
  readonly prng: Prng;
  readonly streamName: string;
  readonly streamArn: string;
  config(): ResolvedStreamConfig;
  version(): number;
  s3Faults(bucket: string): SinkFaults;
  /** Queues failed records for the S3 error output (written in small time batches). */
  reportErrors(errors: readonly ErrorRecord[]): void;
  /** Batches handed to delivery and not yet settled (for DataFreshness and snapshots). */
  readonly inFlight: Set<DeliveryBatch>;
}

export interface DeliveryBatch {
  readonly partition: string;
  readonly records: PipelineRecord[];
  readonly bytes: number;
  readonly oldestArrivalMs: number;
  readonly flush: FlushEvent;
  /** Set once an attempt failed and cleared when it settles: while any batch retries, a Kinesis source pauses. */
  retrying?: boolean;
}
