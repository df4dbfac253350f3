/**
 * The workload description read by the planner and by `npm run plan`, and its validation.
 *
 * Format (JSON; sizes in bytes, rates per second; defaults in brackets):
 * {
 *   "name": "clickstream",                       // 1–256 chars
 *   "description": "…",                          // optional
 *   "traffic": {
 *     "recordsPerSecond": { "average": 2000, "peak": 8000 [= average],
 *                           "surge": { "recordsPerSecond": 20000, "seconds": 60 } [none],
 *                           "previousPeak": 1500 [= peak] },  // trailing 30-day peak before this load (on-demand ramp check)
 *     "recordSize": { "kind": "fixed", "bytes": 800 }            // data blob only, 1 … maxRecordSizeBytes
 *                 | { "kind": "uniform", "minBytes": 200, "maxBytes": 2000 }
 *                 | { "kind": "lognormal", "medianBytes": 600, "sigma": 0.5 }     // sigma 0 … 3
 *                 | { "kind": "histogram", "buckets": [{ "bytes": 100, "weight": 3 }, …] },
 *     "partitionKeyBytes": 12,                    // mean UTF-8 key length, 1–256 [from key names]
 *     "keys": { "kind": "uniform", "count": 10000, "prefix": "device-" ["key-"] }   // keys are prefix + index
 *           | { "kind": "zipf", "count": 5000, "exponent": 1.1 }                     // exponent 0 … 5
 *           | { "kind": "hot-key", "hotKey": "device-17", "share": 0.3, "otherKeys": 1000 }  // share 0 … 1
 *           | { "kind": "explicit", "weights": { "tenant-a": 5, "tenant-b": 1 } },  // relative weights
 *     "aggregation": { "enabled": false, "keysCarryOrdering": false }               // KPL-style
 *   },
 *   "consumers": [                                 // [none]; "count" (1–100) repeats identical consumers
 *     { "kind": "polling", "name": "kcl-app", "pollsPerSecondPerShard": 1 [1, 0.2–5],
 *       "maxRecordsPerSecondPerShard": 500 [unbounded], "maxAcceptableLagSeconds": 30 [none], "count": 1 },
 *     { "kind": "efo", "name": "fraud", "maxRecordsPerSecondPerShard": …, "maxAcceptableLagSeconds": … },
 *     { "kind": "lambda", "name": "enrich", "batchSize": 100 [100, 1–10000], "parallelizationFactor": 1 [1–10],
 *       "averageDurationMs": 200, "efo": false [polls like a shared consumer], "maxAcceptableLagSeconds": … }
 *   ],
 *   "retentionHours": 24 [24, 24–8760],
 *   "targetUtilization": 0.8 [0.8, > 0 … 1],         // headroom kept on every shard at peak
 *   "maxRecordSizeKiB": 1024 [1024, 1024–10240],        // the stream's MaxRecordSizeInKiB (data + key)
 *   "maxRecordSizeBytes": 1048576 [1 MiB, ≤ 10 MiB],    // the same in bytes (older workloads); not with maxRecordSizeKiB
 *   "longTermReadGiBPerMonth": 0 [0],                  // reads of data older than 7 days
 *   "onDemand": { "warmThroughputMiBps": 50 [none], "efoCountsTowardCommitment": true [true] },
 *   "firehose": { "name": "logs-to-s3", "source": "direct-put" | "kinesis-stream" | "vended-logs",
 *                 "recordsPerSecond": … [= traffic average], "recordSize": … [= traffic recordSize],
 *                 "recordsPerEntry": 1 [1–500],     // client-side batching of newline-delimited records
 *                 "bufferSizeMiB": 5 [1–128], "bufferIntervalSeconds": 300 [0–900],
 *                 "formatConversion": false, "dynamicPartitioning": { "partitions": 10, "jqHoursPerMonth": 0 },
 *                 "vpc": { "azCount": 2 } } [none],
 *   "analytics": { "kind": "flink", "parallelism": 4, "parallelismPerKpu": 1 [1], "studio": false }
 *              | { "kind": "legacy-sql", "kpus": 2 } [none],
 *   "currentShards": 4 [none],                          // open shards today: adds the UpdateShardCount path
 *   "hoursPerMonth": 730 [730],
 *   "putLatency": { "baseMs": 20, "perRecordMs": 0.02, "sigma": 0.25, "recordsPerCall": 250 } [engine defaults]
 * }
 */
