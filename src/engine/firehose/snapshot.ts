/**
 * What the UI and the metrics module read from a delivery stream: the ledger, buffer state,
 * cumulative CloudWatch-named counters, point-in-time gauges and the flush timeline.
 */
import type { BufferSnapshot } from './delivery-stream';
import type { DirectPutQuota } from './limits';
import { DELIVERY_METRIC_PREFIX, type FlushEvent } from './metrics';
import type { DeliveryStreamStatus, DestinationKind, RecordLedger } from './types';

export interface DeliveryStreamSnapshot {
  readonly name: string;
  readonly status: DeliveryStreamStatus;
  readonly version: number;
  readonly ledger: RecordLedger & { readonly pending: number };
  readonly buffers: BufferSnapshot;
  /** Cumulative counters by CloudWatch name (sample once per second and subtract for rates). */
  readonly counters: Record<string, number>;
  /** Point-in-time CloudWatch values: DataFreshness, Success ratios, the Direct PUT limits, PartitionCount. */
  readonly gauges: Record<string, number>;
  readonly flushes: FlushEvent[];
  readonly quota: DirectPutQuota;
}

/** CloudWatch gauges derived from counters and buffer state (Success = successful ÷ attempted). */
export function gaugesFor(kind: DestinationKind, counters: Record<string, number>, buffers: BufferSnapshot, quota: DirectPutQuota): Record<string, number> {
  const prefix = DELIVERY_METRIC_PREFIX[kind];
  const ratio = (p: string) => {
    const attempts = counters[`${p}.Attempts`] ?? 0;
    return attempts === 0 ? 1 : (counters[`${p}.Successes`] ?? 0) / attempts;
  };
  const gauges: Record<string, number> = {
    [`${prefix}.DataFreshness`]: buffers.dataFreshnessSec,
    [`${prefix}.Success`]: ratio(prefix),
    BytesPerSecondLimit: quota.bytesPerSecMax,
    RecordsPerSecondLimit: quota.recordsPerSecMax,
    PutRequestsPerSecondLimit: quota.requestsPerSecMax,
    PartitionCount: buffers.partitions.length,
  };
  if (kind !== 's3') gauges['DeliveryToS3.Success'] = ratio('BackupToS3');
  return gauges;
}

