/**
 * The typed contract between the UI and the simulation worker. Messages are plain data keyed
 * by `kind`; expected failures come back as values, so a throw across Comlink always means a bug.
 */

export type Speed = 1 | 10 | 100 | 1000 | 'max';
export const SPEEDS: readonly Speed[] = [1, 10, 100, 1000, 'max'];

export type ClockCommand =
  | { readonly kind: 'play' }
  | { readonly kind: 'pause' }
  | { readonly kind: 'speed'; readonly speed: Speed }
  /** Advance virtual time by `ms` while paused (default one second). */
  | { readonly kind: 'step'; readonly ms?: number }
  /** Rebuild the loaded scenario from its seed, back at its start time, paused. */
  | { readonly kind: 'reset' };

export interface ClockState {
  readonly nowMs: number;
  readonly startMs: number;
  readonly running: boolean;
  readonly speed: Speed;
  /** Virtual milliseconds simulated per wall millisecond over the last publish interval. */
  readonly achievedSpeed: number;
}

export interface LoadResult {
  readonly ok: boolean;
  readonly message?: string;
  readonly scenarioName?: string;
}

/** One published snapshot: everything the UI draws, at a bounded rate. */
export interface SnapshotFrame<World = unknown> {
  readonly kind: 'frame';
  readonly seq: number;
  /** Wall time (performance.now of the worker's time origin) when the frame was built, for latency checks. */
  readonly builtAtWallMs: number;
  readonly clock: ClockState;
  readonly scenario: { readonly name: string; readonly seed: string } | null;
  readonly engine: { readonly eventsRun: number; readonly eventsPerWallSec: number };
  readonly world: World | null;
}

export type FrameListener<World = unknown> = (frame: SnapshotFrame<World>) => void;
