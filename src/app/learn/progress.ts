/** Lessons finished, kept in localStorage (nothing leaves the browser). */
import { create } from 'zustand';

const KEY = 'ks-lesson-progress';

function read(): Record<string, true> {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return v && typeof v === 'object' ? (v as Record<string, true>) : {};
  } catch {
    return {};
  }
}

interface Progress {
  done: Record<string, true>;
  finish(id: string): void;
}

export const useProgress = create<Progress>((set, get) => ({
  done: read(),
  finish(id) {
    if (get().done[id]) return;
    const done = { ...get().done, [id]: true as const };
    try { localStorage.setItem(KEY, JSON.stringify(done)); } catch { /* storage blocked: progress lasts this visit */ }
    set({ done });
  },
}));
