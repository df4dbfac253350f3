/**
 * A KCL-style polling application (spec §12): one lease per shard spread over workers, a
 * GetRecords loop per lease (interval, limit) sharing the shard's 5 calls/s and 2 MiB/s with
 * every other polling reader, a processing-time model so lag can build, checkpoints every N
 * records or T ms, crashes that send a worker's leases back to their checkpoint (the re-read
 * records are counted as re-delivered), and child shards started only after their parents
 * reached SHARD_END. One scheduler event per tick covers all leases, so 1,000 shards stay cheap.
 */
import type { StreamCallStats } from '../metrics/call-stats';
import type { Prng } from '../random/prng';
import type { Simulation } from '../simulation';
import type { ReadPage } from '../streams/shard-reader';
import { emptyReadPage } from '../streams/shard-reader';
import { GET_RECORDS_BYTES_MAX } from '../streams/limits';
import type { Cancellable } from '../time/scheduler';
import { progressOf, type ConsumerFigures } from './consumer-figures';
import type { ConsumerSource } from './consumer-source';
import type { ProcessingModel } from './processing-model';
import { processingMs } from './processing-model';

export interface KclCrash {
  readonly atSec: number;
  readonly worker: number;
  /** How long the worker stays down (default: until its leases fail over, and it never comes back). */
  readonly downSec?: number;
}

export interface KclConfig {
  readonly name: string;
  readonly streamName: string;
  readonly workers: number;
  readonly initialPosition: 'TRIM_HORIZON' | 'LATEST';
  /** KCL idleTimeBetweenReadsInMillis (default 1,000 ms). */
  readonly pollIntervalMs: number;
  /** GetRecords Limit (1–10,000). */
  readonly maxRecords: number;
  readonly checkpointEveryRecords?: number;
  readonly checkpointEveryMs?: number;
  readonly processing: ProcessingModel;
  /** KCL failoverTimeMillis: a lease whose owner stopped renewing may be taken after this (default 10 s). */
  readonly failoverTimeMs: number;
  readonly crashes: readonly KclCrash[];
}

export const KCL_DEFAULTS = { workers: 1, initialPosition: 'LATEST', pollIntervalMs: 1000, maxRecords: 10_000, checkpointEveryMs: 60_000, failoverTimeMs: 10_000 } as const;

interface Lease {
  readonly shardNumber: number;
  owner: number;
  position: number;
  checkpoint: number;
  /** Counters below this were delivered before a crash: reading them again counts as re-delivery. */
  redeliverUntil: number;
  sinceCheckpoint: number;
  lastCheckpointMs: number;
  nextPollMs: number;
  /** 'waiting' until parents end; 'ended' once SHARD_END is checkpointed. */
  state: 'waiting' | 'active' | 'ended';
  millisBehind: number;
  /** Time until which the lease's owner is gone and nobody else has it yet. */
  orphanUntilMs: number;
}

const LEASE_CLEANUP_MS = 5 * 60_000;

export class KclApp {
  readonly type = 'kcl' as const;
  private readonly leases = new Map<number, Lease>();
  /**
   * The leases not yet ended, in creation order (the order `leases` visits them): ticks, failover and lag walk
   * these, not the thousands of ended leases a day of resharding leaves behind.
   */
  private readonly live = new Map<number, Lease>();
  /**
   * Ended leases, oldest first, deleted from the lease table five minutes after they end — KCL's lease cleanup
   * (LeaseCleanupManager, completedLeaseCleanupIntervalMillis default 5 min) removes leases of shards that
   * reached SHARD_END once their children are leased. https://docs.aws.amazon.com/streams/latest/dev/kcl-configuration.html (KCL source: LeaseManagementConfig.completedLeaseCleanupIntervalMillis)
   */
  private readonly ended: { shardNumber: number; atMs: number }[] = [];
  private endedHead = 0;
  /** Highest shard number leased so far: shard numbers only grow, so later syncs look above it. */
  private syncedThrough = -1;
  private readonly workerUpAtMs: number[];
  private readonly prng: Prng;
  private readonly page: ReadPage = emptyReadPage();
  private ticker: Cancellable | undefined;
  private knownShards = -1;
  private processed = 0;
  private processedBytes = 0;
  private redelivered = 0;
  private throttled = 0;
  private calls = 0;
  private iteratorAgeMaxMs = 0;

  constructor(
    private readonly sim: Simulation,
    readonly config: KclConfig,
    private readonly source: ConsumerSource,
    private readonly callStats?: StreamCallStats,
  ) {
    this.prng = sim.prng.fork(`consumer:${config.name}`);
    this.workerUpAtMs = new Array<number>(Math.max(1, config.workers)).fill(0);
  }

