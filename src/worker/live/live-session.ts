/**
 * The live worker's owner: one connection (a LiveClient built from what the user typed, credentials
 * held only here and in the page's memory), at most one sampled stream and one capture, and a frame
 * published twice a second while sampling. Runs in a Worker so SigV4 signing, polling and statistics
 * never block the page.
 */
import { workloadFromCapture } from '../../live/capture-workload';
import { LiveMetricsClient, METRIC_PERIOD_SEC, shardLevelMetrics, type LiveMetric, type MetricsSnapshot } from '../../live/cloudwatch-metrics';
import { credentialProblems, resolveEndpoint } from '../../live/endpoint';
import { LiveClient, type LiveClientOptions, type StreamSummary } from '../../live/live-client';
import { toLiveError } from '../../live/live-errors';
import { Sampler } from '../../live/sampler';
import { metricsCost, samplingCost } from '../../live/sampling-cost';
import { hashKeyOfPartitionKey, midpointHashKey, openShardFor, shardMapOf, type LiveShard } from '../../live/shard-map';
import { TrafficStats } from '../../live/traffic-stats';
import { DEFAULT_PRICE_TABLE } from '../../engine/capacity/price-table';
import { HASH_KEY_MAX } from '../../engine/hash';
import { WRITE_BYTES_PER_SEC_MAX, WRITE_RECORDS_PER_SEC_MAX } from '../../engine/streams/limits';
import type { LiveApi, LiveCaptureState, LiveFrame, LiveMetricsState, LiveResult, LiveShardTraffic } from './live-types';

const FRAME_MS = 500;
const RATE_WINDOW_SEC = 10;
const HOT_KEYS_SHOWN = 20;
export const CAPTURE_SECONDS_MIN = 10;
export const CAPTURE_SECONDS_MAX = 600;
const VIEW_LIMIT_MAX = 100;
const SPACE = Number(HASH_KEY_MAX) + 1;

async function attempt<T>(f: () => Promise<T>): Promise<LiveResult<T>> {
  try {
    return { ok: true, value: await f() };
  } catch (e) {
    return { ok: false, error: toLiveError(e) };
  }
}

/** CloudWatch polling for the sampled stream: one GetMetricData poll per 1-minute period. */
interface Metrics {
  status: LiveMetricsState['status'];
  snapshot?: MetricsSnapshot;
  /** Why CloudWatch is unavailable (AWS error name), kept for debugging; never shown as an error. */
  reason?: string;
  timer?: ReturnType<typeof setInterval>;
}

interface Sampled {
  readonly sampler: Sampler;
  readonly metrics: Metrics;
  summary: StreamSummary;
  shardMap: LiveShard[];
  capture?: { stats: TrafficStats; seconds: number; startMs: number; state: LiveCaptureState; off: () => void };
}

export class LiveSession implements LiveApi {
  private client?: LiveClient;
  private metricsClient?: LiveMetricsClient;
  private sampled?: Sampled;
  private listener?: (frame: LiveFrame) => void;
  private timer?: ReturnType<typeof setInterval>;

  constructor(private readonly clientOptions: LiveClientOptions = {}) {}

  async connect(input: Parameters<LiveApi['connect']>[0]): ReturnType<LiveApi['connect']> {
    await this.disconnect();
    const resolved = resolveEndpoint(input.target, input.signingRegion);
    if (!resolved.ok) return { ok: false, error: { name: 'InvalidEndpoint', message: resolved.problem, advice: 'invalid' } };
    const missing = credentialProblems(input.credentials);
    if (missing.length) return { ok: false, error: { name: 'MissingCredentials', message: missing.join(', '), advice: 'credentials' } };
    const client = new LiveClient(resolved.endpoint, input.credentials, this.clientOptions);
    // ListStreams proves the endpoint answers, CORS allows us, and the signature is accepted.
    const streams = await attempt(() => client.listStreams());
    if (!streams.ok) {
      client.destroy();
      return streams;
    }
    this.client = client;
    this.metricsClient = new LiveMetricsClient(resolved.endpoint, input.credentials, this.clientOptions);
    return { ok: true, value: { endpoint: resolved.endpoint, streams: streams.value } };
  }

  async disconnect(): Promise<void> {
    await this.stopSampling();
    this.client?.destroy();
    this.client = undefined;
    this.metricsClient?.destroy();
    this.metricsClient = undefined;
  }

  private need(): LiveClient {
    if (!this.client) throw Object.assign(new Error('Not connected: connect to an endpoint first.'), { name: 'NotConnected' });
    return this.client;
  }

