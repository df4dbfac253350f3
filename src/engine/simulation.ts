/**
 * The Simulation owns the virtual clock (scheduler) and the root PRNG, and hosts the services
 * and actors of one scenario. Everything time- or chance-dependent in the engine hangs off it,
 * so one scenario plus one seed always reproduces the same run.
 */
import { Prng } from './random/prng';
import { Scheduler } from './time/scheduler';

export interface SimulationOptions {
  readonly seed: number | string;
  /** Virtual epoch milliseconds at which the run starts. */
  readonly startMs?: number;
}

/** 2026-01-01T00:00:00Z: a fixed default start so runs are reproducible across days. */
export const DEFAULT_START_MS = Date.UTC(2026, 0, 1);

/** A part of the simulation that wants to be told when the simulation is reset or advanced. */
export interface SimulationPart {
  readonly id: string;
  /** Called after the clock moved forward, once per advance (not per event). */
  afterAdvance?(nowMs: number): void;
}

export class Simulation {
  readonly scheduler: Scheduler;
  readonly prng: Prng;
  readonly startMs: number;
  readonly seed: number | string;
  private readonly parts = new Map<string, SimulationPart>();
  private eventsRun = 0;

  constructor(options: SimulationOptions) {
    this.seed = options.seed;
    this.startMs = options.startMs ?? DEFAULT_START_MS;
    this.scheduler = new Scheduler(this.startMs);
    this.prng = new Prng(options.seed);
  }

  get nowMs(): number {
    return this.scheduler.nowMs;
  }

  get elapsedMs(): number {
    return this.scheduler.nowMs - this.startMs;
  }

  get eventsRunTotal(): number {
    return this.eventsRun;
  }

  attach<P extends SimulationPart>(part: P): P {
    if (this.parts.has(part.id)) throw new Error(`a part named "${part.id}" is already attached`);
    this.parts.set(part.id, part);
    return part;
  }

  detach(id: string): void {
    this.parts.delete(id);
  }

  part<P extends SimulationPart>(id: string): P | undefined {
    return this.parts.get(id) as P | undefined;
  }

  /** Advances virtual time by `deltaMs`, running every event due on the way. */
  advanceBy(deltaMs: number): number {
    return this.runUntil(this.nowMs + deltaMs);
  }

  runUntil(untilMs: number): number {
    const n = this.scheduler.runUntil(untilMs);
    this.eventsRun += n;
    for (const part of this.parts.values()) part.afterAdvance?.(this.nowMs);
    return n;
  }
}
