/**
 * The guided lessons, in order: each a seeded scenario and steps checked from engine state. Texts
 * live in the console's i18n resources (`learn` namespace, keys `lessons.<id>.…`), English and
 * Korean. Limits the lessons teach come from the Data Streams quotas page:
 * https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html (1 MiB/s or 1,000
 * records/s written per shard; 2 MiB/s and 5 GetRecords calls/s read per shard), and routing from
 * https://docs.aws.amazon.com/streams/latest/dev/key-concepts.html (partition key → MD5 → 128-bit
 * hash key → the shard whose range holds it).
 */
import type { ScenarioDoc, ScenarioProducer } from '../scenario/schema';
import type { Lesson } from './lesson-types';
import { grewSince, isActive, isJsonObject, quietSince, recordsOn, shardsOf, someRecord, streamOf, total } from './lesson-checks';

function scenario(id: string, shards: number, producers: readonly ScenarioProducer[] = [], retentionHours = 24): ScenarioDoc {
  return {
    version: 1,
    name: `lesson: ${id}`,
    seed: `lesson-${id}`,
    streams: [{ name: `lesson-${id}`, mode: 'PROVISIONED', shards, retentionHours }],
    producers,
  } as ScenarioDoc;
}

function producer(stream: string, recordsPerSec: number, keys: ScenarioProducer['keys'], bytes = 200): ScenarioProducer {
  return {
    name: 'app', stream, rate: { kind: 'constant', recordsPerSec }, size: { kind: 'fixed', bytes }, keys, api: 'PutRecords',
    batch: { maxRecords: 500, lingerMs: 100 }, retry: { maxRetries: 2, baseDelayMs: 100, maxDelayMs: 1000, maxRecordAgeMs: 10_000, jitter: 'full' },
  } as ScenarioProducer;
}

const RECORDS = 'lesson-records';
const ROUTING = 'lesson-routing';
const SEQ = 'lesson-sequence';
const THROTTLE = 'lesson-throttling';
const HOT = 'lesson-hot-key';
const RESHARD = 'lesson-resharding';
const RETENTION = 'lesson-retention';

export const LESSONS: readonly Lesson[] = [
  {
    id: 'records',
    scenario: scenario('records', 2),
    steps: [
      { id: 'put', page: `streams/${RECORDS}`, check: (c) => total(c, RECORDS, 'incomingRecords') >= 1 },
      {
        id: 'sameKey', page: `streams/${RECORDS}`, check: (c) => {
          const seen = new Set<string>();
          return someRecord(c, RECORDS, (key) => (seen.has(key) ? true : (seen.add(key), false)));
        },
      },
      { id: 'json', page: `streams/${RECORDS}`, check: (c) => someRecord(c, RECORDS, (_k, payload) => isJsonObject(payload)) },
    ],
  },
  {
    id: 'routing',
    scenario: scenario('routing', 4),
    steps: [
      { id: 'lastShard', page: `streams/${ROUTING}`, check: (c) => { const s = shardsOf(c, ROUTING); return s.length === 4 && recordsOn(s[3]) > 0; } },
      { id: 'everyShard', page: `streams/${ROUTING}`, check: (c) => { const s = shardsOf(c, ROUTING).filter((x) => x.isOpen); return s.length > 0 && s.every((x) => recordsOn(x) > 0); } },
    ],
  },
  {
    id: 'sequence',
    scenario: scenario('sequence', 1),
    steps: [
      { id: 'three', page: `streams/${SEQ}`, check: (c) => { const [s] = shardsOf(c, SEQ); return s !== undefined && recordsOn(s) >= 3; } },
      { id: 'readBack', page: `streams/${SEQ}`, check: (c) => total(c, SEQ, 'readCalls') >= 1 },
    ],
  },
  {
    id: 'throttling',
    scenario: scenario('throttling', 1, [producer(THROTTLE, 1500, { kind: 'uuid' })]),
    steps: [
      { id: 'see', page: `streams/${THROTTLE}`, check: (c) => total(c, THROTTLE, 'throttledWriteRecords') > 0 },
      {
        id: 'fix', page: `streams/${THROTTLE}`,
        check: (c, m) => quietSince(c, m, 'fix', (streamOf(c, THROTTLE)?.openShardCount ?? 0) >= 2 && isActive(c, THROTTLE), total(c, THROTTLE, 'throttledWriteRecords'), 10_000),
      },
    ],
  },
  {
    id: 'hotKey',
    scenario: scenario('hot-key', 2, [producer(HOT, 1600, { kind: 'hotKey', hotKey: 'user-42', hotPercent: 80, otherKeys: 1000, prefix: 'user-' })]),
    steps: [
      { id: 'see', page: `streams/${HOT}`, check: (c) => total(c, HOT, 'throttledWriteRecords') > 0 },
      { id: 'split', page: `streams/${HOT}`, check: (c) => (streamOf(c, HOT)?.openShardCount ?? 0) >= 3 },
      {
        id: 'stillHot', page: `streams/${HOT}`,
        check: (c, m) => grewSince(m, 'after-split', (streamOf(c, HOT)?.openShardCount ?? 0) >= 3 && isActive(c, HOT), total(c, HOT, 'throttledWriteRecords'), 100),
      },
    ],
  },
  {
    id: 'resharding',
    scenario: scenario('resharding', 2, [producer(RESHARD, 100, { kind: 'uuid' })]),
    steps: [
      { id: 'split', page: `streams/${RESHARD}`, check: (c) => shardsOf(c, RESHARD).some((s) => s.childNumbers.length === 2) },
      { id: 'merge', page: `streams/${RESHARD}`, check: (c) => shardsOf(c, RESHARD).some((s) => s.adjacentParentNumber !== undefined) },
      { id: 'update', page: `streams/${RESHARD}`, check: (c) => streamOf(c, RESHARD)?.openShardCount === 4 && isActive(c, RESHARD) },
    ],
  },
  {
    id: 'retention',
    scenario: scenario('retention', 1, [producer(RETENTION, 20, { kind: 'uuid' })]),
    steps: [
      { id: 'extend', page: `streams/${RETENTION}`, check: (c) => (streamOf(c, RETENTION)?.retentionHours ?? 0) >= 48 },
      { id: 'replay', page: `streams/${RETENTION}`, check: (c) => total(c, RETENTION, 'readCalls') >= 1 },
    ],
  },
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
