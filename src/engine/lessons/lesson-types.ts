/**
 * The lesson model: a lesson is a seeded scenario plus steps, and each step is done when a check
 * over the engine's state says so — the records the stream holds, its shards, its counters — never
 * when a button was clicked. Pure TypeScript (no DOM, no app imports): the worker evaluates checks
 * against the live world; tests evaluate them against a world they drive.
 */
import type { ScenarioDoc } from '../scenario/schema';
import type { KinesisService } from '../streams/service';
import type { FirehoseService } from '../firehose/firehose-service';
import type { World } from '../world/world';

/** What a check may read: the whole world (every part), with shortcuts to what most checks read. */
export interface LessonContext {
  readonly world: World;
  readonly service: KinesisService;
  /** The world's Firehose service, when it has one. */
  readonly firehose?: FirehoseService;
  readonly nowMs: number;
}

/** The context checks read for a world. */
export function lessonContext(world: World): LessonContext {
  return { world, service: world.parts.streams.run.service, firehose: world.parts.firehose?.service, nowMs: world.sim.nowMs };
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
  /** Code the learner runs for this step (in the SDK playground): the same in every language. */
  readonly code?: string;
}

export interface Lesson {
  readonly id: string;
  readonly scenario: ScenarioDoc;
  readonly steps: readonly LessonStep[];
}