  get name(): string {
    return this.config.name;
  }

  start(): void {
    if (this.ticker) return;
    this.syncLeases(this.sim.nowMs, true);
    const tickMs = Math.max(10, Math.min(this.config.pollIntervalMs / 5, 100));
    this.ticker = this.sim.scheduler.every(tickMs, (now) => this.tick(now));
    for (const crash of this.config.crashes) this.sim.scheduler.at(this.sim.startMs + crash.atSec * 1000, (now) => this.crash(crash, now));
  }

  stop(): void {
    this.ticker?.cancel();
    this.ticker = undefined;
  }

  private tick(nowMs: number): void {
    const shards = this.source.shards();
    if (shards.length !== this.knownShards) this.syncLeases(nowMs, false);
    for (const lease of this.live.values()) {
      if (lease.state !== 'active' || lease.nextPollMs > nowMs) continue;
      if (lease.orphanUntilMs > nowMs) continue;
      if (lease.orphanUntilMs > 0) this.reassign(lease, nowMs);
      this.poll(lease, nowMs);
    }
    this.cleanUpEnded(nowMs);
  }

  private endLease(lease: Lease, nowMs: number): void {
    lease.state = 'ended';
    this.live.delete(lease.shardNumber);
    this.ended.push({ shardNumber: lease.shardNumber, atMs: nowMs });
  }

  private cleanUpEnded(nowMs: number): void {
    const q = this.ended;
    while (this.endedHead < q.length && q[this.endedHead].atMs + LEASE_CLEANUP_MS <= nowMs) this.leases.delete(q[this.endedHead++].shardNumber);
    if (this.endedHead > 1024 && this.endedHead * 2 > q.length) {
      q.splice(0, this.endedHead);
      this.endedHead = 0;
    }
  }

  private poll(lease: Lease, nowMs: number): void {
    const page = this.page;
    const from = lease.position;
    this.calls++;
    const stats = this.callStats;
    if (!this.source.shared.read(lease.shardNumber, from, this.config.maxRecords, GET_RECORDS_BYTES_MAX, nowMs, page)) {
      this.throttled++;
      if (stats) stats.readThrottled++;
      lease.nextPollMs = nowMs + this.jitteredIntervalMs();
      return;
    }
    const n = page.records;
    if (n > 0 && from < lease.redeliverUntil) this.redelivered += Math.min(page.nextCounter, lease.redeliverUntil) - from;
    this.processed += n;
    this.processedBytes += page.bytes;
    lease.position = page.nextCounter;
    // CloudWatch's iterator age: now − arrival of the call's last record (or how far behind, when none came back).
    const ageMs = n > 0 ? Math.max(page.millisBehindLatest, nowMs - page.lastArrivalMs) : page.millisBehindLatest;
    lease.millisBehind = ageMs;
    if (ageMs > this.iteratorAgeMaxMs) this.iteratorAgeMaxMs = ageMs;
    stats?.noteGetRecords(lease.shardNumber, n, page.bytes, ageMs);
    const busyMs = n > 0 ? processingMs(this.config.processing, n, page.bytes, this.prng) : 0;
    lease.sinceCheckpoint += n;
    const cfg = this.config;
    if ((cfg.checkpointEveryRecords !== undefined && lease.sinceCheckpoint >= cfg.checkpointEveryRecords) || (cfg.checkpointEveryMs !== undefined && nowMs - lease.lastCheckpointMs >= cfg.checkpointEveryMs)) {
      this.checkpoint(lease, nowMs + busyMs);
    }
    if (page.atShardEnd) {
      this.checkpoint(lease, nowMs + busyMs);
      this.endLease(lease, nowMs);
      this.unblockChildren(nowMs);
      return;
    }
    lease.nextPollMs = nowMs + Math.max(this.jitteredIntervalMs(), busyMs);
  }

  /**
   * The poll interval with ±10% jitter: real applications drift in and out of phase, so when too
   * many share a shard the refused calls rotate between them instead of starving the same ones.
   */
  private jitteredIntervalMs(): number {
    return this.config.pollIntervalMs * (0.9 + 0.2 * this.prng.next());
  }

  private checkpoint(lease: Lease, atMs: number): void {
    lease.checkpoint = lease.position;
    lease.sinceCheckpoint = 0;
    lease.lastCheckpointMs = atMs;
  }