import type { RecordSizeDistribution } from './record-size';
import { JsonReader, join, type WorkloadIssue } from './workload-reader';
import { DEFAULT_MAX_RECORD_BYTES, HOURS_PER_MONTH, MAX_RECORD_BYTES_CEILING, RETENTION_HOURS_MAX, RETENTION_HOURS_MIN } from './units';
import { readAnalytics, readConsumer, readFirehose, readKeys, readRecordSize } from './workload-parts';

export type { WorkloadIssue } from './workload-reader';

export type KeyDistribution =
  | { readonly kind: 'uniform'; readonly count: number; readonly prefix: string }
  | { readonly kind: 'zipf'; readonly count: number; readonly exponent: number; readonly prefix: string }
  | { readonly kind: 'hot-key'; readonly hotKey: string; readonly share: number; readonly otherKeys: number; readonly prefix: string }
  | { readonly kind: 'explicit'; readonly weights: Readonly<Record<string, number>> };

interface ConsumerBase {
  readonly name: string;
  readonly count: number;
  readonly maxAcceptableLagSeconds?: number;
}

export type ConsumerSpec =
  | (ConsumerBase & { readonly kind: 'polling'; readonly pollsPerSecondPerShard: number; readonly maxRecordsPerSecondPerShard?: number })
  | (ConsumerBase & { readonly kind: 'efo'; readonly maxRecordsPerSecondPerShard?: number })
  | (ConsumerBase & {
      readonly kind: 'lambda';
      readonly batchSize: number;
      readonly parallelizationFactor: number;
      readonly averageDurationMs: number;
      readonly efo: boolean;
    });

export type FirehoseSource = 'direct-put' | 'kinesis-stream' | 'vended-logs';

export interface FirehoseSpec {
  readonly name: string;
  readonly source: FirehoseSource;
  readonly recordsPerSecond: number;
  readonly recordSize: RecordSizeDistribution;
  readonly recordsPerEntry: number;
  readonly bufferSizeMiB: number;
  readonly bufferIntervalSeconds: number;
  readonly formatConversion: boolean;
  readonly dynamicPartitioning?: { readonly partitions: number; readonly jqHoursPerMonth: number };
  readonly vpc?: { readonly azCount: number };
}

export type AnalyticsSpec =
  | { readonly kind: 'flink'; readonly parallelism: number; readonly parallelismPerKpu: number; readonly studio: boolean }
  | { readonly kind: 'legacy-sql'; readonly kpus: number };

export interface Workload {
  readonly name: string;
  readonly description?: string;
  readonly traffic: {
    readonly recordsPerSecond: {
      readonly average: number;
      readonly peak: number;
      readonly surge?: { readonly recordsPerSecond: number; readonly seconds: number };
      readonly previousPeak: number;
    };
    readonly recordSize: RecordSizeDistribution;
    readonly partitionKeyBytes: number;
    readonly keys: KeyDistribution;
    readonly aggregation: { readonly enabled: boolean; readonly keysCarryOrdering: boolean };
  };
  readonly consumers: readonly ConsumerSpec[];
  readonly retentionHours: number;
  readonly targetUtilization: number;
  readonly maxRecordSizeBytes: number;
  readonly longTermReadGiBPerMonth: number;
  readonly onDemand: { readonly warmThroughputMiBps?: number; readonly efoCountsTowardCommitment: boolean };
  readonly firehose?: FirehoseSpec;
  readonly analytics?: AnalyticsSpec;
  readonly hoursPerMonth: number;
  readonly currentShards?: number;
  /**
   * The producers' put-call latency model, when known (scenarios): median round trip, extra per record
   * in the call, log-normal σ, and records per call; the engine's defaults apply when absent.
   */
  readonly putLatency?: { readonly baseMs: number; readonly perRecordMs: number; readonly sigma: number; readonly recordsPerCall: number };
}

export type WorkloadParse = { readonly ok: true; readonly workload: Workload } | { readonly ok: false; readonly issues: readonly WorkloadIssue[] };

