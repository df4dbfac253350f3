/** Starting a lesson: load its seeded scenario (paused at T+0), open its panel, go to its first page. */
import { lessonById } from '../../engine/lessons';
import { startScenario } from '../scenarios/bootstrap';
import { useScenario } from '../scenarios/scenario-store';
import { useActiveLesson } from './active-lesson';

export async function startLesson(id: string, goToFirstPage = true): Promise<boolean> {
  const lesson = lessonById(id);
  if (!lesson) return false;
  // After the console's first scenario (shared link, autosave or demo), never racing it.
  await startScenario();
  const ok = await useScenario.getState().load(structuredClone(lesson.scenario), 'gallery');
  if (!ok) return false;
  useActiveLesson.getState().open(id);
  if (goToFirstPage) window.location.hash = `#/${lesson.steps[0].page}`;
  return true;
}
