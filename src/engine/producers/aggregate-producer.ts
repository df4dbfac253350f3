/**
 * Aggregate-mode producer for loads too big to keep every record (≥ tens of thousands per second
 * for hours). Once per virtual second it turns the wanted rate into per-shard counts — the key
 * distribution folded onto the shard map (each pool key's shard computed once with the real
 * MD5), drawn as Poisson counts — and offers each shard its count through the stream's
 * aggregate path, which admits exactly as many as the shard's per-second limits allow.
 * Throttled records wait the producer's backoff (exponential with jitter, spread over the coming
 * seconds by a seeded retry calendar) and are retried oldest first, up to maxRetries and the maximum
 * record age, past which they are dropped and counted.
 * Counts and bytes per shard per second stay exact; payloads and keys are not materialised.
 */
import type { StreamCallStats } from '../metrics/call-stats';
import type { Prng } from '../random/prng';
import type { Simulation } from '../simulation';
import type { Cancellable } from '../time/scheduler';
import type { KeyGenerator } from './key-strategy';
import { makeKeyGenerator } from './key-strategy';
import { RetryCalendar } from './retry-calendar';
import { PutLatencyTracker } from './put-latency';
import type { ProducerConfig } from './producer-config';
import type { ProducerCounts, ProducerFiguresView } from './producer-figures';
import { emptyCounts } from './producer-figures';
import type { ProducerSink } from './producer-sink';
import { RateIntegrator, rateAt } from './rate-profile';
import { meanSize } from './size-distribution';

const TOP_KEYS_TRACKED = 20;
/** Latency draws per second per batch size (the rest of the calls share their weights). */
const LATENCY_SAMPLES = 16;

export class AggregateProducer {
  readonly mode = 'aggregate' as const;
  readonly keys: KeyGenerator;
  readonly total: ProducerCounts = emptyCounts();
  /** Put-call latencies: per second and over the run (p50/p99 for figures and the run report). */
  readonly putLatency = new PutLatencyTracker();
  private lastSecond: ProducerCounts = emptyCounts();
  private readonly prng: Prng;
  private readonly latencyPrng: Prng;
  private readonly integrator = new RateIntegrator();
  private ticker: Cancellable | undefined;
  private readonly startedMs: number;
  private wanted = 0;
  private mapVersion = -1;
  /**
   * Per-shard state is kept by slot: slot i is the i-th open shard (shard number `slotShards[i]`), so a
   * day of resharding's thousands of closed shards cost nothing per second or per retry cell.
   */
  private slotShards = new Int32Array(0);
  /** Slot of each shard number (-1: closed). */
  private slotOf = new Int32Array(0);
  /** Slots with a share of the traffic and their weights (sum 1). */
  private activeSlots = new Int32Array(0);
  private activeWeights = new Float64Array(0);
  /** Throttled records waiting for their backoff, per due second, attempt level and slot. */
  private readonly calendar: RetryCalendar;
  private readonly recordBytes: number;
  /** The most likely keys (by weight), their slot and accepted totals. */
  readonly topKeyIndices: Int32Array;
  private topKeySlots = new Int32Array(0);
  readonly topKeyAcceptedRecords: Float64Array;
  /** Records accepted per offered record in each slot in the last second. */
  private acceptedFractionBySlot = new Float64Array(0);
  /** Traffic share of each slot (sum over its keys' weights). */
  private weightBySlot = new Float64Array(0);

  constructor(private readonly sim: Simulation, readonly config: ProducerConfig, private readonly sink: ProducerSink, private readonly calls?: StreamCallStats) {
    this.prng = sim.prng.fork(`producer:${config.name}:aggregate`);
    this.latencyPrng = sim.prng.fork(`producer:${config.name}:aggregate:latency`);
    this.keys = makeKeyGenerator(config.keys, this.prng.fork('keys'));
    const keyLength = this.keys.table ? this.keys.table.reduce((s, k) => s + k.length, 0) / Math.max(1, this.keys.table.length) : 36;
    this.recordBytes = meanSize(config.size) + keyLength;
    const w = this.keys.weights;
    const order = w ? Array.from(w.keys()).sort((a, b) => w[b] - w[a] || a - b).slice(0, TOP_KEYS_TRACKED) : [];
    this.topKeyIndices = Int32Array.from(order);
    this.topKeyAcceptedRecords = new Float64Array(order.length);
    this.startedMs = sim.nowMs + (config.startAtSec ?? 0) * 1000;
    this.calendar = new RetryCalendar(config.retry, config.retry.maxRetries + 1, 0, config.latency.baseMs, sim.prng.fork(`producer:${config.name}:aggregate:retry`));
  }

  get name(): string {
    return this.config.name;
  }

  start(): void {
    if (this.ticker) return;
    this.ticker = this.sim.scheduler.every(1000, (now) => this.tick(now), this.startedMs);
  }

