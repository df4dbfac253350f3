/**
 * What a producer reports: totals since start and the figures of the last completed virtual
 * second. JSON-able; the snapshot and run report copy these.
 */

export interface ProducerCounts {
  /** Put attempts (first tries and retries), in records. */
  attempted: number;
  accepted: number;
  throttled: number;
  retried: number;
  dropped: number;
  /** User records that went into KPL aggregated records (0 without aggregation). */
  userRecords: number;
  acceptedBytes: number;
  calls: number;
  latencyMsSum: number;
}

export function emptyCounts(): ProducerCounts {
  return { attempted: 0, accepted: 0, throttled: 0, retried: 0, dropped: 0, userRecords: 0, acceptedBytes: 0, calls: 0, latencyMsSum: 0 };
}

export function addCounts(into: ProducerCounts, from: ProducerCounts): void {
  into.attempted += from.attempted;
  into.accepted += from.accepted;
  into.throttled += from.throttled;
  into.retried += from.retried;
  into.dropped += from.dropped;
  into.userRecords += from.userRecords;
  into.acceptedBytes += from.acceptedBytes;
  into.calls += from.calls;
  into.latencyMsSum += from.latencyMsSum;
}

export interface ProducerFiguresView {
  readonly kind: 'producer';
  readonly name: string;
  readonly streamName: string;
  readonly mode: 'record' | 'aggregate';
  readonly wantedRecordsPerSec: number;
  readonly total: ProducerCounts;
  readonly lastSecond: ProducerCounts;
  /** Records waiting for a retry or in an unsent batch. */
  readonly backlogRecords: number;
  readonly putLatencyMsAvg: number;
  /** Median and 99th percentile of the put calls of the last completed second (0 without calls). */
  readonly putLatencyMsP50: number;
  readonly putLatencyMsP99: number;
}