const TOP_FIELDS = ['name', 'description', 'traffic', 'consumers', 'retentionHours', 'targetUtilization', 'maxRecordSizeBytes', 'maxRecordSizeKiB', 'longTermReadGiBPerMonth', 'onDemand', 'firehose', 'analytics', 'hoursPerMonth', 'currentShards', 'putLatency'];
const RATE_LIMIT = 1e9;

/** Validates untrusted JSON and resolves defaults; lists every problem with its path and allowed range. */
export function parseWorkload(json: unknown): WorkloadParse {
  const r = new JsonReader();
  const top = r.object(json, '(workload)');
  if (!top) return { ok: false, issues: r.issues };
  r.noUnknownFields(top, '', TOP_FIELDS);
  const name = r.string(top, 'name', '');
  const description = top.description === undefined ? undefined : r.string(top, 'description', '', undefined, 4000);
  // AWS's own unit is MaxRecordSizeInKiB, 1,024–10,240 (API_UpdateMaxRecordSize); bytes stay accepted.
  const maxRecordSizeKiB = r.optionalNumber(top, 'maxRecordSizeKiB', '', { min: 1024, max: MAX_RECORD_BYTES_CEILING / 1024, integer: true });
  if (maxRecordSizeKiB !== undefined && top.maxRecordSizeBytes !== undefined) r.fail('maxRecordSizeKiB', 'give maxRecordSizeKiB or maxRecordSizeBytes, not both');
  const maxRecordSizeBytes = maxRecordSizeKiB !== undefined ? maxRecordSizeKiB * 1024 : r.number(top, 'maxRecordSizeBytes', '', { min: 1024, max: MAX_RECORD_BYTES_CEILING, integer: true }, DEFAULT_MAX_RECORD_BYTES);

  const trafficObj = r.object(top.traffic, 'traffic') ?? {};
  r.noUnknownFields(trafficObj, 'traffic', ['recordsPerSecond', 'recordSize', 'partitionKeyBytes', 'keys', 'aggregation']);
  const rpsObj = r.object(trafficObj.recordsPerSecond, 'traffic.recordsPerSecond') ?? {};
  const rpsPath = 'traffic.recordsPerSecond';
  r.noUnknownFields(rpsObj, rpsPath, ['average', 'peak', 'surge', 'previousPeak']);
  const average = r.number(rpsObj, 'average', rpsPath, { min: 0, minExclusive: true, max: RATE_LIMIT });
  const peak = r.number(rpsObj, 'peak', rpsPath, { min: Number.isFinite(average) ? average : 0, max: RATE_LIMIT }, average);
  // A recurring peak has been seen before, so by default it is its own trailing 30-day peak.
  const previousPeak = r.number(rpsObj, 'previousPeak', rpsPath, { min: 0, max: RATE_LIMIT }, peak);
  let surge: Workload['traffic']['recordsPerSecond']['surge'];
  if (rpsObj.surge !== undefined) {
    const s = r.object(rpsObj.surge, join(rpsPath, 'surge')) ?? {};
    const sp = join(rpsPath, 'surge');
    r.noUnknownFields(s, sp, ['recordsPerSecond', 'seconds']);
    surge = {
      recordsPerSecond: r.number(s, 'recordsPerSecond', sp, { min: Number.isFinite(peak) ? peak : 0, max: RATE_LIMIT }),
      seconds: r.number(s, 'seconds', sp, { min: 1, max: 86_400 }),
    };
  }
  const recordSize = readRecordSize(r, trafficObj.recordSize, 'traffic.recordSize', maxRecordSizeBytes);
  const keys = readKeys(r, trafficObj.keys, 'traffic.keys');
  const partitionKeyBytes = r.number(trafficObj, 'partitionKeyBytes', 'traffic', { min: 1, max: 256 }, defaultKeyBytes(keys));
  const aggObj = trafficObj.aggregation === undefined ? {} : (r.object(trafficObj.aggregation, 'traffic.aggregation') ?? {});
  r.noUnknownFields(aggObj, 'traffic.aggregation', ['enabled', 'keysCarryOrdering']);
  const aggregation = {
    enabled: r.boolean(aggObj, 'enabled', 'traffic.aggregation', false),
    keysCarryOrdering: r.boolean(aggObj, 'keysCarryOrdering', 'traffic.aggregation', false),
  };

  const consumers = r.array(top, 'consumers', '', true).map((c, i) => readConsumer(r, c, `consumers[${i}]`));
  const onDemandObj = top.onDemand === undefined ? {} : (r.object(top.onDemand, 'onDemand') ?? {});
  r.noUnknownFields(onDemandObj, 'onDemand', ['warmThroughputMiBps', 'efoCountsTowardCommitment']);
  const onDemand = {
    warmThroughputMiBps: r.optionalNumber(onDemandObj, 'warmThroughputMiBps', 'onDemand', { min: 1, max: 10 * 1024 }),
    efoCountsTowardCommitment: r.boolean(onDemandObj, 'efoCountsTowardCommitment', 'onDemand', true),
  };
  const defaults = { recordsPerSecond: average, recordSize };
  const workload: Workload = {
    name,
    description,
    traffic: { recordsPerSecond: { average, peak, surge, previousPeak }, recordSize, partitionKeyBytes, keys, aggregation },
    consumers,
    retentionHours: r.number(top, 'retentionHours', '', { min: RETENTION_HOURS_MIN, max: RETENTION_HOURS_MAX }, 24),
    targetUtilization: r.number(top, 'targetUtilization', '', { min: 0, minExclusive: true, max: 1 }, 0.8),
    maxRecordSizeBytes,
    longTermReadGiBPerMonth: r.number(top, 'longTermReadGiBPerMonth', '', { min: 0, max: 1e9 }, 0),
    onDemand,
    firehose: top.firehose === undefined ? undefined : readFirehose(r, top.firehose, 'firehose', defaults),
    analytics: top.analytics === undefined ? undefined : readAnalytics(r, top.analytics, 'analytics'),
    hoursPerMonth: r.number(top, 'hoursPerMonth', '', { min: 1, max: 744 }, HOURS_PER_MONTH),
    currentShards: r.optionalNumber(top, 'currentShards', '', { min: 1, max: 100_000, integer: true }),
    ...(top.putLatency === undefined ? {} : { putLatency: readPutLatency(r, top.putLatency) }),
  };
  const names = new Set<string>();
  consumers.forEach((c, i) => {
    if (names.has(c.name)) r.fail(`consumers[${i}].name`, `"${c.name}" is used by another consumer; names must be unique`);
    names.add(c.name);
  });
  return r.issues.length ? { ok: false, issues: r.issues } : { ok: true, workload };
}

