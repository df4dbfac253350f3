/**
 * Monthly cost of one stream of a scenario exactly as configured (its own shard count and mode), from
 * the capacity module's cost model: what a what-if variant would cost if it ran for a month.
 */
import { onDemandAdvantageCost, onDemandStandardCost, provisionedCost, type StreamCostInput } from '../../../engine/capacity/cost-streams';
import type { BillingMode, ModeCost } from '../../../engine/capacity/cost-line';
import { DEFAULT_PRICE_TABLE, type PriceTable } from '../../../engine/capacity/price-table';
import { consumerFigures, trafficFigures } from '../../../engine/capacity/traffic';
import type { Workload } from '../../../engine/capacity/workload';

export function costInputFor(workload: Workload, shards: number): StreamCostInput {
  const t = trafficFigures(workload);
  const consumers = consumerFigures(workload);
  return {
    hoursPerMonth: workload.hoursPerMonth,
    shards,
    recordsPerSecAverage: t.recordsPerSecAverage,
    bytesPerSecAverage: t.bytesPerSecAverage,
    ppuPerRecordMean: t.ppuPerRecordMean,
    onDemandBilledBytesPerRecordMean: t.onDemandBilledBytesPerRecordMean,
    retentionHours: workload.retentionHours,
    sharedConsumers: consumers.filter((c) => c.readMode === 'shared').length,
    efoConsumers: consumers.filter((c) => c.readMode === 'efo').length,
    longTermReadGiBPerMonth: workload.longTermReadGiBPerMonth,
    efoCountsTowardCommitment: workload.onDemand.efoCountsTowardCommitment,
  };
}

/** Provisioned streams are priced at their shard count; on-demand streams as on-demand Standard. */
export function configuredCost(workload: Workload, mode: 'PROVISIONED' | 'ON_DEMAND', shards: number, prices: PriceTable = DEFAULT_PRICE_TABLE): ModeCost {
  const input = costInputFor(workload, shards);
  return mode === 'PROVISIONED' ? provisionedCost(input, prices) : onDemandStandardCost(input, prices);
}

export function costByMode(workload: Workload, shards: number, prices: PriceTable = DEFAULT_PRICE_TABLE): Record<BillingMode, ModeCost> {
  const input = costInputFor(workload, shards);
  return { provisioned: provisionedCost(input, prices), 'on-demand-standard': onDemandStandardCost(input, prices), 'on-demand-advantage': onDemandAdvantageCost(input, prices) };
}
