/**
 * On-demand ramp check (spec §5.1–§5.2): capacity starts at 4 MiB/s and 4,000 records/s (or the
 * warm throughput), follows twice the trailing 30-day peak, and takes up to 15 minutes to catch up
 * with demand beyond that; the excess meanwhile is throttled. The per-key limit applies as well but
 * is reported by the hot-key analysis, not here.
 */
import {
  MIB,
  ON_DEMAND_INITIAL_BYTES_PER_SEC,
  ON_DEMAND_INITIAL_RECORDS_PER_SEC,
  ON_DEMAND_SCALE_UP_SECONDS,
  ON_DEMAND_STREAM_MAX_BYTES_PER_SEC,
  ON_DEMAND_STREAM_MAX_RECORDS_PER_SEC,
} from './units';

export interface RampInput {
  /** Trailing 30-day peak write rate before the ramp. */
  readonly previousPeakBytesPerSec: number;
  readonly previousPeakRecordsPerSec: number;
  /** The highest demand the workload reaches (peak or surge). */
  readonly demandBytesPerSec: number;
  readonly demandRecordsPerSec: number;
  /** How long that demand lasts, when it is a surge; undefined means sustained. */
  readonly demandSeconds?: number;
  /** Advantage only: pre-provisioned write capacity. */
  readonly warmThroughputBytesPerSec?: number;
}

export interface RampCheck {
  readonly safe: boolean;
  readonly capacityBytesPerSec: number;
  readonly capacityRecordsPerSec: number;
  readonly throttledBytesPerSec: number;
  readonly throttledRecordsPerSec: number;
  /** Fraction of records refused while capacity catches up. */
  readonly throttledFraction: number;
  /** Seconds of throttling expected (up to the 15-minute scale-up). */
  readonly throttledSeconds: number;
  /** Demand above the default 200 MiB/s or 200,000 records/s stream maximum: a quota increase is needed. */
  readonly exceedsStreamMax: boolean;
  /** Warm throughput (MiB/s) that would make the ramp safe under Advantage. */
  readonly recommendedWarmThroughputMiBps: number;
}

export function checkOnDemandRamp(input: RampInput): RampCheck {
  const warm = input.warmThroughputBytesPerSec ?? 0;
  const capBytes = Math.min(ON_DEMAND_STREAM_MAX_BYTES_PER_SEC, Math.max(ON_DEMAND_INITIAL_BYTES_PER_SEC, 2 * input.previousPeakBytesPerSec, warm));
  // Warm throughput is stated in bytes; records capacity scales with it as 1,000 records per MiB/s, like shards.
  const warmRecords = (warm / MIB) * 1000;
  const capRecords = Math.min(ON_DEMAND_STREAM_MAX_RECORDS_PER_SEC, Math.max(ON_DEMAND_INITIAL_RECORDS_PER_SEC, 2 * input.previousPeakRecordsPerSec, warmRecords));
  const throttledBytes = Math.max(0, input.demandBytesPerSec - capBytes);
  const throttledRecords = Math.max(0, input.demandRecordsPerSec - capRecords);
  const fraction = Math.max(
    input.demandBytesPerSec > 0 ? throttledBytes / input.demandBytesPerSec : 0,
    input.demandRecordsPerSec > 0 ? throttledRecords / input.demandRecordsPerSec : 0,
  );
  const safe = fraction === 0;
  return {
    safe,
    capacityBytesPerSec: capBytes,
    capacityRecordsPerSec: capRecords,
    throttledBytesPerSec: throttledBytes,
    throttledRecordsPerSec: throttledRecords,
    throttledFraction: fraction,
    throttledSeconds: safe ? 0 : Math.min(ON_DEMAND_SCALE_UP_SECONDS, input.demandSeconds ?? ON_DEMAND_SCALE_UP_SECONDS),
    exceedsStreamMax: input.demandBytesPerSec > ON_DEMAND_STREAM_MAX_BYTES_PER_SEC || input.demandRecordsPerSec > ON_DEMAND_STREAM_MAX_RECORDS_PER_SEC,
    recommendedWarmThroughputMiBps: Math.ceil(Math.max(input.demandBytesPerSec / MIB, input.demandRecordsPerSec / 1000)),
  };
}
