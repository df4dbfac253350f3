/**
 * Monthly cost of a Firehose delivery stream (spec §8.3) and of streaming analytics (§8.4).
 * Firehose rounds every record (entry) up to 5 KB; the report also prices the batched alternative.
 */
import { cents, line, total, type CostLine } from './cost-line';
import type { PriceTable } from './price-table';
import { discretizeSizes, expectation, meanBytes } from './record-size';
import { firehoseBilledBytes, GIB, HOURS_PER_MONTH, KIB, MIB, SECONDS_PER_HOUR } from './units';
import type { AnalyticsSpec, FirehoseSpec } from './workload';

/** Firehose tier limits, counted in GB as decimal TB (500 TB = 500,000 GB). */
const TIER1_GB = 500_000;
const TIER2_GB = 2_000_000;
/** Largest Firehose record: 1,000 KiB. */
const FIREHOSE_RECORD_BYTES_MAX = 1000 * KIB;

export interface FirehoseCost {
  readonly name: string;
  readonly lines: readonly CostLine[];
  readonly totalMonthlyUsd: number;
  readonly billedGiB: number;
  readonly dataGiB: number;
  readonly objectsPerMonth: number;
  /** Present when the mean entry is under 5 KB: what batching entries up to 5 KB would bill. */
  readonly batchingAlternative?: { readonly recordsPerEntry: number; readonly billedGiB: number; readonly totalMonthlyUsd: number; readonly savingMonthlyUsd: number };
  readonly notes: readonly string[];
}

export function firehoseCost(spec: FirehoseSpec, table: PriceTable, hoursPerMonth = HOURS_PER_MONTH): FirehoseCost {
  const full = firehoseCostAt(spec, table, hoursPerMonth);
  const meanRecord = meanBytes(discretizeSizes(spec.recordSize));
  const notes: string[] = [];
  if (spec.recordsPerEntry * meanRecord > FIREHOSE_RECORD_BYTES_MAX) {
    notes.push(`${spec.recordsPerEntry} records per entry average ${Math.round(spec.recordsPerEntry * meanRecord)} B, above Firehose's 1,000 KiB record limit.`);
  }
  let batchingAlternative: FirehoseCost['batchingAlternative'];
  const entryBytes = spec.recordsPerEntry * meanRecord;
  if (spec.source !== 'vended-logs' && firehoseBilledBytes(entryBytes) > entryBytes) {
    const perEntry = bestRecordsPerEntry(meanRecord);
    if (perEntry !== spec.recordsPerEntry && billedPerRecord(perEntry, meanRecord) < billedPerRecord(spec.recordsPerEntry, meanRecord)) {
      const alt = firehoseCostAt({ ...spec, recordsPerEntry: perEntry }, table, hoursPerMonth);
      batchingAlternative = { recordsPerEntry: perEntry, billedGiB: alt.billedGiB, totalMonthlyUsd: alt.totalMonthlyUsd, savingMonthlyUsd: full.totalMonthlyUsd - alt.totalMonthlyUsd };
      notes.push(
        `5 KB rounding tax: entries average ${Math.round(entryBytes)} B but bill in 5 KB steps. The best batching is ${perEntry} newline-delimited records per entry (${Math.round(perEntry * meanRecord)} B, ${Math.round(billedPerRecord(perEntry, meanRecord))} B billed per record): ${cents(alt.billedGiB).toLocaleString('en-US')} GB instead of ${cents(full.billedGiB).toLocaleString('en-US')} GB, saving $${cents(full.totalMonthlyUsd - alt.totalMonthlyUsd).toLocaleString('en-US')}/month (records are assumed to carry their own newline).`,
      );
    }
  }
  return { name: spec.name, ...full, batchingAlternative, notes };
}

/** Billed bytes per record when `k` records of mean size `m` share one entry. */
function billedPerRecord(k: number, m: number): number {
  return firehoseBilledBytes(k * m) / k;
}

/**
 * Records per entry that bill the fewest bytes per record: every k from 1 up to what fits one Firehose
 * record (1,000 KiB) and one PutRecordBatch entry list (500), ties to the smallest k (least buffering).
 * With k·m a multiple of 5 KiB the rounding tax is zero; larger k can only shrink it towards zero.
 */
export function bestRecordsPerEntry(m: number): number {
  const kMax = Math.max(1, Math.min(500, Math.floor(FIREHOSE_RECORD_BYTES_MAX / m)));
  let best = 1;
  for (let k = 2; k <= kMax; k++) if (billedPerRecord(k, m) < billedPerRecord(best, m) - 1e-9) best = k;
  return best;
}

