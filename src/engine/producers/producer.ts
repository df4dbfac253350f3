/**
 * A record-mode producer: every tick it generates the records its rate profile asks for (key,
 * size, optional payload), batches them as PutRecord or PutRecords calls (size + linger), optionally
 * packs them KPL-style, writes through a ProducerSink, and retries throttled records with backoff
 * until they are accepted or dropped. Counts everything (attempted = accepted + throttled).
 */
import type { StreamCallStats } from '../metrics/call-stats';
import type { Prng } from '../random/prng';
import type { Cancellable } from '../time/scheduler';
import type { Simulation } from '../simulation';
import { Aggregator, KPL_AGGREGATION_MAX_BYTES } from './kpl-aggregation';
import type { KeyGenerator, KeyPick } from './key-strategy';
import { makeKeyGenerator } from './key-strategy';
import type { CompiledTemplate } from './payload-template';
import { compileTemplate } from './payload-template';
import type { ProducerConfig } from './producer-config';
import type { ProducerCounts, ProducerFiguresView } from './producer-figures';
import { emptyCounts } from './producer-figures';
import type { ProducerSink } from './producer-sink';
import { RateIntegrator, rateAt } from './rate-profile';
import { decideRetry } from './retry-policy';
import type { SizeSampler } from './size-distribution';
import { makeSizeSampler } from './size-distribution';

interface PendingRecord {
  key: string;
  keyIndex: number;
  explicitHashKey: string | undefined;
  data: Uint8Array | number;
  sizeBytes: number;
  createdMs: number;
  attempts: number;
  userRecords: number;
}

export class Producer {
  readonly mode = 'record' as const;
  readonly keys: KeyGenerator;
  /** Accepted records and bytes per key of the strategy's fixed table (top keys). */
  readonly keyAcceptedRecords: Float64Array | undefined;
  readonly keyAcceptedBytes: Float64Array | undefined;
  readonly total: ProducerCounts = emptyCounts();
  private second: ProducerCounts = emptyCounts();
  private lastSecondCounts: ProducerCounts = emptyCounts();
  private currentSecond = -1;
  private readonly prng: Prng;
  private readonly retryPrng: Prng;
  private readonly size: SizeSampler;
  private readonly template: CompiledTemplate | undefined;
  private readonly aggregator: Aggregator | undefined;
  private readonly integrator = new RateIntegrator();
  private readonly pick: KeyPick = { index: -1, key: '', explicitHashKey: undefined };
  private batch: PendingRecord[] = [];
  private batchBytes = 0;
  private batchOpenedMs = 0;
  private readonly retries = new Map<number, PendingRecord[]>();
  private retryBacklog = 0;
  /** Each pool key's MD5, computed once: pool keys then cost no hashing per record. */
  private readonly hashCache: (Uint32Array | undefined)[] | undefined;
  private ticker: Cancellable | undefined;
  private readonly startedMs: number;
  private wanted = 0;

  constructor(
    private readonly sim: Simulation,
    readonly config: ProducerConfig,
    private readonly sink: ProducerSink,
    private readonly calls?: StreamCallStats,
  ) {
    this.prng = sim.prng.fork(`producer:${config.name}`);
    this.retryPrng = sim.prng.fork(`producer:${config.name}:retry`);
    this.keys = makeKeyGenerator(config.keys, this.prng.fork('keys'));
    this.size = makeSizeSampler(config.size, this.prng.fork('size'));
    this.template = config.template ? compileTemplate(config.template, `${String(sim.seed)}/${config.name}`) : undefined;
    this.aggregator = config.aggregation?.enabled ? new Aggregator(config.aggregation.maxBytes ?? KPL_AGGREGATION_MAX_BYTES) : undefined;
    const n = this.keys.table?.length;
    this.keyAcceptedRecords = n ? new Float64Array(n) : undefined;
    this.keyAcceptedBytes = n ? new Float64Array(n) : undefined;
    // Explicit hash keys and aggregated records route by something other than the pool key: no cache.
    this.hashCache = n && !this.keys.explicitHashKeys && !this.aggregator ? new Array<Uint32Array | undefined>(n) : undefined;
    this.startedMs = sim.nowMs + (config.startAtSec ?? 0) * 1000;
  }

  get name(): string {
    return this.config.name;
  }

