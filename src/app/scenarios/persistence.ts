/**
 * Where scenarios live between visits: IndexedDB (via idb) holds the autosaved current scenario with
 * the page settings around it, and the user's named scenarios. A memory implementation with the same
 * interface serves tests and browsers without IndexedDB (private modes), where nothing persists.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ScenarioDoc } from '../../engine/scenario/schema';

/** UI settings kept with the scenario (planner inputs, price overrides…): plain JSON. */
export type ScenarioSettingsBag = Readonly<Record<string, unknown>>;

export interface AutosaveEntry {
  readonly doc: ScenarioDoc;
  readonly settings: ScenarioSettingsBag;
  readonly savedAtMs: number;
}

export interface SavedScenario {
  readonly name: string;
  readonly doc: ScenarioDoc;
  readonly savedAtMs: number;
}

export interface ScenarioStorage {
  readonly persistent: boolean;
  readAutosave(): Promise<AutosaveEntry | undefined>;
  writeAutosave(entry: AutosaveEntry): Promise<void>;
  listSaved(): Promise<SavedScenario[]>;
  putSaved(entry: SavedScenario): Promise<void>;
  deleteSaved(name: string): Promise<void>;
}

interface SandboxDb extends DBSchema {
  autosave: { key: string; value: AutosaveEntry };
  saved: { key: string; value: SavedScenario };
}

const DB_NAME = 'kinesis-sandbox';
const DB_VERSION = 1;
const AUTOSAVE_KEY = 'current';

const byName = (a: SavedScenario, b: SavedScenario) => a.name.localeCompare(b.name);

export function memoryStorage(): ScenarioStorage {
  let autosave: AutosaveEntry | undefined;
  const saved = new Map<string, SavedScenario>();
  // Structured copies, as IndexedDB would store them: later edits of the caller's objects do not leak in.
  const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  return {
    persistent: false,
    readAutosave: async () => (autosave ? copy(autosave) : undefined),
    writeAutosave: async (entry) => {
      autosave = copy(entry);
    },
    listSaved: async () => [...saved.values()].map(copy).sort(byName),
    putSaved: async (entry) => {
      saved.set(entry.name, copy(entry));
    },
    deleteSaved: async (name) => {
      saved.delete(name);
    },
  };
}

export function idbStorage(): ScenarioStorage {
  let db: Promise<IDBPDatabase<SandboxDb>> | null = null;
  const open = () =>
    (db ??= openDB<SandboxDb>(DB_NAME, DB_VERSION, {
      upgrade(d) {
        if (!d.objectStoreNames.contains('autosave')) d.createObjectStore('autosave');
        if (!d.objectStoreNames.contains('saved')) d.createObjectStore('saved', { keyPath: 'name' });
      },
    }));
  return {
    persistent: true,
    readAutosave: async () => (await open()).get('autosave', AUTOSAVE_KEY),
    writeAutosave: async (entry) => {
      await (await open()).put('autosave', entry, AUTOSAVE_KEY);
    },
    listSaved: async () => (await (await open()).getAll('saved')).sort(byName),
    putSaved: async (entry) => {
      await (await open()).put('saved', entry);
    },
    deleteSaved: async (name) => {
      await (await open()).delete('saved', name);
    },
  };
}

/** IndexedDB when the browser has it, memory otherwise. */
export function defaultStorage(): ScenarioStorage {
  return typeof indexedDB !== 'undefined' ? idbStorage() : memoryStorage();
}
