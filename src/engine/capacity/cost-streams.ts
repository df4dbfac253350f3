/**
 * Monthly cost of one Kinesis data stream in the three billing modes side by side (spec §8.1–§8.2):
 * provisioned, on-demand Standard and on-demand Advantage (commitment floor included). Quantities
 * come from averages over the period; shard count is the planner's (sized for the peak).
 */
import { line, total, type CostLine, type ModeCost } from './cost-line';
import { price, type PriceTable } from './price-table';
import { EXTENDED_RETENTION_HOURS_MAX, GIB, HOURS_PER_MONTH, MIB, RETENTION_HOURS_MIN, SECONDS_PER_HOUR } from './units';

export interface StreamCostInput {
  readonly hoursPerMonth: number;
  /** Open shards, constant over the month (provisioned). */
  readonly shards: number;
  /** Kinesis records per second, average over the month. */
  readonly recordsPerSecAverage: number;
  /** Bytes per second (data + key), average over the month. */
  readonly bytesPerSecAverage: number;
  readonly ppuPerRecordMean: number;
  readonly onDemandBilledBytesPerRecordMean: number;
  /** On-demand billed bytes per record read; defaults to the write rounding (assumption, spec §11.2). */
  readonly onDemandReadBilledBytesPerRecordMean?: number;
  readonly retentionHours: number;
  readonly sharedConsumers: number;
  readonly efoConsumers: number;
  readonly longTermReadGiBPerMonth: number;
  /** Whether EFO bytes count toward Advantage's retrieval commitment (unverified; default counted). */
  readonly efoCountsTowardCommitment: boolean;
}

/** GiB held in the retention window between `fromHours` and `toHours` of age, time-averaged. */
function storedGiB(bytesPerSec: number, fromHours: number, toHours: number): number {
  return (bytesPerSec * SECONDS_PER_HOUR * Math.max(0, toHours - fromHours)) / GIB;
}

export function provisionedCost(input: StreamCostInput, table: PriceTable): ModeCost {
  const h = input.hoursPerMonth;
  const seconds = h * SECONDS_PER_HOUR;
  const shardHours = input.shards * h;
  const gibOut = (input.bytesPerSecAverage * seconds) / GIB;
  const lines: CostLine[] = [
    line(table, 'provisioned.shardHours', `Shard-hours (${input.shards} shards × ${h} h)`, shardHours, 'shard-hours', 'shardHour'),
    line(table, 'provisioned.ppu', 'PUT payload units (25 KB each)', input.recordsPerSecAverage * seconds * input.ppuPerRecordMean, 'PPU', 'ppuPerMillion', 1e6),
  ];
  if (input.retentionHours > RETENTION_HOURS_MIN) {
    lines.push(line(table, 'provisioned.extendedRetention', `Extended retention (${input.retentionHours} h > 24 h)`, shardHours, 'shard-hours', 'extendedRetentionShardHour', 1, 'flat per shard-hour for any retention above 24 h'));
  }
  if (input.retentionHours > EXTENDED_RETENTION_HOURS_MAX) {
    const gib = storedGiB(input.bytesPerSecAverage, EXTENDED_RETENTION_HOURS_MAX, input.retentionHours);
    lines.push(line(table, 'provisioned.longTermStorage', 'Long-term retention storage (data older than 7 days)', gib * (h / HOURS_PER_MONTH), 'GB-month', 'longTermGBMonth'));
  }
  if (input.longTermReadGiBPerMonth > 0) {
    lines.push(line(table, 'provisioned.longTermRetrieval', 'Long-term retention retrieval', input.longTermReadGiBPerMonth, 'GB', 'longTermRetrievalGB'));
  }
  if (input.efoConsumers > 0) {
    lines.push(line(table, 'provisioned.efoShardHours', `Enhanced fan-out consumer-shard-hours (${input.efoConsumers} consumers)`, input.efoConsumers * shardHours, 'consumer-shard-hours', 'efoConsumerShardHour'));
    lines.push(line(table, 'provisioned.efoData', 'Enhanced fan-out data retrieval', input.efoConsumers * gibOut, 'GB', 'efoGB'));
  }
  return { mode: 'provisioned', lines, totalMonthlyUsd: total(lines), notes: ['GetRecords (shared) reads are free in provisioned mode.'] };
}

interface OnDemandVolumes {
  readonly gibIn: number;
  readonly gibOut: number;
  readonly gibEfo: number;
}

function onDemandVolumes(input: StreamCostInput): OnDemandVolumes {
  const seconds = input.hoursPerMonth * SECONDS_PER_HOUR;
  const gibIn = (input.recordsPerSecAverage * seconds * input.onDemandBilledBytesPerRecordMean) / GIB;
  // Assumption (spec §11.2): reads round each record to 1 KiB as writes do, unless the caller says otherwise.
  const gibRead = (input.recordsPerSecAverage * seconds * (input.onDemandReadBilledBytesPerRecordMean ?? input.onDemandBilledBytesPerRecordMean)) / GIB;
  return { gibIn, gibOut: input.sharedConsumers * gibRead, gibEfo: input.efoConsumers * gibRead };
}

