/**
 * An enhanced fan-out consumer (spec §10): records are pushed to it over a subscription per shard
 * with ~70 ms propagation (a record reaches the subscriber no sooner than 70 virtual ms after it
 * arrived) and its own 2 MiB/s per shard, so it neither takes nor feels the shared
 * read limits. Push is back-pressured by processing (reactive streams), so a slow consumer lags.
 * Children start after their parents reach the end, like a KCL 2.x fan-out application.
 */
import type { StreamCallStats } from '../metrics/call-stats';
import type { Prng } from '../random/prng';
import type { Simulation } from '../simulation';
import type { ReadPage } from '../streams/shard-reader';
import { emptyReadPage } from '../streams/shard-reader';
import type { Cancellable } from '../time/scheduler';
import { progressOf, type ConsumerFigures } from './consumer-figures';
import type { ConsumerSource } from './consumer-source';
import type { ProcessingModel } from './processing-model';
import { processingMs } from './processing-model';

export const EFO_BYTES_PER_SEC = 2 * 1_048_576; // SubscribeToShard: 2 MiB/s per consumer per shard
export const EFO_PROPAGATION_MS = 70; // AWS: ~70 ms typical propagation with enhanced fan-out

export interface EfoConfig {
  readonly name: string;
  readonly streamName: string;
  readonly initialPosition: 'TRIM_HORIZON' | 'LATEST';
  readonly processing: ProcessingModel;
  /** How often the push loop runs (virtual ms). */
  readonly tickMs: number;
}

interface Subscription {
  readonly shardNumber: number;
  position: number;
  busyUntilMs: number;
  lastPushMs: number;
  /** Token bucket of the subscription's 2 MiB/s. */
  tokens: number;
  millisBehind: number;
  state: 'waiting' | 'active' | 'ended';
}

export class EfoConsumer {
  readonly type = 'efo' as const;
  private readonly subs = new Map<number, Subscription>();
  private readonly prng: Prng;
  private readonly page: ReadPage = emptyReadPage();
  private ticker: Cancellable | undefined;
  private knownShards = -1;
  private processed = 0;
  private processedBytes = 0;
  private events = 0;
  private iteratorAgeMaxMs = 0;

  constructor(private readonly sim: Simulation, readonly config: EfoConfig, private readonly source: ConsumerSource, private readonly callStats?: StreamCallStats) {
    this.prng = sim.prng.fork(`consumer:${config.name}`);
  }

  get name(): string {
    return this.config.name;
  }

  start(): void {
    if (this.ticker) return;
    this.sync(this.sim.nowMs, true);
    this.ticker = this.sim.scheduler.every(this.config.tickMs, (now) => this.tick(now));
  }

  stop(): void {
    this.ticker?.cancel();
    this.ticker = undefined;
  }

  private tick(nowMs: number): void {
    if (this.source.shards().length !== this.knownShards) this.sync(nowMs, false);
    let ended = false;
    for (const sub of this.subs.values()) {
      if (sub.state !== 'active' || sub.busyUntilMs > nowMs) continue;
      // Records become visible to the subscriber after the propagation delay; the budget refills at 2 MiB/s.
      sub.tokens = Math.min(EFO_BYTES_PER_SEC, sub.tokens + (EFO_BYTES_PER_SEC * (nowMs - sub.lastPushMs)) / 1000);
      sub.lastPushMs = nowMs;
      const page = this.page;
      // Only records that arrived at least the propagation delay ago have reached the subscriber.
      const seenBeforeMs = nowMs - EFO_PROPAGATION_MS;
      const visibleEnd = this.source.visibleEndCounter ? this.source.visibleEndCounter(sub.shardNumber, seenBeforeMs) : Number.POSITIVE_INFINITY;
      const maxRecords = Math.max(0, Math.min(10_000, visibleEnd - sub.position));
      this.source.dedicated.read(sub.shardNumber, sub.position, maxRecords, sub.tokens, seenBeforeMs, page);
      sub.tokens = Math.max(0, sub.tokens - page.bytes);
      sub.position = page.nextCounter;
      sub.millisBehind = page.records > 0 || page.millisBehindLatest > 0 ? page.millisBehindLatest + EFO_PROPAGATION_MS : 0;
      if (sub.millisBehind > this.iteratorAgeMaxMs) this.iteratorAgeMaxMs = sub.millisBehind;
      this.events++;
      this.processed += page.records;
      this.processedBytes += page.bytes;
      const stats = this.callStats;
      if (stats) {
        stats.subscribeEvents++;
        stats.subscribeEventRecords += page.records;
        stats.subscribeEventBytes += page.bytes;
        if (sub.millisBehind > stats.subscribeMillisBehindMax) stats.subscribeMillisBehindMax = sub.millisBehind;
      }
      if (page.records > 0) sub.busyUntilMs = nowMs + processingMs(this.config.processing, page.records, page.bytes, this.prng);
      if (page.atShardEnd) {
        sub.state = 'ended';
        ended = true;
      }
    }
    if (ended) this.unblock(nowMs);
  }

  private sync(nowMs: number, initial: boolean): void {
    const shards = this.source.shards();
    this.knownShards = shards.length;
    for (const shard of shards) {
      if (this.subs.has(shard.number)) continue;
      const latest = initial && this.config.initialPosition === 'LATEST';
      this.subs.set(shard.number, {
        shardNumber: shard.number, position: latest ? shard.nextCounter : shard.trimHorizonCounter(), busyUntilMs: 0, lastPushMs: nowMs, tokens: 0,
        millisBehind: 0, state: latest && !shard.isOpen ? 'ended' : 'waiting',
      });
    }
    this.unblock(nowMs);
  }

  private unblock(nowMs: number): void {
    for (const sub of this.subs.values()) {
      if (sub.state !== 'waiting') continue;
      const shard = this.source.shard(sub.shardNumber);
      const parentsDone = [shard?.parentNumber, shard?.adjacentParentNumber].every((p) => p === undefined || (this.subs.get(p)?.state ?? 'ended') === 'ended');
      if (parentsDone) {
        sub.state = 'active';
        sub.lastPushMs = nowMs;
      }
    }
  }

  figures(): ConsumerFigures {
    const { lagRecords: lag, iteratorAgeMs: age, leases } = progressOf(this.subs.values(), (n) => this.source.shard(n));
    return {
      kind: 'consumer', name: this.config.name, type: 'efo', streamName: this.config.streamName,
      recordsProcessed: this.processed, bytesProcessed: this.processedBytes, recordsRedelivered: 0,
      readThrottled: 0, readCalls: this.events, iteratorAgeMs: age, iteratorAgeMsMax: this.iteratorAgeMaxMs, lagRecords: lag, leases,
    };
  }
}
