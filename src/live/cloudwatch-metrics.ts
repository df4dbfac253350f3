/**
 * Per-shard traffic and throttling from Amazon CloudWatch, when the endpoint offers it. Kinesis Data
 * Streams publishes stream-level metrics (dimension StreamName) every minute at no charge, and
 * shard-level ("enhanced") metrics (dimensions StreamName + ShardId) only for the metrics enabled with
 * EnableEnhancedMonitoring, which DescribeStreamSummary lists as EnhancedMonitoring[].ShardLevelMetrics
 * (https://docs.aws.amazon.com/streams/latest/dev/monitoring-with-cloudwatch.html; names and the
 * ALL value: https://docs.aws.amazon.com/kinesis/latest/APIReference/API_EnhancedMetrics.html).
 * So each metric is asked per shard when it is enabled for shards, else once for the stream.
 *
 * One GetMetricData call (CloudWatchClient, AWS JSON 1.0 in this SDK line) reads the last few
 * 1-minute periods; the newest period with data is the figure shown. Runs in the live worker and in
 * Node tests; not imported by the engine.
 */
import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { LiveCredentials, ResolvedEndpoint } from './endpoint';
import type { LiveClientOptions } from './live-client';

export const METRIC_PERIOD_SEC = 60;
/** How far back each poll looks: metrics arrive a minute or two late, so several periods. */
export const METRIC_LOOKBACK_SEC = 5 * METRIC_PERIOD_SEC;
/** GetMetricData accepts at most 500 MetricDataQuery structures per call (CloudWatch API reference). */
export const METRIC_QUERIES_PER_CALL_MAX = 500;

export type LiveMetric = 'IncomingRecords' | 'IncomingBytes' | 'WriteProvisionedThroughputExceeded' | 'ReadProvisionedThroughputExceeded' | 'IteratorAgeMilliseconds';
export const LIVE_METRICS: readonly LiveMetric[] = ['IncomingRecords', 'IncomingBytes', 'WriteProvisionedThroughputExceeded', 'ReadProvisionedThroughputExceeded', 'IteratorAgeMilliseconds'];

/** The stream-level name differs for iterator age (GetRecords.IteratorAgeMilliseconds); the others are the same. */
const STREAM_LEVEL_NAME: Record<LiveMetric, string> = {
  IncomingRecords: 'IncomingRecords',
  IncomingBytes: 'IncomingBytes',
  WriteProvisionedThroughputExceeded: 'WriteProvisionedThroughputExceeded',
  ReadProvisionedThroughputExceeded: 'ReadProvisionedThroughputExceeded',
  IteratorAgeMilliseconds: 'GetRecords.IteratorAgeMilliseconds',
};

/** Counts and bytes are summed over the period; iterator age is the worst (Maximum) in it. */
const STAT: Record<LiveMetric, string> = {
  IncomingRecords: 'Sum',
  IncomingBytes: 'Sum',
  WriteProvisionedThroughputExceeded: 'Sum',
  ReadProvisionedThroughputExceeded: 'Sum',
  IteratorAgeMilliseconds: 'Maximum',
};

/** One period's figures for a shard or for the whole stream. */
export interface MetricFigures {
  recordsPerSec?: number;
  bytesPerSec?: number;
  /** Records rejected by write throttling in the period (WriteProvisionedThroughputExceeded, Sum). */
  writeThrottled?: number;
  /** GetRecords calls throttled in the period (ReadProvisionedThroughputExceeded, Sum). */
  readThrottled?: number;
  iteratorAgeMs?: number;
  /** End of the newest period that had data (ms since epoch). */
  periodEndMs?: number;
}

export interface MetricsSnapshot {
  readonly stream: MetricFigures;
  readonly shards: Readonly<Record<string, MetricFigures>>;
  /** Which metrics were read per shard (enhanced monitoring on); the rest were read for the stream. */
  readonly shardLevel: readonly LiveMetric[];
  /** How many metrics this poll requested: what GetMetricData is billed by. */
  readonly metricsRequested: number;
  /** True when at least one metric returned a datapoint. */
  readonly hasData: boolean;
}

/** Which of our metrics are enabled per shard, from DescribeStreamSummary's EnhancedMonitoring. */
export function shardLevelMetrics(enabled: readonly string[]): LiveMetric[] {
  if (enabled.includes('ALL')) return [...LIVE_METRICS];
  return LIVE_METRICS.filter((m) => enabled.includes(m));
}

interface QueryTarget {
  readonly metric: LiveMetric;
  readonly shardId?: string;
}

