/**
 * A record-mode producer: every tick it generates the records its rate profile asks for (key,
 * size, optional payload), batches them as PutRecord or PutRecords calls (size + linger), optionally
 * packs them KPL-style, writes through a ProducerSink, and retries throttled records with backoff
 * until they are accepted or dropped. Counts everything (attempted = accepted + throttled).
 * Hot path: fresh UUID keys travel as four words (no string unless a record must be retried) when the
 * sink offers `putUuid`; pool keys are routed once per shard-map version when it offers `putToShard`.
 */
import { utf8ByteLength } from '../hash/md5';
import { UUID_KEY_LENGTH, uuidKeyString } from '../hash/uuid-key';
import type { StreamCallStats } from '../metrics/call-stats';
import type { Prng } from '../random/prng';
import type { Cancellable } from '../time/scheduler';
import type { Simulation } from '../simulation';
import { Aggregator, KPL_AGGREGATION_MAX_BYTES } from './kpl-aggregation';
import type { KeyGenerator, KeyPick } from './key-strategy';
import { makeKeyGenerator } from './key-strategy';
import { PutLatencyTracker } from './put-latency';
import type { CompiledTemplate } from './payload-template';
import { compileTemplate } from './payload-template';
import type { ProducerConfig } from './producer-config';
import type { ProducerCounts, ProducerFiguresView } from './producer-figures';
import { addCounts, emptyCounts } from './producer-figures';
import type { ProducerSink } from './producer-sink';
import { PUT_SHARD_NOT_OPEN, PUT_TOO_LARGE } from '../streams/put-outcome';
import { recordPutCall } from './put-call-stats';
import { RateIntegrator, rateAt } from './rate-profile';
import { RecordBatch, UUID_WORDS, type PendingRecord } from './record-batch';
import { RetryQueue } from './retry-queue';
import { decideRetry } from './retry-policy';
import type { SizeSampler } from './size-distribution';
import { makeSizeSampler } from './size-distribution';

