/**
 * Kinesis Data Streams and SQS side by side: one scenario with the same workload on a stream
 * and on a queue (same producer rate and message size, the same three consumer roles — a
 * steady one, one that crashes, one that needs to replay from the start), and the point-by-point
 * comparison computed from the live world. Facts per point: spec sqs.md §9 (today's values;
 * the source notes' stale claims are named and corrected).
 */
import { DEFAULT_PRICE_TABLE } from '../../capacity/price-table';
import { provisionedCost } from '../../capacity/cost-streams';
import type { ScenarioDoc } from '../../scenario/schema';
import type { QueuesReport } from './queues-part';
import { sqsMonthlyCostUsd } from './queues-part';

export interface ComparisonParams {
  readonly recordsPerSec: number;
  readonly bodyBytes: number;
  readonly shards: number;
  readonly fifo: boolean;
  readonly seed?: number;
}

export const DEFAULT_COMPARISON: ComparisonParams = { recordsPerSec: 200, bodyBytes: 512, shards: 1, fifo: false };

export const COMPARE_STREAM = 'compare-stream';

export function comparisonQueueName(p: ComparisonParams): string {
  return p.fifo ? 'compare-queue.fifo' : 'compare-queue';
}

export function comparisonScenario(p: ComparisonParams): ScenarioDoc {
  const rate = { kind: 'constant' as const, recordsPerSec: p.recordsPerSec };
  return {
    version: 1,
    name: 'Kinesis vs SQS',
    description: 'The same workload on a Kinesis stream and an SQS queue: a steady consumer, one that crashes at 60 s for 30 s, and one that starts at 120 s and needs everything from the start.',
    seed: p.seed ?? 7,
    streams: [{ name: COMPARE_STREAM, shards: p.shards, retentionHours: 24 }],
    producers: [{ name: 'orders', stream: COMPARE_STREAM, rate, size: { kind: 'fixed', bytes: p.bodyBytes }, keys: { kind: 'pool', keys: 1000 } }],
    consumers: [
      { name: 'steady', stream: COMPARE_STREAM, type: 'kcl', initialPosition: 'TRIM_HORIZON' },
      { name: 'crashes', stream: COMPARE_STREAM, type: 'kcl', initialPosition: 'TRIM_HORIZON', crashes: [{ atSec: 60, worker: 0, downSec: 30 }] },
      { name: 'replays', stream: COMPARE_STREAM, type: 'kcl', initialPosition: 'TRIM_HORIZON' },
    ],
    queues: [{
      name: comparisonQueueName(p),
      attributes: { VisibilityTimeout: '30', ...(p.fifo ? { ContentBasedDeduplication: 'false' } : {}) },
      producers: [{ name: 'orders', rate, bodyBytes: p.bodyBytes, groups: p.fifo ? 8 : undefined, batch: true }],
      consumers: [
        { name: 'steady', pollers: 2, processingMs: 2 },
        { name: 'crashes', pollers: 2, processingMs: 2, crashAtSec: 60, restartAfterSec: 30 },
        { name: 'replays', pollers: 2, processingMs: 2, startAtSec: 120 },
      ],
    }],
  } as unknown as ScenarioDoc;
}

export interface ComparisonRow {
  readonly point: string;
  readonly kinesis: string;
  readonly sqs: string;
  /** What is true today where older notes say otherwise. */
  readonly note?: string;
}

interface StreamsSide {
  readonly streams: readonly { readonly name: string; readonly openShards: number; readonly incomingRecordsTotal: number; readonly throttledWriteRecordsTotal: number }[];
  readonly producers: readonly { readonly streamName: string; readonly total: { readonly accepted: number; readonly throttled: number } }[];
  readonly consumers: readonly { readonly name: string; readonly streamName: string; readonly recordsProcessed: number; readonly recordsRedelivered: number; readonly iteratorAgeMs: number; readonly lagRecords: number }[];
}

const n = (x: number): string => Math.round(x).toLocaleString('en-US');

