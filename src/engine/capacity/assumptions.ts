/**
 * Price rules AWS states ambiguously (spec §11), made visible: for each, the reading the plan uses, the
 * other reading, and what the affected mode would cost under each, so a reader can see how much rides
 * on the assumption. Pure: recomputes costs with the other reading through the same cost functions.
 */
import type { BillingMode } from './cost-line';
import { onDemandAdvantageCost, onDemandStandardCost, provisionedCost, type StreamCostInput } from './cost-streams';
import type { PriceTable } from './price-table';
import { price } from './price-table';
import { expectation, type WeightedSize } from './record-size';
import { onDemandBilledBytes, putPayloadUnits } from './units';

export interface PriceAssumption {
  readonly id: 'od-rounding-includes-key' | 'ppu-includes-key' | 'od-read-rounding' | 'efo-counts-toward-commitment' | 'closed-parents-not-billed';
  readonly question: string;
  readonly usedReading: string;
  readonly otherReading: string;
  readonly mode: BillingMode;
  /** Monthly cost of `mode` under the reading used, and under the other one. */
  readonly monthlyUsd: number;
  readonly otherMonthlyUsd: number;
  /** For one-time effects (closed parent shards), the one-time amount instead of a monthly difference. */
  readonly oneTimeUsd?: number;
}

export interface AssumptionInputs {
  readonly cost: StreamCostInput;
  readonly prices: PriceTable;
  /** Data-blob sizes (without key) of one Kinesis record, when not aggregated. */
  readonly sizes: readonly WeightedSize[];
  readonly keyBytes: number;
  /** Aggregated record size, when aggregation is on (sizes then describe user records). */
  readonly aggregateBytes?: number;
  /** SplitShard calls in the recommended layout: each closes one parent shard. */
  readonly splitCalls: number;
}

export function priceAssumptions(a: AssumptionInputs): PriceAssumption[] {
  const c = a.cost;
  const p = a.prices;
  const out: PriceAssumption[] = [];
  const dataOnly = (f: (bytes: number) => number) =>
    a.aggregateBytes !== undefined ? f(Math.max(1, a.aggregateBytes - a.keyBytes)) : expectation(a.sizes, f);

  // https://aws.amazon.com/kinesis/data-streams/pricing/ bills on-demand "data in" per record rounded up to
  // the nearest 1 KB without saying whether the partition key is part of the record size.
  const odNoKey = dataOnly(onDemandBilledBytes);
  out.push({
    id: 'od-rounding-includes-key',
    question: 'Do partition-key bytes count toward on-demand’s 1 KiB rounding per record?',
    usedReading: `yes: each record bills ceil((data + ${round(a.keyBytes)} B key) / 1 KiB) KiB`,
    otherReading: 'no: only the data blob is rounded up to 1 KiB',
    mode: 'on-demand-standard',
    monthlyUsd: onDemandStandardCost(c, p).totalMonthlyUsd,
    otherMonthlyUsd: onDemandStandardCost({ ...c, onDemandBilledBytesPerRecordMean: odNoKey }, p).totalMonthlyUsd,
  });
  // The same page counts PUT payload units per 25 KB "record", again without defining record size.
  out.push({
    id: 'ppu-includes-key',
    question: 'Do partition-key bytes count toward PUT payload units (25 KiB each)?',
    usedReading: 'yes: data + key, as for the 1 MiB/s write limit',
    otherReading: 'no: data blob only',
    mode: 'provisioned',
    monthlyUsd: provisionedCost(c, p).totalMonthlyUsd,
    otherMonthlyUsd: provisionedCost({ ...c, ppuPerRecordMean: dataOnly(putPayloadUnits) }, p).totalMonthlyUsd,
  });
  if (c.sharedConsumers + c.efoConsumers > 0) {
    const actual = c.bytesPerSecAverage / Math.max(c.recordsPerSecAverage, 1e-300);
    out.push({
      id: 'od-read-rounding',
      question: 'Does on-demand round each record read to 1 KiB as it does on write?',
      usedReading: 'yes: reads bill the same rounded bytes as writes',
      otherReading: 'no: reads bill the bytes actually read',
      mode: 'on-demand-standard',
      monthlyUsd: onDemandStandardCost(c, p).totalMonthlyUsd,
      otherMonthlyUsd: onDemandStandardCost({ ...c, onDemandReadBilledBytesPerRecordMean: actual }, p).totalMonthlyUsd,
    });
  }
  if (c.efoConsumers > 0) {
    out.push({
      id: 'efo-counts-toward-commitment',
      question: 'Do enhanced fan-out bytes count toward the Advantage retrieval commitment?',
      usedReading: c.efoCountsTowardCommitment ? 'yes: EFO bytes fill the 25 MiB/s retrieval commitment' : 'no: EFO bytes are billed on top of the commitment',
      otherReading: c.efoCountsTowardCommitment ? 'no: EFO bytes are billed on top of the commitment' : 'yes: EFO bytes fill the commitment',
      mode: 'on-demand-advantage',
      monthlyUsd: onDemandAdvantageCost(c, p).totalMonthlyUsd,
      otherMonthlyUsd: onDemandAdvantageCost({ ...c, efoCountsTowardCommitment: !c.efoCountsTowardCommitment }, p).totalMonthlyUsd,
    });
  }
  if (a.splitCalls > 0) {
    // A CLOSED parent stays readable until its records expire (the retention period).
    const oneTime = a.splitCalls * c.retentionHours * price(p, 'shardHour');
    const monthly = provisionedCost(c, p).totalMonthlyUsd;
    out.push({
      id: 'closed-parents-not-billed',
      question: 'Are CLOSED parent shards billed shard-hours while they stay readable?',
      usedReading: 'no: only open shards are billed',
      otherReading: `yes: ${a.splitCalls} parent${a.splitCalls === 1 ? '' : 's'} × ${c.retentionHours} h retention, once after the splits`,
      mode: 'provisioned',
      monthlyUsd: monthly,
      otherMonthlyUsd: monthly,
      oneTimeUsd: oneTime,
    });
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
