/**
 * The console pages' live data: the Data Streams slice of the worker's one frame (what the visible
 * page watches; sim-client writes it here with each frame) and the watch request itself. Pages
 * declare what they need with `useWatch`; the store sends it to the worker, which then builds only
 * that into each frame.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { ConsoleFrame, ConsoleFrameWire, ShardIdentity, WatchRequest } from '../../worker/api/streams-api';
import { joinShardIdentity } from '../../worker/api/streams/console-types';
import { simulator } from '../sim-client';

export interface ConsoleState {
  frame: ConsoleFrame | null;
  watch: WatchRequest;
  /** Wall-clock latency of the latest frame (worker build → main-thread receipt), ms. */
  latencyMs: number;
  /** The watched stream's shard identity as last sent (it comes only when it changes; see ShardIdentity). */
  identity: ShardIdentity | undefined;
  receive(frame: ConsoleFrameWire): void;
  setWatch(patch: Partial<WatchRequest>): void;
}

declare global {
  interface Window {
    /** Set by the performance script: frame latencies are appended here when present. */
    __consoleLatencies?: number[];
    /** Set by the performance script: build → on-screen latencies (see useFramePaintProbe). */
    __consolePaintLatencies?: number[];
  }
}

export const useConsole = create<ConsoleState>()((set, get) => ({
  frame: null,
  watch: { stream: null },
  latencyMs: 0,
  identity: undefined,
  receive: (wire) => {
    const latencyMs = performance.timeOrigin + performance.now() - wire.builtAtEpochMs;
    window.__consoleLatencies?.push(latencyMs);
    const identity = wire.detail?.identity ?? get().identity;
    // Same arrays frame after frame while the shard set stands, so views keyed on them do not redo work.
    const frame: ConsoleFrame = { ...wire, detail: wire.detail ? joinShardIdentity(wire.detail, identity) : null };
    set({ frame, latencyMs, identity });
  },
  setWatch: (patch) => {
    const watch = { ...get().watch, ...patch };
    set({ watch });
    void simulator().watch(watch);
  },
}));

/** Declares what the page needs for as long as it is mounted. */
export function useWatch(req: WatchRequest): void {
  const key = JSON.stringify(req);
  useEffect(() => {
    useConsole.getState().setWatch(JSON.parse(key) as WatchRequest);
    return () => useConsole.getState().setWatch({ stream: null, consumers: false, heatmap: false, shardId: null, shardOffset: 0, firehose: false, analytics: false, agents: false, video: false, queues: false });
  }, [key]);
}

/**
 * For the performance script: once a page has committed the latest frame, records how long ago the
 * worker built it. Passive effects run after the browser has painted the commit, so this is the
 * snapshot-to-screen latency. Costs nothing unless the script has set `__consolePaintLatencies`.
 */
export function useFramePaintProbe(): void {
  const builtAtEpochMs = useConsole((s) => s.frame?.builtAtEpochMs ?? 0);
  useEffect(() => {
    if (builtAtEpochMs > 0) window.__consolePaintLatencies?.push(performance.timeOrigin + performance.now() - builtAtEpochMs);
  }, [builtAtEpochMs]);
}
