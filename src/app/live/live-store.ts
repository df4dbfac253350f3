/**
 * Live mode's UI state: which endpoint the console is connected to, its streams, the last error,
 * the latest frame from the live worker and the captured workload. Kept apart from the scenario
 * store on purpose: nothing here is autosaved or shared. Credentials are not kept in this store at
 * all — only the worker holds them (and localStorage, when the user asks to be remembered).
 */
import { create } from 'zustand';
import type { LiveError, LiveFrame, LiveShard, ResolvedEndpoint, StreamSummary } from '../../worker/live/live-types';
import type { Workload } from '../../engine/capacity/workload';

export type LiveStatus = 'disconnected' | 'connecting' | 'connected';

export interface CapturedWorkload {
  readonly stream: string;
  readonly endpoint: string;
  readonly seconds: number;
  readonly workload: Workload;
  /** The workload as written (what `npm run plan` reads, and "Export workload JSON" saves). */
  readonly json: Record<string, unknown>;
  /** Records per second over the window, oldest first (replayed by "Simulate in the sandbox"). */
  readonly perSecond: readonly number[];
  readonly mode: 'PROVISIONED' | 'ON_DEMAND';
  readonly openShards: number;
  readonly retentionHours?: number;
}

export interface LiveState {
  status: LiveStatus;
  endpoint?: ResolvedEndpoint;
  streams: readonly string[];
  error?: LiveError;
  detail?: { readonly stream: string; readonly summary: StreamSummary; readonly shardMap: readonly LiveShard[] };
  frame?: LiveFrame;
  captured?: CapturedWorkload;
  set(patch: Partial<Omit<LiveState, 'set'>>): void;
}

export const useLive = create<LiveState>((set) => ({
  status: 'disconnected',
  streams: [],
  set: (patch) => set(patch),
}));
