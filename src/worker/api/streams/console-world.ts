/**
 * The console's view of one live world: once per virtual second it records each stream's per-shard
 * figures (write/read utilisation, rates, throttles) into bounded histories, keeps a metrics sampler
 * on every stream the service holds (streams created from the console included), and builds the
 * console frame for what the UI watches. Reads engine objects only; never changes what actors do.
 */
import { StreamSampler } from '../../../engine/metrics/stream-sampler';
import { READ_BYTES_PER_SEC_MAX, READ_CALLS_PER_SEC_MAX, WRITE_BYTES_PER_SEC_MAX, WRITE_RECORDS_PER_SEC_MAX } from '../../../engine/streams/limits';
import type { Stream } from '../../../engine/streams/stream';
import type { LiveWorld } from '../../runtime';
import type { ConsoleFrameWire, ConsumerSeries, ConsumerSummary, ProducerSummary, StreamSummary, WatchRequest } from './console-types';
import { HeatHistory } from './heat-history';
import { lagTrend } from './lag-trend';
import { buildStreamDetail } from './stream-detail';

/** Seconds of per-shard history kept (the heat map's widest window). */
export const HEAT_HISTORY_SEC = 600;
const SHARD_LEVEL_MAX_SHARDS = 256;

/** Per-shard figures of the last virtual second, by shard number. */
export class ShardSeconds {
  incomingRecords = new Float64Array(0);
  incomingBytes = new Float64Array(0);
  throttledWrites = new Float64Array(0);
  writeUtil = new Float64Array(0);
  readUtil = new Float64Array(0);
  private prev = new Float64Array(0);
  readonly heat = new HeatHistory(HEAT_HISTORY_SEC);

  constructor(readonly stream: Stream) {}

  private grow(n: number): void {
    if (this.incomingRecords.length >= n) return;
    const g = (a: Float64Array, size: number) => { const b = new Float64Array(size); b.set(a); return b; };
    this.incomingRecords = g(this.incomingRecords, n);
    this.incomingBytes = g(this.incomingBytes, n);
    this.throttledWrites = g(this.throttledWrites, n);
    this.writeUtil = g(this.writeUtil, n);
    this.readUtil = g(this.readUtil, n);
    this.prev = g(this.prev, n * 6);
  }

  sample(atMs: number): void {
    const shards = this.stream.shards;
    this.grow(shards.length);
    const heatColumn = new Float32Array(shards.length);
    for (let i = 0; i < shards.length; i++) {
      const c = shards[i].counters;
      const b = i * 6;
      const rec = c.incomingRecords - this.prev[b];
      const bytesWithKeys = c.incomingBytesWithKeys - this.prev[b + 1];
      const thr = c.throttledWriteRecords - this.prev[b + 2];
      const calls = c.readCalls - this.prev[b + 3];
      const out = c.outgoingBytes - this.prev[b + 4];
      const bytes = c.incomingBytes - this.prev[b + 5];
      this.prev[b] = c.incomingRecords;
      this.prev[b + 1] = c.incomingBytesWithKeys;
      this.prev[b + 2] = c.throttledWriteRecords;
      this.prev[b + 3] = c.readCalls;
      this.prev[b + 4] = c.outgoingBytes;
      this.prev[b + 5] = c.incomingBytes;
      this.incomingRecords[i] = rec;
      this.incomingBytes[i] = bytes;
      this.throttledWrites[i] = thr;
      const w = Math.max(rec / WRITE_RECORDS_PER_SEC_MAX, bytesWithKeys / WRITE_BYTES_PER_SEC_MAX);
      this.writeUtil[i] = w;
      this.readUtil[i] = Math.max(calls / READ_CALLS_PER_SEC_MAX, out / READ_BYTES_PER_SEC_MAX);
      // Refused writes count too: a shard at its limit that turns traffic away shows above 100%.
      const attemptedUtil = w + thr / WRITE_RECORDS_PER_SEC_MAX;
      heatColumn[i] = shards[i].isOpen || rec > 0 ? attemptedUtil : Number.NaN;
    }
    this.heat.push(atMs, heatColumn);
  }
}

