/**
 * The console's contract with the worker for the Overview, Streams, Producers and Consumers pages:
 * the watch request, the per-publish console frame (typed arrays inside, transferred), and the
 * results of edits and data-viewer reads. Types only, so the UI imports them without the engine.
 */
import type { WorkerResult } from '../../protocol';
import type { ScenarioConsumer, ScenarioProducer } from '../../../engine/scenario/schema';

/** What the visible page needs; the worker builds only that into each console frame. */
export interface WatchRequest {
  /** Stream whose detail (shards, heat map, series, keys) goes into every frame; null for none. */
  readonly stream: string | null;
  readonly heatmap?: boolean;
  /** Heat-map zoom: the shard-number range shown (default all); more rows than HEAT_MAX_ROWS are grouped by max. */
  readonly heatFromShard?: number;
  readonly heatToShard?: number;
  /** Seconds of history for the heat map and the charts (10…900). */
  readonly seriesWindowSec?: number;
  /** Shard-table page: first row and row count (rows ordered by shard number). */
  readonly shardOffset?: number;
  readonly shardLimit?: number;
  /** A shard whose own series are wanted (per-shard drill-down). */
  readonly shardId?: string | null;
  /** Include per-consumer lag series. */
  readonly consumers?: boolean;
  /** Include the Firehose part's slice (delivery streams, buffers, object store). */
  readonly firehose?: boolean;
  /** Include the Analytics part's slice (applications, rows, errors). */
  readonly analytics?: boolean;
  /** Include the Kinesis Agent part's slice (agents, files, records, batches, checkpoints). */
  readonly agents?: boolean;
  /** Include the Video Streams part's slice (streams, fragments, producers, metrics). */
  readonly video?: boolean;
  /** Include the queues part with the Data Streams part's snapshot beside it (the Kinesis-vs-SQS page). */
  readonly queues?: boolean;
}

export interface Finding {
  /** Stable across frames: 'key:<key>', 'hot-shard:<shardId>' or 'capacity'. */
  readonly id: string;
  readonly severity: 'info' | 'warn' | 'bad';
  readonly title: string;
  readonly text: string;
  /** What would fix it, plainly. */
  readonly fixes: readonly string[];
  /** A shard the finding is about (for the "split this shard" action). */
  readonly shardId?: string;
  /** The figures behind the finding, so the console can word it in the reader's language. */
  readonly detail?: FindingDetail;
}

export interface KeyOverLimit {
  readonly key: string;
  readonly shardId: string;
  readonly recordsPerSec: number;
  readonly bytesPerSec: number;
  /** True when records/s (not bytes/s) is the limit it breaks. */
  readonly byRecords: boolean;
}

/**
 * `autoSuggested`: the stream is on-demand with key-based distribution, so switching it to AUTO record
 * distribution would spread the key (at the cost of per-key ordering).
 */
export type FindingDetail =
  | { readonly kind: 'keys-over-limit'; readonly keys: readonly KeyOverLimit[]; readonly parts: number; readonly autoSuggested: boolean }
  | {
    readonly kind: 'hot-shard'; readonly shardId: string; readonly share: number; readonly evenShare: number; readonly writeUtil: number;
    readonly throttledPerSec: number; readonly hotKey?: { readonly key: string; readonly share: number; readonly recordsPerSec: number };
    readonly splitApart: boolean; readonly autoSuggested: boolean;
  }
  | { readonly kind: 'capacity'; readonly demandPerSec: number; readonly shards: number; readonly util: number; readonly target: number };

export interface ShardRow {
  readonly id: string;
  readonly number: number;
  readonly open: boolean;
  readonly startingHashKey: string;
  readonly endingHashKey: string;
  readonly parentShardId?: string;
  readonly adjacentParentShardId?: string;
  /** Last virtual second, as a fraction of the shard's limits (max of records and bytes). */
  readonly writeUtil: number;
  /** Max of calls/5 and bytes/2 MiB. */
  readonly readUtil: number;
  readonly incomingRecordsPerSec: number;
  readonly incomingBytesPerSec: number;
  readonly throttledWritesPerSec: number;
  readonly throttledWritesTotal: number;
  readonly throttledReadsTotal: number;
}

