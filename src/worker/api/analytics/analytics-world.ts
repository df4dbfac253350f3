/**
 * The Analytics part of the live world: the `analytics` world extension (applications from the
 * scenario document, the frame slice) and the operations the console sends (discover a schema,
 * start, stop, delete). Registered at module load of analytics-api.ts.
 */
import { markDocEdited } from '../../doc-revision';
import { discoverSchema, type InputSchema } from '../../../engine/analytics/input-schema';
import type { ScenarioRuntime } from '../../../engine/scenario/load';
import type { Simulation } from '../../../engine/simulation';
import type { KinesisService } from '../../../engine/streams/service';
import { AwsServiceError } from '../../../engine/api/result';
import type { FirehoseService } from '../../../engine/firehose/firehose-service';
import type { WorldExtension, WorldExtensionInstance } from '../../world-extensions';
import { APPLICATIONS_MAX, validateAnalyticsSection, validateAppConfig, type AnalyticsAppConfig } from './app-config';
import { LiveAnalyticsApp } from './live-app';
import type { DeliveryPut } from './output-sink';
import type { AnalyticsSnapshot } from './snapshot-types';
import { sampleRecords } from './source-reader';

export const ANALYTICS_EXTENSION_ID = 'analytics';

export type OpResult = { readonly ok: true; readonly message?: string } | { readonly ok: false; readonly message: string };

export interface DiscoveryResult {
  readonly ok: boolean;
  readonly message?: string;
  readonly samples: readonly string[];
  readonly inputSchema?: InputSchema;
}

/** PutRecordBatch into the Firehose service attached to the simulation (when the Firehose extension is loaded). */
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

export class AnalyticsWorld implements WorldExtensionInstance {
  private readonly apps = new Map<string, LiveAnalyticsApp>();

  constructor(
    private readonly sim: Simulation,
    private readonly service: KinesisService,
    private readonly deliveryPut: () => DeliveryPut | null,
    /** The scenario document: console changes are written back to its `analytics` section (export, reset). */
    private readonly doc: Record<string, unknown> = {},
  ) {}

  /** Writes the applications back into the document, with discovered schemas, running ones set to start. */
  private persist(): void {
    this.doc.analytics = this.list().map((a) => ({
      ...a.config,
      input: { ...a.config.input, ...(a.inputSchema ? { inputSchema: a.inputSchema } : {}) },
      autoStart: a.status === 'RUNNING',
    }));
    markDocEdited(this.doc);
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
    if (!stream || stream.deleted) return { ok: false, message: `stream ${streamName} does not exist`, samples: [] };
    const samples = sampleRecords(stream, max, this.sim.nowMs);
    if (samples.length === 0) return { ok: false, message: `${streamName} holds no records with payloads yet: play the scenario for a few seconds`, samples };
    return { ok: true, samples: samples.slice(0, 10), inputSchema: discoverSchema(samples) };
  }

  /** Creates (or replaces a stopped one) and starts an application. */
  start(config: AnalyticsAppConfig): OpResult {
    const problem = validateAppConfig(config, 'application');
    if (problem) return { ok: false, message: problem };
    const existing = this.apps.get(config.name);
    if (existing?.status === 'RUNNING') return { ok: false, message: `application ${config.name} is running: stop it before changing it` };
    if (!existing && this.apps.size >= APPLICATIONS_MAX) return { ok: false, message: `at most ${APPLICATIONS_MAX} applications per region` };
    const result = this.adopt(config).start();
    this.persist();
    return result;
  }

  /** Registers an application without starting it. */
  adopt(config: AnalyticsAppConfig): LiveAnalyticsApp {
    const app = new LiveAnalyticsApp(config, this.sim, this.service, this.deliveryPut);
    this.apps.set(config.name, app);
    return app;
  }

  stop(name: string): OpResult {
    const app = this.apps.get(name);
    if (!app) return { ok: false, message: `no application named ${name}` };
    app.stop();
    this.persist();
    return { ok: true };
  }

  remove(name: string): OpResult {
    const app = this.apps.get(name);
    if (!app) return { ok: false, message: `no application named ${name}` };
    app.stop();
    this.apps.delete(name);
    this.persist();
    return { ok: true };
  }

  snapshot(): AnalyticsSnapshot {
    return { kind: 'analytics', apps: this.list().map((a) => a.snapshot()), deliveryStreams: this.deliveryStreamNames() };
  }
}

export const analyticsExtension: WorldExtension = {
  id: ANALYTICS_EXTENSION_ID,
  create(sim: Simulation, scenario: ScenarioRuntime, doc: Record<string, unknown>): AnalyticsWorld {
    const section = validateAnalyticsSection(doc.analytics);
    if (!section.ok) throw new Error(section.message);
    // The Firehose service may be attached after this extension: look it up when an app starts.
    const world = new AnalyticsWorld(sim, scenario.service, () => firehoseDeliveryPut(sim), doc);
    section.apps.forEach((config, i) => {
      if (!scenario.service.stream(config.input.stream)) throw new Error(`analytics[${i}].input.stream: no stream named ${config.input.stream} in this scenario's streams`);
      if (config.output?.kind === 'stream' && !scenario.service.stream(config.output.name ?? '')) {
        throw new Error(`analytics[${i}].output.name: no stream named ${config.output.name} in this scenario's streams`);
      }
      world.adopt(config);
    });
    // Apps of the document start with the first tick, once producers have had a moment (schema discovery needs samples).
    const autoStart = section.apps.filter((a) => a.autoStart !== false);
    if (autoStart.length) {
      sim.scheduler.after(autoStart.some((a) => !a.input.inputSchema) ? 2000 : 0, () => {
        for (const a of autoStart) world.app(a.name)?.start();
      });
    }
    return world;
  },
};