  start(): void {
    if (this.ticker) return;
    this.ticker = this.sim.scheduler.every(this.config.tickMs, (now) => this.tick(now), this.startedMs + this.config.tickMs);
  }

  stop(): void {
    this.ticker?.cancel();
    this.ticker = undefined;
  }

  /** One generation step: due retries, new records, linger flush, second roll-over. */
  tick(nowMs: number): void {
    this.rollSecond(nowMs);
    const tSec = (nowMs - this.startedMs) / 1000;
    if (this.config.stopAtSec !== undefined && tSec > this.config.stopAtSec - (this.config.startAtSec ?? 0)) {
      this.wanted = 0;
    } else {
      this.wanted = rateAt(this.config.rate, tSec);
    }
    this.sendDueRetries(nowMs);
    const n = this.integrator.take(this.wanted, this.config.tickMs);
    for (let i = 0; i < n; i++) this.generate(nowMs);
    if (this.aggregator && this.aggregator.count > 0 && nowMs - this.batchOpenedMs >= this.config.batch.lingerMs) this.flushAggregator(nowMs);
    if (this.batch.length > 0 && nowMs - this.batchOpenedMs >= this.config.batch.lingerMs) this.sendBatch(nowMs);
  }

  private generate(nowMs: number): void {
    const pick = this.pick;
    this.keys.next(nowMs, pick);
    const sizeBytes = this.template ? 0 : this.size();
    let data: Uint8Array | number = sizeBytes;
    if (this.template) data = this.template.renderBytes(nowMs);
    else if (this.aggregator) data = new Uint8Array(sizeBytes);
    const bytes = typeof data === 'number' ? data : data.length;
    if (this.aggregator) {
      const user = { partitionKey: pick.key, explicitHashKey: pick.explicitHashKey, data: data as Uint8Array };
      if (this.aggregator.count === 0 && this.batch.length === 0) this.batchOpenedMs = nowMs;
      if (!this.aggregator.fits(user)) this.flushAggregator(nowMs);
      this.aggregator.add(user);
      return;
    }
    this.enqueue({ key: pick.key, keyIndex: pick.index, explicitHashKey: pick.explicitHashKey, data, sizeBytes: bytes + pick.key.length, createdMs: nowMs, attempts: 0, userRecords: 1 }, nowMs);
  }

  private flushAggregator(nowMs: number): void {
    const out = this.aggregator?.flush();
    if (!out) return;
    this.enqueue({ key: out.partitionKey, keyIndex: -1, explicitHashKey: out.explicitHashKey, data: out.data, sizeBytes: out.data.length + out.partitionKey.length, createdMs: nowMs, attempts: 0, userRecords: out.userRecords }, nowMs);
  }

  private enqueue(r: PendingRecord, nowMs: number): void {
    if (this.config.api === 'PutRecord') {
      this.batch.push(r);
      this.sendBatch(nowMs);
      return;
    }
    if (this.batch.length > 0 && this.batchBytes + r.sizeBytes > this.config.batch.maxBytes) this.sendBatch(nowMs);
    if (this.batch.length === 0) this.batchOpenedMs = nowMs;
    this.batch.push(r);
    this.batchBytes += r.sizeBytes;
    if (this.batch.length >= this.config.batch.maxRecords) this.sendBatch(nowMs);
  }

