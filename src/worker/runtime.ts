/**
 * Builds the live world for a scenario document. The worker hosts exactly one at a time:
 * one Simulation with the Kinesis service, the scenario's producers and consumers, and
 * (as their modules land) delivery streams and analytics applications.
 */
import { Simulation } from '../engine/simulation';
import { loadScenario, ScenarioError, type ScenarioRuntime as EngineScenario } from '../engine/scenario/load';
import { buildSnapshot, type ScenarioSnapshot } from '../engine/scenario/snapshot';
import type { RuntimeFactory, ScenarioRuntime } from './simulator-host';

export type WorldSnapshot = ScenarioSnapshot;

export interface LiveWorld extends ScenarioRuntime<WorldSnapshot> {
  readonly scenario: EngineScenario;
}

export const createRuntime: RuntimeFactory<WorldSnapshot> = (doc) => {
  const d = (doc ?? {}) as { name?: unknown; seed?: unknown };
  const seed = typeof d.seed === 'number' || typeof d.seed === 'string' ? String(d.seed) : '1';
  const sim = new Simulation({ seed: d.seed as number | string ?? seed });
  let scenario: EngineScenario;
  try {
    scenario = loadScenario(sim, doc);
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, message: e.message };
    throw e;
  }
  const runtime: LiveWorld = {
    name: typeof d.name === 'string' ? d.name : 'untitled scenario',
    seed,
    sim,
    scenario,
    snapshot: () => buildSnapshot(sim)!,
  };
  return { ok: true, runtime };
};