  /** Stops; throttled records still waiting for their backoff can no longer be sent and count as dropped. */
  stop(): void {
    this.ticker?.cancel();
    this.ticker = undefined;
    this.total.dropped += this.calendar.drain();
  }

  /** Folds key weights onto the current open shards; after a reshard, lays the slots out again. */
  private refreshShardWeights(nowMs: number): void {
    const version = this.sink.shardMapVersion();
    const timeBucket = this.config.keys.kind === 'timeBucket';
    if (version === this.mapVersion && !timeBucket) return;
    const resharded = version !== this.mapVersion;
    this.mapVersion = version;
    const open = this.sink.openShardShares();
    let slotOf = this.slotOf;
    let slotShards = this.slotShards;
    if (resharded) {
      slotOf = new Int32Array(this.sink.shardSlots()).fill(-1);
      slotShards = Int32Array.from(open, (o) => o.shardIndex).sort();
      for (let i = 0; i < slotShards.length; i++) slotOf[slotShards[i]] = i;
    }
    const weights = new Float64Array(slotShards.length);
    const table = this.keys.table;
    const kw = this.keys.weights;
    if (timeBucket) {
      const pick = { index: -1, key: '', explicitHashKey: undefined as string | undefined };
      this.keys.next(nowMs, pick);
      weights[slotOf[this.sink.shardOf(pick.key, undefined)]] = 1;
    } else if (table && kw) {
      const ehk = this.keys.explicitHashKeys;
      for (let i = 0; i < table.length; i++) weights[slotOf[this.sink.shardOf(table[i], ehk?.[i])]] += kw[i];
    } else {
      for (const { shardIndex, share } of open) weights[slotOf[shardIndex]] += share;
    }
    const active: number[] = [];
    for (let s = 0; s < weights.length; s++) if (weights[s] > 0) active.push(s);
    this.activeSlots = Int32Array.from(active);
    this.activeWeights = Float64Array.from(active, (s) => weights[s]);
    if (resharded) {
      // Retries waiting for shards a reshard closed go to the open shards their keys now reach.
      const moves = Int32Array.from(this.slotShards, (shard) => slotOf[shard]);
      this.total.dropped += this.calendar.remap(slotShards.length, moves, this.activeSlots, this.activeWeights);
      this.slotShards = slotShards;
      this.slotOf = slotOf;
      this.acceptedFractionBySlot = new Float64Array(slotShards.length);
    }
    this.weightBySlot = weights;
    if (table) this.topKeySlots = Int32Array.from(this.topKeyIndices, (i) => slotOf[this.sink.shardOf(table[i], this.keys.explicitHashKeys?.[i])]);
  }

  tick(nowMs: number): void {
    const tSec = (nowMs - this.startedMs) / 1000;
    const stopped = this.config.stopAtSec !== undefined && tSec >= this.config.stopAtSec - (this.config.startAtSec ?? 0);
    this.wanted = stopped ? 0 : rateAt(this.config.rate, tSec);
    this.refreshShardWeights(nowMs);
    const n = this.integrator.take(this.wanted, 1000);
    const sec = emptyCounts();
    const tick = Math.round((nowMs - this.startedMs) / 1000);
    const due = this.calendar.due(tick);
    const prng = this.prng;
    const active = this.activeSlots;
    const weights = this.activeWeights;
    for (let j = 0; j < active.length; j++) this.offer(active[j], n > 0 ? prng.poisson(n * weights[j]) : 0, due, tick, nowMs, sec);
    if (due) {
      // Retries due on shards the key distribution no longer reaches (a time-bucket key moved on).
      const slots = this.weightBySlot.length;
      for (let s = 0; s < slots; s++) if (!(this.weightBySlot[s] > 0)) this.offer(s, 0, due, tick, nowMs, sec);
      this.calendar.release(tick);
    }
    sec.userRecords = sec.accepted;
    sec.calls = Math.ceil(sec.attempted / this.config.batch.maxRecords);
    sec.latencyMsSum = this.sampleCallLatencies(sec.attempted);
    if (this.keys.table) {
      for (let i = 0; i < this.topKeyIndices.length; i++) {
        // A key's share of what its shard accepted is its share of the shard's traffic.
        const slot = this.topKeySlots[i];
        const slotWeight = this.weightBySlot[slot];
        if (slotWeight > 0) this.topKeyAcceptedRecords[i] += (this.acceptedFractionBySlot[slot] * this.keys.weights![this.topKeyIndices[i]]) / slotWeight;
      }
    }
    this.addTotals(sec);
    const calls = this.calls;
    if (calls) {
      calls.putRecordsCalls += sec.calls;
      calls.putRecordsSuccess += sec.calls;
      calls.putRecordsLatencyMsSum += sec.latencyMsSum;
      calls.putRecordsTotalRecords += sec.attempted;
      calls.putRecordsSuccessfulRecords += sec.accepted;
      calls.putRecordsFailedRecords += sec.throttled;
      calls.putRecordsThrottledRecords += sec.throttled;
      calls.putRecordsBytes += sec.acceptedBytes;
    }
  }

