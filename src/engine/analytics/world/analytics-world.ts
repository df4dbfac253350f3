/**
 * The Analytics part of the world: the applications of the document's `analytics` section, each
 * reading its source stream as a consumer and writing its output, and the operations the console
 * sends (discover a schema, start, stop, delete). Console changes are written back to the scenario.
 */
import { discoverSchema, type InputSchema } from '../../analytics/input-schema';
import type { Simulation } from '../../simulation';
import type { KinesisService } from '../../streams/service';
import { AwsServiceError } from '../../api/result';
import { analyticsReport, type AnalyticsReport } from './analytics-report';
import type { FirehoseService } from '../../firehose/firehose-service';
import { invariant } from '../../api/result';
import type { ScenarioDoc } from '../../scenario/schema';
import type { PartContext, PartInstance, WorldPart } from '../../world/part';
import { APPLICATIONS_MAX, validateAnalyticsSection, validateAppConfig, type AnalyticsAppConfig } from './app-config';
import { LiveAnalyticsApp } from './live-app';
import type { DeliveryPut } from './output-sink';
import type { AnalyticsSnapshot } from './snapshot-types';
import { sampleRecords } from './source-reader';

/**
 * Failures carry the Kinesis Data Analytics API's error name: InvalidArgumentException, ResourceInUseException,
 * LimitExceededException, ResourceNotFoundException, CodeValidationException, UnableToDetectSchemaException
 * (docs.aws.amazon.com/kinesisanalytics/latest/dev/API_CreateApplication.html, API_DiscoverInputSchema.html).
 */
export type OpResult = { readonly ok: true; readonly message?: string } | { readonly ok: false; readonly name: string; readonly message: string };

export interface DiscoveryResult {
  readonly ok: boolean;
  /** The error name when not ok. */
  readonly name?: string;
  readonly message?: string;
  readonly samples: readonly string[];
  readonly inputSchema?: InputSchema;
}

/** PutRecordBatch into the Firehose service attached to the simulation (when the world has one). */
export function firehoseDeliveryPut(sim: Simulation): DeliveryPut | null {
  const firehose = sim.part<FirehoseService>('firehose');
  if (!firehose || typeof firehose.putRecordBatch !== 'function') return null;
  return (name, records) => {
    try {
      const out = firehose.putRecordBatch(name, records) as { RequestResponses: { ErrorCode?: string }[] };
      return { accepted: out.RequestResponses.map((r) => !r.ErrorCode) };
    } catch (e) {
      if (e instanceof AwsServiceError && e.name === 'ServiceUnavailableException') return 'throttled';
      return { problem: e instanceof AwsServiceError ? `${e.name}: ${e.message}` : e instanceof Error ? e.message : String(e) };
    }
  };
}

export class AnalyticsWorld implements PartInstance<AnalyticsReport, AnalyticsSnapshot> {
  private readonly apps = new Map<string, LiveAnalyticsApp>();
  private readonly sim: Simulation;
  private readonly deliveryPut: () => DeliveryPut | null;

  constructor(private readonly ctx: PartContext, private readonly service: KinesisService) {
    this.sim = ctx.sim;
    // The Firehose service is looked up when an app starts, so the order of parts does not matter here.
    this.deliveryPut = () => firehoseDeliveryPut(ctx.sim);
    for (const config of ctx.doc.analytics ?? []) this.adopt(config);
  }

  /** Apps of the document start with the first tick, once producers have had a moment (schema discovery needs samples). */
  start(): void {
    const autoStart = (this.ctx.doc.analytics ?? []).filter((a) => a.autoStart !== false);
    if (autoStart.length === 0) return;
    this.sim.scheduler.after(autoStart.some((a) => !a.input.inputSchema) ? 2000 : 0, () => {
      for (const a of autoStart) this.app(a.name)?.start();
    });
  }

  stop(): void {
    for (const a of this.apps.values()) a.stop();
  }

  report(): AnalyticsReport {
    return analyticsReport(this.snapshot());
  }

  /** Writes the applications back into the document, with discovered schemas, running ones set to start. */
  private persist(): void {
    this.ctx.writeSection('analytics', this.list().map((a) => ({
      ...a.config,
      input: { ...a.config.input, ...(a.inputSchema ? { inputSchema: a.inputSchema } : {}) },
      autoStart: a.status === 'RUNNING',
    })));
  }

  list(): readonly LiveAnalyticsApp[] {
    return [...this.apps.values()];
  }

  app(name: string): LiveAnalyticsApp | undefined {
    return this.apps.get(name);
  }

