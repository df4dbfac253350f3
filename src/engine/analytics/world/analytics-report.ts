/**
 * The Analytics section of a run report: per application, what it read from its source stream as a
 * consumer (calls, throttled calls, records, bytes), the rows it emitted to its output stream, its
 * error-stream rows and what reached the destination. Read from the same snapshot the console shows.
 */
import type { AnalyticsSnapshot, AppSnapshot } from './snapshot-types';

export interface AnalyticsAppReport {
  readonly name: string;
  readonly status: string;
  readonly sourceStream: string;
  readonly readCalls: number;
  readonly readThrottles: number;
  readonly recordsRead: number;
  readonly bytesRead: number;
  readonly millisBehindLatest: number;
  /** Rows written to the application's output in-application stream (its sink). */
  readonly rowsEmitted: number;
  readonly errorStreamRows: number;
  readonly output: { readonly kind: string; readonly name?: string; readonly recordsDelivered: number; readonly throttled: number; readonly pending: number };
}

export interface AnalyticsReport {
  readonly applications: readonly AnalyticsAppReport[];
}

export function analyticsAppReport(a: AppSnapshot): AnalyticsAppReport {
  const sink = a.outputs.find((o) => o.stream === a.sinkStream);
  return {
    name: a.name, status: a.status, sourceStream: a.source.stream,
    readCalls: a.source.readCallsTotal, readThrottles: a.source.readThrottlesTotal, recordsRead: a.source.recordsReadTotal,
    bytesRead: a.source.bytesReadTotal, millisBehindLatest: a.source.millisBehindLatest,
    rowsEmitted: sink?.rowsTotal ?? 0, errorStreamRows: a.errorsTotal,
    output: { kind: a.output.kind, name: a.output.name, recordsDelivered: a.output.recordsDeliveredTotal, throttled: a.output.throttledTotal, pending: a.output.pendingRecords },
  };
}

export function analyticsReport(s: AnalyticsSnapshot): AnalyticsReport {
  return { applications: s.apps.map(analyticsAppReport) };
}
