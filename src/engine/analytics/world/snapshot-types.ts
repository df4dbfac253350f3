/**
 * The Analytics slice of every published frame (`world.extensions.analytics`): plain JSON the
 * console renders. Rows travel as value arrays with their column list once per stream, not as
 * objects, so a frame stays small.
 */
import type { StreamInfo } from '../../analytics/in-app-stream';
import type { Value } from '../../analytics/types';
import type { AnalyticsAppConfig } from './app-config';

/** READY: defined but not started (a document app with autoStart false, or before its first start). */
export type AppStatus = 'READY' | 'RUNNING' | 'STOPPED' | 'FAILED';

export interface SnapshotRow {
  readonly rowtimeMs: number;
  readonly values: readonly Value[];
}

export interface StreamRowsSnapshot {
  readonly stream: string;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  /** Rows written to this in-application stream since the application started. */
  readonly rowsTotal: number;
  /** The newest rows, oldest first (the sink keeps more, for the chart). */
  readonly rows: readonly SnapshotRow[];
}

export interface ErrorRowSnapshot {
  readonly errorTimeMs: number;
  readonly errorName: string;
  readonly message: string;
  readonly dataRowtimeMs: number;
  /** Hex of the original record, cut to a readable prefix. */
  readonly dataRow: string;
}

export interface SourceReadSnapshot {
  readonly stream: string;
  readonly shardsPolled: number;
  /** GetRecords-equivalent calls made and refused (the 5 calls/s per shard limit is shared with every other consumer). */
  readonly readCallsTotal: number;
  readonly readThrottlesTotal: number;
  readonly recordsReadTotal: number;
  readonly bytesReadTotal: number;
  /** Size-only records (aggregate mode) have no payload to map: skipped and counted. */
  readonly recordsWithoutPayloadTotal: number;
  readonly millisBehindLatest: number;
}

export interface OutputSnapshot {
  readonly kind: 'console' | 'stream' | 'firehose';
  readonly name?: string;
  readonly inAppStream: string;
  readonly recordsDeliveredTotal: number;
  /** Puts refused by the destination (throttled); the application retries them and falls behind. */
  readonly throttledTotal: number;
  readonly pendingRecords: number;
  readonly problem?: string;
}

export interface AppSnapshot {
  readonly name: string;
  readonly status: AppStatus;
  readonly dialect: 'kda' | 'flink';
  /** Why it failed or stopped, for the status line. */
  readonly message?: string;
  readonly config: AnalyticsAppConfig;
  readonly startedAtMs: number | null;
  readonly source: SourceReadSnapshot;
  readonly inputRecordsPerSec: number;
  readonly outputRowsPerSec: number;
  readonly errorsTotal: number;
  readonly streams: readonly StreamInfo[];
  readonly sinkStream: string | null;
  /** Rows of the sink (up to 1,200) and of the other in-application streams (a few each). */
  readonly outputs: readonly StreamRowsSnapshot[];
  readonly errors: readonly ErrorRowSnapshot[];
  readonly output: OutputSnapshot;
}

export interface AnalyticsSnapshot {
  readonly kind: 'analytics';
  readonly apps: readonly AppSnapshot[];
  /** Delivery streams that can take output (empty when the Firehose extension is absent). */
  readonly deliveryStreams: readonly string[];
}
