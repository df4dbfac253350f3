/**
 * `loadScenario(sim, doc)`: builds a validated scenario on a Simulation — streams on the Kinesis
 * service (created ACTIVE: a scenario's streams exist before the run), producers (record or
 * aggregate mode), consumers, and the per-second metrics sampling — and attaches the result as
 * the simulation part `scenario`, where `buildSnapshot(sim)` and the run report find it.
 */
import { EfoConsumer } from '../consumers/efo-consumer';
import { KCL_DEFAULTS, KclApp } from '../consumers/kcl-app';
import { LambdaEsm } from '../consumers/lambda-esm';
import { DEFAULT_PROCESSING } from '../consumers/processing-model';
import { CallStatsRegistry } from '../metrics/call-stats';
import { MetricStore } from '../metrics/metric-store';
import type { MetricSeries } from '../metrics/metric-store';
import { StreamSampler } from '../metrics/stream-sampler';
import { AggregateProducer } from '../producers/aggregate-producer';
import { Producer } from '../producers/producer';
import { withProducerDefaults } from '../producers/producer-config';
import type { ProducerCounts } from '../producers/producer-figures';
import { peakRate } from '../producers/rate-profile';
import { RECORD_DATA_MAX_BYTES, type SizeDistribution } from '../producers/size-distribution';
import type { Simulation, SimulationPart } from '../simulation';
import { KinesisService, type KinesisServiceOptions } from '../streams/service';
import type { Cancellable } from '../time/scheduler';
import type { ScenarioConsumer, ScenarioDoc, ScenarioProducer } from './schema';
import { AGGREGATE_THRESHOLD_DEFAULT } from './schema';
import { StreamSinkAdapter, StreamSourceAdapter } from './stream-adapters';
import { validateScenario } from './validate';

export type AnyProducer = Producer | AggregateProducer;
export type AnyConsumer = KclApp | EfoConsumer | LambdaEsm;

export const SCENARIO_PART_ID = 'scenario';
const SHARD_LEVEL_METRICS_MAX_SHARDS = 256;

export class ScenarioRuntime implements SimulationPart {
  readonly id = SCENARIO_PART_ID;
  readonly producers: AnyProducer[] = [];
  readonly consumers: AnyConsumer[] = [];
  readonly samplers = new Map<string, StreamSampler>();
  readonly calls = new CallStatsRegistry();
  readonly metrics: MetricStore;
  private sampler: Cancellable | undefined;
  private readonly actorSeries = new Map<string, MetricSeries>();
  private readonly prevProducer = new Map<string, ProducerCounts>();
  private readonly prevConsumer = new Map<string, number>();

  constructor(
    readonly sim: Simulation,
    readonly doc: ScenarioDoc,
    readonly service: KinesisService,
    readonly mode: 'record' | 'aggregate',
    readonly modeReason: string,
  ) {
    this.metrics = new MetricStore(sim.startMs);
  }

  /** Starts metric sampling first (so each second is sampled before that second's new work), then the actors. */
  start(): void {
    const first = Math.floor(this.sim.nowMs / 1000) * 1000 + 1000;
    this.sampler = this.sim.scheduler.every(1000, (now) => this.sampleSecond(now), first);
    for (const p of this.producers) p.start();
    for (const c of this.consumers) c.start();
  }

  stop(): void {
    this.sampler?.cancel();
    for (const p of this.producers) p.stop();
    for (const c of this.consumers) c.stop();
  }

  private actor(scope: 'producer' | 'consumer', owner: string, name: string, stat: 'Sum' | 'Maximum' | 'Average', nowMs: number): MetricSeries {
    const key = `${scope}:${owner}:${name}`;
    let s = this.actorSeries.get(key);
    if (!s) this.actorSeries.set(key, (s = this.metrics.series(scope, owner, name, stat, nowMs)));
    return s;
  }

