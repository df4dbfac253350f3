/**
 * Samples a live stream's traffic by reading every open shard from LATEST with GetShardIterator and
 * GetRecords, at a bounded rate the user sets and sees: at most `readsPerSecPerShard` calls per shard
 * per second (≤ the shard's 5 GetRecords calls/s), at most `totalReadsPerSecMax` calls per second over
 * the stream, and never faster than the shard's 2 MiB/s read limit allows after a large answer
 * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetRecords.html). The sampler shares
 * those limits with the stream's real consumers, so it stays well below them by default (1 call/s).
 *
 * Failures never stop the page: throttling (ProvisionedThroughputExceededException,
 * LimitExceededException) and network errors back off exponentially up to `backoffMaxMs`; an expired
 * iterator is renewed; a shard that ends (resharding) is reported closed so the owner can add its
 * children. Time and waiting are injected (`now`, `sleep`) so tests can bound them.
 */
import { READ_BYTES_PER_SEC_MAX, READ_CALLS_PER_SEC_MAX } from '../engine/streams/limits';
import { isThrottle, toLiveError, type LiveError } from './live-errors';
import { TrafficStats, type SampledRecord } from './traffic-stats';

/** The two read calls the sampler makes; live-client.ts implements them with the AWS SDK. */
export interface ShardReads {
  latestIterator(streamName: string, shardId: string): Promise<string>;
  getRecords(iterator: string): Promise<{ readonly records: readonly SampledRecord[]; readonly nextIterator?: string; readonly millisBehindLatest?: number }>;
}

export interface SamplerOptions {
  readonly readsPerSecPerShard: number;
  readonly totalReadsPerSecMax: number;
  readonly backoffMaxMs: number;
  readonly now: () => number;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

export const SAMPLER_DEFAULTS = { readsPerSecPerShard: 1, totalReadsPerSecMax: 20, backoffMaxMs: 30_000 } as const;
/** The fastest the user may choose: the shard's own GetRecords limit. */
export const SAMPLER_READS_PER_SEC_PER_SHARD_MAX = READ_CALLS_PER_SEC_MAX;
export const SAMPLER_READS_PER_SEC_PER_SHARD_MIN = 0.2;

export type ShardSamplingState = 'starting' | 'reading' | 'backing-off' | 'closed' | 'gone';

export interface ShardSampling {
  readonly shardId: string;
  state: ShardSamplingState;
  getRecordsCalls: number;
  iteratorCalls: number;
  throttles: number;
  errors: number;
  backoffMs: number;
  millisBehindLatest?: number;
  lastError?: LiveError;
  iterator?: string;
  nextDueMs: number;
}

export const realSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });

export class Sampler {
  readonly stats: TrafficStats;
  readonly shards = new Map<string, ShardSampling>();
  private readonly listeners = new Set<(shardId: string, nowMs: number, records: readonly SampledRecord[]) => void>();
  private readonly abort = new AbortController();
  private readonly opts: SamplerOptions;
  readonly startMs: number;
  /** Called when a shard ends (its NextShardIterator is absent): the stream was resharded. */
  onShardClosed?: (shardId: string) => void;

  constructor(private readonly reads: ShardReads, readonly streamName: string, options: Partial<SamplerOptions> = {}) {
    this.opts = {
      ...SAMPLER_DEFAULTS,
      now: () => Date.now(),
      sleep: realSleep,
      ...options,
    };
    this.opts = { ...this.opts, readsPerSecPerShard: clampRate(this.opts.readsPerSecPerShard) };
    this.startMs = this.opts.now();
    this.stats = new TrafficStats(this.startMs);
  }

  get readsPerSecPerShard(): number {
    return this.opts.readsPerSecPerShard;
  }

  get totalReadsPerSecMax(): number {
    return this.opts.totalReadsPerSecMax;
  }

  /** Milliseconds between two calls on one shard: the per-shard rate, slowed down so the total stays under its cap. */
  intervalMs(): number {
    const open = Math.max(1, [...this.shards.values()].filter((s) => s.state !== 'closed' && s.state !== 'gone').length);
    return Math.max(1000 / this.opts.readsPerSecPerShard, (1000 * open) / this.opts.totalReadsPerSecMax);
  }

