/**
 * The Kinesis vs SQS comparison in words: the engine measures the figures per point
 * (comparisonFacts), this turns them into the table's rows in the chosen language, with what is
 * true today where older notes say otherwise (spec sqs.md §9). Pure: facts and `t` in, rows out.
 */
import type { TFunction } from 'i18next';
import type { ComparisonFacts } from '../../../engine/queues/world/comparison';
import { formatCount } from '../../format';

export interface ComparisonRow {
  readonly id: string;
  readonly point: string;
  readonly kinesis: string;
  readonly sqs: string;
  /** What is true today where older notes say otherwise. */
  readonly note?: string;
}

const usd = (x: number) => `$${x.toFixed(2)}`;

export function comparisonRows(f: ComparisonFacts, t: TFunction<'queues'>): ComparisonRow[] {
  const n = formatCount;
  const list = (cs: readonly { name: string; processed: number }[]) => cs.map((c) => `${c.name} ${n(c.processed)}`).join(', ');
  return [
    {
      id: 'ordering',
      point: t('points.ordering.point'),
      kinesis: t('points.ordering.kinesis', { shards: f.shards }),
      sqs: t(f.fifo ? 'points.ordering.sqsFifo' : 'points.ordering.sqsStandard', { n: n(f.outOfOrder) }),
      note: t('points.ordering.note'),
    },
    {
      id: 'fanOut',
      point: t('points.fanOut.point'),
      kinesis: t('points.fanOut.kinesis', { list: list(f.kinesisConsumers), written: n(f.written) }),
      sqs: t('points.fanOut.sqs', { list: f.queueConsumers ? list(f.queueConsumers) : '—', sent: n(f.sent), total: n(f.queueProcessed) }),
      note: t('points.fanOut.note'),
    },
    {
      id: 'crash',
      point: t('points.crash.point'),
      kinesis: t('points.crash.kinesis', { redelivered: n(f.crashRedelivered), lag: n(f.crashLagRecords) }),
      sqs: t('points.crash.sqs', { n: n(f.queueRedelivered) }),
    },
    {
      id: 'replay',
      point: t('points.replay.point'),
      kinesis: t('points.replay.kinesis', { n: n(f.replayRecords) }),
      sqs: t('points.replay.sqs', { n: n(f.replayMessages) }),
      note: t('points.replay.note'),
    },
    {
      id: 'throughput',
      point: t('points.throughput.point'),
      kinesis: t('points.throughput.kinesis', { n: n(f.streamThrottled) }),
      sqs: t(f.fifo ? 'points.throughput.sqsFifo' : 'points.throughput.sqsStandard', { n: n(f.queueThrottled) }),
      note: t('points.throughput.note'),
    },
    {
      id: 'latency',
      point: t('points.latency.point'),
      kinesis: t('points.latency.kinesis', { ms: n(f.maxIteratorAgeMs) }),
      sqs: t('points.latency.sqs', { avg: n(f.latencyAvgMs), p99: n(f.latencyP99Ms) }),
    },
    {
      id: 'cost',
      point: t('points.cost.point'),
      kinesis: t('points.cost.kinesis', { usd: usd(f.kinesisMonthlyUsd), shards: f.shards }),
      sqs: t('points.cost.sqs', { usd: usd(f.sqsMonthlyUsd), rps: f.requestsPerSec.toFixed(1), sec: n(f.elapsedSec) }),
      note: t('points.cost.note'),
    },
  ];
}
