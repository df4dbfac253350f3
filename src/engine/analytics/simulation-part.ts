/**
 * Hooks an application into a Simulation: after each clock advance the virtual time becomes a
 * ROWTIME bound, so windows close even when input stalls (spec §5 [sim]). Records still arrive
 * through `app.push` with their ROWTIME = the virtual time they reached the application.
 */
import type { Simulation, SimulationPart } from '../simulation';
import type { AppOptions, CreateResult } from './runtime';
import { SqlApplication } from './runtime';

export class AnalyticsApplicationPart implements SimulationPart {
  constructor(readonly id: string, readonly app: SqlApplication) {}

  afterAdvance(nowMs: number): void {
    this.app.advanceWatermark(nowMs);
  }
}

/** Creates an application seeded from the simulation (`analytics:<name>` PRNG fork) and attaches it. */
export function attachApplication(sim: Simulation, name: string, sql: string, options: Omit<AppOptions, 'prng' | 'startMs'>): CreateResult & { part: AnalyticsApplicationPart | null } {
  const created = SqlApplication.create(sql, { ...options, prng: sim.prng.fork(`analytics:${name}`), startMs: sim.nowMs });
  if (!created.app) return { ...created, part: null };
  const part = sim.attach(new AnalyticsApplicationPart(`analytics:${name}`, created.app));
  return { ...created, part };
}