export interface KeyView {
  readonly key: string;
  readonly producer: string;
  /** Accepted totals since start. */
  readonly records: number;
  readonly bytes: number;
  /** What the producers offer for this key now (before throttling). */
  readonly offeredRecordsPerSec: number;
  readonly offeredBytesPerSec: number;
  /** Position of the key's hash in 0…2^128 as a fraction, and the open shard it lands on. */
  readonly hashFraction: number;
  readonly shardId: string;
}

export interface SeriesBlock {
  readonly t0Ms: number;
  readonly stepMs: number;
  /** Metric name → one value per step (NaN = no data). */
  readonly series: Record<string, Float64Array>;
}

export interface StreamDetail {
  readonly name: string;
  readonly status: string;
  readonly mode: 'PROVISIONED' | 'ON_DEMAND';
  readonly retentionHours: number;
  readonly arn: string;
  /** MaxRecordSizeInKiB (1,024 by default). */
  readonly maxRecordSizeKiB: number;
  /** RecordDistributionStrategy: USER_PARTITION_KEY, or AUTO on an on-demand stream. */
  readonly distribution: 'USER_PARTITION_KEY' | 'AUTO';
  readonly openShards: number;
  readonly totalShards: number;
  /** Every listed shard (open and closed, not yet expired), by shard number. */
  readonly shardIds: readonly string[];
  /** The requested page of the shard table. */
  readonly shardOffset: number;
  readonly shardRows: readonly ShardRow[];
  /** Open shards in hash order: [start, end) fractions of the key space, and write util. */
  readonly bandStart: Float64Array;
  readonly bandEnd: Float64Array;
  readonly bandUtil: Float32Array;
  readonly bandIds: readonly string[];
  /** Accepted + throttled records per open shard in the last second (hash order, as the band). */
  readonly bandAttempted: Float64Array;
  readonly heat?: {
    readonly values: Float32Array;
    readonly rows: number;
    readonly cols: number;
    /** One id per row: the row's first shard (with `rowsPerGroup` > 1, the row stands for that many shards). */
    readonly rowIds: readonly string[];
    readonly t0Ms: number;
    readonly stepMs: number;
    /** Shards per row (1 when every shard has its own row); each row shows its group's maximum. */
    readonly rowsPerGroup?: number;
    /** Shard numbers covered (the zoom), inclusive, and how many shards the stream has had in all. */
    readonly fromShard?: number;
    readonly toShard?: number;
    readonly totalShards?: number;
  };
  readonly series: SeriesBlock;
  readonly shardSeries?: SeriesBlock & { readonly shardId: string };
  readonly topKeys: readonly KeyView[];
  readonly findings: readonly Finding[];
  readonly incomingRecordsPerSec: number;
  readonly incomingBytesPerSec: number;
  readonly throttledPerSec: number;
}

export interface StreamSummary {
  readonly name: string;
  readonly status: string;
  readonly mode: 'PROVISIONED' | 'ON_DEMAND';
  readonly openShards: number;
  readonly retentionHours: number;
  readonly incomingRecordsPerSec: number;
  readonly incomingBytesPerSec: number;
  readonly throttledPerSec: number;
  readonly readThrottledPerSec: number;
  readonly maxShardUtil: number;
  /** Records the stream accepted since the start (all shards, from their counters). */
  readonly incomingRecordsTotal: number;
}

export interface ProducerSummary {
  readonly name: string;
  readonly stream: string;
  readonly wantedRecordsPerSec: number;
  readonly acceptedPerSec: number;
  readonly throttledPerSec: number;
  readonly droppedTotal: number;
  readonly backlogRecords: number;
}

export interface ConsumerSummary {
  readonly name: string;
  readonly type: 'kcl' | 'efo' | 'lambda';
  readonly stream: string;
  readonly recordsPerSec: number;
  readonly recordsProcessed: number;
  readonly iteratorAgeMs: number;
  readonly lagRecords: number;
  readonly readThrottled: number;
  readonly errors: number;
  /** Lag trend over the last minute: records/s (positive = growing). */
  readonly lagSlopePerSec: number;
  /** Seconds to drain at the current trend, or null when it is not draining. */
  readonly drainSec: number | null;
  readonly state: 'caught-up' | 'draining' | 'falling-behind' | 'steady';
}

export interface ConsumerSeries {
  readonly name: string;
  readonly block: SeriesBlock;
}

