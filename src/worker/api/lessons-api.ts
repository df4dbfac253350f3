/**
 * Lesson checks evaluated against the live world: which steps of a lesson are done. The panel
 * asks once per frame it receives; checks are cheap reads of the engine's state. Each world keeps
 * its own memo per lesson, so reloading the scenario starts a lesson afresh.
 */
import { lessonById, lessonContext, type LessonMemo } from '../../engine/lessons';
import type { LiveWorld } from '../runtime';
import type { WorkerContext } from './context';

export interface LessonsApi {
  /** Done flags per step of the lesson, or null when no world is loaded or the lesson is unknown. */
  lessonStatus(id: string): Promise<boolean[] | null>;
}

export function lessonsApi(ctx: WorkerContext): LessonsApi {
  const memos = new WeakMap<LiveWorld, Map<string, LessonMemo>>();
  return {
    async lessonStatus(id) {
      const w = ctx.world();
      const lesson = lessonById(id);
      if (!w || !lesson) return null;
      let byLesson = memos.get(w);
      if (!byLesson) memos.set(w, (byLesson = new Map()));
      let memo = byLesson.get(id);
      if (!memo) byLesson.set(id, (memo = {}));
      const c = lessonContext(w.world);
      return lesson.steps.map((s) => s.check(c, memo));
    },
  };
}