  listStreams(): Promise<LiveResult<string[]>> {
    return attempt(() => this.need().listStreams());
  }

  describeStream(name: string): ReturnType<LiveApi['describeStream']> {
    return attempt(async () => {
      const c = this.need();
      const [summary, shards] = await Promise.all([c.describeStream(name), c.listShards(name)]);
      return { summary, shardMap: shardMapOf(shards) };
    });
  }

  async startSampling(name: string, readsPerSecPerShard: number): Promise<LiveResult<void>> {
    await this.stopSampling();
    const described = await this.describeStream(name);
    if (!described.ok) return described;
    const sampler = new Sampler(this.need(), name, { readsPerSecPerShard });
    const sampled: Sampled = { sampler, summary: described.value.summary, shardMap: described.value.shardMap, metrics: { status: 'trying' } };
    this.sampled = sampled;
    void this.pollMetrics(sampled);
    sampled.metrics.timer = setInterval(() => void this.pollMetrics(sampled), METRIC_PERIOD_SEC * 1000);
    sampler.onShardClosed = () => void this.refreshShards(sampled);
    sampler.addShards(sampled.shardMap.filter((s) => s.open).map((s) => s.shardId));
    this.timer = setInterval(() => this.publish(), FRAME_MS);
    this.publish();
    return { ok: true, value: undefined };
  }

  private shardLevel(sampled: Sampled): LiveMetric[] {
    return shardLevelMetrics(sampled.summary.shardLevelMetrics ?? []);
  }

  /**
   * One CloudWatch poll. Any failure (an error CloudWatch answers, an endpoint that does not know the
   * operation, a network or CORS failure) turns CloudWatch off for this stream: the figures stay sampled
   * and no error is shown, since most emulators have no CloudWatch.
   */
  private async pollMetrics(sampled: Sampled): Promise<void> {
    const m = sampled.metrics;
    const cw = this.metricsClient;
    if (!cw || m.status === 'unavailable') return;
    const open = sampled.shardMap.filter((s) => s.open).map((s) => s.shardId);
    try {
      const snapshot = await cw.poll(sampled.sampler.streamName, open, this.shardLevel(sampled), Date.now());
      if (sampled !== this.sampled) return;
      m.snapshot = snapshot;
      m.status = snapshot.hasData ? 'cloudwatch' : 'no-data';
    } catch (e) {
      if (sampled !== this.sampled) return;
      m.status = 'unavailable';
      m.reason = toLiveError(e).name;
      if (m.timer !== undefined) clearInterval(m.timer);
      m.timer = undefined;
    }
    this.publish();
  }

  /** After a reshard: read the new map and start on the children (from LATEST). */
  private async refreshShards(sampled: Sampled): Promise<void> {
    const again = await this.describeStream(sampled.sampler.streamName);
    if (!again.ok || sampled !== this.sampled) return;
    sampled.summary = again.value.summary;
    sampled.shardMap = again.value.shardMap;
    sampled.sampler.addShards(again.value.shardMap.filter((s) => s.open).map((s) => s.shardId));
  }

  async setSamplingRate(readsPerSecPerShard: number): Promise<void> {
    this.sampled?.sampler.setRate(readsPerSecPerShard);
    this.publish();
  }

  async stopSampling(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    if (this.sampled) {
      this.sampled.sampler.stop();
      this.sampled.capture?.off();
      if (this.sampled.metrics.timer !== undefined) clearInterval(this.sampled.metrics.timer);
      // One last frame so the page shows the sampler as stopped.
      this.publish();
      this.sampled = undefined;
    }
  }

  async startCapture(seconds: number): Promise<LiveResult<void>> {
    const sampled = this.sampled;
    if (!sampled) return { ok: false, error: { name: 'NotSampling', message: 'Start sampling the stream first.', advice: 'other' } };
    const s = Math.round(Math.min(CAPTURE_SECONDS_MAX, Math.max(CAPTURE_SECONDS_MIN, seconds)));
    sampled.capture?.off();
    const startMs = Date.now();
    const stats = new TrafficStats(startMs, s + 5);
    const off = sampled.sampler.onRecords((shardId, at, records) => stats.add(at, shardId, records));
    sampled.capture = { stats, seconds: s, startMs, off, state: { status: 'running', seconds: s, elapsedSec: 0, records: 0 } };
    this.publish();
    return { ok: true, value: undefined };
  }

