/**
 * A Lambda event-source mapping on a stream: one poller per shard (GetRecords once a second,
 * sharing the shard's read limits), a batching window and batch size, a parallelization factor
 * of 1–10 concurrent batches per shard that keeps per-key order (records go to a lane by key
 * hash, each lane runs one batch at a time), a function duration model, an error rate, retries,
 * a maximum record age, bisect-on-error and an on-failure destination (discarded records counted).
 * Lanes hold runs of (count, arrival time) rather than records, so aggregate mode works too.
 */
import { hashString32 } from '../random/prng';
import type { StreamCallStats } from '../metrics/call-stats';
import type { Prng } from '../random/prng';
import type { Simulation } from '../simulation';
import type { ReadPage } from '../streams/shard-reader';
import { emptyReadPage } from '../streams/shard-reader';
import { GET_RECORDS_BYTES_MAX } from '../streams/limits';
import type { Cancellable } from '../time/scheduler';
import { unreadRecords, type ConsumerFigures } from './consumer-figures';
import type { ConsumerSource } from './consumer-source';
import type { ProcessingModel } from './processing-model';
import { processingMs } from './processing-model';

export interface LambdaConfig {
  readonly name: string;
  readonly streamName: string;
  readonly initialPosition: 'TRIM_HORIZON' | 'LATEST';
  /** BatchSize 1–10,000 (default 100). */
  readonly batchSize: number;
  /** MaximumBatchingWindowInSeconds 0–300. */
  readonly batchingWindowSec: number;
  /** ParallelizationFactor 1–10. */
  readonly parallelizationFactor: number;
  readonly duration: ProcessingModel;
  /** Probability that an invocation fails. */
  readonly errorRate: number;
  /** MaximumRetryAttempts (−1 = until the record expires). */
  readonly maxRetries: number;
  /** MaximumRecordAgeInSeconds (−1 = no limit). */
  readonly maxRecordAgeSec: number;
  readonly bisectOnError: boolean;
  readonly onFailureDestination: boolean;
  readonly pollIntervalMs: number;
  /**
   * Route each record to a lane by its key's hash (record mode). Off in aggregate mode, where
   * records have no keys and a page is split evenly across lanes instead.
   */
  readonly keyOrderedLanes?: boolean;
}

interface Run { count: number; bytes: number; arrivalMs: number }
interface Lane { runs: Run[]; buffered: number; busyUntilMs: number; attempts: number; inFlight: Run[] | undefined; splitLimit: number }
interface ShardPoller { shardNumber: number; position: number; nextPollMs: number; lanes: Lane[]; state: 'waiting' | 'active' | 'ended'; millisBehind: number; endSeen: boolean }

export class LambdaEsm {
  readonly type = 'lambda' as const;
  private readonly pollers = new Map<number, ShardPoller>();
  private readonly prng: Prng;
  private readonly page: ReadPage = emptyReadPage();
  private ticker: Cancellable | undefined;
  private knownShards = -1;
  private processed = 0;
  private processedBytes = 0;
  private throttled = 0;
  private calls = 0;
  private invocations = 0;
  private failed = 0;
  private toDestination = 0;
  private iteratorAgeMaxMs = 0;
  private currentAgeMs = 0;

  constructor(private readonly sim: Simulation, readonly config: LambdaConfig, private readonly source: ConsumerSource, private readonly callStats?: StreamCallStats) {
    this.prng = sim.prng.fork(`consumer:${config.name}`);
  }

  get name(): string {
    return this.config.name;
  }

  start(): void {
    if (this.ticker) return;
    this.sync(this.sim.nowMs, true);
    this.ticker = this.sim.scheduler.every(100, (now) => this.tick(now));
  }

  stop(): void {
    this.ticker?.cancel();
    this.ticker = undefined;
  }

  private tick(nowMs: number): void {
    if (this.source.shards().length !== this.knownShards) this.sync(nowMs, false);
    for (const p of this.pollers.values()) {
      if (p.state !== 'active') continue;
      if (p.nextPollMs <= nowMs && !p.endSeen) this.poll(p, nowMs);
      for (const lane of p.lanes) this.serveLane(lane, nowMs);
      if (p.endSeen && p.lanes.every((l) => l.buffered === 0 && !l.inFlight)) {
        p.state = 'ended';
        this.unblock(nowMs);
      }
    }
  }

