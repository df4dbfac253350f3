/**
 * Which lesson is open (its panel sits beside the pages), kept in localStorage so a reload keeps
 * it. Tiny on purpose: the shell imports it; lessons themselves load on demand.
 */
import { create } from 'zustand';

const KEY = 'ks-lesson-active';

function stored(): string | null {
  try { return localStorage.getItem(KEY); } catch { return null; }
}

interface ActiveLesson {
  id: string | null;
  /** Bumped each time a lesson is (re)started, so its panel starts with no step done. */
  run: number;
  open(id: string): void;
  close(): void;
}

export const useActiveLesson = create<ActiveLesson>((set, get) => ({
  id: stored(),
  run: 0,
  open(id) {
    try { localStorage.setItem(KEY, id); } catch { /* storage blocked */ }
    set({ id, run: get().run + 1 });
  },
  close() {
    try { localStorage.removeItem(KEY); } catch { /* storage blocked */ }
    set({ id: null });
  },
}));