  private sampleSecond(nowMs: number): void {
    for (const s of this.samplers.values()) s.sample(nowMs);
    const second = this.metrics.secondOf(nowMs) - 1;
    if (second < 0) return;
    const at = nowMs - 1000;
    for (const p of this.producers) {
      const t = p.totals();
      const prev = this.prevProducer.get(p.name) ?? { attempted: 0, accepted: 0, throttled: 0, retried: 0, dropped: 0, userRecords: 0, acceptedBytes: 0, calls: 0, latencyMsSum: 0 };
      this.actor('producer', p.name, 'Attempted', 'Sum', at).put(second, t.attempted - prev.attempted);
      this.actor('producer', p.name, 'Accepted', 'Sum', at).put(second, t.accepted - prev.accepted);
      this.actor('producer', p.name, 'Throttled', 'Sum', at).put(second, t.throttled - prev.throttled);
      this.actor('producer', p.name, 'Retried', 'Sum', at).put(second, t.retried - prev.retried);
      this.actor('producer', p.name, 'Dropped', 'Sum', at).put(second, t.dropped - prev.dropped);
      const calls = t.calls - prev.calls;
      this.actor('producer', p.name, 'PutLatency', 'Average', at).put(second, calls > 0 ? (t.latencyMsSum - prev.latencyMsSum) / calls : 0);
      this.prevProducer.set(p.name, t);
    }
    for (const c of this.consumers) {
      const f = c.figures();
      const prev = this.prevConsumer.get(c.name) ?? 0;
      this.actor('consumer', c.name, 'IteratorAgeMilliseconds', 'Maximum', at).put(second, f.iteratorAgeMs);
      this.actor('consumer', c.name, 'RecordsProcessed', 'Sum', at).put(second, f.recordsProcessed - prev);
      this.actor('consumer', c.name, 'LagRecords', 'Maximum', at).put(second, f.lagRecords);
      this.prevConsumer.set(c.name, f.recordsProcessed);
    }
  }
}

export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(readonly errors: readonly string[]) {
    super(`the scenario is not valid:\n  ${errors.join('\n  ')}`);
  }
}

export interface LoadOptions {
  /** Start the actors right away (default true). */
  readonly start?: boolean;
  /** Force a mode regardless of the document's settings. */
  readonly mode?: 'record' | 'aggregate';
  /**
   * Options of the Kinesis service when this load creates it. A scenario's own actions are not held to
   * the control-plane rates by default (a scenario may create many streams at t=0); the API server
   * passes its region, account, quotas and transition delays.
   */
  readonly service?: KinesisServiceOptions;
}

/** Validates `input`, builds everything on `sim`, starts it and returns the runtime; throws ScenarioError when the document is bad. */
export function loadScenario(sim: Simulation, input: unknown, options: LoadOptions = {}): ScenarioRuntime {
  const result = validateScenario(input);
  if (!result.ok) throw new ScenarioError(result.errors);
  const doc = result.doc;
  const settings = doc.settings ?? {};
  const service = sim.part<KinesisService>('kinesis-data-streams') ?? new KinesisService(sim, { memoryBudgetBytes: settings.memoryBudgetMiB ? settings.memoryBudgetMiB * 1_048_576 : undefined, enforceControlPlaneRates: false, ...options.service });
  const totalPeak = doc.producers.reduce((s, p) => s + peakRate(p.rate), 0);
  const threshold = settings.aggregateThresholdRecordsPerSec ?? AGGREGATE_THRESHOLD_DEFAULT;
  const wanted = options.mode ?? settings.mode ?? 'auto';
  const mode = wanted === 'auto' ? (totalPeak > threshold ? 'aggregate' : 'record') : wanted;
  const modeReason = wanted === 'auto'
    ? `${mode} mode: producers peak at ${Math.round(totalPeak).toLocaleString('en-US')} records/s in total, ${mode === 'aggregate' ? 'above' : 'within'} the ${threshold.toLocaleString('en-US')} records/s threshold`
    : `${mode} mode, as the scenario asks`;
  const runtime = new ScenarioRuntime(sim, doc, service, mode, modeReason);
  const totalShards = doc.streams.reduce((s, st) => s + (st.mode === 'ON_DEMAND' ? 4 : (st.shards ?? 1)), 0);
  const shardLevel = settings.shardLevelMetrics ?? totalShards <= SHARD_LEVEL_METRICS_MAX_SHARDS;
  for (const s of doc.streams) {
    const stream = service.createStream(s.name, s.mode ?? 'PROVISIONED', s.shards, undefined, { maxRecordSizeKiB: s.maxRecordSizeKiB, distribution: s.recordDistribution });
    stream.status = 'ACTIVE';
    if (s.retentionHours) stream.retentionHours = s.retentionHours;
    runtime.samplers.set(s.name, new StreamSampler(stream, runtime.metrics, runtime.calls.for(s.name), shardLevel));
  }
  for (const p of doc.producers) runtime.producers.push(buildProducer(runtime, p));
  for (const c of doc.consumers ?? []) runtime.consumers.push(buildConsumer(runtime, c));
  sim.detach(SCENARIO_PART_ID);
  sim.attach(runtime);
  if (options.start ?? true) runtime.start();
  return runtime;
}