  /**
   * Offers slot `s`'s shard its fresh records plus the retries due now, oldest attempts accepted first;
   * refused records go back on the calendar one attempt older, or are dropped past maxRetries or
   * the maximum record age.
   */
  private offer(s: number, fresh: number, due: ReturnType<RetryCalendar['due']>, tick: number, nowMs: number, sec: ProducerCounts): void {
    const cal = this.calendar;
    const levels = cal.levels;
    let retries = 0;
    if (due) for (let l = 1; l < levels; l++) retries += cal.countAt(due, l, s);
    const offered = fresh + retries;
    const frac = this.acceptedFractionBySlot;
    if (offered === 0) {
      frac[s] = 0;
      return;
    }
    const bytesPer = this.recordBytes;
    const accepted = this.sink.putAggregate(this.slotShards[s], offered, offered * bytesPer);
    frac[s] = accepted;
    let left = accepted;
    let dropped = 0;
    for (let l = levels - 1; l >= 0; l--) {
      const at = l === 0 ? fresh : due ? cal.countAt(due, l, s) : 0;
      const ok = Math.min(at, left);
      left -= ok;
      const refused = at - ok;
      if (refused <= 0) continue;
      if (l + 1 >= levels) dropped += refused;
      else dropped += cal.schedule(tick, nowMs, s, l + 1, refused, l === 0 ? nowMs : cal.createdAvgAt(due!, l, s));
    }
    sec.attempted += offered;
    sec.accepted += accepted;
    sec.throttled += offered - accepted;
    sec.retried += retries;
    sec.dropped += dropped;
    sec.acceptedBytes += accepted * bytesPer;
  }

  /**
   * The second's put calls: full batches plus one partial, each with the latency model's
   * log-normal jitter. At most LATENCY_SAMPLES draws per batch size stand for all its calls
   * (weighted), from a PRNG of their own so the traffic draws stay as they were.
   */
  private sampleCallLatencies(records: number): number {
    if (records <= 0) return 0;
    const lat = this.config.latency;
    const batch = this.config.batch.maxRecords;
    const full = Math.floor(records / batch);
    const rest = records - full * batch;
    let sum = 0;
    const one = (perCall: number, calls: number): void => {
      if (calls <= 0) return;
      const base = lat.baseMs + lat.perRecordMs * perCall;
      const draws = lat.sigma > 0 ? Math.min(calls, LATENCY_SAMPLES) : 1;
      const weight = calls / draws;
      for (let i = 0; i < draws; i++) {
        const ms = lat.sigma > 0 ? base * this.latencyPrng.logNormal(0, lat.sigma) : base;
        this.putLatency.record(ms, weight);
        if (this.calls) this.calls.putRecordsLatency.record(ms, weight);
        sum += ms * weight;
      }
    };
    one(batch, full);
    one(rest, rest > 0 ? 1 : 0);
    return sum;
  }

  private addTotals(sec: ProducerCounts): void {
    const t = this.total;
    t.attempted += sec.attempted; t.accepted += sec.accepted; t.throttled += sec.throttled; t.retried += sec.retried;
    t.dropped += sec.dropped; t.userRecords += sec.userRecords; t.acceptedBytes += sec.acceptedBytes; t.calls += sec.calls; t.latencyMsSum += sec.latencyMsSum;
    this.lastSecond = sec;
    this.putLatency.rollSecond();
  }

  totals(): ProducerCounts {
    return { ...this.total };
  }

  /** Expected accepted records of the most likely keys (aggregate mode does not count per record). */
  topKeys(): { key: string; records: number; bytes: number }[] {
    const table = this.keys.table;
    if (!table) return [];
    return Array.from(this.topKeyIndices, (k, i) => ({ key: table[k], records: Math.round(this.topKeyAcceptedRecords[i]), bytes: Math.round(this.topKeyAcceptedRecords[i] * this.recordBytes) }));
  }

  figures(): ProducerFiguresView {
    const backlog = this.calendar.backlog;
    const last = this.lastSecond;
    return {
      kind: 'producer', name: this.config.name, streamName: this.config.streamName, mode: this.mode, wantedRecordsPerSec: this.wanted,
      total: this.totals(), lastSecond: { ...last }, backlogRecords: backlog, putLatencyMsAvg: last.calls > 0 ? last.latencyMsSum / last.calls : 0,
      putLatencyMsP50: this.putLatency.lastSecondP50Ms, putLatencyMsP99: this.putLatency.lastSecondP99Ms,
    };
  }
}