/** The queries for one poll, with ids that map back to metric and shard (ids must start lower-case). */
export function metricQueries(streamName: string, shardIds: readonly string[], shardLevel: readonly LiveMetric[]): { queries: MetricDataQuery[]; targets: Map<string, QueryTarget> } {
  const queries: MetricDataQuery[] = [];
  const targets = new Map<string, QueryTarget>();
  LIVE_METRICS.forEach((metric, mi) => {
    const perShard = shardLevel.includes(metric);
    const over: (string | undefined)[] = perShard ? [...shardIds] : [undefined];
    over.forEach((shardId, si) => {
      const id = perShard ? `m${mi}s${si}` : `m${mi}`;
      targets.set(id, { metric, ...(shardId ? { shardId } : {}) });
      queries.push({
        Id: id,
        MetricStat: {
          Metric: {
            Namespace: 'AWS/Kinesis',
            MetricName: perShard ? metric : STREAM_LEVEL_NAME[metric],
            Dimensions: [{ Name: 'StreamName', Value: streamName }, ...(shardId ? [{ Name: 'ShardId', Value: shardId }] : [])],
          },
          Period: METRIC_PERIOD_SEC,
          Stat: STAT[metric],
        },
        ReturnData: true,
      });
    });
  });
  return { queries, targets };
}

function put(f: MetricFigures, metric: LiveMetric, value: number, endMs: number): void {
  switch (metric) {
    case 'IncomingRecords': f.recordsPerSec = value / METRIC_PERIOD_SEC; break;
    case 'IncomingBytes': f.bytesPerSec = value / METRIC_PERIOD_SEC; break;
    case 'WriteProvisionedThroughputExceeded': f.writeThrottled = value; break;
    case 'ReadProvisionedThroughputExceeded': f.readThrottled = value; break;
    case 'IteratorAgeMilliseconds': f.iteratorAgeMs = value; break;
  }
  f.periodEndMs = Math.max(f.periodEndMs ?? 0, endMs);
}

/** Folds GetMetricData results into per-shard and stream figures: the newest datapoint of each query. */
export function snapshotOf(
  results: readonly { Id?: string; Timestamps?: Date[]; Values?: number[] }[],
  targets: ReadonlyMap<string, QueryTarget>,
  shardLevel: readonly LiveMetric[],
  metricsRequested: number,
): MetricsSnapshot {
  // Pages of one query can repeat its Id: keep the newest datapoint seen for each.
  const newest = new Map<string, { t: number; v: number }>();
  for (const r of results) {
    const ts = r.Timestamps ?? [];
    const vs = r.Values ?? [];
    if (!r.Id || !targets.has(r.Id)) continue;
    for (let i = 0; i < Math.min(ts.length, vs.length); i++) {
      const seen = newest.get(r.Id);
      if (!seen || ts[i].getTime() > seen.t) newest.set(r.Id, { t: ts[i].getTime(), v: vs[i] });
    }
  }
  const stream: MetricFigures = {};
  const shards: Record<string, MetricFigures> = {};
  for (const [id, { t, v }] of newest) {
    const target = targets.get(id)!;
    const f = target.shardId ? (shards[target.shardId] ??= {}) : stream;
    // A datapoint's timestamp is the start of its period.
    put(f, target.metric, v, t + METRIC_PERIOD_SEC * 1000);
  }
  const hasData = newest.size > 0;
  return { stream, shards, shardLevel: [...shardLevel], metricsRequested, hasData };
}

/** A CloudWatch client on the live connection's Region, credentials and (for a URL endpoint) URL. */
export class LiveMetricsClient {
  readonly sdk: CloudWatchClient;

  constructor(endpoint: ResolvedEndpoint, credentials: LiveCredentials, options: LiveClientOptions = {}) {
    this.sdk = new CloudWatchClient({
      region: endpoint.region,
      // An AWS Region: the SDK's own monitoring.<region> endpoint. A URL (our server, LocalStack): the same
      // URL, since emulators that offer CloudWatch serve it beside Kinesis.
      ...(endpoint.isAws ? {} : { endpoint: endpoint.url }),
      credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}) },
      maxAttempts: options.maxAttempts ?? 1,
      ...(options.requestHandler ? { requestHandler: options.requestHandler as never } : {}),
    });
  }

  /** One poll: every metric for the stream's open shards; throws what CloudWatch (or the network) threw. */
  async poll(streamName: string, shardIds: readonly string[], shardLevel: readonly LiveMetric[], nowMs: number): Promise<MetricsSnapshot> {
    const { queries, targets } = metricQueries(streamName, shardIds, shardLevel);
    const end = new Date(Math.floor(nowMs / 60_000) * 60_000);
    const start = new Date(end.getTime() - METRIC_LOOKBACK_SEC * 1000);
    const results: { Id?: string; Timestamps?: Date[]; Values?: number[] }[] = [];
    for (let i = 0; i < queries.length; i += METRIC_QUERIES_PER_CALL_MAX) {
      const batch = queries.slice(i, i + METRIC_QUERIES_PER_CALL_MAX);
      let token: string | undefined;
      // Bounded: a few pages per batch is all 5 periods of 500 queries can take.
      for (let page = 0; page < 10; page++) {
        const out = await this.sdk.send(new GetMetricDataCommand({ MetricDataQueries: batch, StartTime: start, EndTime: end, ScanBy: 'TimestampDescending', ...(token ? { NextToken: token } : {}) }));
        results.push(...(out.MetricDataResults ?? []));
        token = out.NextToken;
        if (!token) break;
      }
    }
    return snapshotOf(results, targets, shardLevel, queries.length);
  }

  destroy(): void {
    this.sdk.destroy();
  }
}
