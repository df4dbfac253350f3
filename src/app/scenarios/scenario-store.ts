/**
 * The app's current scenario document: the single source for "what is loaded". Every change goes
 * through an action here, which validates the document, loads it into the simulation worker (via
 * sim-client) and autosaves it with the page settings to IndexedDB. Also the user's named scenarios
 * and a shared scenario waiting for confirmation because it carries user code.
 */
import { create } from 'zustand';
import type { ScenarioDoc } from '../../engine/scenario/schema';
import { loadScenario as loadIntoWorker } from '../sim-client';
import { parseScenarioText } from './import-export';
import { validateScenarioDoc } from './scenario-validation';
import { defaultStorage, type SavedScenario, type ScenarioSettingsBag, type ScenarioStorage } from './persistence';
import type { UserCodeField } from './user-code';

export type ScenarioSource = 'demo' | 'autosave' | 'shared' | 'gallery' | 'import' | 'saved' | 'edit';

export interface ScenarioNotice {
  readonly kind: 'ok' | 'error';
  readonly text: string;
  readonly details?: readonly string[];
  /** Text the user can download to keep (e.g. an autosave that could not be opened). */
  readonly rescue?: { readonly fileName: string; readonly text: string };
}

export interface ScenarioState {
  readonly doc: ScenarioDoc | null;
  readonly source: ScenarioSource | null;
  /** Counts loads, so views can tell a new document from a re-render. */
  readonly revision: number;
  /** Page settings saved with the scenario (planner inputs, price overrides…), keyed by page. */
  readonly settings: ScenarioSettingsBag;
  readonly saved: readonly SavedScenario[];
  readonly pendingShared: { readonly doc: ScenarioDoc; readonly code: readonly UserCodeField[] } | null;
  readonly notice: ScenarioNotice | null;
  /** Validates, loads into the simulation worker and autosaves; false (with a notice) when invalid. */
  load(doc: unknown, source: ScenarioSource, settings?: ScenarioSettingsBag): Promise<boolean>;
  /** Edits the current document (e.g. apply a recommendation) and reloads it. */
  edit(change: (doc: ScenarioDoc) => ScenarioDoc, what: string): Promise<boolean>;
  /** Takes the document as the worker holds it after console edits (no reload) and autosaves it. */
  adoptFromWorker(doc: unknown): Promise<void>;
  setPageSettings(page: string, value: unknown): void;
  importText(text: string, fileName: string): Promise<boolean>;
  refreshSaved(): Promise<void>;
  saveAs(name: string): Promise<void>;
  openSaved(name: string): Promise<boolean>;
  deleteSaved(name: string): Promise<void>;
  offerShared(doc: ScenarioDoc, code: readonly UserCodeField[]): void;
  confirmShared(): Promise<boolean>;
  rejectShared(): void;
  dismissNotice(): void;
}

let storage: ScenarioStorage = defaultStorage();
let clock: () => number = () => Date.now();
let loader: (doc: ScenarioDoc) => Promise<void> = (doc) => loadIntoWorker(doc);

/** Tests replace the storage, the wall clock and the worker loader. */
export function configureScenarioStore(deps: { storage?: ScenarioStorage; nowMs?: () => number; loadIntoWorker?: (doc: ScenarioDoc) => Promise<void> }): void {
  if (deps.storage) storage = deps.storage;
  if (deps.nowMs) clock = deps.nowMs;
  if (deps.loadIntoWorker) loader = deps.loadIntoWorker;
}

export function scenarioStorage(): ScenarioStorage {
  return storage;
}

let autosaveTimer: ReturnType<typeof setTimeout> | null = null;
/** Settings change on every keystroke: write them at most every 300 ms. Documents are written at once. */
function scheduleAutosave(get: () => ScenarioState, delayMs: number): Promise<void> {
  if (autosaveTimer) clearTimeout(autosaveTimer);
  const write = async () => {
    autosaveTimer = null;
    const { doc, settings } = get();
    if (doc) await storage.writeAutosave({ doc, settings, savedAtMs: clock() }).catch(() => undefined);
  };
  if (delayMs <= 0) return write();
  autosaveTimer = setTimeout(() => void write(), delayMs);
  return Promise.resolve();
}

export const useScenario = create<ScenarioState>()((set, get) => ({
  doc: null,
  source: null,
  revision: 0,
  settings: {},
  saved: [],
  pendingShared: null,
  notice: null,

  load: async (input, source, settings) => {
    const v = await validateScenarioDoc(input);
    if (!v.ok) {
      set({ notice: { kind: 'error', text: 'This scenario cannot be loaded:', details: v.errors } });
      return false;
    }
    const doc = v.doc; // migrated to the current version
    // A different scenario starts with fresh page settings; edits of the current one keep them.
    const nextSettings = settings ?? (source === 'edit' ? undefined : {});
    set((s) => ({ doc, source, revision: s.revision + 1, ...(nextSettings ? { settings: nextSettings } : {}), notice: null }));
    await Promise.all([loader(doc), scheduleAutosave(get, 0)]);
    return true;
  },

  edit: async (change, what) => {
    const current = get().doc;
    if (!current) return false;
    const ok = await get().load(change(current), 'edit');
    if (ok) set({ notice: { kind: 'ok', text: what } });
    return ok;
  },

  adoptFromWorker: async (input) => {
    if (!(await validateScenarioDoc(input)).ok) return;
    set({ doc: input as ScenarioDoc });
    await scheduleAutosave(get, 0);
  },

  setPageSettings: (page, value) => {
    set((s) => ({ settings: { ...s.settings, [page]: value } }));
    void scheduleAutosave(get, 300);
  },

  importText: async (text, fileName) => {
    const r = await parseScenarioText(text);
    if (!r.ok) {
      set({ notice: { kind: 'error', text: `${fileName} is not a valid scenario:`, details: r.errors } });
      return false;
    }
    const ok = await get().load(r.doc, 'import');
    if (ok) set({ notice: { kind: 'ok', text: `Imported ${fileName}.` } });
    return ok;
  },

  refreshSaved: async () => {
    set({ saved: await storage.listSaved().catch(() => []) });
  },

  saveAs: async (name) => {
    const doc = get().doc;
    const trimmed = name.trim();
    if (!doc || !trimmed) return;
    await storage.putSaved({ name: trimmed, doc: { ...doc, name: trimmed }, savedAtMs: clock() });
    await get().refreshSaved();
    set({ notice: { kind: 'ok', text: `Saved as “${trimmed}”.` } });
  },

  openSaved: async (name) => {
    const entry = (await storage.listSaved()).find((s) => s.name === name);
    if (!entry) return false;
    return get().load(entry.doc, 'saved');
  },

  deleteSaved: async (name) => {
    await storage.deleteSaved(name);
    await get().refreshSaved();
  },

  offerShared: (doc, code) => set({ pendingShared: { doc, code } }),

  confirmShared: async () => {
    const pending = get().pendingShared;
    set({ pendingShared: null });
    return pending ? get().load(pending.doc, 'shared') : false;
  },

  rejectShared: () => set({ pendingShared: null, notice: { kind: 'ok', text: 'The shared scenario was not loaded; the previous one stays.' } }),

  dismissNotice: () => set({ notice: null }),
}));
