/**
 * Scenario validation as the console uses it: asynchronous, and run in the simulation worker by
 * default. The validator compiles payload templates, and the template compiler brings the fake-data
 * library (~150 KB gzip) with it; the worker bundles that anyway, so asking the worker keeps it out
 * of the main thread's initial JavaScript. The errors are the engine validator's, field paths and all.
 * Tests (Node, no worker) swap in the engine function directly.
 */
import { migrateScenario } from '../../engine/scenario/migrations/index';
import type { ValidationResult } from '../../engine/scenario/validate';
import { simulator } from '../sim-client';

export type { ValidationResult };
export type ScenarioValidator = (doc: unknown) => Promise<ValidationResult>;

const inWorker: ScenarioValidator = async (doc) => {
  const r = await simulator().validateScenarioDoc(doc);
  return r.ok ? { ok: true, doc: r.value } : { ok: false, errors: r.error.problems ?? [r.error.message] };
};
let current: ScenarioValidator = inWorker;

/** Replaces the validator (tests pass the engine's validateScenario wrapped in a promise). */
export function configureScenarioValidator(validator: ScenarioValidator): void {
  current = validator;
}

/**
 * Migrates a document from an older version (engine/scenario/migrations) and validates the result:
 * callers load `result.doc`, which is in the current shape. A document from a newer console is refused.
 */
export async function validateScenarioDoc(doc: unknown): Promise<ValidationResult> {
  const m = migrateScenario(doc);
  if (!m.ok) return { ok: false, errors: [m.error] };
  return current(m.doc);
}
