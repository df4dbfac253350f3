/**
 * Worker operations for the Analytics page: schema discovery from the source stream, start, stop
 * and delete of applications of the engine world's Analytics part. Every answer is a WorkerResult
 * whose errors carry the Kinesis Data Analytics API's names; nothing throws across Comlink for
 * expected failures.
 */
import type { WorkerContext } from './context';
import type { AnalyticsWorld, DiscoveryResult, OpResult } from '../../engine/analytics/world/analytics-world';
import type { AnalyticsAppConfig } from '../../engine/analytics/world/app-config';
import type { InputSchema } from '../../engine/analytics/index';
import { DONE, done, failure, NO_SCENARIO, pathOf, type WorkerResult } from './worker-result';

/** What DiscoverInputSchema found: sample records, and the schema when one could be inferred. */
export interface Discovery {
  readonly samples: readonly string[];
  readonly inputSchema?: InputSchema;
}

export interface AnalyticsApi {
  /** Kinesis data streams of the running scenario (sources and output destinations). */
  analyticsStreams(): Promise<string[]>;
  /** Samples recent records of a stream and infers an input schema (DiscoverInputSchema). */
  analyticsDiscoverSchema(stream: string): Promise<WorkerResult<Discovery>>;
  /** Creates or replaces (when not running) an application and starts it; the value is the app's note (warnings), if any. */
  analyticsStart(config: AnalyticsAppConfig): Promise<WorkerResult<string | undefined>>;
  analyticsStop(name: string): Promise<WorkerResult>;
  analyticsDelete(name: string): Promise<WorkerResult>;
}

/** A failed operation, its field path taken from a validation message. */
function opFailure(r: { readonly name: string; readonly message: string }) {
  const path = pathOf(r.message);
  return failure({ name: r.name, message: r.message, ...(path ? { path } : {}) });
}

/** A start's note (warnings) as the value. */
function resultOf(r: OpResult): WorkerResult<string | undefined> {
  return r.ok ? done(r.message) : opFailure(r);
}

function doneOf(r: OpResult): WorkerResult {
  return r.ok ? DONE : opFailure(r);
}

function discoveryOf(r: DiscoveryResult): WorkerResult<Discovery> {
  if (r.ok) return done({ samples: r.samples, ...(r.inputSchema ? { inputSchema: r.inputSchema } : {}) });
  return failure({ name: r.name ?? 'UnableToDetectSchemaException', message: r.message ?? 'no schema could be inferred' });
}

export function analyticsApi(ctx: WorkerContext): AnalyticsApi {
  const world = (): AnalyticsWorld | null => ctx.world()?.world.parts.analytics ?? null;
  const publishing = <T,>(r: WorkerResult<T>): WorkerResult<T> => {
    ctx.host.publishNow();
    return r;
  };
  return {
    async analyticsStreams() {
      return world()?.streamNames() ?? [];
    },
    async analyticsDiscoverSchema(stream) {
      const w = world();
      return w ? discoveryOf(w.discover(stream)) : NO_SCENARIO;
    },
    async analyticsStart(config) {
      const w = world();
      return w ? publishing(resultOf(w.startApp(config))) : NO_SCENARIO;
    },
    async analyticsStop(name) {
      const w = world();
      return w ? publishing(doneOf(w.stopApp(name))) : NO_SCENARIO;
    },
    async analyticsDelete(name) {
      const w = world();
      return w ? publishing(doneOf(w.remove(name))) : NO_SCENARIO;
    },
  };
}

export type { AnalyticsAppConfig };
export type { AnalyticsSnapshot, AppSnapshot } from '../../engine/analytics/world/snapshot-types';
