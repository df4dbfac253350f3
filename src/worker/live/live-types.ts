/**
 * The typed contract between the Live page and the live worker. Expected failures come back as
 * values carrying the AWS error name; a throw across Comlink means a bug.
 */
import type { CaptureResult } from '../../live/capture-workload';
import type { ConnectionInput, ResolvedEndpoint } from '../../live/endpoint';
import type { ViewedRecord, StreamSummary } from '../../live/live-client';
import type { LiveError } from '../../live/live-errors';
import type { ShardSamplingState } from '../../live/sampler';
import type { SamplingCost } from '../../live/sampling-cost';
import type { LiveShard } from '../../live/shard-map';

export type { ConnectionInput, ResolvedEndpoint, ViewedRecord, StreamSummary, LiveError, LiveShard, SamplingCost, CaptureResult };

export type LiveResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: LiveError };

export interface LiveShardTraffic {
  readonly shardId: string;
  readonly state: ShardSamplingState;
  readonly recordsPerSec: number;
  readonly bytesPerSec: number;
  readonly peakRecordsPerSec: number;
  readonly peakBytesPerSec: number;
  /** The larger of records/s ÷ 1,000 and bytes/s ÷ 1 MiB: the shard's write limits (provisioned). */
  readonly writeUtilization: number;
  readonly getRecordsCalls: number;
  readonly throttles: number;
  readonly errors: number;
  readonly backoffMs: number;
  readonly millisBehindLatest?: number;
  readonly lastError?: LiveError;
  /** Where recordsPerSec/bytesPerSec/writeUtilization come from for this shard. */
  readonly source: 'cloudwatch' | 'sampled';
  /** From CloudWatch (shard-level metrics), newest 1-minute period: records rejected by write throttling. */
  readonly writeThrottled?: number;
  /** From CloudWatch: GetRecords calls throttled (by every consumer, not only the sampler). */
  readonly readThrottled?: number;
  readonly iteratorAgeMs?: number;
}

/** Where the traffic figures come from, and what reading CloudWatch costs. */
export interface LiveMetricsState {
  /** 'cloudwatch' once GetMetricData returned data; 'sampled' otherwise (no CloudWatch, or no data yet). */
  readonly source: 'cloudwatch' | 'sampled';
  /** trying: first poll pending; no-data: CloudWatch answered without datapoints; unavailable: it failed (silently sampled). */
  readonly status: 'trying' | 'cloudwatch' | 'no-data' | 'unavailable';
  readonly periodSec: number;
  /** True when the per-shard rows come from CloudWatch (enhanced monitoring on for IncomingRecords). */
  readonly perShard: boolean;
  readonly periodEndMs?: number;
  /** Stream-level figures from CloudWatch (throttle counts are for the newest period). */
  readonly writeThrottled?: number;
  readonly readThrottled?: number;
  readonly iteratorAgeMs?: number;
  readonly metricsPerHour: number;
  readonly usdPerHour: number;
  readonly priceUsdPer1000: number;
}

export interface LiveHotKey {
  readonly key: string;
  readonly records: number;
  readonly share: number;
  readonly recordsPerSec: number;
  /** MD5 of the key as a decimal hash key, and the open shard whose range holds it. */
  readonly hashKey: string;
  readonly hashFraction: number;
  readonly routedShardId?: string;
  /** Where the sampler actually read it (differs when producers set ExplicitHashKey). */
  readonly readFromShardId: string;
}

export interface LiveCaptureState {
  readonly status: 'running' | 'done' | 'failed';
  readonly seconds: number;
  readonly elapsedSec: number;
  readonly records: number;
  readonly result?: CaptureResult;
}

export interface LiveFrame {
  readonly stream: string;
  readonly shardMap: readonly LiveShard[];
  readonly summary: StreamSummary;
  readonly sampling: {
    readonly running: boolean;
    readonly readsPerSecPerShard: number;
    readonly totalReadsPerSecMax: number;
    readonly plannedReadsPerSec: number;
    readonly actualReadsPerSec: number;
    readonly elapsedSec: number;
    readonly windowSec: number;
  };
  readonly totals: { readonly records: number; readonly recordsPerSec: number; readonly bytesPerSec: number; readonly distinctKeys: number; readonly overflowRecords: number };
  readonly shards: readonly LiveShardTraffic[];
  readonly hotKeys: readonly LiveHotKey[];
  readonly sizes: readonly { readonly meanBytes: number; readonly records: number }[];
  readonly cost: SamplingCost;
  readonly metrics: LiveMetricsState;
  readonly capture?: LiveCaptureState;
}

export interface LiveApi {
  connect(input: ConnectionInput): Promise<LiveResult<{ endpoint: ResolvedEndpoint; streams: string[] }>>;
  disconnect(): Promise<void>;
  listStreams(): Promise<LiveResult<string[]>>;
  describeStream(name: string): Promise<LiveResult<{ summary: StreamSummary; shardMap: LiveShard[] }>>;
  startSampling(name: string, readsPerSecPerShard: number): Promise<LiveResult<void>>;
  setSamplingRate(readsPerSecPerShard: number): Promise<void>;
  stopSampling(): Promise<void>;
  startCapture(seconds: number): Promise<LiveResult<void>>;
  viewRecords(stream: string, shardId: string, from: 'TRIM_HORIZON' | 'LATEST', limit: number): Promise<LiveResult<ViewedRecord[]>>;
  putRecord(stream: string, partitionKey: string, data: string): Promise<LiveResult<{ shardId: string; sequenceNumber: string }>>;
  updateShardCount(stream: string, target: number): Promise<LiveResult<void>>;
  splitShard(stream: string, shardId: string): Promise<LiveResult<{ newStartingHashKey: string }>>;
  onFrame(listener: (frame: LiveFrame) => void): Promise<void>;
}
