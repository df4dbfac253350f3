/**
 * The lesson model: a lesson is a seeded scenario plus steps, and each step is done when a check
 * over the engine's state says so — the records the stream holds, its shards, its counters — never
 * when a button was clicked. Pure TypeScript (no DOM, no app imports): the worker evaluates checks
 * against the live world; tests evaluate them against a world they drive.
 */
import type { ScenarioDoc } from '../scenario/schema';
import type { KinesisService } from '../streams/service';

/** What a check may read. */
export interface LessonContext {
  readonly service: KinesisService;
  readonly nowMs: number;
}

/**
 * Numbers a check keeps between evaluations of the same lesson on the same world (e.g. the
 * throttled total when a fix was applied), so "no throttling for 10 s since" can be decided.
 */
export type LessonMemo = Record<string, number>;

export type StepCheck = (ctx: LessonContext, memo: LessonMemo) => boolean;

export interface LessonStep {
  /** Stable id; the step's text is the i18n key `lessons.<lesson>.steps.<id>`. */
  readonly id: string;
  /** The console page the step is done on, as a hash route (`streams/lesson-records`). */
  readonly page: string;
  readonly check: StepCheck;
}

export interface Lesson {
  readonly id: string;
  readonly scenario: ScenarioDoc;
  readonly steps: readonly LessonStep[];
}
