/**
 * Prices are data (spec capacity-and-cost.md §8.5): a default us-east-1 table whose rows carry
 * their unit, date and source, plus user overrides. The cost model only reads `PriceTable.value`.
 */

export type PriceKey =
  | 'shardHour'
  | 'ppuPerMillion'
  | 'extendedRetentionShardHour'
  | 'longTermGBMonth'
  | 'longTermRetrievalGB'
  | 'efoConsumerShardHour'
  | 'efoGB'
  | 'odStreamHour'
  | 'odInGB'
  | 'odOutGB'
  | 'odEfoGB'
  | 'odExtRetentionGBMonth'
  | 'odLongTermGBMonth'
  | 'advInGB'
  | 'advOutGB'
  | 'advEfoGB'
  | 'advExtRetentionGBMonth'
  | 'advCommitMiBps'
  | 'fhT1'
  | 'fhT2'
  | 'fhT3'
  | 'fhVendedLogsGB'
  | 'fhFormatConversionGB'
  | 'fhDpGB'
  | 'fhDpPer1000Objects'
  | 'fhJqHour'
  | 'fhVpcGB'
  | 'fhVpcAzHour'
  | 'kpuHour'
  | 'flinkStorageGBMonth'
  | 'sqsStandardPerMillion'
  | 'sqsFifoPerMillion'
  | 'kvsIngestGB'
  | 'kvsStoredGBMonth'
  | 'kvsConsumedGB'
  | 'kvsHlsGB'
  | 'kvsDashGB'
  | 'kvsImagesPer1000'
  | 'cwMetricsPer1000';

export interface PriceRow {
  readonly key: PriceKey;
  readonly value: number;
  readonly unit: string;
  /** ISO date the figure was transcribed or last verified. */
  readonly asOf: string;
  readonly source: string;
  /** True when the value came from a user override rather than the default table. */
  readonly overridden?: boolean;
}

export interface PriceTable {
  readonly region: string;
  /** The oldest `asOf` among the rows: the date to show next to any total. */
  readonly asOf: string;
  readonly rows: Readonly<Record<PriceKey, PriceRow>>;
}

const INFRACOST = 'infracost golden tests; AWS pricing page classic example';
const OD_BLOG = 'AWS blog 2026-03-09 (on-demand Advantage); infracost golden tests';
const FH_CALC = 'AWS pricing-calculator notes, usage type BilledBytes';
/** Figures quoted from the page's us-east-1 examples (spec video-streams.md §10). */
const KVS_PAGE = 'spec video-streams.md §10 (aws.amazon.com/kinesis/video-streams/pricing, us-east-1 examples)';
/**
 * The captured pricing page does not show these (spec §10 marks them unconfirmed). The values are our
 * reading of the page's price list, flagged in every video plan's assumptions; override with --price.
 */
const KVS_ASSUMED = 'ASSUMED: not readable in the captured pricing page (spec video-streams.md §10 unconfirmed)';
const FLINK = 'Managed Service for Apache Flink pricing examples';

function row(key: PriceKey, value: number, unit: string, asOf: string, source: string): PriceRow {
  return { key, value, unit, asOf, source };
}

