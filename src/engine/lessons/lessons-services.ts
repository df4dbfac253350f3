/**
 * The lessons beyond one data stream: Amazon Data Firehose (buffering; compression, a transform,
 * destinations and failures; versus Data Streams), streaming SQL (windows and reference data; Flink
 * SQL), the Kinesis Agent, Kinesis Video Streams, Kinesis versus SQS, and capacity and cost. Each
 * check reads the world part that owns the service (service-checks.ts).
 */
import { workloadFromScenario } from '../capacity/from-scenario';
import { planCapacity } from '../capacity/plan';
import { parseWorkload } from '../capacity/workload';
import { COMPARE_STREAM } from '../queues/world/comparison';
import type { ScenarioDoc } from '../scenario/schema';
import type { Lesson, LessonContext } from './lesson-types';
import { isActive, isJsonObject, quietSince, someRecord, streamOf, total } from './lesson-checks';
import {
  firehoseBufferingScenario, firehoseDeliveryScenario, producer, scenario, sqlScenario, sqsScenario, streamsVsFirehoseScenario, videoScenario,
} from './lesson-scenarios';
import {
  agentRecordsSent, agents, consumersOf, deliveryView, deliveryViews, elapsedSec, flushSeen, once, queues, sinkRows, sqlApps, videoFigures,
} from './service-checks';

const FIREHOSE_STREAM = 'lesson-firehose';
const TO_S3 = 'lesson-to-s3';
const DELIVERY = 'lesson-delivery';
const VS_STREAM = 'lesson-streams-vs-firehose';
const ARCHIVE = 'lesson-archive';
const SQL = 'lesson-sql';
const FLINK = 'lesson-flink';
const AGENT = 'lesson-agent';
const VIDEO = 'lesson-camera';
const CAPACITY = 'lesson-capacity';

/** The Planner's recommendation for a stream of the world's document (the same kernel the Planner page calls). */
export function recommendationFor(doc: ScenarioDoc, stream: string): { streamMode: 'PROVISIONED' | 'ON_DEMAND'; shardCount?: number } | undefined {
  if (!doc.streams.some((s) => s.name === stream)) return undefined;
  const parsed = parseWorkload(JSON.parse(JSON.stringify(workloadFromScenario(doc, stream).workload)));
  return parsed.ok ? planCapacity(parsed.workload).recommendation.settings : undefined;
}

function followsRecommendation(c: LessonContext): boolean {
  const s = streamOf(c, CAPACITY);
  const r = recommendationFor(c.world.doc, CAPACITY);
  if (!s || !r || !isActive(c, CAPACITY)) return false;
  return r.streamMode === 'ON_DEMAND' ? s.mode === 'ON_DEMAND' : s.mode === 'PROVISIONED' && s.openShardCount === r.shardCount && s.openShardCount > 1;
}

/** Delivery attempts that failed: more unsuccessful attempts than batches still waiting for their current attempt's answer. */
function failing(c: LessonContext): boolean {
  const v = deliveryView(c, DELIVERY);
  return v !== undefined && v.failedAttempts > v.batchesInFlight;
}

/** The comparison's queue and stream consumers by name. */
function compared(c: LessonContext) {
  const q = queues(c)[0];
  const k = (name: string) => consumersOf(c, COMPARE_STREAM).find((f) => f.name === name);
  const qc = (name: string) => q?.consumers.find((x) => x.name === name);
  return { q, k, qc, written: total(c, COMPARE_STREAM, 'incomingRecords'), sent: q?.totals.sent ?? 0 };
}

