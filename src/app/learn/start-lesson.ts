/** Starting a lesson: load its seeded scenario (paused at T+0), open its panel, go to its first page. */
import { lessonById } from '../../engine/lessons';
import { useScenario } from '../scenarios/scenario-store';
import { useActiveLesson } from './active-lesson';

const STARTUP_WAIT_MS = 10_000;

/**
 * Resolves once the console's start-up scenario (shared link, autosave or demo) is in the store. A
 * lesson opened by its direct link must load after it, or the start-up load would replace the lesson's
 * world a moment later (the worker takes loads in the order they are sent).
 */
function startupScenarioLoaded(): Promise<void> {
  if (useScenario.getState().doc) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stop();
      clearTimeout(timer);
      resolve();
    };
    const stop = useScenario.subscribe((s) => {
      if (s.doc) done();
    });
    const timer = setTimeout(done, STARTUP_WAIT_MS);
  });
}

export async function startLesson(id: string, goToFirstPage = true): Promise<boolean> {
  const lesson = lessonById(id);
  if (!lesson) return false;
  await startupScenarioLoaded();
  const ok = await useScenario.getState().load(structuredClone(lesson.scenario), 'gallery');
  if (!ok) return false;
  useActiveLesson.getState().open(id);
  if (goToFirstPage) window.location.hash = `#/${lesson.steps[0].page}`;
  return true;
}