  /** Sends the current batch as one call (PutRecord when it holds one record of a PutRecord producer). */
  private sendBatch(nowMs: number): void {
    const batch = this.batch;
    if (batch.length === 0) return;
    this.batch = [];
    this.batchBytes = 0;
    const lat = this.config.latency;
    const latencyMs = (lat.baseMs + lat.perRecordMs * batch.length) * (lat.sigma > 0 ? this.prng.logNormal(0, lat.sigma) : 1);
    const sec = this.second;
    sec.calls++;
    sec.latencyMsSum += latencyMs;
    let accepted = 0;
    let throttled = 0;
    let acceptedBytes = 0;
    const cache = this.hashCache;
    for (let i = 0; i < batch.length; i++) {
      const r = batch[i];
      if (r.attempts > 0) sec.retried++;
      r.attempts++;
      let outcome: number;
      if (cache && r.keyIndex >= 0) {
        const hash = cache[r.keyIndex] ?? (cache[r.keyIndex] = this.sink.hashOf(r.key));
        outcome = this.sink.putHashed(r.key, r.data, hash);
      } else {
        outcome = this.sink.put(r.key, r.data, r.explicitHashKey);
      }
      if (outcome >= 0) {
        accepted++;
        acceptedBytes += r.sizeBytes;
        sec.userRecords += r.userRecords;
        if (this.keyAcceptedRecords && r.keyIndex >= 0) {
          this.keyAcceptedRecords[r.keyIndex]++;
          this.keyAcceptedBytes![r.keyIndex] += r.sizeBytes;
        }
      } else {
        throttled++;
        this.scheduleRetry(r, nowMs + latencyMs);
      }
    }
    sec.attempted += batch.length;
    sec.accepted += accepted;
    sec.throttled += throttled;
    sec.acceptedBytes += acceptedBytes;
    const calls = this.calls;
    if (!calls) return;
    if (this.config.api === 'PutRecord') {
      calls.putRecordCalls++;
      calls.putRecordLatencyMsSum += latencyMs;
      if (accepted > 0) { calls.putRecordSuccess++; calls.putRecordBytes += acceptedBytes; }
    } else {
      calls.putRecordsCalls++;
      calls.putRecordsLatencyMsSum += latencyMs;
      calls.putRecordsTotalRecords += batch.length;
      calls.putRecordsSuccessfulRecords += accepted;
      calls.putRecordsFailedRecords += throttled;
      calls.putRecordsThrottledRecords += throttled;
      calls.putRecordsBytes += acceptedBytes;
      if (accepted > 0) calls.putRecordsSuccess++;
    }
  }

  private scheduleRetry(r: PendingRecord, answeredMs: number): void {
    const d = decideRetry(this.config.retry, r.attempts, r.createdMs, answeredMs, this.retryPrng);
    if (d.kind === 'drop') {
      this.second.dropped += r.userRecords;
      return;
    }
    const dueTick = Math.ceil(d.atMs / this.config.tickMs);
    let list = this.retries.get(dueTick);
    if (!list) this.retries.set(dueTick, (list = []));
    list.push(r);
    this.retryBacklog++;
  }

  private sendDueRetries(nowMs: number): void {
    if (this.retryBacklog === 0) return;
    const nowTick = Math.floor(nowMs / this.config.tickMs);
    // Ticks are visited in order; a bucket is keyed by the tick it becomes due in.
    for (const [tick, list] of this.retries) {
      if (tick > nowTick) continue;
      this.retries.delete(tick);
      this.retryBacklog -= list.length;
      for (const r of list) this.enqueue(r, nowMs);
    }
  }

  private rollSecond(nowMs: number): void {
    const s = Math.floor(nowMs / 1000);
    if (s === this.currentSecond) return;
    if (this.currentSecond >= 0) {
      const t = this.total;
      const c = this.second;
      t.attempted += c.attempted; t.accepted += c.accepted; t.throttled += c.throttled; t.retried += c.retried;
      t.dropped += c.dropped; t.userRecords += c.userRecords; t.acceptedBytes += c.acceptedBytes; t.calls += c.calls; t.latencyMsSum += c.latencyMsSum;
      this.lastSecondCounts = c;
      this.second = emptyCounts();
    }
    this.currentSecond = s;
  }

  /** Totals including the second in progress. */
  totals(): ProducerCounts {
    const t = { ...this.total };
    const c = this.second;
    t.attempted += c.attempted; t.accepted += c.accepted; t.throttled += c.throttled; t.retried += c.retried;
    t.dropped += c.dropped; t.userRecords += c.userRecords; t.acceptedBytes += c.acceptedBytes; t.calls += c.calls; t.latencyMsSum += c.latencyMsSum;
    return t;
  }

  figures(): ProducerFiguresView {
    const last = this.lastSecondCounts;
    return {
      kind: 'producer',
      name: this.config.name,
      streamName: this.config.streamName,
      mode: this.mode,
      wantedRecordsPerSec: this.wanted,
      total: this.totals(),
      lastSecond: { ...last },
      backlogRecords: this.retryBacklog + this.batch.length,
      putLatencyMsAvg: last.calls > 0 ? last.latencyMsSum / last.calls : 0,
    };
  }
}
