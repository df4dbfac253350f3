/**
 * Builds the live world for a scenario document. The worker hosts exactly one at a time.
 */
import { Simulation } from '../engine/simulation';
import type { RuntimeFactory, ScenarioRuntime } from './simulator-host';

export interface WorldSnapshot {
  readonly pendingEvents: number;
}

export const createRuntime: RuntimeFactory<WorldSnapshot> = (doc) => {
  const d = (doc ?? {}) as { name?: unknown; seed?: unknown };
  const name = typeof d.name === 'string' ? d.name : 'demo';
  const seed = typeof d.seed === 'number' || typeof d.seed === 'string' ? String(d.seed) : '1';
  const sim = new Simulation({ seed });
  // A heartbeat keeps the clock visibly busy until the scenario's actors are wired in.
  sim.scheduler.every(1000, () => undefined);
  const runtime: ScenarioRuntime<WorldSnapshot> = {
    name,
    seed,
    sim,
    snapshot: () => ({ pendingEvents: sim.scheduler.pendingCount }),
  };
  return { ok: true, runtime };
};
