/** Guided lessons: the model, the checks and the lessons (see lessons.ts). */
export type { Lesson, LessonContext, LessonMemo, LessonStep, StepCheck } from './lesson-types';
export { lessonContext } from './lesson-types';
export { LESSONS, lessonById, type LessonId } from './lessons';
