/**
 * Versioned migrations of saved scenario documents: an autosave, a saved scenario, an imported
 * file or a share link written by an older console is brought to the current shape before it is
 * validated, one step per version, so each step stays small and testable. A document from a
 * newer console is refused with a message that says so (never guessed at). Pure data → data: no
 * validation here (validate.ts does that, with field paths, after migration).
 *
 * Versions:
 *   0 — documents without a `version` field (written before versioning), whose streams may also use
 *       the AWS API's names as pasted from a CreateStream request: `StreamName`, `ShardCount`,
 *       `StreamModeDetails.StreamMode`, `RetentionPeriodHours`, `MaxRecordSizeInKiB`, `RecordDistributionStrategy`.
 *   1 — the current schema (schema.ts). Streams' `maxRecordSizeKiB` and `recordDistribution` came later as
 *       optional fields whose absence means AWS's defaults (1,024 KiB, USER_PARTITION_KEY): every older v1
 *       document means the same as before, so they needed no new version (a new version would only make
 *       consoles of before refuse documents they can read).
 */
import { v0ToV1 } from './v0-to-v1';

export const CURRENT_SCENARIO_VERSION = 1;

/** Step n turns a version-n document into a version-(n+1) one. */
const STEPS: ReadonlyArray<(doc: Record<string, unknown>) => Record<string, unknown>> = [v0ToV1];

export type MigrationResult =
  | { readonly ok: true; readonly doc: unknown; readonly fromVersion: number; readonly migrated: boolean }
  | { readonly ok: false; readonly error: string };

/** The version a document declares: 0 when it has none, NaN when the field is not a whole number. */
export function scenarioVersionOf(doc: Record<string, unknown>): number {
  if (!('version' in doc) || doc.version === undefined) return 0;
  return typeof doc.version === 'number' && Number.isInteger(doc.version) ? doc.version : Number.NaN;
}

export function migrateScenario(input: unknown): MigrationResult {
  // Not an object: leave it to the validator, whose message names the problem ("scenario must be an object").
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: true, doc: input, fromVersion: CURRENT_SCENARIO_VERSION, migrated: false };
  const fromVersion = scenarioVersionOf(input as Record<string, unknown>);
  if (Number.isNaN(fromVersion) || fromVersion < 0) {
    return { ok: false, error: `version must be a whole number from 0 to ${CURRENT_SCENARIO_VERSION}, got ${JSON.stringify((input as Record<string, unknown>).version)}` };
  }
  if (fromVersion > CURRENT_SCENARIO_VERSION) {
    return { ok: false, error: `version ${fromVersion}: this scenario was saved by a newer Kinesis Sandbox (this one reads up to version ${CURRENT_SCENARIO_VERSION}). Open it in the newer console, or export it from there.` };
  }
  let doc = input as Record<string, unknown>;
  for (let v = fromVersion; v < CURRENT_SCENARIO_VERSION; v++) doc = STEPS[v](doc);
  return { ok: true, doc, fromVersion, migrated: fromVersion !== CURRENT_SCENARIO_VERSION };
}
