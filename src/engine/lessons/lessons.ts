/**
 * The guided lessons, in the order a learner takes them: each a seeded scenario and steps checked
 * from engine state. Texts live in the console's i18n resources (`learn` namespace, keys
 * `lessons.<id>.…`), English and Korean. The lessons themselves: lessons-data-streams.ts (one data
 * stream and its producers and consumers) and lessons-services.ts (Firehose, SQL, Agent, Video,
 * SQS, capacity and cost).
 */
import type { Lesson } from './lesson-types';
import { DATA_STREAMS_LESSONS } from './lessons-data-streams';
import { SERVICE_LESSONS } from './lessons-services';

const ORDER = [
  'records', 'routing', 'sequence', 'throttling', 'hotKey', 'autoDistribution', 'resharding', 'retention', 'consumers',
  'firehose', 'firehoseDelivery', 'streamsVsFirehose', 'sqlWindows', 'flinkSql', 'agent', 'video', 'sqs', 'capacity',
] as const;

export type LessonId = (typeof ORDER)[number];

const BY_ID = new Map([...DATA_STREAMS_LESSONS, ...SERVICE_LESSONS].map((l) => [l.id, l]));

export const LESSONS: readonly Lesson[] = ORDER.map((id) => {
  const lesson = BY_ID.get(id);
  if (!lesson) throw new Error(`lesson ${id} is listed but not defined`);
  return lesson;
});

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
