/**
 * Kinesis Data Streams and SQS side by side: one scenario with the same workload on a stream
 * and on a queue (same producer rate and message size, the same three consumer roles — a
 * steady one, one that crashes, one that needs to replay from the start), and the point-by-point
 * figures behind each point computed from the live world. Facts per point: spec sqs.md §9 (today's values;
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

interface StreamsSide {
  readonly streams: readonly { readonly name: string; readonly openShards: number; readonly incomingRecordsTotal: number; readonly throttledWriteRecordsTotal: number }[];
  readonly producers: readonly { readonly streamName: string; readonly total: { readonly accepted: number; readonly throttled: number } }[];
  readonly consumers: readonly { readonly name: string; readonly streamName: string; readonly recordsProcessed: number; readonly recordsRedelivered: number; readonly iteratorAgeMs: number; readonly lagRecords: number }[];
}

/**
 * The measured figures behind each point of the comparison: a kernel over the world's snapshot.
 * The console words them, with today's facts per point, in the chosen language
 * (src/app/i18n/locales/<lang>/queues.ts).
 */
export interface ComparisonFacts {
  readonly shards: number;
  readonly fifo: boolean;
  readonly outOfOrder: number;
  readonly kinesisConsumers: readonly { readonly name: string; readonly processed: number }[];
  readonly written: number;
  readonly queueConsumers: readonly { readonly name: string; readonly processed: number }[] | null;
  readonly sent: number;
  readonly queueProcessed: number;
  readonly crashRedelivered: number;
  readonly crashLagRecords: number;
  readonly queueRedelivered: number;
  readonly replayRecords: number;
  readonly replayMessages: number;
  readonly streamThrottled: number;
  readonly queueThrottled: number;
  readonly maxIteratorAgeMs: number;
  readonly latencyAvgMs: number;
  readonly latencyP99Ms: number;
  readonly kinesisMonthlyUsd: number;
  readonly sqsMonthlyUsd: number;
  readonly requestsPerSec: number;
  readonly elapsedSec: number;
}

export function comparisonFacts(p: ComparisonParams, world: StreamsSide & { readonly queues: QueuesReport }, elapsedSec: number): ComparisonFacts {
  const stream = world.streams.find((s) => s.name === COMPARE_STREAM);
  const kConsumers = world.consumers.filter((c) => c.streamName === COMPARE_STREAM);
  const q = world.queues.queues.find((x) => x.name === comparisonQueueName(p));
  const kc = (name: string) => kConsumers.find((c) => c.name === name);
  const qc = (name: string) => q?.consumers.find((c) => c.name === name);
  const kinesisMonthlyUsd = provisionedCost({
    hoursPerMonth: 720, shards: p.shards, recordsPerSecAverage: p.recordsPerSec, bytesPerSecAverage: p.recordsPerSec * p.bodyBytes,
    ppuPerRecordMean: Math.ceil(p.bodyBytes / 25_600), onDemandBilledBytesPerRecordMean: p.bodyBytes, retentionHours: 24,
    sharedConsumers: 3, efoConsumers: 0, longTermReadGiBPerMonth: 0, efoCountsTowardCommitment: true,
  }, DEFAULT_PRICE_TABLE).totalMonthlyUsd;
  return {
    shards: p.shards,
    fifo: p.fifo,
    outOfOrder: q?.consumers.reduce((s, c) => s + c.outOfOrder, 0) ?? 0,
    kinesisConsumers: kConsumers.map((c) => ({ name: c.name, processed: c.recordsProcessed })),
    written: stream?.incomingRecordsTotal ?? 0,
    queueConsumers: q ? q.consumers.map((c) => ({ name: c.name, processed: c.processed })) : null,
    sent: q?.totals.sent ?? 0,
    queueProcessed: q?.consumers.reduce((s, c) => s + c.processed, 0) ?? 0,
    crashRedelivered: kc('crashes')?.recordsRedelivered ?? 0,
    crashLagRecords: kc('crashes')?.lagRecords ?? 0,
    queueRedelivered: q?.consumers.reduce((s, c) => s + c.redelivered, 0) ?? 0,
    replayRecords: kc('replays')?.recordsProcessed ?? 0,
    replayMessages: qc('replays')?.processed ?? 0,
    streamThrottled: stream?.throttledWriteRecordsTotal ?? 0,
    queueThrottled: q?.totals.throttled ?? 0,
    maxIteratorAgeMs: Math.max(0, ...kConsumers.map((c) => c.iteratorAgeMs)),
    latencyAvgMs: qc('steady')?.latencyAvgMs ?? 0,
    latencyP99Ms: qc('steady')?.latencyP99Ms ?? 0,
    kinesisMonthlyUsd,
    sqsMonthlyUsd: q ? q.monthlyCostUsd : sqsMonthlyCostUsd(0, p.bodyBytes, p.fifo),
    requestsPerSec: q?.requestsPerSec ?? 0,
    elapsedSec,
  };
}