const US_EAST_1_ROWS: readonly PriceRow[] = [
  row('shardHour', 0.015, '$/shard-hour', '2026-11-22', INFRACOST),
  row('ppuPerMillion', 0.014, '$/1M PUT payload units', '2026-11-22', INFRACOST),
  row('extendedRetentionShardHour', 0.02, '$/shard-hour', '2026-11-22', INFRACOST),
  row('longTermGBMonth', 0.023, '$/GB-month', '2026-11-22', INFRACOST),
  row('longTermRetrievalGB', 0.021, '$/GB', '2026-11-22', INFRACOST),
  row('efoConsumerShardHour', 0.015, '$/consumer-shard-hour', '2026-11-22', INFRACOST),
  row('efoGB', 0.013, '$/GB', '2026-11-22', INFRACOST),
  row('odStreamHour', 0.04, '$/stream-hour', '2026-03-09', OD_BLOG),
  row('odInGB', 0.08, '$/GB', '2026-03-09', OD_BLOG),
  row('odOutGB', 0.04, '$/GB', '2026-03-09', OD_BLOG),
  row('odEfoGB', 0.05, '$/GB', '2026-03-09', OD_BLOG),
  row('odExtRetentionGBMonth', 0.1, '$/GB-month', '2026-03-09', OD_BLOG),
  row('odLongTermGBMonth', 0.023, '$/GB-month', '2026-03-09', OD_BLOG),
  row('advInGB', 0.032, '$/GB', '2026-03-09', OD_BLOG),
  row('advOutGB', 0.016, '$/GB', '2026-03-09', OD_BLOG),
  row('advEfoGB', 0.016, '$/GB', '2026-03-09', OD_BLOG),
  row('advExtRetentionGBMonth', 0.023, '$/GB-month', '2026-03-09', OD_BLOG),
  row('advCommitMiBps', 25, 'MiB/s committed, each for ingest and retrieval', '2026-03-09', 'AWS blogs 2025-11-03, 2026-03-09'),
  row('fhT1', 0.029, '$/GB, first 500 TB/month', '2026-11-22', FH_CALC),
  row('fhT2', 0.025, '$/GB, next 1.5 PB/month', '2026-11-22', FH_CALC),
  row('fhT3', 0.02, '$/GB, beyond 2 PB/month', '2026-11-22', FH_CALC),
  row('fhVendedLogsGB', 0.13, '$/GB, vended-logs source (no 5 KB rounding)', '2025-06-01', 'spec firehose.md §12 (list prices 2024–2025)'),
  row('fhFormatConversionGB', 0.018, '$/GB', '2026-11-22', FH_CALC),
  row('fhDpGB', 0.02, '$/GB', '2026-11-22', FH_CALC),
  row('fhDpPer1000Objects', 0.005, '$/1,000 S3 objects', '2026-11-22', FH_CALC),
  row('fhJqHour', 0.07, '$/JQ processing hour', '2026-11-22', FH_CALC),
  row('fhVpcGB', 0.01, '$/GB delivered into a VPC', '2026-11-22', FH_CALC),
  row('fhVpcAzHour', 0.01, '$/AZ-hour', '2026-11-22', FH_CALC),
  row('kpuHour', 0.11, '$/KPU-hour', '2026-09-20', FLINK),
  row('flinkStorageGBMonth', 0.1, '$/GB-month', '2026-09-20', FLINK),
  row('sqsStandardPerMillion', 0.4, '$/1M requests (64 KB chunks), first 100 B/month', '2026-03-01', 'spec sqs.md §8 (aws.amazon.com/sqs/pricing via cloudburn.io)'),
  row('sqsFifoPerMillion', 0.5, '$/1M requests (64 KB chunks), first tier', '2026-03-01', 'spec sqs.md §8 (aws.amazon.com/sqs/pricing via cloudburn.io)'),
  row('kvsIngestGB', 0.0085, '$/GB ingested (PutMedia)', '2026-10-07', KVS_PAGE),
  row('kvsStoredGBMonth', 0.023, '$/GB-month stored (hot tier)', '2026-10-07', KVS_ASSUMED),
  row('kvsConsumedGB', 0.0085, '$/GB consumed (GetMedia, GetMediaForFragmentList)', '2026-10-07', KVS_ASSUMED),
  row('kvsHlsGB', 0.0119, '$/GB consumed via HLS', '2026-10-07', KVS_PAGE),
  row('kvsDashGB', 0.0119, '$/GB consumed via DASH', '2026-10-07', KVS_ASSUMED),
  row('kvsImagesPer1000', 0.0017, '$/1,000 images generated (GetImages)', '2026-10-07', KVS_ASSUMED),
  // What live mode's CloudWatch reads cost: GetMetricData is billed per metric requested.
  row('cwMetricsPer1000', 0.01, '$/1,000 metrics requested (GetMetricData)', '2026-12-05', 'aws.amazon.com/cloudwatch/pricing (API requests: GetMetricData $0.01 per 1,000 metrics requested, us-east-1; not in the free tier per AWS re:Post knowledge-center/cloudwatch-getmetricdata-api)'),
];

export const PRICE_KEYS: readonly PriceKey[] = US_EAST_1_ROWS.map((r) => r.key);

function tableOf(region: string, rows: readonly PriceRow[]): PriceTable {
  const byKey = {} as Record<PriceKey, PriceRow>;
  for (const r of rows) byKey[r.key] = r;
  const asOf = rows.map((r) => r.asOf).sort()[0];
  return { region, asOf, rows: byKey };
}

/** The default table: us-east-1 list prices as transcribed in the spec. */
export const DEFAULT_PRICE_TABLE: PriceTable = tableOf('us-east-1', US_EAST_1_ROWS);

export type PriceOverrides = Partial<Record<PriceKey, number>>;

/**
 * A copy of `base` with some values replaced; overridden rows are marked and dated `asOfOverride`
 * (the caller supplies the date: the engine has no wall clock).
 */
export function withPriceOverrides(base: PriceTable, overrides: PriceOverrides, asOfOverride = base.asOf, region = base.region): PriceTable {
  const rows = PRICE_KEYS.map((key) => {
    const v = overrides[key];
    if (v === undefined) return base.rows[key];
    if (!(Number.isFinite(v) && v >= 0)) throw new RangeError(`price override "${key}" must be a finite number ≥ 0, got ${v}`);
    return { ...base.rows[key], value: v, asOf: asOfOverride, source: 'user override', overridden: true };
  });
  return tableOf(region, rows);
}

export function price(table: PriceTable, key: PriceKey): number {
  return table.rows[key].value;
}