  private poll(p: ShardPoller, nowMs: number): void {
    const buffered = p.lanes.reduce((s, l) => s + l.buffered, 0);
    p.nextPollMs = nowMs + this.config.pollIntervalMs;
    // Read ahead only as much as the lanes can take soon (Lambda does not buffer without bound).
    const room = this.config.batchSize * p.lanes.length * 2 - buffered;
    if (room <= 0) return;
    this.calls++;
    const lanes = p.lanes;
    const visit = lanes.length === 1 || this.config.keyOrderedLanes === false ? undefined : (counter: number, arrivalMs: number, key: string, bytes: number) => {
      const lane = lanes[(key === '' ? counter : hashString32(key)) % lanes.length];
      appendRun(lane, 1, bytes, arrivalMs);
    };
    if (!this.source.shared.read(p.shardNumber, p.position, Math.min(10_000, room), GET_RECORDS_BYTES_MAX, nowMs, this.page, visit)) {
      this.throttled++;
      if (this.callStats) this.callStats.readThrottled++;
      return;
    }
    const page = this.page;
    if (!visit && page.records > 0) {
      const per = Math.floor(page.records / lanes.length);
      let extra = page.records - per * lanes.length;
      for (const lane of lanes) {
        const n = per + (extra-- > 0 ? 1 : 0);
        if (n > 0) appendRun(lane, n, (page.bytes * n) / page.records, page.lastArrivalMs);
      }
    }
    p.position = page.nextCounter;
    p.millisBehind = page.millisBehindLatest;
    if (page.atShardEnd) p.endSeen = true;
    const stats = this.callStats;
    // CloudWatch's iterator age: now − arrival of the call's last record (or how far behind, when none came back).
    const ageMs = page.records > 0 ? Math.max(page.millisBehindLatest, nowMs - page.lastArrivalMs) : page.millisBehindLatest;
    stats?.noteGetRecords(p.shardNumber, page.records, page.bytes, ageMs);
  }

  private serveLane(lane: Lane, nowMs: number): void {
    if (lane.busyUntilMs > nowMs) return;
    if (lane.inFlight) this.finish(lane, nowMs);
    if (lane.inFlight || lane.buffered === 0) return;
    const oldest = lane.runs[0].arrivalMs;
    if (lane.buffered < this.config.batchSize && nowMs - oldest < this.config.batchingWindowSec * 1000) return;
    // Take a batch of up to batchSize (or the bisected size) records from the head.
    let want = Math.min(this.config.batchSize, lane.splitLimit);
    const batch: Run[] = [];
    while (want > 0 && lane.runs.length > 0) {
      const run = lane.runs[0];
      const take = Math.min(want, run.count);
      const bytes = (run.bytes * take) / run.count;
      batch.push({ count: take, bytes, arrivalMs: run.arrivalMs });
      run.count -= take;
      run.bytes -= bytes;
      if (run.count === 0) lane.runs.shift();
      lane.buffered -= take;
      want -= take;
    }
    this.invoke(lane, batch, nowMs);
  }

  private invoke(lane: Lane, batch: Run[], nowMs: number): void {
    const n = batch.reduce((s, r) => s + r.count, 0);
    const bytes = batch.reduce((s, r) => s + r.bytes, 0);
    lane.inFlight = batch;
    lane.busyUntilMs = nowMs + processingMs(this.config.duration, n, bytes, this.prng);
    this.invocations++;
    const age = nowMs - batch[batch.length - 1].arrivalMs;
    this.currentAgeMs = age;
    if (age > this.iteratorAgeMaxMs) this.iteratorAgeMaxMs = age;
  }

