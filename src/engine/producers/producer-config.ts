/**
 * A producer's settings as plain data (the scenario document's `producers[i]`), with defaults.
 */
import type { KeyStrategy } from './key-strategy';
import type { RateProfile } from './rate-profile';
import type { RetryPolicy } from './retry-policy';
import { DEFAULT_RETRY_POLICY } from './retry-policy';
import type { SizeDistribution } from './size-distribution';

export interface BatchSettings {
  /** PutRecords entries per call (AWS max 500). */
  readonly maxRecords: number;
  /** Request size cap (AWS: 5 MiB per PutRecords). */
  readonly maxBytes: number;
  /** How long a partly filled batch may wait before it is sent (KPL RecordMaxBufferedTime: 100 ms). */
  readonly lingerMs: number;
}

export interface LatencyModel {
  /** Median round trip of one call. */
  readonly baseMs: number;
  /** Extra per record in the call (PutRecords). */
  readonly perRecordMs: number;
  /** σ of a log-normal multiplier (0 = fixed latency). */
  readonly sigma: number;
}

export interface ProducerConfig {
  readonly name: string;
  readonly streamName: string;
  readonly rate: RateProfile;
  readonly size: SizeDistribution;
  readonly keys: KeyStrategy;
  /** KDG-style payload template; without one, records are size-only (no payload bytes kept). */
  readonly template?: string;
  readonly api: 'PutRecord' | 'PutRecords';
  readonly batch: BatchSettings;
  /** KPL-style aggregation of user records into ≤ maxBytes Kinesis records. */
  readonly aggregation?: { readonly enabled: boolean; readonly maxBytes?: number };
  readonly retry: RetryPolicy;
  readonly latency: LatencyModel;
  /** Virtual-time step at which records are generated. */
  readonly tickMs: number;
  readonly startAtSec?: number;
  readonly stopAtSec?: number;
}

export const PUT_RECORDS_MAX_ENTRIES = 500; // AWS PutRecords: up to 500 records per call
export const PUT_RECORDS_MAX_BYTES = 5 * 1_048_576; // AWS PutRecords: up to 5 MiB per call

export const DEFAULT_BATCH: BatchSettings = { maxRecords: PUT_RECORDS_MAX_ENTRIES, maxBytes: PUT_RECORDS_MAX_BYTES, lingerMs: 100 };
export const DEFAULT_LATENCY: LatencyModel = { baseMs: 20, perRecordMs: 0.02, sigma: 0.25 };

export type ProducerInput = Partial<Omit<ProducerConfig, 'name' | 'streamName' | 'rate' | 'batch' | 'retry' | 'latency'>> & {
  readonly name: string;
  readonly streamName: string;
  readonly rate: RateProfile;
  readonly batch?: Partial<BatchSettings>;
  readonly retry?: Partial<RetryPolicy>;
  readonly latency?: Partial<LatencyModel>;
};

export function withProducerDefaults(input: ProducerInput): ProducerConfig {
  const batch = { ...DEFAULT_BATCH, ...input.batch };
  return {
    name: input.name,
    streamName: input.streamName,
    rate: input.rate,
    size: input.size ?? { kind: 'fixed', bytes: 100 },
    keys: input.keys ?? { kind: 'uuid' },
    template: input.template,
    api: input.api ?? 'PutRecords',
    batch,
    aggregation: input.aggregation,
    retry: { ...DEFAULT_RETRY_POLICY, ...input.retry },
    latency: { ...DEFAULT_LATENCY, ...input.latency },
    tickMs: input.tickMs ?? Math.max(10, Math.min(100, batch.lingerMs || 100)),
    startAtSec: input.startAtSec,
    stopAtSec: input.stopAtSec,
  };
}