function firehoseCostAt(spec: FirehoseSpec, table: PriceTable, h: number) {
  const seconds = h * SECONDS_PER_HOUR;
  const sizes = discretizeSizes(spec.recordSize);
  const k = spec.recordsPerEntry;
  const entriesPerSec = spec.recordsPerSecond / k;
  const dataBytesPerSec = spec.recordsPerSecond * meanBytes(sizes);
  // One record per entry: exact per-record rounding. Batched entries: their size concentrates near k × mean.
  const billedPerEntry =
    spec.source === 'vended-logs' ? k * meanBytes(sizes) : k === 1 ? expectation(sizes, firehoseBilledBytes) : firehoseBilledBytes(k * meanBytes(sizes));
  const billedGiB = (entriesPerSec * seconds * billedPerEntry) / GIB;
  const dataGiB = (dataBytesPerSec * seconds) / GIB;
  const lines: CostLine[] = [];
  const id = (s: string) => `firehose.${s}`;
  if (spec.source === 'vended-logs') {
    lines.push(line(table, id('ingest'), 'Ingestion, vended logs (no 5 KB rounding)', billedGiB, 'GB', 'fhVendedLogsGB'));
  } else {
    const t1 = Math.min(billedGiB, TIER1_GB);
    const t2 = Math.min(Math.max(0, billedGiB - TIER1_GB), TIER2_GB - TIER1_GB);
    const t3 = Math.max(0, billedGiB - TIER2_GB);
    lines.push(line(table, id('ingestT1'), 'Ingestion, first 500 TB (each record rounded up to 5 KB)', t1, 'GB', 'fhT1'));
    if (t2 > 0) lines.push(line(table, id('ingestT2'), 'Ingestion, next 1.5 PB', t2, 'GB', 'fhT2'));
    if (t3 > 0) lines.push(line(table, id('ingestT3'), 'Ingestion, beyond 2 PB', t3, 'GB', 'fhT3'));
  }
  if (spec.formatConversion) lines.push(line(table, id('formatConversion'), 'Format conversion (JSON → Parquet/ORC)', billedGiB, 'GB', 'fhFormatConversionGB'));
  let objectsPerMonth = 0;
  const dp = spec.dynamicPartitioning;
  const partitions = dp?.partitions ?? 1;
  // A buffer per partition flushes when full or when its interval passes, whichever comes first.
  const perPartitionBytesPerSec = dataBytesPerSec / partitions;
  const fillSeconds = (spec.bufferSizeMiB * MIB) / Math.max(perPartitionBytesPerSec, 1e-9);
  const flushSeconds = spec.bufferIntervalSeconds > 0 ? Math.min(fillSeconds, spec.bufferIntervalSeconds) : fillSeconds;
  objectsPerMonth = (partitions * seconds) / flushSeconds;
  if (dp) {
    lines.push(line(table, id('dpData'), 'Dynamic partitioning, data processed', billedGiB, 'GB', 'fhDpGB'));
    lines.push(line(table, id('dpObjects'), `Dynamic partitioning, S3 objects delivered (${partitions} partitions)`, objectsPerMonth, 'objects', 'fhDpPer1000Objects', 1000));
    if (dp.jqHoursPerMonth > 0) lines.push(line(table, id('dpJq'), 'Dynamic partitioning, JQ processing', dp.jqHoursPerMonth, 'hours', 'fhJqHour'));
  }
  if (spec.vpc) {
    lines.push(line(table, id('vpcData'), 'VPC delivery, data', dataGiB, 'GB', 'fhVpcGB'));
    lines.push(line(table, id('vpcAzHours'), `VPC delivery, AZ-hours (${spec.vpc.azCount} AZs)`, spec.vpc.azCount * h, 'AZ-hours', 'fhVpcAzHour'));
  }
  return { lines, totalMonthlyUsd: total(lines), billedGiB, dataGiB, objectsPerMonth };
}

export interface AnalyticsCost {
  readonly kind: AnalyticsSpec['kind'];
  readonly kpus: number;
  readonly lines: readonly CostLine[];
  readonly totalMonthlyUsd: number;
  /** Legacy KDA SQL only: the Managed Flink equivalent, shown next to it. */
  readonly flinkEquivalent?: AnalyticsCost;
  readonly badge?: string;
}

/** Running application storage per processing KPU. */
const FLINK_STORAGE_GB_PER_KPU = 50;

export function analyticsCost(spec: AnalyticsSpec, table: PriceTable, h = HOURS_PER_MONTH): AnalyticsCost {
  if (spec.kind === 'legacy-sql') {
    const lines = [line(table, 'analytics.kpuHours', `KPU-hours (${spec.kpus} KPUs)`, spec.kpus * h, 'KPU-hours', 'kpuHour')];
    const flinkEquivalent = analyticsCost({ kind: 'flink', parallelism: spec.kpus, parallelismPerKpu: 1, studio: false }, table, h);
    return { kind: spec.kind, kpus: spec.kpus, lines, totalMonthlyUsd: total(lines), flinkEquivalent, badge: 'legacy / discontinued 2026-01-27' };
  }
  const processing = Math.ceil(spec.parallelism / spec.parallelismPerKpu);
  // One extra KPU per application for orchestration; a Studio notebook takes two.
  const kpus = processing + (spec.studio ? 2 : 1);
  const lines = [
    line(table, 'analytics.kpuHours', `KPU-hours (${processing} processing + ${spec.studio ? 2 : 1} orchestration)`, kpus * h, 'KPU-hours', 'kpuHour'),
    line(table, 'analytics.storage', `Running application storage (${FLINK_STORAGE_GB_PER_KPU} GB per processing KPU)`, processing * FLINK_STORAGE_GB_PER_KPU * (h / HOURS_PER_MONTH), 'GB-month', 'flinkStorageGBMonth'),
  ];
  return { kind: spec.kind, kpus, lines, totalMonthlyUsd: total(lines) };
}
