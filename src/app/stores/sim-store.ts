/**
 * The latest frame from the worker and the UI state around it. Components select narrow slices.
 */
import { create } from 'zustand';
import type { LoadResult, SnapshotFrame } from '../../worker/protocol';
import type { WorldSnapshot } from '../../worker/runtime';

export interface SimState {
  frame: SnapshotFrame<WorldSnapshot> | null;
  /** Wall time on the main thread when the latest frame arrived. */
  frameReceivedAtMs: number;
  loadError: string | null;
  scenarioName: string | null;
  receiveFrame(frame: SnapshotFrame<WorldSnapshot>): void;
  setLoadResult(result: LoadResult): void;
}

export const useSim = create<SimState>()((set) => ({
  frame: null,
  frameReceivedAtMs: 0,
  loadError: null,
  scenarioName: null,
  receiveFrame: (frame) => set({ frame, frameReceivedAtMs: performance.now() }),
  setLoadResult: (result) => set({ loadError: result.ok ? null : result.error.message, scenarioName: result.ok ? result.value.scenarioName : null }),
}));
