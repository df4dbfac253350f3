/// <reference lib="webworker" />
/**
 * The simulation worker: a thin Comlink facade over SimulatorHost, composed of one API module
 * per console area (src/worker/api). Nothing here simulates.
 */
import * as Comlink from 'comlink';
import { SimulatorHost } from './simulator-host';
import { createRuntime, type LiveWorld, type WorldSnapshot } from './runtime';
import type { WorkerContext } from './api/context';
import { clockApi, type ClockApi } from './api/clock-api';
import { streamsApi, type StreamsApi } from './api/streams-api';
import { firehoseApi, type FirehoseApi } from './api/firehose-api';
import { analyticsApi, type AnalyticsApi } from './api/analytics-api';
import { plannerApi, type PlannerApi } from './api/planner-api';
import { agentsApi, type AgentsApi } from './api/agents-api';

// setTimeout(0) is clamped to 4 ms after a few nestings; a MessageChannel hop is not.
const channel = new MessageChannel();
const immediate: Array<() => void> = [];
channel.port1.onmessage = () => immediate.shift()?.();

const host = new SimulatorHost<WorldSnapshot>(createRuntime, {
  wallNowMs: () => performance.now(),
  later: (fn, ms) => {
    if (ms <= 0) {
      immediate.push(fn);
      channel.port2.postMessage(0);
    } else {
      setTimeout(fn, ms);
    }
  },
});

const ctx: WorkerContext = { host, world: () => host.current() as LiveWorld | null };

export type SimulatorApi = ClockApi & StreamsApi & FirehoseApi & AnalyticsApi & PlannerApi & AgentsApi;

const api: SimulatorApi = {
  ...clockApi(ctx),
  ...streamsApi(ctx),
  ...firehoseApi(ctx),
  ...analyticsApi(ctx),
  ...plannerApi(ctx),
  ...agentsApi(ctx),
};

Comlink.expose(api);
