/**
 * Drives the soak: builds the world, schedules the hourly resharding and the Firehose outage, then
 * advances the virtual clock hour by hour, handing the caller each hour's books (soak-ledger.ts).
 * Pure engine: the caller (the CLI, a test) measures wall time and memory around it.
 */
import { ObjectStore } from '../objectstore';
import { World } from '../world/world';
import { soakBooks, type Books } from './soak-ledger';
import { SOAK_HOT_KEY, soakScenario, type SoakOptions } from './soak-scenario';
import { scheduleSoak, type SoakSchedule } from './soak-schedule';

export interface SoakHour {
  readonly hour: number;
  readonly books: Books;
  readonly openShards: number;
  readonly destinationDown: boolean;
}

export interface SoakRunOptions extends SoakOptions {
  readonly hours: number;
  /** Virtual minutes per step inside an hour (between steps the caller's `onStep` runs). */
  readonly stepMinutes?: number;
  readonly outageAtHour?: number;
}

export interface SoakRun {
  readonly world: World;
  readonly schedule: SoakSchedule;
  readonly modeReason: string;
}

/**
 * The simulated S3 keeps every delivered object (as S3 does) up to this budget, then evicts the oldest and
 * counts them (ObjectStore's evictedObjects): a day of Firehose deliveries would otherwise grow memory all day.
 * Small enough that the day's slowest hour fills it before hour 2 (≈ 8 MiB of objects an hour at the trough),
 * so memory after hour 2 measures the simulator, not S3 filling up.
 */
export const SOAK_OBJECT_STORE_MIB = 8;

export function startSoak(options: SoakRunOptions): SoakRun {
  const doc = soakScenario(options);
  let built: World | undefined;
  const store = new ObjectStore({ nowMs: () => built?.sim.nowMs ?? 0, maxBytes: SOAK_OBJECT_STORE_MIB * 1_048_576 });
  const world = (built = World.build(doc, { services: { firehose: { store } } }));
  const schedule = scheduleSoak(world, { baseShards: options.shards ?? 1000, hotKey: SOAK_HOT_KEY, outageAtHour: options.outageAtHour ?? Math.min(3, Math.max(0, options.hours - 1)) });
  return { world, schedule, modeReason: world.parts.streams.run.modeReason };
}

/** Runs one virtual hour of a started soak, in steps, and returns that hour's books. */
export function runSoakHour(run: SoakRun, hour: number, stepMinutes = 5, onStep?: () => void): SoakHour {
  const sim = run.world.sim;
  const end = sim.nowMs + 3_600_000;
  while (sim.nowMs < end) {
    sim.runUntil(Math.min(end, sim.nowMs + stepMinutes * 60_000));
    onStep?.();
  }
  const big = run.world.parts.streams.run.service.allStreams()[0];
  return { hour, books: soakBooks(run.world), openShards: big?.openShardCount ?? 0, destinationDown: run.schedule.destinationDown() };
}
