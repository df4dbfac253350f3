/**
 * KinesisService: the owner of all streams of one simulated account and region. It resolves streams by name
 * or ARN, runs the control plane's state machine on the virtual clock (CREATING → ACTIVE ⇄ UPDATING →
 * DELETING), enforces account-level quotas and control-plane rates, trims by retention once per virtual
 * second and keeps the memory budget (evicting the oldest records, counted as evicted). It throws
 * AwsServiceError for expected failures; the JSON API turns them into results.
 */
import type { Simulation, SimulationPart } from '../simulation';
import { invalidArgument, limitExceeded, resourceInUse, resourceNotFound } from './errors';
import {
  CONTROL_PLANE_TPS,
  ON_DEMAND_INITIAL_SHARDS,
  ON_DEMAND_STREAMS_MAX,
  SHARD_LIMIT_DEFAULT,
  STREAMS_CREATING_MAX,
} from './limits';
import { AccountSettings } from './account-settings';
import { evictOldestWhile } from './eviction-order';
import { ConsumerRegistry } from './consumers';
import { OnDemandScaler } from './on-demand';
import { shardLimitMessage } from './reshard';
import { applyWarmThroughput } from './stream-settings';
import { ResourcePolicies } from './resource-policies';
import type { MemoryLedger, RecordDistributionStrategy, StreamMode } from './stream';
import { Stream } from './stream';

/** How long each control-plane transition takes on the virtual clock. */
export interface TransitionDelays {
  readonly createMs: number;
  readonly deleteMs: number;
  /** Stream mode, encryption and other UPDATING transitions. */
  readonly updateMs: number;
  /** SplitShard, MergeShards, UpdateShardCount. */
  readonly reshardMs: number;
  /** Consumer CREATING → ACTIVE and DELETING → gone. */
  readonly consumerMs: number;
}

/** Roughly what the real service takes (tens of seconds); emulators use ~500 ms. */
export const REALISTIC_DELAYS: TransitionDelays = { createMs: 10_000, deleteMs: 5_000, updateMs: 10_000, reshardMs: 30_000, consumerMs: 5_000 };

export interface KinesisServiceOptions {
  readonly region?: string;
  readonly accountId?: string;
  /** One delay for every transition (e.g. 500 for an emulator feel, 0 for instant); overrides `delays`. */
  readonly transitionDelayMs?: number;
  readonly delays?: Partial<TransitionDelays>;
  /** Account shard quota (open shards across all streams). */
  readonly shardLimit?: number;
  readonly onDemandStreamLimit?: number;
  /** Bytes the service may hold in records before evicting the oldest (default 256 MiB). */
  readonly memoryBudgetBytes?: number;
  /** Enforce control-plane TPS quotas (LimitExceededException); default true. */
  readonly enforceControlPlaneRates?: boolean;
}

export interface StreamRef {
  readonly StreamName?: string;
  readonly StreamARN?: string;
}

/** CreateStream's 2025/2026 settings (API_CreateStream); the API layer checks them against the mode. */
export interface NewStreamOptions {
  readonly maxRecordSizeKiB?: number;
  readonly distribution?: RecordDistributionStrategy;
  readonly warmThroughputMiBps?: number;
}

export const DEFAULT_MEMORY_BUDGET_BYTES = 256 * 1_048_576;
const EVICTION_BATCH_ENTRIES = 256;
/** Eviction frees down to this fraction of the budget, so it runs in batches rather than per record. */
const EVICTION_LOW_WATER = 0.9;

export class KinesisService implements SimulationPart {
  readonly id = 'kinesis-data-streams';
  readonly region: string;
  readonly accountId: string;
  readonly delays: TransitionDelays;
  readonly shardLimit: number;
  readonly onDemandStreamLimit: number;
  readonly memory: MemoryLedger;
  readonly consumers: ConsumerRegistry;
  /** The minimum throughput billing commitment (On-demand Advantage). */
  readonly account: AccountSettings;
  readonly policies = new ResourcePolicies();
  /**
   * Channels reading each stream (engine/channels registers itself here): DescribeStreamSummary's ChannelCount,
   * and DeleteStream refuses a stream that still has channels.
   */
  channelCountOf: (stream: Stream) => number = () => 0;
  private readonly streams = new Map<string, Stream>();
  private readonly enforceRates: boolean;
  private readonly rateWindows = new Map<string, { second: number; count: number }>();
  private lastTrimSecond = -1;
  private readonly onDemand: OnDemandScaler;