export function onDemandStandardCost(input: StreamCostInput, table: PriceTable): ModeCost {
  const h = input.hoursPerMonth;
  const v = onDemandVolumes(input);
  const lines: CostLine[] = [
    line(table, 'standard.streamHours', 'Stream-hours', h, 'stream-hours', 'odStreamHour'),
    line(table, 'standard.dataIn', 'Data in (each record rounded up to 1 KB)', v.gibIn, 'GB', 'odInGB'),
  ];
  if (v.gibOut > 0) lines.push(line(table, 'standard.dataOut', `Data out, shared reads (${input.sharedConsumers} consumers)`, v.gibOut, 'GB', 'odOutGB'));
  if (v.gibEfo > 0) lines.push(line(table, 'standard.efoData', `Enhanced fan-out data (${input.efoConsumers} consumers)`, v.gibEfo, 'GB', 'odEfoGB'));
  if (input.retentionHours > RETENTION_HOURS_MIN) {
    const gib = storedGiB(input.bytesPerSecAverage, RETENTION_HOURS_MIN, Math.min(input.retentionHours, EXTENDED_RETENTION_HOURS_MAX));
    lines.push(line(table, 'standard.extendedRetention', 'Extended retention storage (24 h – 7 days)', gib * (h / HOURS_PER_MONTH), 'GB-month', 'odExtRetentionGBMonth'));
  }
  if (input.retentionHours > EXTENDED_RETENTION_HOURS_MAX) {
    const gib = storedGiB(input.bytesPerSecAverage, EXTENDED_RETENTION_HOURS_MAX, input.retentionHours);
    lines.push(line(table, 'standard.longTermStorage', 'Long-term retention storage (older than 7 days)', gib * (h / HOURS_PER_MONTH), 'GB-month', 'odLongTermGBMonth'));
  }
  if (input.longTermReadGiBPerMonth > 0) {
    lines.push(line(table, 'standard.longTermRetrieval', 'Long-term retention retrieval', input.longTermReadGiBPerMonth, 'GB', 'longTermRetrievalGB'));
  }
  return { mode: 'on-demand-standard', lines, totalMonthlyUsd: total(lines), notes: [] };
}

export function onDemandAdvantageCost(input: StreamCostInput, table: PriceTable): ModeCost {
  const h = input.hoursPerMonth;
  const seconds = h * SECONDS_PER_HOUR;
  const v = onDemandVolumes(input);
  const committedGiB = (price(table, 'advCommitMiBps') * MIB * seconds) / GIB;
  const retrievalGiB = v.gibOut + (input.efoCountsTowardCommitment ? v.gibEfo : 0);
  const floorNote = (used: number) => (used < committedGiB ? `commitment floor: ${fmtGiB(committedGiB)} GB billed, ${fmtGiB(used)} GB used` : undefined);
  const lines: CostLine[] = [
    line(table, 'advantage.dataIn', 'Data in, committed 25 MiB/s or actual if higher', Math.max(v.gibIn, committedGiB), 'GB', 'advInGB', 1, floorNote(v.gibIn)),
    line(table, 'advantage.dataOut', `Data out${input.efoCountsTowardCommitment && v.gibEfo > 0 ? ' incl. enhanced fan-out' : ''}, committed 25 MiB/s or actual if higher`, Math.max(retrievalGiB, committedGiB), 'GB', 'advOutGB', 1, floorNote(retrievalGiB)),
  ];
  if (!input.efoCountsTowardCommitment && v.gibEfo > 0) {
    lines.push(line(table, 'advantage.efoData', 'Enhanced fan-out data (outside the commitment)', v.gibEfo, 'GB', 'advEfoGB'));
  }
  if (input.retentionHours > RETENTION_HOURS_MIN) {
    const gib = storedGiB(input.bytesPerSecAverage, RETENTION_HOURS_MIN, input.retentionHours);
    lines.push(line(table, 'advantage.extendedRetention', 'Extended retention storage (24 h – 365 days)', gib * (h / HOURS_PER_MONTH), 'GB-month', 'advExtRetentionGBMonth'));
  }
  const notes = [
    'The Advantage commitment is account-wide; this estimate assumes this stream is the account’s only on-demand traffic.',
    'Enabling Advantage commits the account for at least 24 hours; no stream-hour charge.',
  ];
  return { mode: 'on-demand-advantage', lines, totalMonthlyUsd: total(lines), notes };
}

function fmtGiB(gib: number): string {
  return gib.toLocaleString('en-US', { maximumFractionDigits: 1 });
}