export const SERVICE_LESSONS: readonly Lesson[] = [
  {
    id: 'firehose',
    scenario: firehoseBufferingScenario(FIREHOSE_STREAM, TO_S3),
    steps: [
      { id: 'interval', page: 'firehose', check: (c, m) => flushSeen(c, m, 'flush:interval', TO_S3, (f) => f.reason === 'interval' && f.outcome === 'delivered') },
      { id: 'size', page: 'firehose', check: (c, m) => flushSeen(c, m, 'flush:size', TO_S3, (f) => f.reason === 'size' && f.outcome === 'delivered') },
    ],
  },
  {
    // Compression, Lambda transformation, destination errors and retries:
    // https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html,
    // https://docs.aws.amazon.com/firehose/latest/dev/basic-deliver.html#retry
    id: 'firehoseDelivery',
    scenario: firehoseDeliveryScenario(DELIVERY),
    steps: [
      { id: 'gzip', page: `firehose/${DELIVERY}`, check: (c, m) => flushSeen(c, m, 'gzip', DELIVERY, (f) => f.outcome === 'delivered' && (f.objectKey ?? '').endsWith('.gz')) },
      { id: 'transform', page: `firehose/${DELIVERY}`, check: (c, m) => once(m, 'transformed', (deliveryView(c, DELIVERY)?.transform?.okRecords ?? 0) > 0) },
      { id: 'fail', page: `firehose/${DELIVERY}`, check: (c, m) => once(m, 'failed', failing(c)) },
      {
        id: 'recover', page: `firehose/${DELIVERY}`,
        check: (c, m) => m.failed === 1 && flushSeen(c, m, 'recovered', DELIVERY, (f) => f.outcome === 'delivered' && (f.attempts ?? 1) > 1),
      },
    ],
  },
  {
    id: 'streamsVsFirehose',
    scenario: streamsVsFirehoseScenario(VS_STREAM, ARCHIVE),
    steps: [
      { id: 'read', page: `streams/${VS_STREAM}`, check: (c) => total(c, VS_STREAM, 'readCalls') >= 1 },
      { id: 'delivered', page: `firehose/${ARCHIVE}`, check: (c, m) => flushSeen(c, m, 'archived', ARCHIVE, (f) => f.outcome === 'delivered') },
      { id: 'directPut', page: 'firehose', check: (c) => deliveryViews(c).some((v) => v.type === 'DirectPut' && v.incomingRecords > 0) },
    ],
  },
  {
    // Windows: https://docs.aws.amazon.com/kinesisanalytics/latest/dev/windowed-sql.html; reference data:
    // https://docs.aws.amazon.com/kinesisanalytics/latest/dev/app-add-reference-data.html
    id: 'sqlWindows',
    scenario: sqlScenario('sql', SQL, true),
    steps: [
      { id: 'tumbling', page: 'analytics', check: (c, m) => once(m, 'windows', sqlApps(c).some((a) => a.name !== 'sections' && a.dialect === 'kda' && sinkRows(a) > 0)) },
      { id: 'reference', page: 'analytics', check: (c, m) => once(m, 'joined', sqlApps(c).some((a) => a.name === 'sections' && a.status === 'RUNNING' && sinkRows(a) > 0)) },
    ],
  },
  {
    // Amazon Managed Service for Apache Flink (formerly Kinesis Data Analytics): https://docs.aws.amazon.com/managed-flink/latest/java/how-it-works.html
    id: 'flinkSql',
    scenario: sqlScenario('flink', FLINK, false),
    steps: [
      { id: 'start', page: 'analytics', check: (c, m) => once(m, 'started', sqlApps(c).some((a) => a.dialect === 'flink' && a.status === 'RUNNING')) },
      { id: 'windows', page: 'analytics', check: (c, m) => once(m, 'rows', sqlApps(c).some((a) => a.dialect === 'flink' && sinkRows(a) > 0)) },
    ],
  },
  {
    // The agent tails files and sends lines as records; LOGTOJSON turns log lines into JSON:
    // https://docs.aws.amazon.com/streams/latest/dev/writing-with-agents.html
    id: 'agent',
    scenario: scenario('agent', 1),
    steps: [
      { id: 'add', page: 'agents', check: (c) => agentRecordsSent(c, `kinesisStream:${AGENT}`) > 0 && total(c, AGENT, 'incomingRecords') > 0 },
      { id: 'json', page: `streams/${AGENT}`, check: (c) => someRecord(c, AGENT, (_k, payload) => isJsonObject(payload)) },
      {
        id: 'restart', page: 'agents',
        check: (c, m) => {
          const restarted = agents(c).some((a) => a.restarts > 0);
          if (restarted && m.sentAtRestart === undefined) m.sentAtRestart = agentRecordsSent(c, `kinesisStream:${AGENT}`);
          return restarted && agentRecordsSent(c, `kinesisStream:${AGENT}`) > (m.sentAtRestart ?? Infinity);
        },
      },
    ],
  },
  {
    // Fragments, PutMedia and the archived-media APIs: https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/how-it-works.html
    id: 'video',
    scenario: videoScenario('video', VIDEO),
    steps: [
      { id: 'camera', page: 'video', check: (c) => (videoFigures(c, VIDEO)?.fragmentsIngested ?? 0) >= 3 },
      { id: 'images', page: 'video', check: (c) => (videoFigures(c, VIDEO)?.metric('GetImages.Requests') ?? 0) > 0 },
    ],
  },
  {
    id: 'sqs',
    scenario: sqsScenario(),
    steps: [
      {
        id: 'fanOut', page: 'queues', check: (c, m) => once(m, 'fan-out', (() => {
          const { k, qc, written, sent } = compared(c);
          const steady = k('steady')?.recordsProcessed ?? 0;
          return elapsedSec(c) >= 30 && written > 0 && steady >= 0.9 * written - 1_000 && (qc('steady')?.processed ?? 0) < 0.75 * sent;
        })()),
      },
      {
        id: 'replay', page: 'queues', check: (c, m) => once(m, 'replay', (() => {
          const { k, qc, written, sent } = compared(c);
          return elapsedSec(c) >= 125 && (k('replays')?.recordsProcessed ?? 0) >= 0.9 * written && (qc('replays')?.processed ?? 0) < 0.5 * sent;
        })()),
      },
      {
        id: 'fifo', page: 'queues', check: (c) => {
          const q = queues(c)[0];
          return q !== undefined && q.fifo && elapsedSec(c) >= 10 && q.consumers.some((x) => x.processed > 0) && q.consumers.every((x) => x.outOfOrder === 0);
        },
      },
    ],
  },
  {
    // Shards needed for a load, and the monthly cost of provisioned vs on-demand:
    // https://aws.amazon.com/kinesis/data-streams/pricing/
    id: 'capacity',
    scenario: scenario('capacity', 1, [producer(CAPACITY, 2500, { kind: 'uuid' }, 400)]),
    steps: [
      { id: 'apply', page: 'planner', check: followsRecommendation },
      {
        id: 'verify', page: `streams/${CAPACITY}`,
        check: (c, m) => quietSince(c, m, 'verify', followsRecommendation(c) && total(c, CAPACITY, 'incomingRecords') > 0, total(c, CAPACITY, 'throttledWriteRecords'), 10_000),
      },
    ],
  },
];