  constructor(readonly sim: Simulation, options: KinesisServiceOptions = {}) {
    this.region = options.region ?? 'us-east-1';
    this.accountId = options.accountId ?? '000000000000';
    const d = options.transitionDelayMs;
    this.delays = d !== undefined
      ? { createMs: d, deleteMs: d, updateMs: d, reshardMs: d, consumerMs: d }
      : { ...REALISTIC_DELAYS, ...options.delays };
    this.shardLimit = options.shardLimit ?? SHARD_LIMIT_DEFAULT;
    this.onDemandStreamLimit = options.onDemandStreamLimit ?? ON_DEMAND_STREAMS_MAX;
    this.enforceRates = options.enforceControlPlaneRates ?? true;
    const budgetBytes = options.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET_BYTES;
    this.memory = { usedBytes: 0, budgetBytes, evict: () => this.evictOldest() };
    this.consumers = new ConsumerRegistry(this);
    this.account = new AccountSettings(() => sim.nowMs);
    this.onDemand = new OnDemandScaler(sim.nowMs, (fn) => this.after(this.delays.reshardMs, fn));
    sim.attach(this);
  }

  get nowMs(): number {
    return this.sim.nowMs;
  }

  streamArn(name: string): string {
    return `arn:aws:kinesis:${this.region}:${this.accountId}:stream/${name}`;
  }

  /** The live stream of that name (any status but gone), for in-engine actors. */
  stream(name: string): Stream | undefined {
    return this.streams.get(name);
  }