let worldsBuilt = 0;

export class ConsoleWorld {
  readonly perStream = new Map<string, ShardSeconds>();
  watch: WatchRequest = { stream: null };
  private seq = 0;
  private readonly id = ++worldsBuilt;
  /** The shard-identity revision last sent per stream, for the watch it was sent under (a new watch resends). */
  private sentIdentity = new Map<string, string>();
  private identityWatch: WatchRequest | null = null;

  constructor(readonly world: LiveWorld) {
    const sim = world.sim;
    // Same first tick as the scenario's sampler, scheduled after it: each second is read once it is sampled.
    const first = Math.floor(sim.nowMs / 1000) * 1000 + 1000;
    sim.scheduler.every(1000, (now) => this.second(now), first);
    this.syncSamplers();
  }

  /** Keeps one metrics sampler (and one history) per live stream, so console-created streams have metrics too. */
  syncSamplers(): void {
    const run = this.world.scenario;
    const live = run.service.allStreams().filter((s) => !s.deleted && s.status !== 'DELETING');
    for (const [name, sampler] of run.samplers) {
      if (!live.includes(sampler.stream)) run.samplers.delete(name);
    }
    for (const [name, h] of this.perStream) if (!live.includes(h.stream)) this.perStream.delete(name);
    for (const s of live) {
      if (!run.samplers.has(s.name)) {
        const total = live.reduce((n, x) => n + x.openShardCount, 0);
        run.samplers.set(s.name, new StreamSampler(s, run.metrics, run.calls.for(s.name), total <= SHARD_LEVEL_MAX_SHARDS));
      }
      if (!this.perStream.has(s.name)) this.perStream.set(s.name, new ShardSeconds(s));
    }
  }

  private second(nowMs: number): void {
    this.syncSamplers();
    for (const h of this.perStream.values()) h.sample(nowMs - 1000);
  }

  private latest(key: string): number {
    const v = this.world.scenario.metrics.get(key)?.latest();
    return v === undefined || !Number.isFinite(v) ? 0 : v;
  }

