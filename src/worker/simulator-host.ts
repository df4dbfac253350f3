/**
 * Runs one scenario's Simulation against wall time and publishes snapshots at a bounded rate.
 * Wall time and timers are injected, so this pacing logic is tested in Node without a worker;
 * this is the only place that relates virtual time to real time.
 */
import type { Simulation } from '../engine/simulation';
import type { ClockCommand, ClockState, FrameListener, LoadResult, SnapshotFrame, Speed } from './protocol';

export interface ScenarioRuntime<World = unknown> {
  readonly name: string;
  readonly seed: string;
  readonly sim: Simulation;
  /** The document as edited since loading; Reset rebuilds from it. */
  readonly doc?: unknown;
  /** A JSON-able (typed arrays allowed) picture of the world for the UI. */
  snapshot(): World;
  /** Buffers inside the snapshot to transfer rather than copy. */
  transferables?(world: World): Transferable[];
}

export type RuntimeFactory<World> = (doc: unknown) => { ok: true; runtime: ScenarioRuntime<World> } | { ok: false; message: string; errors?: readonly string[] };

export interface HostTimers {
  wallNowMs(): number;
  /** Calls `fn` after roughly `ms` wall milliseconds (the host never keeps more than one pending). */
  later(fn: () => void, ms: number): void;
}

/** Publish at most this often: ≈6.7 Hz, inside the 4–10 Hz the UI is designed for. */
export const PUBLISH_INTERVAL_MS = 150;
/** Wall time one pacing slice may spend simulating before yielding to messages. */
export const SLICE_BUDGET_MS = 24;
const TICK_MS = 16;
/** Wall gaps longer than this (tab in background, debugger) are not caught up on. */
const MAX_CATCH_UP_WALL_MS = 250;

export class SimulatorHost<World = unknown> {
  private runtime: ScenarioRuntime<World> | null = null;
  private lastDoc: unknown = null;
  private running = false;
  private speed: Speed = 1;
  private tickPending = false;
  private lastTickWallMs = 0;
  private lastPublishWallMs = -Infinity;
  private lastPublishNowMs = 0;
  private lastPublishEvents = 0;
  private achievedSpeed = 0;
  private eventsPerWallSec = 0;
  private seq = 0;
  private readonly listeners = new Set<FrameListener<World>>();

  constructor(
    private readonly factory: RuntimeFactory<World>,
    private readonly timers: HostTimers,
  ) {}

  load(doc: unknown): LoadResult {
    const built = this.factory(doc);
    if (!built.ok) return { ok: false, error: { name: 'ValidationException', message: built.message, ...(built.errors ? { problems: built.errors } : {}) } };
    this.runtime = built.runtime;
    this.lastDoc = doc;
    this.resetPublishBaseline();
    this.publish();
    return { ok: true, value: { scenarioName: built.runtime.name } };
  }

  clock(cmd: ClockCommand): void {
    switch (cmd.kind) {
      case 'play':
        if (!this.running) {
          this.running = true;
          this.lastTickWallMs = this.timers.wallNowMs();
          this.scheduleTick();
        }
        break;
      case 'pause':
        this.running = false;
        this.publish();
        break;
      case 'speed':
        this.speed = cmd.speed;
        this.publish();
        break;
      case 'step':
        this.runtime?.sim.advanceBy(cmd.ms ?? 1000);
        this.publish();
        break;
      case 'reset':
        this.running = false;
        if (this.lastDoc !== null) this.load(this.runtime?.doc ?? this.lastDoc);
        break;
      default:
        assertNever(cmd);
    }
  }

  onFrame(listener: FrameListener<World>): () => void {
    this.listeners.add(listener);
    if (this.runtime) listener(this.buildFrame());
    return () => this.listeners.delete(listener);
  }

  /** The live runtime, for operations the UI sends (API calls, edits). */
  current(): ScenarioRuntime<World> | null {
    return this.runtime;
  }

  /** Publishes right away (after the UI changed something while paused). */
  publishNow(): void {
    this.publish();
  }

  clockState(): ClockState {
    const sim = this.runtime?.sim;
    return {
      nowMs: sim?.nowMs ?? 0,
      startMs: sim?.startMs ?? 0,
      running: this.running,
      speed: this.speed,
      achievedSpeed: this.achievedSpeed,
    };
  }

  private scheduleTick(): void {
    if (this.tickPending) return;
    this.tickPending = true;
    this.timers.later(() => {
      this.tickPending = false;
      this.tick();
    }, this.speed === 'max' ? 0 : TICK_MS);
  }

  private tick(): void {
    if (!this.running || !this.runtime) return;
    const sim = this.runtime.sim;
    const wallStart = this.timers.wallNowMs();
    const wallDelta = Math.min(wallStart - this.lastTickWallMs, MAX_CATCH_UP_WALL_MS);
    this.lastTickWallMs = wallStart;
    if (this.speed === 'max') {
      // As fast as possible: whole virtual seconds until the slice budget is spent.
      while (this.timers.wallNowMs() - wallStart < SLICE_BUDGET_MS) sim.advanceBy(1000);
    } else {
      const target = sim.nowMs + wallDelta * this.speed;
      // Advance in chunks so a slow scenario yields instead of freezing; what does not fit is dropped,
      // and achievedSpeed tells the UI the simulation could not keep up.
      const chunkMs = Math.max(16, Math.min(1000, this.speed * TICK_MS));
      while (sim.nowMs < target && this.timers.wallNowMs() - wallStart < SLICE_BUDGET_MS) {
        sim.runUntil(Math.min(target, sim.nowMs + chunkMs));
      }
    }
    if (this.timers.wallNowMs() - this.lastPublishWallMs >= PUBLISH_INTERVAL_MS) this.publish();
    this.scheduleTick();
  }

  private resetPublishBaseline(): void {
    this.lastPublishWallMs = this.timers.wallNowMs();
    this.lastPublishNowMs = this.runtime?.sim.nowMs ?? 0;
    this.lastPublishEvents = this.runtime?.sim.eventsRunTotal ?? 0;
    this.achievedSpeed = 0;
    this.eventsPerWallSec = 0;
  }

  private publish(): void {
    if (!this.runtime) return;
    const wall = this.timers.wallNowMs();
    const sim = this.runtime.sim;
    const wallElapsed = wall - this.lastPublishWallMs;
    if (wallElapsed > 0) {
      this.achievedSpeed = this.running ? (sim.nowMs - this.lastPublishNowMs) / wallElapsed : 0;
      this.eventsPerWallSec = ((sim.eventsRunTotal - this.lastPublishEvents) * 1000) / wallElapsed;
    }
    this.lastPublishWallMs = wall;
    this.lastPublishNowMs = sim.nowMs;
    this.lastPublishEvents = sim.eventsRunTotal;
    if (this.listeners.size === 0) return;
    for (const listener of this.listeners) listener(this.buildFrame());
  }

  private buildFrame(): SnapshotFrame<World> {
    const rt = this.runtime!;
    return {
      kind: 'frame',
      seq: ++this.seq,
      builtAtWallMs: this.timers.wallNowMs(),
      clock: this.clockState(),
      scenario: { name: rt.name, seed: rt.seed },
      engine: { eventsRun: rt.sim.eventsRunTotal, eventsPerWallSec: this.eventsPerWallSec },
      world: rt.snapshot(),
    };
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected clock command ${JSON.stringify(x)}`);
}