  /** All streams, sorted by name (ListStreams order). */
  allStreams(): Stream[] {
    return [...this.streams.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Resolves StreamName and/or StreamARN as AWS does; throws ResourceNotFound/InvalidArgument. */
  resolve(ref: StreamRef): Stream {
    let name = ref.StreamName;
    if (ref.StreamARN !== undefined) {
      const fromArn = this.nameFromArn(ref.StreamARN);
      if (name !== undefined && name !== fromArn) {
        throw invalidArgument(`StreamARN ${ref.StreamARN} and StreamName ${name} name different streams; pass one of them.`);
      }
      name = fromArn;
    }
    if (name === undefined) throw invalidArgument('Either StreamName or StreamARN must be provided.');
    const stream = this.streams.get(name);
    if (!stream) throw resourceNotFound(`Stream ${name} under account ${this.accountId} not found.`);
    return stream;
  }

  /** Stream name of an ARN of this account and region; throws ResourceNotFound for others. */
  nameFromArn(arn: string): string {
    const m = /^arn:aws[\w-]*:kinesis:([\w-]+):(\d{12}):stream\/([a-zA-Z0-9_.-]{1,128})$/.exec(arn);
    if (!m) throw invalidArgument(`StreamARN ${arn} is not a Kinesis stream ARN (arn:aws:kinesis:<region>:<account>:stream/<name>).`);
    if (m[1] !== this.region || m[2] !== this.accountId) {
      throw resourceNotFound(`Stream ${m[3]} under account ${m[2]} in ${m[1]} not found (this endpoint serves ${this.accountId} in ${this.region}).`);
    }
    return m[3];
  }

  /** Open shards across all streams (the account shard quota counts them). */
  openShardTotal(): number {
    let n = 0;
    for (const s of this.streams.values()) n += s.openShardCount;
    return n;
  }

  onDemandStreamCount(): number {
    let n = 0;
    for (const s of this.streams.values()) if (s.mode === 'ON_DEMAND') n++;
    return n;
  }

  createStream(name: string, mode: StreamMode, shardCount: number | undefined, tags?: Record<string, string>, options: NewStreamOptions = {}): Stream {
    this.checkRate('CreateStream');
    if (this.streams.has(name)) throw resourceInUse(`Stream ${name} under account ${this.accountId} already exists.`);
    const creating = [...this.streams.values()].filter((s) => s.status === 'CREATING').length;
    if (creating >= STREAMS_CREATING_MAX) {
      throw limitExceeded(`Only ${STREAMS_CREATING_MAX} streams can be CREATING at once; wait for one to become ACTIVE.`);
    }
    if (mode === 'ON_DEMAND' && this.onDemandStreamCount() >= this.onDemandStreamLimit) {
      throw limitExceeded(`This account already has ${this.onDemandStreamLimit} on-demand streams, the quota.`);
    }
    const count = mode === 'ON_DEMAND' ? ON_DEMAND_INITIAL_SHARDS : (shardCount ?? 1);
    const open = this.openShardTotal();
    if (open + count > this.shardLimit) {
      throw limitExceeded(shardLimitMessage(this, open, count));
    }
    const stream = new Stream({ name, arn: this.streamArn(name), mode, shardCount: count, createdAtMs: this.nowMs, ledger: this.memory });
    stream.clockMs = () => this.sim.nowMs;
    for (const [k, v] of Object.entries(tags ?? {})) stream.tags.set(k, v);
    if (options.maxRecordSizeKiB !== undefined) stream.setMaxRecordSize(options.maxRecordSizeKiB);
    if (options.distribution !== undefined) stream.distribution = options.distribution;
    const warm = options.warmThroughputMiBps;
    if (warm !== undefined) stream.warmThroughput = { targetMiBps: warm, currentMiBps: 0 };
    this.streams.set(name, stream);
    this.after(this.delays.createMs, () => {
      if (stream.status !== 'CREATING') return;
      if (warm !== undefined) applyWarmThroughput(stream, warm, this.nowMs);
      stream.status = 'ACTIVE';
    });
    return stream;
  }

  deleteStream(stream: Stream, enforceConsumerDeletion: boolean): void {
    this.checkRate('DeleteStream');
    const consumers = this.consumers.forStream(stream);
    if (consumers.length > 0 && !enforceConsumerDeletion) {
      throw resourceInUse(`Stream ${stream.name} has ${consumers.length} registered consumers; deregister them or pass EnforceConsumerDeletion.`);
    }
    // API_DeleteStream: a stream that channels read cannot be deleted until they are.
    const channels = this.channelCountOf(stream);
    if (channels > 0) throw resourceInUse(`Stream ${stream.name} under account ${this.accountId} has ${channels} channels; delete them with DeleteChannel first.`);
    stream.status = 'DELETING';
    this.after(this.delays.deleteMs, () => {
      if (this.streams.get(stream.name) !== stream) return;
      this.consumers.dropStream(stream);
      this.policies.dropUnder(stream.arn);
      this.streams.delete(stream.name);
      stream.release();
    });
  }

  /** Throws ResourceInUseException unless the stream is ACTIVE (reshard, retention, encryption, mode changes). */
  requireActive(stream: Stream, what: string): void {
    if (stream.status !== 'ACTIVE') {
      // AWS's wording (kinesalite, AWS-captured): "Stream X under account Y not ACTIVE, instead in state UPDATING".
      void what;
      throw resourceInUse(`Stream ${stream.name} under account ${this.accountId} not ACTIVE, instead in state ${stream.status}`);
    }
  }

  /** Sets UPDATING now and runs `apply` then ACTIVE after `delayMs` on the virtual clock. */
  beginUpdate(stream: Stream, delayMs: number, apply: () => void): void {
    stream.status = 'UPDATING';
    this.after(delayMs, () => {
      if (stream.deleted || stream.status === 'DELETING') return;
      apply();
      stream.status = 'ACTIVE';
    });
  }

  /** Runs `fn` after `delayMs` of virtual time (immediately when the delay is 0). */
  after(delayMs: number, fn: () => void): void {
    if (delayMs <= 0) fn();
    else this.sim.scheduler.after(delayMs, fn);
  }

  /** Control-plane TPS quota per operation (account-wide): LimitExceededException beyond it. */
  checkRate(operation: string): void {
    const max = CONTROL_PLANE_TPS[operation];
    if (!this.enforceRates || max === undefined) return;
    const second = Math.floor(this.nowMs / 1000);
    let w = this.rateWindows.get(operation);
    if (!w) this.rateWindows.set(operation, (w = { second, count: 0 }));
    if (w.second !== second) {
      w.second = second;
      w.count = 0;
    }
    if (w.count >= max) throw limitExceeded(`Rate exceeded for ${operation}: at most ${max} calls per second for account ${this.accountId}.`);
    w.count++;
  }

  /** Retention trimming at most once per virtual second; on-demand scaling once a minute. */
  afterAdvance(nowMs: number): void {
    const second = Math.floor(nowMs / 1000);
    if (second === this.lastTrimSecond) return;
    this.lastTrimSecond = second;
    for (const stream of this.streams.values()) stream.trim(nowMs);
    this.onDemand.tick(this.streams.values(), nowMs);
  }

  /** Evicts the oldest entries across all shards until usage is back under the low-water mark. */
  private evictOldest(): void {
    const target = this.memory.budgetBytes * EVICTION_LOW_WATER;
    evictOldestWhile(this.streams.values(), () => this.memory.usedBytes > target, EVICTION_BATCH_ENTRIES);
  }
}