  /** The invocation ended: success, retry (maybe bisected) or discard to the destination. */
  private finish(lane: Lane, nowMs: number): void {
    const batch = lane.inFlight!;
    lane.inFlight = undefined;
    const n = batch.reduce((s, r) => s + r.count, 0);
    const bytes = batch.reduce((s, r) => s + r.bytes, 0);
    if (!(this.prng.next() < this.config.errorRate)) {
      this.processed += n;
      this.processedBytes += bytes;
      lane.attempts = 0;
      lane.splitLimit = Number.POSITIVE_INFINITY;
      return;
    }
    this.failed++;
    lane.attempts++;
    const cfg = this.config;
    const tooOld = cfg.maxRecordAgeSec >= 0 && nowMs - batch[0].arrivalMs > cfg.maxRecordAgeSec * 1000;
    const outOfRetries = cfg.maxRetries >= 0 && lane.attempts > cfg.maxRetries;
    if (tooOld || outOfRetries) {
      // Without a destination the records are skipped all the same; only the destination keeps them.
      if (cfg.onFailureDestination) this.toDestination += n;
      lane.attempts = 0;
      lane.splitLimit = Number.POSITIVE_INFINITY;
      return;
    }
    // Retry: put the batch back at the head; bisecting halves the next batch.
    if (cfg.bisectOnError && n > 1) lane.splitLimit = Math.ceil(n / 2);
    lane.runs.unshift(...batch);
    lane.buffered += n;
  }

  private sync(nowMs: number, initial: boolean): void {
    const shards = this.source.shards();
    this.knownShards = shards.length;
    for (const shard of shards) {
      if (this.pollers.has(shard.number)) continue;
      const latest = initial && this.config.initialPosition === 'LATEST';
      const lanes: Lane[] = Array.from({ length: this.config.parallelizationFactor }, () => ({ runs: [], buffered: 0, busyUntilMs: 0, attempts: 0, inFlight: undefined, splitLimit: Number.POSITIVE_INFINITY }));
      this.pollers.set(shard.number, {
        shardNumber: shard.number, position: latest ? shard.nextCounter : shard.trimHorizonCounter(), nextPollMs: nowMs, lanes,
        state: latest && !shard.isOpen ? 'ended' : 'waiting', millisBehind: 0, endSeen: false,
      });
    }
    this.unblock(nowMs);
  }

  private unblock(nowMs: number): void {
    for (const p of this.pollers.values()) {
      if (p.state !== 'waiting') continue;
      const shard = this.source.shard(p.shardNumber);
      if ([shard?.parentNumber, shard?.adjacentParentNumber].every((n) => n === undefined || (this.pollers.get(n)?.state ?? 'ended') === 'ended')) {
        p.state = 'active';
        p.nextPollMs = nowMs;
      }
    }
  }

  figures(): ConsumerFigures {
    let lag = 0;
    let age = 0;
    let leases = 0;
    for (const p of this.pollers.values()) {
      if (p.state === 'ended') continue;
      leases++;
      const shard = this.source.shard(p.shardNumber);
      const buffered = p.lanes.reduce((s, l) => s + l.buffered + (l.inFlight ? l.inFlight.reduce((a, r) => a + r.count, 0) : 0), 0);
      if (shard) lag += unreadRecords(shard, p.position) + buffered;
      for (const l of p.lanes) if (l.runs.length > 0) age = Math.max(age, this.sim.nowMs - l.runs[0].arrivalMs);
      age = Math.max(age, p.millisBehind);
    }
    return {
      kind: 'consumer', name: this.config.name, type: 'lambda', streamName: this.config.streamName,
      recordsProcessed: this.processed, bytesProcessed: this.processedBytes, recordsRedelivered: 0,
      readThrottled: this.throttled, readCalls: this.calls, iteratorAgeMs: Math.max(age, leases > 0 ? this.currentAgeMs : 0), iteratorAgeMsMax: this.iteratorAgeMaxMs,
      lagRecords: lag, leases, invocations: this.invocations, failedInvocations: this.failed, recordsToDestination: this.toDestination,
    };
  }
}

function appendRun(lane: Lane, count: number, bytes: number, arrivalMs: number): void {
  const last = lane.runs[lane.runs.length - 1];
  if (last && last.arrivalMs === arrivalMs) {
    last.count += count;
    last.bytes += bytes;
  } else lane.runs.push({ count, bytes, arrivalMs });
  lane.buffered += count;
}
