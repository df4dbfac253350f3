/**
 * "Remember on this device": the one place live credentials may touch storage, and only when the
 * user ticks the box. They go to this browser's localStorage under one key, unencrypted (the form
 * says so), and are removed by "Forget". Nothing else in the console — scenario files, share links,
 * the IndexedDB autosave — ever receives them (live-store.test.ts checks).
 */
import type { LiveCredentials } from '../../live/endpoint';

export const SAVED_CONNECTION_KEY = 'ks-live-connection';

export interface SavedConnection {
  readonly target: string;
  readonly signingRegion: string;
  readonly credentials: LiveCredentials;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage blocked (privacy mode): nothing is remembered
  }
}

export function loadSavedConnection(): SavedConnection | undefined {
  try {
    const raw = storage()?.getItem(SAVED_CONNECTION_KEY);
    if (!raw) return undefined;
    const v = JSON.parse(raw) as SavedConnection;
    if (typeof v?.target !== 'string' || typeof v?.credentials?.accessKeyId !== 'string' || typeof v?.credentials?.secretAccessKey !== 'string') return undefined;
    return v;
  } catch {
    return undefined;
  }
}

export function saveConnection(c: SavedConnection): void {
  try {
    storage()?.setItem(SAVED_CONNECTION_KEY, JSON.stringify(c));
  } catch { /* quota or blocked storage: stays in memory only */ }
}

export function forgetSavedConnection(): void {
  try {
    storage()?.removeItem(SAVED_CONNECTION_KEY);
  } catch { /* nothing stored */ }
}