export class Producer {
  readonly mode = 'record' as const;
  readonly keys: KeyGenerator;
  /** Accepted records and bytes per key of the strategy's fixed table (top keys). */
  readonly keyAcceptedRecords: Float64Array | undefined;
  readonly keyAcceptedBytes: Float64Array | undefined;
  readonly total: ProducerCounts = emptyCounts();
  /** Put-call latencies: per second and over the run (p50/p99 for figures and the run report). */
  readonly putLatency = new PutLatencyTracker();
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
  /** The open batch as parallel arrays (no object per record on the hot path). */
  private readonly batch: RecordBatch;
  private batchBytes = 0;
  private batchOpenedMs = 0;
  private readonly retries: RetryQueue;
  /** Each pool key's MD5, computed once: pool keys then cost no hashing per record. */
  private readonly hashCache: (Uint32Array | undefined)[] | undefined;
  /** With a sink that takes pre-routed records: each pool key's shard (−1 = not routed) for `routeVersion`. */
  private readonly routeCache: Int32Array | undefined;
  private readonly keyByteLengths: Int32Array | undefined;
  private routeVersion = Number.NaN;
  /** Fresh UUID keys go to the sink as words (no aggregation: the aggregated record needs key strings). */
  private readonly uuidWords: boolean;
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
    this.routeCache = this.hashCache && sink.putToShard ? new Int32Array(n!).fill(-1) : undefined;
    this.keyByteLengths = this.routeCache ? new Int32Array(n!) : undefined;
    this.uuidWords = this.keys.nextUuidWords !== undefined && sink.putUuid !== undefined && !this.aggregator;
    this.startedMs = sim.nowMs + (config.startAtSec ?? 0) * 1000;
    this.batch = new RecordBatch(config.api === 'PutRecord' ? 1 : config.batch.maxRecords);
    this.retries = new RetryQueue(config.tickMs);
  }

  get name(): string {
    return this.config.name;
  }

  start(): void {
    if (this.ticker) return;
    this.ticker = this.sim.scheduler.every(this.config.tickMs, (now) => this.tick(now), this.startedMs + this.config.tickMs);
  }

  /**
   * Stops generating and flushes: the partly filled (or aggregated) batch is sent now, and records
   * still waiting for a retry — or refused by that last call — are counted as dropped, so every record
   * the generator produced ends up accepted or dropped.
   */
  stop(): void {
    this.ticker?.cancel();
    this.ticker = undefined;
    const nowMs = this.sim.nowMs;
    this.rollSecond(nowMs);
    if (this.aggregator && this.aggregator.count > 0) this.flushAggregator(nowMs);
    if (this.batch.length > 0) this.sendBatch(nowMs);
    this.second.dropped += this.retries.dropAll();
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
    if (this.uuidWords) {
      this.generateUuidKeyed(nowMs);
      return;
    }
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
    this.enqueue(pick.key, pick.index, pick.explicitHashKey, data, bytes + pick.key.length, nowMs, 0, 1, nowMs);
  }

  /** `generate` for UUID keys held as words: the key is drawn straight into the batch. */
  private generateUuidKeyed(nowMs: number): void {
    const data: Uint8Array | number = this.template ? this.template.renderBytes(nowMs) : this.size();
    const sizeBytes = (typeof data === 'number' ? data : data.length) + UUID_KEY_LENGTH;
    const b = this.batch;
    if (b.length > 0 && this.batchBytes + sizeBytes > this.config.batch.maxBytes) this.sendBatch(nowMs);
    if (b.length === 0) this.batchOpenedMs = nowMs;
    this.keys.nextUuidWords!(b.uuidWords, b.length << 2);
    b.push('', UUID_WORDS, undefined, data, sizeBytes, nowMs, 0, 1);
    this.batchBytes += sizeBytes;
    if (b.length >= b.capacity) this.sendBatch(nowMs);
  }

  private flushAggregator(nowMs: number): void {
    const out = this.aggregator?.flush();
    if (!out) return;
    this.enqueue(out.partitionKey, -1, out.explicitHashKey, out.data, out.data.length + out.partitionKey.length, nowMs, 0, out.userRecords, nowMs);
  }

  private enqueue(key: string, keyIndex: number, explicitHashKey: string | undefined, data: Uint8Array | number, sizeBytes: number, createdMs: number, attempts: number, userRecords: number, nowMs: number): void {
    const b = this.batch;
    if (b.length > 0 && this.batchBytes + sizeBytes > this.config.batch.maxBytes) this.sendBatch(nowMs);
    if (b.length === 0) this.batchOpenedMs = nowMs;
    b.push(key, keyIndex, explicitHashKey, data, sizeBytes, createdMs, attempts, userRecords);
    this.batchBytes += sizeBytes;
    if (b.length >= b.capacity) this.sendBatch(nowMs);
  }

  /** Sends the current batch as one call: PutRecord (one record) or PutRecords. */
  private sendBatch(nowMs: number): void {
    const b = this.batch;
    const count = b.length;
    if (count === 0) return;
    const lat = this.config.latency;
    const latencyMs = (lat.baseMs + lat.perRecordMs * count) * (lat.sigma > 0 ? this.prng.logNormal(0, lat.sigma) : 1);
    const sec = this.second;
    sec.calls++;
    sec.latencyMsSum += latencyMs;
    this.putLatency.record(latencyMs);
    let accepted = 0;
    let throttled = 0;
    let acceptedBytes = 0;
    let retried = 0;
    let userRecords = 0;
    const cache = this.hashCache;
    const sink = this.sink;
    const routes = this.routeCache;
    if (routes !== undefined) {
      const version = sink.shardMapVersion();
      if (version !== this.routeVersion) {
        routes.fill(-1);
        this.routeVersion = version;
      }
    }
    const uuidWords = b.uuidWords;
    const keyRecords = this.keyAcceptedRecords;
    const keyBytes = this.keyAcceptedBytes;
    for (let i = 0; i < count; i++) {
      const key = b.keys[i];
      const keyIndex = b.keyIndex[i];
      const data = b.data[i];
      if (b.attempts[i] > 0) retried++;
      let outcome: number;
      if (keyIndex === UUID_WORDS) {
        const o = i << 2;
        outcome = sink.putUuid!(uuidWords[o], uuidWords[o + 1], uuidWords[o + 2], uuidWords[o + 3], data);
      } else if (routes !== undefined && keyIndex >= 0) {
        outcome = this.putRouted(routes, keyIndex, key, data);
      } else if (cache !== undefined && keyIndex >= 0) {
        const hash = cache[keyIndex] ?? (cache[keyIndex] = sink.hashOf(key));
        outcome = sink.putHashed(key, data, hash);
      } else {
        outcome = sink.put(key, data, b.explicitHashKeys[i]);
      }
      const size = b.sizeBytes[i];
      if (outcome >= 0) {
        accepted++;
        acceptedBytes += size;
        userRecords += b.userRecords[i];
        if (keyRecords !== undefined && keyIndex >= 0) {
          keyRecords[keyIndex]++;
          keyBytes![keyIndex] += size;
        }
      } else if (outcome === PUT_TOO_LARGE) {
        // Not a throttle: retrying cannot help. Counted as refused and dropped at once.
        throttled++;
        sec.dropped += b.userRecords[i];
      } else {
        throttled++;
        // A UUID key held as words gets its text now: retries go through the ordinary path.
        const words = keyIndex === UUID_WORDS;
        const retryKey = words ? uuidKeyString(uuidWords[i << 2], uuidWords[(i << 2) + 1], uuidWords[(i << 2) + 2], uuidWords[(i << 2) + 3]) : key;
        this.scheduleRetry({ key: retryKey, keyIndex: words ? -1 : keyIndex, explicitHashKey: b.explicitHashKeys[i], data, sizeBytes: size, createdMs: b.createdMs[i], attempts: b.attempts[i] + 1, userRecords: b.userRecords[i] }, nowMs + latencyMs);
      }
    }
    b.clear();
    this.batchBytes = 0;
    sec.attempted += count;
    sec.accepted += accepted;
    sec.throttled += throttled;
    sec.retried += retried;
    sec.userRecords += userRecords;
    sec.acceptedBytes += acceptedBytes;
    if (this.calls) recordPutCall(this.calls, this.config.api, count, accepted, throttled, acceptedBytes, latencyMs);
  }

  /** Writes a pool key through the sink's pre-routed path, routing it once per shard-map version. */
  private putRouted(routes: Int32Array, keyIndex: number, key: string, data: Uint8Array | number): number {
    const sink = this.sink;
    let shard = routes[keyIndex];
    if (shard < 0) {
      shard = routes[keyIndex] = sink.shardOf(key, undefined);
      this.keyByteLengths![keyIndex] = utf8ByteLength(key);
    }
    const outcome = sink.putToShard!(shard, key, this.keyByteLengths![keyIndex], data);
    if (outcome !== PUT_SHARD_NOT_OPEN) return outcome;
    // The map changed under the cache (it is checked once per batch): route afresh from now on.
    routes.fill(-1);
    this.routeVersion = sink.shardMapVersion();
    return sink.put(key, data, undefined);
  }

  private scheduleRetry(r: PendingRecord, answeredMs: number): void {
    const d = decideRetry(this.config.retry, r.attempts, r.createdMs, answeredMs, this.retryPrng);
    if (d.kind === 'drop') this.second.dropped += r.userRecords;
    else this.retries.add(r, d.atMs);
  }

  private sendDueRetries(nowMs: number): void {
    this.retries.takeDue(nowMs, (r) => this.enqueue(r.key, r.keyIndex, r.explicitHashKey, r.data, r.sizeBytes, r.createdMs, r.attempts, r.userRecords, nowMs));
  }

  private rollSecond(nowMs: number): void {
    const s = Math.floor(nowMs / 1000);
    if (s === this.currentSecond) return;
    if (this.currentSecond >= 0) {
      const c = this.second;
      addCounts(this.total, c);
      this.lastSecondCounts = c;
      this.second = emptyCounts();
      this.putLatency.rollSecond();
    }
    this.currentSecond = s;
  }

  /** Totals including the second in progress. */
  totals(): ProducerCounts {
    const t = { ...this.total };
    addCounts(t, this.second);
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
      backlogRecords: this.retries.size + this.batch.length,
      putLatencyMsAvg: last.calls > 0 ? last.latencyMsSum / last.calls : 0,
      putLatencyMsP50: this.putLatency.lastSecondP50Ms,
      putLatencyMsP99: this.putLatency.lastSecondP99Ms,
    };
  }
}
