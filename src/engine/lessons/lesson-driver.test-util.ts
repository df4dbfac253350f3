/**
 * Drives a lesson's world in tests as the console would: the Kinesis JSON API for calls, the
 * virtual clock for time, and each step's check over the world after every move.
 */
import { createKinesisApi } from '../api/kinesis';
import { World, type WorldOptions } from '../world/world';
import { lessonContext, type Lesson, type LessonMemo } from './lesson-types';

export function startLesson(lesson: Lesson, options: WorldOptions = {}) {
  const built = World.tryBuild(structuredClone(lesson.scenario), options);
  if (!built.ok) throw new Error(`${lesson.id}: ${built.message}`);
  const world = built.world;
  const api = createKinesisApi(world.parts.streams.run.service);
  const memo: LessonMemo = {};
  const done = () => lesson.steps.map((s) => s.check(lessonContext(world), memo));
  const call = (op: string, body: Record<string, unknown>) => {
    const r = api.handle(op, body);
    if (!r.ok) throw new Error(`${op}: ${r.error.name}: ${r.error.message}`);
    return r.value;
  };
  /** Advances in 1 s steps until step `i` is done (at most `maxSec`); the steps' verdicts after. */
  const until = (i: number, maxSec: number) => {
    for (let t = 0; t < maxSec && !done()[i]; t++) world.sim.advanceBy(1000);
    return done();
  };
  return { world, done, call, until, advance: (ms: number) => world.sim.advanceBy(ms) };
}