  /** The call rate the sampler is allowed right now, over the whole stream. */
  plannedReadsPerSec(): number {
    const open = [...this.shards.values()].filter((s) => s.state !== 'closed' && s.state !== 'gone').length;
    return (open * 1000) / this.intervalMs();
  }

  setRate(readsPerSecPerShard: number): void {
    (this.opts as { readsPerSecPerShard: number }).readsPerSecPerShard = clampRate(readsPerSecPerShard);
  }

  onRecords(listener: (shardId: string, nowMs: number, records: readonly SampledRecord[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts reading every listed shard not yet read (open shards of the latest ListShards). */
  addShards(shardIds: readonly string[]): void {
    // All join the map before any loop starts, so the first calls already share the total cap.
    const added: ShardSampling[] = [];
    for (const shardId of shardIds) {
      if (this.shards.has(shardId)) continue;
      const s: ShardSampling = { shardId, state: 'starting', getRecordsCalls: 0, iteratorCalls: 0, throttles: 0, errors: 0, backoffMs: 0, nextDueMs: this.opts.now() };
      this.shards.set(shardId, s);
      added.push(s);
    }
    for (const s of added) void this.loop(s);
  }

  stop(): void {
    this.abort.abort();
  }

  get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private async loop(s: ShardSampling): Promise<void> {
    const { now, sleep } = this.opts;
    const signal = this.abort.signal;
    while (!signal.aborted && s.state !== 'closed' && s.state !== 'gone') {
      const wait = s.nextDueMs - now();
      if (wait > 0) await sleep(wait, signal);
      if (signal.aborted) break;
      const started = now();
      // The next call waits a whole interval from this one's start, whatever happens to this one.
      s.nextDueMs = started + this.intervalMs();
      try {
        if (!s.iterator) {
          s.iteratorCalls++;
          s.iterator = await this.reads.latestIterator(this.streamName, s.shardId);
        }
        s.getRecordsCalls++;
        const out = await this.reads.getRecords(s.iterator);
        if (signal.aborted) break;
        s.iterator = out.nextIterator;
        s.millisBehindLatest = out.millisBehindLatest;
        s.backoffMs = 0;
        s.state = 'reading';
        const bytes = out.records.reduce((sum, r) => sum + r.dataBytes, 0);
        // 2 MiB/s per shard: after a large answer, wait until the shard's read budget has refilled.
        s.nextDueMs = Math.max(s.nextDueMs, started + (bytes / READ_BYTES_PER_SEC_MAX) * 1000);
        const at = now();
        this.stats.add(at, s.shardId, out.records);
        for (const l of this.listeners) l(s.shardId, at, out.records);
        if (!out.nextIterator) {
          s.state = 'closed';
          this.onShardClosed?.(s.shardId);
        }
      } catch (e) {
        if (signal.aborted) break;
        const err = toLiveError(e);
        s.lastError = err;
        if (err.name === 'ExpiredIteratorException') {
          s.iterator = undefined;
          continue;
        }
        if (err.advice === 'not-found') {
          s.state = 'gone';
          s.errors++;
          break;
        }
        if (isThrottle(err)) s.throttles++;
        else s.errors++;
        // Exponential backoff from two intervals up to the cap; the iterator stays valid (5 minutes).
        s.backoffMs = Math.min(this.opts.backoffMaxMs, s.backoffMs > 0 ? s.backoffMs * 2 : this.intervalMs() * 2);
        s.state = 'backing-off';
        s.nextDueMs = now() + s.backoffMs;
      }
    }
  }
}

function clampRate(r: number): number {
  if (!Number.isFinite(r)) return SAMPLER_DEFAULTS.readsPerSecPerShard;
  return Math.min(SAMPLER_READS_PER_SEC_PER_SHARD_MAX, Math.max(SAMPLER_READS_PER_SEC_PER_SHARD_MIN, r));
}