  private tickCapture(sampled: Sampled, nowMs: number): void {
    const c = sampled.capture;
    if (!c || c.state.status !== 'running') return;
    const elapsedSec = (nowMs - c.startMs) / 1000;
    if (elapsedSec < c.seconds) {
      c.state = { ...c.state, elapsedSec, records: c.stats.records };
      return;
    }
    c.off();
    const result = workloadFromCapture({
      streamName: sampled.sampler.streamName,
      endpointLabel: this.client?.endpoint.label ?? '',
      seconds: c.seconds,
      nowMs,
      stats: c.stats,
      openShards: sampled.shardMap.filter((x) => x.open).length,
      retentionHours: sampled.summary.retentionHours,
      capturedOn: new Date(nowMs).toISOString().slice(0, 10),
    });
    c.state = { status: result.ok ? 'done' : 'failed', seconds: c.seconds, elapsedSec: c.seconds, records: c.stats.records, result };
  }

  viewRecords(stream: string, shardId: string, from: 'TRIM_HORIZON' | 'LATEST', limit: number): ReturnType<LiveApi['viewRecords']> {
    return attempt(() => this.need().viewRecords(stream, shardId, from, Math.min(VIEW_LIMIT_MAX, Math.max(1, Math.round(limit)))));
  }

  putRecord(stream: string, partitionKey: string, data: string): ReturnType<LiveApi['putRecord']> {
    return attempt(() => this.need().putRecord(stream, partitionKey, new TextEncoder().encode(data)));
  }

  updateShardCount(stream: string, target: number): Promise<LiveResult<void>> {
    return attempt(() => this.need().updateShardCount(stream, target));
  }

  splitShard(stream: string, shardId: string): ReturnType<LiveApi['splitShard']> {
    return attempt(async () => {
      const c = this.need();
      const shard = shardMapOf(await c.listShards(stream)).find((s) => s.shardId === shardId && s.open);
      if (!shard) throw Object.assign(new Error(`Shard ${shardId} is not open in stream ${stream}.`), { name: 'ResourceNotFoundException' });
      const newStartingHashKey = midpointHashKey(shard);
      await c.splitShard(stream, shardId, newStartingHashKey);
      return { newStartingHashKey };
    });
  }

  async onFrame(listener: (frame: LiveFrame) => void): Promise<void> {
    this.listener = listener;
  }