/**
 * Which shards the watched stream has: every listed shard's id, and the open shards in hash order with
 * their [start, end) key-space fractions. At 10,000 shards this is the bulk of a frame yet changes only
 * when the shard set does (resharding, a closed shard expiring), so it travels only then, under a revision
 * the detail names on every frame; the page keeps the last one and joins by revision.
 */
export interface ShardIdentity {
  readonly revision: string;
  readonly shardIds: readonly string[];
  readonly bandIds: readonly string[];
  readonly bandStart: Float64Array;
  readonly bandEnd: Float64Array;
}

type IdentityFields = 'shardIds' | 'bandIds' | 'bandStart' | 'bandEnd';

/** A stream detail as the worker sends it: the shard identity by revision, itself only when it changed. */
export type StreamDetailWire = Omit<StreamDetail, IdentityFields> & {
  readonly identityRevision: string;
  readonly identity?: ShardIdentity;
};

/** The Data Streams part of a frame as sent (see StreamDetailWire); the page joins it into a ConsoleFrame. */
export type ConsoleFrameWire = Omit<ConsoleFrame, 'detail'> & { readonly detail: StreamDetailWire | null };

/** Fills a sent detail's shard identity from the identity of its revision (the last one sent). */
export function joinShardIdentity(detail: StreamDetailWire, known: ShardIdentity | undefined): StreamDetail | null {
  const identity = detail.identity ?? known;
  if (!identity || identity.revision !== detail.identityRevision) return null;
  const { identity: _sent, identityRevision: _revision, ...rest } = detail;
  return { ...rest, shardIds: identity.shardIds, bandIds: identity.bandIds, bandStart: identity.bandStart, bandEnd: identity.bandEnd };
}

/** The Data Streams part of a frame: streams, producers, consumers, and the watched stream's detail. */
export interface ConsoleFrame {
  readonly kind: 'streams';
  readonly seq: number;
  readonly nowMs: number;
  /** Worker wall clock (timeOrigin + now) when built. */
  readonly builtAtEpochMs: number;
  readonly streams: readonly StreamSummary[];
  readonly producers: readonly ProducerSummary[];
  readonly consumers: readonly ConsumerSummary[];
  readonly detail: StreamDetail | null;
  readonly consumerSeries: readonly ConsumerSeries[] | null;
}

/** A producer or consumer edit: done, or a ValidationException listing every problem with its field path. */
export type EditResult = WorkerResult;

export type IteratorType = 'TRIM_HORIZON' | 'LATEST' | 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER' | 'AT_TIMESTAMP';

export interface ReadRequest {
  readonly stream: string;
  readonly shardId: string;
  /** Continue from this iterator (next page) instead of getting a new one. */
  readonly iterator?: string;
  readonly iteratorType?: IteratorType;
  readonly sequenceNumber?: string;
  /** Virtual epoch ms for AT_TIMESTAMP. */
  readonly timestampMs?: number;
  readonly limit?: number;
}

export interface ViewedRecord {
  readonly sequenceNumber: string;
  readonly partitionKey: string;
  readonly arrivalMs: number;
  readonly data: Uint8Array;
  /** Size of the record in the stream (size-only records carry no payload). */
  readonly sizeBytes: number;
}

export interface RecordsPage {
  readonly records: readonly ViewedRecord[];
  readonly nextIterator: string | null;
  readonly millisBehindLatest: number;
  /**
   * What no longer exists in the shard, so an empty page can say why: records removed by retention and by the
   * simulator's memory budget (its size in bytes), as the shard counts them.
   */
  readonly removed?: { readonly expired: number; readonly evicted: number; readonly memoryBudgetBytes: number };
}

/** A data-viewer page, or the GetShardIterator / GetRecords error. */
export type ReadResult = WorkerResult<RecordsPage>;

export interface ActorConfigs {
  readonly streams: readonly string[];
  /** Per live stream, what its producers must respect: maximum record size and record distribution. */
  readonly streamSettings?: Readonly<Record<string, { readonly maxRecordSizeKiB: number; readonly distribution: 'USER_PARTITION_KEY' | 'AUTO' }>>;
  readonly producers: readonly ScenarioProducer[];
  readonly consumers: readonly ScenarioConsumer[];
}
