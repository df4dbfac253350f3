/**
 * Opening the autosave without ever leaving a blank page. The autosave may come from an older
 * console (migrated, and the user is told), or be unreadable: IndexedDB refuses, the entry is
 * not a scenario, or it fails validation (a newer console's version, hand-edited storage, a bug
 * in an older build). Then the console starts on the demo and says so, with the reason and a way
 * back: the saved text is kept — downloadable from the notice, and copied to localStorage before
 * the demo's autosave replaces it — so nothing the user had is lost.
 */
import type { ScenarioDoc } from '../../engine/scenario/schema';
import { migrateScenario } from '../../engine/scenario/migrations/index';
import type { AutosaveEntry, ScenarioSettingsBag, ScenarioStorage } from './persistence';
import type { ScenarioNotice } from './scenario-store';
import type { ScenarioValidator } from './scenario-validation';

/** Where an unreadable autosave's text is kept (one copy, the latest). */
export const RESCUED_AUTOSAVE_KEY = 'kinesis-sandbox:rescued-autosave';
/** localStorage holds about 5 MB per origin; a larger rescue stays downloadable from the notice only. */
const RESCUE_CHARS_MAX = 2_000_000;

export type AutosaveOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly doc: ScenarioDoc; readonly settings: ScenarioSettingsBag; readonly notice: ScenarioNotice | null }
  | { readonly kind: 'unreadable'; readonly notice: ScenarioNotice };

/** Text for the rescue download: the entry as stored, pretty-printed when it can be. */
function rawText(entry: unknown): string {
  try {
    return `${JSON.stringify(entry, null, 2)}\n`;
  } catch (e) {
    return `The autosave could not be turned into text: ${(e as Error).message}\n`;
  }
}

function unreadable(reason: string, details: readonly string[], text: string | undefined): AutosaveOutcome {
  return {
    kind: 'unreadable',
    notice: {
      kind: 'error',
      text: `Your autosaved scenario could not be opened (${reason}), so the console started on the demo.${text ? ' Download the saved text to keep it or to fix it and import it again.' : ''}`,
      details,
      ...(text ? { rescue: { fileName: 'kinesis-sandbox-autosave.json', text } } : {}),
    },
  };
}

/** Reads, migrates and validates the autosave; never throws. */
export async function readAutosaveSafely(storage: ScenarioStorage, validate: ScenarioValidator): Promise<AutosaveOutcome> {
  let entry: AutosaveEntry | undefined;
  try {
    entry = await storage.readAutosave();
  } catch (e) {
    return unreadable('the browser storage could not be read', [String((e as Error)?.message ?? e)], undefined);
  }
  if (entry === undefined || entry === null) return { kind: 'none' };
  const text = rawText(entry);
  if (typeof entry !== 'object' || !('doc' in entry)) return unreadable('it holds no scenario', [], text);
  const migration = migrateScenario(entry.doc);
  if (!migration.ok) return unreadable('its version cannot be read here', [migration.error], text);
  let v;
  try {
    v = await validate(migration.doc);
  } catch (e) {
    return unreadable('checking it failed', [String((e as Error)?.message ?? e)], text);
  }
  if (!v.ok) return unreadable('it is not a valid scenario', v.errors, text);
  const settings = typeof entry.settings === 'object' && entry.settings !== null && !Array.isArray(entry.settings) ? entry.settings : {};
  const notice: ScenarioNotice | null = migration.migrated
    ? { kind: 'ok', text: `Your autosaved scenario came from an older version (v${migration.fromVersion}) and was upgraded to the current one.` }
    : null;
  return { kind: 'ok', doc: v.doc, settings, notice };
}

/** Keeps a copy of an unreadable autosave's text before the demo's autosave replaces it. */
export function keepRescuedText(text: string): void {
  if (text.length > RESCUE_CHARS_MAX) return;
  try {
    globalThis.localStorage?.setItem(RESCUED_AUTOSAVE_KEY, text);
  } catch {
    // Storage full or disabled: the notice's download is the remaining way back.
  }
}
