/**
 * Scenario files: JSON export of the current document and import with the scenario validator's
 * field-path errors, so a bad file says exactly what is wrong (`producers[0].rate.kind must be …`).
 */
import type { ScenarioDoc } from '../../engine/scenario/schema';
import { validateScenarioDoc, type ScenarioValidator } from './scenario-validation';

export type ImportResult = { readonly ok: true; readonly doc: ScenarioDoc } | { readonly ok: false; readonly errors: readonly string[] };

export async function parseScenarioText(text: string, validate: ScenarioValidator = validateScenarioDoc): Promise<ImportResult> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`The file is not JSON: ${(e as Error).message}`] };
  }
  const v = await validate(json);
  return v.ok ? { ok: true, doc: v.doc } : { ok: false, errors: v.errors };
}

export function scenarioToJson(doc: ScenarioDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A file name from the scenario name: lower-case, dashes, `.json`. */
export function scenarioFileName(doc: { readonly name?: string }): string {
  const base = (doc.name ?? 'scenario').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${base || 'scenario'}.json`;
}
