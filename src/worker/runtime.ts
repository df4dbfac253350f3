/**
 * Builds the live world for a scenario document. The worker hosts exactly one at a time:
 * one Simulation with the Kinesis service, the scenario's producers and consumers, and the
 * parts registered as world extensions (delivery streams, analytics applications).
 */
import { Simulation } from '../engine/simulation';
import { loadScenario, ScenarioError, type ScenarioRuntime as EngineScenario } from '../engine/scenario/load';
import { buildSnapshot, type ScenarioSnapshot } from '../engine/scenario/snapshot';
import type { RuntimeFactory, ScenarioRuntime } from './simulator-host';
import { worldExtensions, type WorldExtensionInstance } from './world-extensions';
import { docRevisionOf } from './doc-revision';

export interface WorldSnapshot extends ScenarioSnapshot {
  /** One slice per world extension, keyed by its id (e.g. "firehose", "analytics"). */
  readonly extensions: Readonly<Record<string, unknown>>;
  /** Bumped whenever a console edit was written back into the scenario document. */
  readonly docRevision: number;
}

export interface LiveWorld extends ScenarioRuntime<WorldSnapshot> {
  readonly scenario: EngineScenario;
  /** The document this world was built from. */
  readonly doc: Record<string, unknown>;
  readonly extensions: ReadonlyMap<string, WorldExtensionInstance>;
}

export const createRuntime: RuntimeFactory<WorldSnapshot> = (input) => {
  // The world owns its copy: console edits are written into it, never into the caller's object.
  const doc = structuredClone((input ?? {}) as Record<string, unknown>);
  const seed = typeof doc.seed === 'number' || typeof doc.seed === 'string' ? doc.seed : 1;
  const sim = new Simulation({ seed });
  let scenario: EngineScenario;
  const extensions = new Map<string, WorldExtensionInstance>();
  try {
    scenario = loadScenario(sim, doc);
    for (const ext of worldExtensions()) extensions.set(ext.id, ext.create(sim, scenario, doc));
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, message: e.message };
    if (e instanceof Error && extensions.size < worldExtensions().length) return { ok: false, message: e.message };
    throw e;
  }
  const runtime: LiveWorld = {
    name: typeof doc.name === 'string' ? doc.name : 'untitled scenario',
    seed: String(seed),
    sim,
    scenario,
    doc,
    extensions,
    snapshot: () => {
      const ext: Record<string, unknown> = {};
      for (const [id, inst] of extensions) ext[id] = inst.snapshot();
      return { ...buildSnapshot(sim)!, extensions: ext, docRevision: docRevisionOf(doc) };
    },
  };
  return { ok: true, runtime };
};