  /** Delivery streams that can receive output (empty without the Firehose extension). */
  deliveryStreamNames(): string[] {
    return this.sim.part<FirehoseService>('firehose')?.streamNames?.() ?? [];
  }

  /** Names of the scenario's Kinesis data streams (sources and output destinations). */
  streamNames(): string[] {
    return this.service.allStreams().filter((s) => !s.deleted).map((s) => s.name);
  }

  discover(streamName: string, max = 100): DiscoveryResult {
    const stream = this.service.stream(streamName);
    if (!stream || stream.deleted) return { ok: false, name: 'ResourceNotFoundException', message: `stream ${streamName} does not exist`, samples: [] };
    const samples = sampleRecords(stream, max, this.sim.nowMs);
    if (samples.length === 0) return { ok: false, name: 'UnableToDetectSchemaException', message: `${streamName} holds no records with payloads yet: play the scenario for a few seconds`, samples };
    return { ok: true, samples: samples.slice(0, 10), inputSchema: discoverSchema(samples) };
  }

  /** Creates (or replaces a stopped one) and starts an application. */
  startApp(config: AnalyticsAppConfig): OpResult {
    const problem = validateAppConfig(config, 'application');
    if (problem) return { ok: false, name: 'InvalidArgumentException', message: problem };
    const existing = this.apps.get(config.name);
    if (existing?.status === 'RUNNING') return { ok: false, name: 'ResourceInUseException', message: `application ${config.name} is running: stop it before changing it` };
    if (!existing && this.apps.size >= APPLICATIONS_MAX) return { ok: false, name: 'LimitExceededException', message: `at most ${APPLICATIONS_MAX} applications per region` };
    // A reference data source is configured apart from the code (AddApplicationReferenceDataSource), so
    // restarting an application with new code keeps it: https://docs.aws.amazon.com/kinesisanalytics/latest/dev/app-add-reference-data.html
    const reference = config.reference ?? existing?.config.reference;
    const result = this.adopt(reference ? { ...config, reference } : config).start();
    this.persist();
    return result;
  }

  /** Registers an application without starting it. */
  adopt(config: AnalyticsAppConfig): LiveAnalyticsApp {
    const app = new LiveAnalyticsApp(config, this.sim, this.service, this.deliveryPut);
    this.apps.set(config.name, app);
    return app;
  }

  stopApp(name: string): OpResult {
    const app = this.apps.get(name);
    if (!app) return { ok: false, name: 'ResourceNotFoundException', message: `no application named ${name}` };
    app.stop();
    this.persist();
    return { ok: true };
  }

  remove(name: string): OpResult {
    const app = this.apps.get(name);
    if (!app) return { ok: false, name: 'ResourceNotFoundException', message: `no application named ${name}` };
    app.stop();
    this.apps.delete(name);
    this.persist();
    return { ok: true };
  }

  snapshot(): AnalyticsSnapshot {
    return { kind: 'analytics', apps: this.list().map((a) => a.snapshot()), deliveryStreams: this.deliveryStreamNames() };
  }
}

/** Field-path problems of the `analytics` section, including streams it names that the scenario lacks. */
export function validateAnalyticsDoc(doc: ScenarioDoc): string[] {
  const section = validateAnalyticsSection(doc.analytics);
  if (!section.ok) return [section.message];
  const streams = new Set(doc.streams.map((s) => s.name));
  const deliveryStreams = new Set((doc.firehose ?? []).map((f) => f.DeliveryStreamName));
  const errors: string[] = [];
  section.apps.forEach((config, i) => {
    if (!streams.has(config.input.stream)) errors.push(`analytics[${i}].input.stream: no stream named ${config.input.stream} in this scenario's streams`);
    const out = config.output;
    if (out?.kind === 'stream' && !streams.has(out.name ?? '')) errors.push(`analytics[${i}].output.name: no stream named ${out.name} in this scenario's streams`);
    if (out?.kind === 'firehose' && !deliveryStreams.has(out.name ?? '')) errors.push(`analytics[${i}].output.name: no delivery stream named ${out.name} in this scenario's firehose section`);
  });
  return errors;
}

export const analyticsPart: WorldPart<'analytics', AnalyticsWorld> = {
  key: 'analytics',
  validate: validateAnalyticsDoc,
  build(ctx) {
    const kinesis = ctx.sim.part<KinesisService>('kinesis-data-streams');
    invariant(kinesis !== undefined, 'the Data Streams part is built before Analytics');
    return new AnalyticsWorld(ctx, kinesis);
  },
};