/** Mean UTF-8 length of the key names the distribution generates (prefix + index). */
function readPutLatency(r: JsonReader, value: unknown): NonNullable<Workload['putLatency']> {
  const o = r.object(value, 'putLatency') ?? {};
  r.noUnknownFields(o, 'putLatency', ['baseMs', 'perRecordMs', 'sigma', 'recordsPerCall']);
  return {
    baseMs: r.number(o, 'baseMs', 'putLatency', { min: 0, max: 60_000 }),
    perRecordMs: r.number(o, 'perRecordMs', 'putLatency', { min: 0, max: 1000 }),
    sigma: r.number(o, 'sigma', 'putLatency', { min: 0, max: 3 }),
    recordsPerCall: r.number(o, 'recordsPerCall', 'putLatency', { min: 1, max: 500 }),
  };
}

function defaultKeyBytes(keys: KeyDistribution): number {
  const utf8 = (s: string) => new TextEncoder().encode(s).length;
  switch (keys.kind) {
    case 'explicit': {
      const names = Object.keys(keys.weights);
      return names.length ? names.reduce((s, k) => s + utf8(k), 0) / names.length : 1;
    }
    case 'hot-key':
      return utf8(keys.prefix) + Math.max(1, String(Math.max(0, keys.otherKeys - 1)).length);
    default:
      return utf8(keys.prefix) + Math.max(1, String(Math.max(0, keys.count - 1)).length);
  }
}

export function formatIssues(issues: readonly WorkloadIssue[]): string {
  return issues.map((i) => `  ${i.path}: ${i.message}`).join('\n');
}
