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

/**
 * An expected failure, as data. Where the call is an AWS operation (a Kinesis, Firehose, Analytics or
 * Video Streams request) `name` is the AWS error name and `message` the service's; for the console's own
 * calls (scenario documents, edits) `name` is `ValidationException` with the field `path`, or
 * `ResourceNotFoundException` for something that is not there.
 */
export interface WorkerError {
  readonly name: string;
  readonly message: string;
  /** The field the failure is about, e.g. `producers[2].rate.recordsPerSec`, where there is one. */
  readonly path?: string;
  /** Every problem, each starting with its field path, when a document has several. */
  readonly problems?: readonly string[];
  /** The HTTP status and retryability the real service answers with (AWS operations only). */
  readonly httpStatus?: number;
  readonly retryable?: boolean;
}

/** The one answer type of the worker API: the value, or the error as data. */
export type WorkerResult<T = void> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: WorkerError };

/** The error as one line, "InvalidArgumentException: message", or null for success. */
export function errorLine(r: WorkerResult<unknown>): string | null {
  return r.ok ? null : `${r.error.name}: ${r.error.message}`;
}

/** A loaded scenario's name. */
export type LoadResult = WorkerResult<{ readonly scenarioName: string }>;

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