/** Builds one producer of a scenario on its stream, as the loader does (also for live edits). */
export function buildProducer(runtime: ScenarioRuntime, p: ScenarioProducer): AnyProducer {
  const sim = runtime.sim;
  const stream = runtime.service.stream(p.stream)!;
  const config = withProducerDefaults({ ...p, size: capSizeAtStreamMax(p.size, stream.recordBytesMax), streamName: p.stream });
  const sink = new StreamSinkAdapter(stream, () => sim.nowMs);
  // Anything that needs payloads (templates, KPL aggregation) stays in record mode.
  const needsRecords = p.template !== undefined || p.aggregation?.enabled === true;
  const calls = runtime.calls.for(p.stream);
  return runtime.mode === 'aggregate' && !needsRecords ? new AggregateProducer(sim, config, sink, calls) : new Producer(sim, config, sink, calls);
}

/**
 * Normal and log-normal sizes are clamped at 1 MiB unless the document says otherwise; on a stream that takes
 * larger records (MaxRecordSizeInKiB above 1,024) their tail may reach the stream's maximum instead.
 */
function capSizeAtStreamMax(size: SizeDistribution | undefined, recordBytesMax: number): SizeDistribution | undefined {
  if (!size || (size.kind !== 'normal' && size.kind !== 'logNormal') || size.maxBytes !== undefined || recordBytesMax <= RECORD_DATA_MAX_BYTES) return size;
  return { ...size, maxBytes: recordBytesMax };
}

/** Builds one consumer of a scenario on its stream, as the loader does (also for live edits). */
export function buildConsumer(runtime: ScenarioRuntime, c: ScenarioConsumer): AnyConsumer {
  const sim = runtime.sim;
  const mode = runtime.mode;
  const source = new StreamSourceAdapter(runtime.service.stream(c.stream)!);
  const calls = runtime.calls.for(c.stream);
  const base = { name: c.name, streamName: c.stream, initialPosition: c.initialPosition ?? 'LATEST' };
  switch (c.type) {
    case 'kcl':
      return new KclApp(sim, {
        ...base,
        workers: c.workers ?? KCL_DEFAULTS.workers,
        pollIntervalMs: c.pollIntervalMs ?? KCL_DEFAULTS.pollIntervalMs,
        maxRecords: c.maxRecords ?? KCL_DEFAULTS.maxRecords,
        checkpointEveryRecords: c.checkpointEveryRecords,
        checkpointEveryMs: c.checkpointEveryMs ?? (c.checkpointEveryRecords === undefined ? KCL_DEFAULTS.checkpointEveryMs : undefined),
        processing: c.processing ?? DEFAULT_PROCESSING,
        failoverTimeMs: c.failoverTimeMs ?? KCL_DEFAULTS.failoverTimeMs,
        crashes: c.crashes ?? [],
      }, source, calls);
    case 'efo':
      return new EfoConsumer(sim, { ...base, processing: c.processing ?? DEFAULT_PROCESSING, tickMs: 50 }, source, calls);
    case 'lambda':
      return new LambdaEsm(sim, {
        ...base,
        batchSize: c.batchSize ?? 100,
        batchingWindowSec: c.batchingWindowSec ?? 0,
        parallelizationFactor: c.parallelizationFactor ?? 1,
        duration: c.duration ?? { perBatchMs: 50, perRecordMs: 0.5, sigma: 0.2 },
        errorRate: c.errorRate ?? 0,
        maxRetries: c.maxRetries ?? -1,
        maxRecordAgeSec: c.maxRecordAgeSec ?? -1,
        bisectOnError: c.bisectOnError ?? false,
        onFailureDestination: c.onFailureDestination ?? false,
        pollIntervalMs: 1000,
        keyOrderedLanes: mode === 'record',
      }, source, calls);
  }
}