  /** Creates leases for shards not yet known: initial shards at the configured position, children at their start. */
  private syncLeases(nowMs: number, initial: boolean): void {
    const shards = this.source.shards();
    this.knownShards = shards.length;
    for (const shard of shards) {
      if (shard.number <= this.syncedThrough) continue;
      this.syncedThrough = shard.number;
      const fresh = initial;
      const startAt = fresh && this.config.initialPosition === 'LATEST' ? shard.nextCounter : shard.trimHorizonCounter();
      const lease: Lease = {
        shardNumber: shard.number, owner: this.leastLoadedWorker(nowMs), position: startAt, checkpoint: startAt, redeliverUntil: 0,
        sinceCheckpoint: 0, lastCheckpointMs: nowMs, nextPollMs: nowMs + this.prng.next() * this.config.pollIntervalMs, state: 'waiting', millisBehind: 0, orphanUntilMs: 0,
      };
      this.leases.set(shard.number, lease);
      if (fresh && this.config.initialPosition === 'LATEST' && !shard.isOpen) this.endLease(lease, nowMs);
      else this.live.set(shard.number, lease);
    }
    this.unblockChildren(nowMs);
  }

  /** A waiting lease starts once every parent it has a lease for has ended (parents never leased do not block). */
  private unblockChildren(nowMs: number): void {
    for (const lease of this.live.values()) {
      if (lease.state !== 'waiting') continue;
      const shard = this.source.shard(lease.shardNumber);
      const parents = [shard?.parentNumber, shard?.adjacentParentNumber];
      const ready = parents.every((p) => p === undefined || this.leases.get(p)?.state !== 'active' && this.leases.get(p)?.state !== 'waiting');
      if (ready) {
        lease.state = 'active';
        lease.nextPollMs = Math.max(lease.nextPollMs, nowMs);
      }
    }
  }

  private crash(crash: KclCrash, nowMs: number): void {
    const w = crash.worker % this.workerUpAtMs.length;
    this.workerUpAtMs[w] = crash.downSec === undefined ? Number.POSITIVE_INFINITY : nowMs + crash.downSec * 1000;
    for (const lease of this.live.values()) {
      if (lease.owner !== w || lease.state === 'ended') continue;
      // Work since the checkpoint is lost: the next owner restarts AFTER the checkpoint.
      lease.redeliverUntil = Math.max(lease.redeliverUntil, lease.position);
      lease.position = lease.checkpoint;
      lease.sinceCheckpoint = 0;
      lease.orphanUntilMs = Math.min(nowMs + this.config.failoverTimeMs, this.workerUpAtMs[w]);
      lease.nextPollMs = lease.orphanUntilMs;
    }
  }

  private reassign(lease: Lease, nowMs: number): void {
    lease.orphanUntilMs = 0;
    if (this.workerUpAtMs[lease.owner] <= nowMs) return;
    lease.owner = this.leastLoadedWorker(nowMs);
  }

  private leastLoadedWorker(nowMs: number): number {
    const counts = new Array<number>(this.workerUpAtMs.length).fill(0);
    for (const l of this.live.values()) if (l.state !== 'ended') counts[l.owner]++;
    let best = -1;
    for (let w = 0; w < counts.length; w++) {
      if (this.workerUpAtMs[w] > nowMs) continue;
      if (best < 0 || counts[w] < counts[best]) best = w;
    }
    return best < 0 ? 0 : best;
  }

  figures(): ConsumerFigures {
    const { lagRecords: lag, iteratorAgeMs: age, leases } = progressOf(this.live.values(), (n) => this.source.shard(n));
    return {
      kind: 'consumer', name: this.config.name, type: 'kcl', streamName: this.config.streamName,
      recordsProcessed: this.processed, bytesProcessed: this.processedBytes, recordsRedelivered: this.redelivered,
      readThrottled: this.throttled, readCalls: this.calls, iteratorAgeMs: age, iteratorAgeMsMax: this.iteratorAgeMaxMs,
      lagRecords: lag, leases,
    };
  }

  /**
   * Records behind the read positions that were processed once before a crash and wait to be read
   * again: part of `lagRecords`, but not new work (the soak's books count them as processed).
   */
  pendingRedelivery(): number {
    let n = 0;
    for (const l of this.live.values()) {
      if (l.state === 'ended' || l.redeliverUntil <= l.position) continue;
      const shard = this.source.shard(l.shardNumber);
      if (shard) n += Math.max(0, Math.min(l.redeliverUntil, shard.nextCounter) - Math.max(l.position, shard.trimHorizonCounter()));
    }
    return n;
  }

  /** Checkpoints by shard id (for tests and the UI's lease table). */
  leaseTable(): { shardNumber: number; owner: number; position: number; checkpoint: number; state: string }[] {
    return [...this.leases.values()].map((l) => ({ shardNumber: l.shardNumber, owner: l.owner, position: l.position, checkpoint: l.checkpoint, state: l.state }));
  }
}