  streamSummaries(): StreamSummary[] {
    const out: StreamSummary[] = [];
    for (const [name, h] of this.perStream) {
      const s = h.stream;
      let rec = 0, bytes = 0, thr = 0, maxUtil = 0, total = 0;
      for (const shard of s.shards) total += shard.counters.incomingRecords;
      for (let i = 0; i < s.shards.length && i < h.incomingRecords.length; i++) {
        rec += h.incomingRecords[i];
        bytes += h.incomingBytes[i];
        thr += h.throttledWrites[i];
        if (s.shards[i].isOpen && h.writeUtil[i] > maxUtil) maxUtil = h.writeUtil[i];
      }
      out.push({
        name, status: s.status, mode: s.mode, openShards: s.openShardCount, retentionHours: s.retentionHours,
        incomingRecordsPerSec: rec, incomingBytesPerSec: bytes, throttledPerSec: thr,
        readThrottledPerSec: this.latest(`stream:${name}:ReadProvisionedThroughputExceeded`), maxShardUtil: maxUtil,
        incomingRecordsTotal: total,
      });
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  producerSummaries(): ProducerSummary[] {
    return this.world.scenario.producers.map((p) => {
      const f = p.figures();
      return {
        name: p.name, stream: p.config.streamName, wantedRecordsPerSec: f.wantedRecordsPerSec,
        acceptedPerSec: f.lastSecond.accepted, throttledPerSec: f.lastSecond.throttled,
        droppedTotal: f.total.dropped, backlogRecords: f.backlogRecords,
      };
    });
  }

  consumerSummaries(): ConsumerSummary[] {
    const run = this.world.scenario;
    const now = this.world.sim.nowMs;
    return run.consumers.map((c) => {
      const f = c.figures();
      const lag = run.metrics.window([`consumer:${c.name}:LagRecords`], now - 61_000, now).series[`consumer:${c.name}:LagRecords`];
      const recordsPerSec = this.latest(`consumer:${c.name}:RecordsProcessed`);
      const trend = lagTrend(lag, 60, recordsPerSec * 2);
      return {
        name: c.name, type: f.type, stream: f.streamName,
        recordsPerSec, recordsProcessed: f.recordsProcessed,
        iteratorAgeMs: f.iteratorAgeMs, lagRecords: f.lagRecords, readThrottled: f.readThrottled,
        errors: f.failedInvocations ?? 0, lagSlopePerSec: trend.slopePerSec, drainSec: trend.drainSec, state: trend.state,
      };
    });
  }

  private consumerSeries(windowSec: number): ConsumerSeries[] {
    const run = this.world.scenario;
    const now = this.world.sim.nowMs;
    return run.consumers.map((c) => {
      const names = ['IteratorAgeMilliseconds', 'LagRecords', 'RecordsProcessed'];
      const w = run.metrics.window(names.map((n) => `consumer:${c.name}:${n}`), Math.max(this.world.sim.startMs, now - windowSec * 1000), now);
      const series: Record<string, Float64Array> = {};
      for (const n of names) series[n] = w.series[`consumer:${c.name}:${n}`];
      return { name: c.name, block: { t0Ms: w.startMs, stepMs: w.stepMs, series } };
    });
  }

  frame(): ConsoleFrameWire {
    const w = this.watch;
    if (w !== this.identityWatch) {
      this.identityWatch = w;
      this.sentIdentity = new Map();
    }
    const windowSec = Math.max(10, Math.min(900, w.seriesWindowSec ?? 120));
    const h = w.stream ? this.perStream.get(w.stream) : undefined;
    return {
      kind: 'streams',
      seq: ++this.seq,
      nowMs: this.world.sim.nowMs,
      builtAtEpochMs: performance.timeOrigin + performance.now(),
      streams: this.streamSummaries(),
      producers: this.producerSummaries(),
      consumers: this.consumerSummaries(),
      detail: h ? this.detail(h, { ...w, seriesWindowSec: windowSec }) : null,
      consumerSeries: w.consumers ? this.consumerSeries(windowSec) : null,
    };
  }

  private detail(h: ShardSeconds, watch: WatchRequest & { seriesWindowSec: number }) {
    const detail = buildStreamDetail(this.world, h, watch, this.id, this.sentIdentity.get(h.stream.name));
    this.sentIdentity.set(h.stream.name, detail.identityRevision);
    return detail;
  }
}

const worlds = new WeakMap<LiveWorld, ConsoleWorld>();

export function consoleWorldOf(world: LiveWorld): ConsoleWorld {
  let c = worlds.get(world);
  if (!c) worlds.set(world, (c = new ConsoleWorld(world)));
  return c;
}

/** Every ArrayBuffer inside a console frame, for Comlink.transfer. */
export function frameTransferables(frame: ConsoleFrameWire): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const block = (b: { series: Record<string, Float64Array> } | undefined) => {
    if (b) for (const a of Object.values(b.series)) out.push(a.buffer as ArrayBuffer);
  };
  const d = frame.detail;
  if (d) {
    out.push(d.bandUtil.buffer as ArrayBuffer, d.bandAttempted.buffer as ArrayBuffer);
    if (d.identity) out.push(d.identity.bandStart.buffer as ArrayBuffer, d.identity.bandEnd.buffer as ArrayBuffer);
    if (d.heat) out.push(d.heat.values.buffer as ArrayBuffer);
    block(d.series);
    block(d.shardSeries);
  }
  for (const c of frame.consumerSeries ?? []) block(c.block);
  return [...new Set(out)];
}
