/**
 * The scenario document, version 1: everything a user configures — streams, producers,
 * consumers, run settings and the seed. Plain JSON; `validateScenario` checks it and names the
 * bad field path. The `firehose` and `analytics` sections are typed by their services' world parts,
 * which validate them (engine/world/parts.ts lists every part).
 */
import type { AnalyticsAppConfig } from '../analytics/world/app-config';
import type { FirehoseSectionEntry } from '../firehose/world/scenario-section';
import type { VideoStreamEntry } from '../video/video-world';
import type { KeyStrategy } from '../producers/key-strategy';
import type { BatchSettings, LatencyModel } from '../producers/producer-config';
import type { RateProfile } from '../producers/rate-profile';
import type { RetryPolicy } from '../producers/retry-policy';
import type { SizeDistribution } from '../producers/size-distribution';
import type { ProcessingModel } from '../consumers/processing-model';
import type { KclCrash } from '../consumers/kcl-app';
import type { AgentSectionEntry } from '../agent/world/agents-part';
import type { QueueSectionEntry } from '../queues/world/queue-section';

export interface ScenarioStream {
  readonly name: string;
  readonly mode?: 'PROVISIONED' | 'ON_DEMAND';
  /** Provisioned shard count (ignored for on-demand). */
  readonly shards?: number;
  readonly retentionHours?: number;
  /**
   * MaxRecordSizeInKiB: the largest record (data + partition key) the stream takes, 1,024–10,240 KiB,
   * 1,024 when absent (AWS's default for new streams). docs.aws.amazon.com/streams/latest/dev/large-records.html
   */
  readonly maxRecordSizeKiB?: number;
  /**
   * RecordDistributionStrategy, as AWS spells it: USER_PARTITION_KEY (the default: the key's MD5 picks the
   * shard) or AUTO (the service spreads records; on-demand streams only; no per-key ordering).
   * docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateStreamRecordDistributionStrategy.html
   */
  readonly recordDistribution?: 'USER_PARTITION_KEY' | 'AUTO';
}

export interface ScenarioProducer {
  readonly name: string;
  readonly stream: string;
  readonly rate: RateProfile;
  readonly size?: SizeDistribution;
  readonly keys?: KeyStrategy;
  readonly template?: string;
  readonly api?: 'PutRecord' | 'PutRecords';
  readonly batch?: Partial<BatchSettings>;
  readonly aggregation?: { readonly enabled: boolean; readonly maxBytes?: number };
  readonly retry?: Partial<RetryPolicy>;
  readonly latency?: Partial<LatencyModel>;
  readonly startAtSec?: number;
  readonly stopAtSec?: number;
}

interface ConsumerBase {
  readonly name: string;
  readonly stream: string;
  readonly initialPosition?: 'TRIM_HORIZON' | 'LATEST';
}

export interface ScenarioKclConsumer extends ConsumerBase {
  readonly type: 'kcl';
  readonly workers?: number;
  readonly pollIntervalMs?: number;
  readonly maxRecords?: number;
  readonly checkpointEveryRecords?: number;
  readonly checkpointEveryMs?: number;
  readonly processing?: ProcessingModel;
  readonly failoverTimeMs?: number;
  readonly crashes?: readonly KclCrash[];
}

export interface ScenarioEfoConsumer extends ConsumerBase {
  readonly type: 'efo';
  readonly processing?: ProcessingModel;
}

export interface ScenarioLambdaConsumer extends ConsumerBase {
  readonly type: 'lambda';
  readonly batchSize?: number;
  readonly batchingWindowSec?: number;
  readonly parallelizationFactor?: number;
  readonly duration?: ProcessingModel;
  readonly errorRate?: number;
  readonly maxRetries?: number;
  readonly maxRecordAgeSec?: number;
  readonly bisectOnError?: boolean;
  readonly onFailureDestination?: boolean;
}

export type ScenarioConsumer = ScenarioKclConsumer | ScenarioEfoConsumer | ScenarioLambdaConsumer;

export interface ScenarioSettings {
  /** 'auto' picks aggregate mode when the summed peak rate exceeds the threshold. */
  readonly mode?: 'auto' | 'record' | 'aggregate';
  readonly aggregateThresholdRecordsPerSec?: number;
  /** Keep per-shard series (default: on up to 256 shards in total). */
  readonly shardLevelMetrics?: boolean;
  readonly memoryBudgetMiB?: number;
}

export interface ScenarioDoc {
  readonly version: 1;
  readonly name?: string;
  readonly description?: string;
  readonly seed: number | string;
  /** Default run length for `npm run sim` when no --duration is given. */
  readonly durationSec?: number;
  readonly settings?: ScenarioSettings;
  readonly streams: readonly ScenarioStream[];
  readonly producers: readonly ScenarioProducer[];
  readonly consumers?: readonly ScenarioConsumer[];
  /** Delivery streams (Firehose part). */
  readonly firehose?: readonly FirehoseSectionEntry[];
  /** SQL applications (Analytics part). */
  readonly analytics?: readonly AnalyticsAppConfig[];
  /** Kinesis video streams with optional synthetic cameras (Video Streams part). */
  readonly videoStreams?: readonly VideoStreamEntry[];
  /** Hosts running the Kinesis Agent (Agents part). */
  readonly agents?: readonly AgentSectionEntry[];
  /** Amazon SQS queues with producers and consumers (Queues part). */
  readonly queues?: readonly QueueSectionEntry[];
}

export const AGGREGATE_THRESHOLD_DEFAULT = 50_000;
