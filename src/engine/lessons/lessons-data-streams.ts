/**
 * The Data Streams lessons: records and keys, routing, sequence numbers, limits and throttling, a
 * hot key and AUTO distribution, resharding, retention and replay, consumers and lag. Limits come
 * from the Data Streams quotas page: https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html
 * (1 MiB/s or 1,000 records/s written per shard; 2 MiB/s and 5 GetRecords calls/s read per shard),
 * routing from https://docs.aws.amazon.com/streams/latest/dev/key-concepts.html (partition key →
 * MD5 → 128-bit hash key → the shard whose range holds it).
 */
import type { Lesson } from './lesson-types';
import { grewSince, isActive, isJsonObject, quietSince, recordsOn, shardsOf, someRecord, streamOf, total } from './lesson-checks';
import { autoDistributionScenario, consumersScenario, producer, scenario } from './lesson-scenarios';
import { consumersOf, once } from './service-checks';

const RECORDS = 'lesson-records';
const ROUTING = 'lesson-routing';
const SEQ = 'lesson-sequence';
const THROTTLE = 'lesson-throttling';
const HOT = 'lesson-hot-key';
const AUTO = 'lesson-auto-distribution';
const RESHARD = 'lesson-resharding';
const RETENTION = 'lesson-retention';
const CONSUMERS = 'lesson-consumers';

/** What the learner runs in the SDK playground: DescribeStreamSummary for the ARN, then the switch to AUTO. */
export const AUTO_CODE = `import { KinesisClient, DescribeStreamSummaryCommand, UpdateStreamRecordDistributionStrategyCommand } from '@aws-sdk/client-kinesis';

const client = new KinesisClient({});
const { StreamDescriptionSummary: s } = await client.send(new DescribeStreamSummaryCommand({ StreamName: 'lesson-auto-distribution' }));
await client.send(new UpdateStreamRecordDistributionStrategyCommand({ StreamARN: s.StreamARN, RecordDistributionStrategy: 'AUTO' }));
console.log('RecordDistributionStrategy is now AUTO on', s.StreamName);
`;

/** Shards of `stream` holding records of partition key `key`. */
function shardsHoldingKey(stream: string, key: string, ctx: Parameters<typeof shardsOf>[0]): number {
  let n = 0;
  for (const sh of shardsOf(ctx, stream)) {
    for (let i = sh.log.headIndex; i < sh.log.endIndex; i++) {
      if (sh.log.countAt(i) === 1 && sh.log.keyAt(i) === key) {
        n++;
        break;
      }
    }
  }
  return n;
}

export const DATA_STREAMS_LESSONS: readonly Lesson[] = [
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
    // AUTO: "Kinesis Data Streams distributes records across shards" and ignores the partition key for
    // placement: https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateStreamRecordDistributionStrategy.html
    id: 'autoDistribution',
    scenario: autoDistributionScenario(AUTO),
    steps: [
      { id: 'see', page: `streams/${AUTO}`, check: (c, m) => once(m, 'throttled', total(c, AUTO, 'throttledWriteRecords') > 0) },
      { id: 'auto', page: 'playground', code: AUTO_CODE, check: (c) => streamOf(c, AUTO)?.distribution === 'AUTO' },
      {
        id: 'spread', page: `streams/${AUTO}`,
        check: (c, m) => quietSince(c, m, 'spread', streamOf(c, AUTO)?.distribution === 'AUTO' && shardsHoldingKey(AUTO, 'user-42', c) >= 2, total(c, AUTO, 'throttledWriteRecords'), 10_000),
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
  {
    // Iterator age = GetRecords' MillisBehindLatest (the consumers' lag in time):
    // https://docs.aws.amazon.com/streams/latest/dev/monitoring-with-cloudwatch.html
    id: 'consumers',
    scenario: consumersScenario(CONSUMERS),
    steps: [
      { id: 'lag', page: 'consumers', check: (c, m) => once(m, 'lag', consumersOf(c, CONSUMERS, 'kcl').some((f) => f.iteratorAgeMs > 30_000)) },
      {
        id: 'catchUp', page: 'consumers',
        check: (c, m) => once(m, 'caught-up', m.lag === 1 && consumersOf(c, CONSUMERS, 'kcl').some((f) => f.recordsProcessed > 0 && f.iteratorAgeMs < 5_000 && f.lagRecords < 1_000)),
      },
      { id: 'fanOut', page: 'consumers', check: (c) => consumersOf(c, CONSUMERS, 'efo').some((f) => f.recordsProcessed > 0) },
      { id: 'lambda', page: 'consumers', check: (c) => consumersOf(c, CONSUMERS, 'lambda').some((f) => (f.invocations ?? 0) > 0) },
    ],
  },
];
