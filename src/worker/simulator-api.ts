/**
 * The simulation worker's API: one module per console area composed over one SimulatorHost. Built
 * here rather than in sim.worker.ts so tests (the cross-runner test) drive exactly what the worker
 * exposes, with injected timers instead of the worker's.
 */
import { SimulatorHost, type HostTimers } from './simulator-host';
import { createRuntime, type LiveWorld, type WorldSnapshot } from './runtime';
import type { WorkerContext } from './api/context';
import { clockApi, type ClockApi } from './api/clock-api';
import { streamsApi, type StreamsApi } from './api/streams-api';
import { firehoseApi, type FirehoseApi } from './api/firehose-api';
import { analyticsApi, type AnalyticsApi } from './api/analytics-api';
import { plannerApi, type PlannerApi } from './api/planner-api';
import { videoApi, type VideoApi } from './api/video-api';
import { sdkApi, type SdkApi } from './api/sdk-api';
import { lessonsApi, type LessonsApi } from './api/lessons-api';
import { agentsApi, type AgentsApi } from './api/agents-api';

export type SimulatorApi = ClockApi & StreamsApi & FirehoseApi & AnalyticsApi & PlannerApi & VideoApi & SdkApi & LessonsApi & AgentsApi;

export function createSimulatorApi(timers: HostTimers): SimulatorApi {
  const host = new SimulatorHost<WorldSnapshot>(createRuntime, timers);
  const ctx: WorkerContext = { host, world: () => host.current() as LiveWorld | null };
  return {
    ...clockApi(ctx),
    ...streamsApi(ctx),
    ...firehoseApi(ctx),
    ...analyticsApi(ctx),
    ...plannerApi(ctx),
    ...videoApi(ctx),
    ...sdkApi(ctx),
    ...lessonsApi(ctx),
    ...agentsApi(ctx),
  };
}
