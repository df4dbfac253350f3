/**
 * Worker operations for the Analytics page: schema discovery from the source stream, start, stop
 * and delete of applications of the engine world's Analytics part. Every result is a value
 * (ok / message); nothing throws across Comlink for expected failures.
 */
import type { WorkerContext } from './context';
import type { AnalyticsWorld, DiscoveryResult, OpResult } from '../../engine/analytics/world/analytics-world';
import type { AnalyticsAppConfig } from '../../engine/analytics/world/app-config';

export interface AnalyticsApi {
  /** Kinesis data streams of the running scenario (sources and output destinations). */
  analyticsStreams(): Promise<string[]>;
  /** Samples recent records of a stream and infers an input schema (DiscoverInputSchema). */
  analyticsDiscoverSchema(stream: string): Promise<DiscoveryResult>;
  /** Creates or replaces (when not running) an application and starts it. */
  analyticsStart(config: AnalyticsAppConfig): Promise<OpResult>;
  analyticsStop(name: string): Promise<OpResult>;
  analyticsDelete(name: string): Promise<OpResult>;
}

export function analyticsApi(ctx: WorkerContext): AnalyticsApi {
  const world = (): AnalyticsWorld | null => ctx.world()?.world.parts.analytics ?? null;
  const noWorld: OpResult = { ok: false, message: 'no scenario is loaded' };
  const publishing = <T>(result: T): T => {
    ctx.host.publishNow();
    return result;
  };
  return {
    async analyticsStreams() {
      return world()?.streamNames() ?? [];
    },
    async analyticsDiscoverSchema(stream) {
      return world()?.discover(stream) ?? { ok: false, message: 'no scenario is loaded', samples: [] };
    },
    async analyticsStart(config) {
      const w = world();
      return w ? publishing(w.startApp(config)) : noWorld;
    },
    async analyticsStop(name) {
      const w = world();
      return w ? publishing(w.stopApp(name)) : noWorld;
    },
    async analyticsDelete(name) {
      const w = world();
      return w ? publishing(w.remove(name)) : noWorld;
    },
  };
}

export type { AnalyticsAppConfig, DiscoveryResult, OpResult };
export type { AnalyticsSnapshot, AppSnapshot } from '../../engine/analytics/world/snapshot-types';