  /** Builds the frame the page shows; exported through publish() only. */
  frame(nowMs: number): LiveFrame | undefined {
    const sampled = this.sampled;
    if (!sampled) return undefined;
    this.tickCapture(sampled, nowMs);
    const { sampler, shardMap, summary } = sampled;
    const stats = sampler.stats;
    const elapsedSec = Math.max(0.001, (nowMs - sampler.startMs) / 1000);
    const cw = sampled.metrics.status === 'cloudwatch' ? sampled.metrics.snapshot : undefined;
    const shards = [...sampler.shards.values()].map((s): LiveShardTraffic => {
      const sampledRates = stats.shardRates(s.shardId, nowMs, RATE_WINDOW_SEC);
      const c = cw?.shards[s.shardId];
      // CloudWatch's per-shard IncomingRecords/Bytes count every record written, not a sample.
      const fromCw = c?.recordsPerSec !== undefined && c.bytesPerSec !== undefined;
      const r = fromCw ? { ...sampledRates, recordsPerSec: c.recordsPerSec ?? 0, bytesPerSec: c.bytesPerSec ?? 0 } : sampledRates;
      return {
        shardId: s.shardId, state: s.state, ...r,
        source: fromCw ? 'cloudwatch' : 'sampled',
        ...(c?.writeThrottled !== undefined ? { writeThrottled: c.writeThrottled } : {}),
        ...(c?.readThrottled !== undefined ? { readThrottled: c.readThrottled } : {}),
        ...(c?.iteratorAgeMs !== undefined ? { iteratorAgeMs: c.iteratorAgeMs } : {}),
        writeUtilization: Math.max(r.recordsPerSec / WRITE_RECORDS_PER_SEC_MAX, r.bytesPerSec / WRITE_BYTES_PER_SEC_MAX),
        getRecordsCalls: s.getRecordsCalls, throttles: s.throttles, errors: s.errors, backoffMs: s.backoffMs,
        ...(s.millisBehindLatest !== undefined ? { millisBehindLatest: s.millisBehindLatest } : {}),
        ...(s.lastError ? { lastError: s.lastError } : {}),
      };
    });
    const sampledTotal = stats.totalRates(nowMs, RATE_WINDOW_SEC);
    const perShard = shards.length > 0 && shards.every((x) => x.source === 'cloudwatch');
    const cwTotal = perShard
      ? { recordsPerSec: shards.reduce((n, x) => n + x.recordsPerSec, 0), bytesPerSec: shards.reduce((n, x) => n + x.bytesPerSec, 0) }
      : cw?.stream.recordsPerSec !== undefined && cw.stream.bytesPerSec !== undefined ? { recordsPerSec: cw.stream.recordsPerSec, bytesPerSec: cw.stream.bytesPerSec } : undefined;
    const total = cwTotal ?? sampledTotal;
    const calls = [...sampler.shards.values()].reduce((n, s) => n + s.getRecordsCalls + s.iteratorCalls, 0);
    const hotKeys = stats.hotKeys(HOT_KEYS_SHOWN).map((k) => {
      const hash = hashKeyOfPartitionKey(k.key);
      return {
        key: k.key, records: k.records, share: stats.records ? k.records / stats.records : 0,
        recordsPerSec: k.records / elapsedSec, hashKey: hash.toString(10), hashFraction: Number(hash) / SPACE,
        routedShardId: openShardFor(hash, shardMap), readFromShardId: k.shardId,
      };
    });
    return {
      stream: sampler.streamName,
      shardMap,
      summary,
      sampling: {
        running: !sampler.stopped,
        readsPerSecPerShard: sampler.readsPerSecPerShard,
        totalReadsPerSecMax: sampler.totalReadsPerSecMax,
        plannedReadsPerSec: sampler.plannedReadsPerSec(),
        actualReadsPerSec: calls / elapsedSec,
        elapsedSec,
        windowSec: RATE_WINDOW_SEC,
      },
      totals: { records: stats.records, recordsPerSec: total.recordsPerSec, bytesPerSec: total.bytesPerSec, distinctKeys: stats.distinctKeys(), overflowRecords: stats.overflowRecords },
      shards,
      hotKeys,
      sizes: stats.sizeHistogram(),
      cost: samplingCost({
        mode: summary.mode ?? 'PROVISIONED',
        readsPerSec: calls / elapsedSec,
        openShards: shardMap.filter((s) => s.open).length,
        readBytesPerSec: stats.bytes / elapsedSec,
        billedBytesPerSec: stats.onDemandBilledBytes / elapsedSec,
        table: DEFAULT_PRICE_TABLE,
      }),
      metrics: this.metricsState(sampled, cwTotal !== undefined, perShard),
      ...(sampled.capture ? { capture: sampled.capture.state } : {}),
    };
  }

  private metricsState(sampled: Sampled, totalsFromCw: boolean, perShard: boolean): LiveMetricsState {
    const m = sampled.metrics;
    const polling = m.status !== 'unavailable';
    const perPoll = m.snapshot?.metricsRequested ?? 0;
    const cost = metricsCost(polling ? perPoll : 0, METRIC_PERIOD_SEC, DEFAULT_PRICE_TABLE);
    const sum = (f: (x: NonNullable<typeof m.snapshot>['stream']) => number | undefined): number | undefined => {
      const snap = m.status === 'cloudwatch' ? m.snapshot : undefined;
      if (!snap) return undefined;
      const own = f(snap.stream);
      if (own !== undefined) return own;
      const per = Object.values(snap.shards).map(f).filter((v): v is number => v !== undefined);
      return per.length ? per.reduce((a, b) => a + b, 0) : undefined;
    };
    const writeThrottled = sum((f) => f.writeThrottled);
    const readThrottled = sum((f) => f.readThrottled);
    const ages = m.status === 'cloudwatch' && m.snapshot ? [m.snapshot.stream.iteratorAgeMs, ...Object.values(m.snapshot.shards).map((f) => f.iteratorAgeMs)].filter((v): v is number => v !== undefined) : [];
    const ends = m.status === 'cloudwatch' && m.snapshot ? [m.snapshot.stream.periodEndMs, ...Object.values(m.snapshot.shards).map((f) => f.periodEndMs)].filter((v): v is number => v !== undefined) : [];
    return {
      source: totalsFromCw ? 'cloudwatch' : 'sampled',
      status: m.status,
      periodSec: METRIC_PERIOD_SEC,
      perShard,
      ...(ends.length ? { periodEndMs: Math.max(...ends) } : {}),
      ...(writeThrottled !== undefined ? { writeThrottled } : {}),
      ...(readThrottled !== undefined ? { readThrottled } : {}),
      ...(ages.length ? { iteratorAgeMs: Math.max(...ages) } : {}),
      ...cost,
    };
  }

  private publish(): void {
    const f = this.frame(Date.now());
    if (f && this.listener) this.listener(f);
  }
}