export function comparisonRows(p: ComparisonParams, world: StreamsSide & { readonly queues: QueuesReport }, elapsedSec: number): ComparisonRow[] {
  const stream = world.streams.find((s) => s.name === COMPARE_STREAM);
  const kConsumers = world.consumers.filter((c) => c.streamName === COMPARE_STREAM);
  const q = world.queues.queues.find((x) => x.name === comparisonQueueName(p));
  const kc = (name: string) => kConsumers.find((c) => c.name === name);
  const qc = (name: string) => q?.consumers.find((c) => c.name === name);
  const written = stream?.incomingRecordsTotal ?? 0;
  const sent = q?.totals.sent ?? 0;
  const qProcessed = q?.consumers.reduce((s, c) => s + c.processed, 0) ?? 0;
  const costK = provisionedCost({
    hoursPerMonth: 720, shards: p.shards, recordsPerSecAverage: p.recordsPerSec, bytesPerSecAverage: p.recordsPerSec * p.bodyBytes,
    ppuPerRecordMean: Math.ceil(p.bodyBytes / 25_600), onDemandBilledBytesPerRecordMean: p.bodyBytes, retentionHours: 24,
    sharedConsumers: 3, efoConsumers: 0, longTermReadGiBPerMonth: 0, efoCountsTowardCommitment: true,
  }, DEFAULT_PRICE_TABLE).totalMonthlyUsd;
  const costQ = q ? q.monthlyCostUsd : sqsMonthlyCostUsd(0, p.bodyBytes, p.fifo);
  return [
    {
      point: 'Ordering',
      kinesis: `strict per shard (by sequence number); records of one partition key stay in order — ${p.shards} shard(s) here`,
      sqs: p.fifo
        ? `FIFO: strict per message group, one message of a group in flight at a time; out-of-order deliveries seen: ${n(q?.consumers.reduce((s, c) => s + c.outOfOrder, 0) ?? 0)}`
        : `standard: best effort (no order promise), at-least-once; out-of-order deliveries seen: ${n(q?.consumers.reduce((s, c) => s + c.outOfOrder, 0) ?? 0)}`,
      note: 'FIFO queues do keep order (per message group); and Kinesis on-demand streams with AUTO distribution give no per-key order.',
    },
    {
      point: 'Fan-out',
      kinesis: `every consumer reads every record: ${kConsumers.map((c) => `${c.name} ${n(c.recordsProcessed)}`).join(', ')} of ${n(written)} written`,
      sqs: `competing consumers share the messages: ${q?.consumers.map((c) => `${c.name} ${n(c.processed)}`).join(', ') ?? '—'} of ${n(sent)} sent (total ${n(qProcessed)})`,
      note: 'For SQS fan-out, publish to SNS (or EventBridge) with one queue per consumer.',
    },
    {
      point: 'A consumer crashes',
      kinesis: `"crashes" resumes from its checkpoint: ${n(kc('crashes')?.recordsRedelivered ?? 0)} records re-delivered, lag now ${n(kc('crashes')?.lagRecords ?? 0)}`,
      sqs: `its in-flight messages reappear after the visibility timeout and go to the other consumers: ${n(q?.consumers.reduce((s, c) => s + c.redelivered, 0) ?? 0)} redelivered`,
    },
    {
      point: 'Replay and retention',
      kinesis: `"replays" starts late and still reads from TRIM_HORIZON: ${n(kc('replays')?.recordsProcessed ?? 0)} records; retention 24 h default, up to 365 days`,
      sqs: `"replays" only gets what is still queued: ${n(qc('replays')?.processed ?? 0)} messages; deleted messages are gone (DLQ redrive only); retention 60 s – 14 days, default 4 days`,
      note: 'Kinesis retention is no longer capped at 7 days: up to 8,760 hours (365 days).',
    },
    {
      point: 'Throughput units and throttling',
      kinesis: `provisioned: 1 MiB/s or 1,000 records/s in and 2 MiB/s out per shard; throttled writes so far ${n(stream?.throttledWriteRecordsTotal ?? 0)}`,
      sqs: p.fifo
        ? `FIFO: 300 calls/s per action (3,000 msg/s with batches of 10), more in high-throughput mode; throttled so far ${n(q?.totals.throttled ?? 0)}`
        : `standard: nearly unlimited calls per action; throttled so far ${n(q?.totals.throttled ?? 0)}`,
      note: 'Message size: SQS now takes up to 1 MiB (was 256 KiB); Kinesis records up to 1 MiB by default and up to 10 MiB per stream.',
    },
    {
      point: 'Latency',
      kinesis: `records are readable at once; polling consumers see them within their poll interval (max iterator age now ${n(Math.max(0, ...kConsumers.map((c) => c.iteratorAgeMs)))} ms)`,
      sqs: `long polling returns as soon as a message arrives; end-to-end avg ${n(qc('steady')?.latencyAvgMs ?? 0)} ms, p99 ≤ ${n(qc('steady')?.latencyP99Ms ?? 0)} ms (steady consumer)`,
    },
    {
      point: 'Monthly cost of this workload',
      kinesis: `≈ $${costK.toFixed(2)} (provisioned ${p.shards} shard(s), PUT payload units)`,
      sqs: `≈ $${costQ.toFixed(2)} (${(q?.requestsPerSec ?? 0).toFixed(1)} requests/s measured over ${n(elapsedSec)} s, per 64 KB chunk, first 1 M free)`,
      note: 'SQS bills every request — sends, receives (empty ones too) and deletes; Kinesis bills shard-hours and PUT payload units regardless of the number of readers.',
    },
  ];
}
