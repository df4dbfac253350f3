/**
 * What sampling a live stream costs, from the engine's price table (src/engine/capacity): in
 * provisioned mode GetRecords calls and bytes read are covered by the shard-hours the stream already
 * pays, so sampling adds nothing but uses part of each shard's 5 calls/s and 2 MiB/s shared with its
 * consumers; in on-demand mode reads are billed per GB retrieved, each record rounded up to 1 KiB
 * (https://aws.amazon.com/kinesis/data-streams/pricing/; rounding as units.ts assumes for reads).
 */
import { price, type PriceTable } from '../engine/capacity/price-table';
import { GIB, SECONDS_PER_HOUR } from '../engine/capacity/units';
import { READ_CALLS_PER_SEC_MAX } from '../engine/streams/limits';

export interface SamplingCost {
  readonly readsPerSec: number;
  readonly readBytesPerSec: number;
  /** Share of the stream's GetRecords call budget (5/s per shard) the sampler uses. */
  readonly callBudgetShare: number;
  /** Dollars per hour of sampling at the observed traffic; 0 in provisioned mode. */
  readonly usdPerHour: number;
  readonly mode: 'PROVISIONED' | 'ON_DEMAND';
  readonly priceUsdPerGB: number;
  readonly priceRegion: string;
}

export function samplingCost(input: {
  readonly mode: 'PROVISIONED' | 'ON_DEMAND';
  readonly readsPerSec: number;
  readonly openShards: number;
  readonly readBytesPerSec: number;
  readonly billedBytesPerSec: number;
  readonly table: PriceTable;
}): SamplingCost {
  const perGB = price(input.table, 'odOutGB');
  const usdPerHour = input.mode === 'ON_DEMAND' ? ((input.billedBytesPerSec * SECONDS_PER_HOUR) / GIB) * perGB : 0;
  return {
    readsPerSec: input.readsPerSec,
    readBytesPerSec: input.readBytesPerSec,
    callBudgetShare: input.openShards > 0 ? input.readsPerSec / (input.openShards * READ_CALLS_PER_SEC_MAX) : 0,
    usdPerHour,
    mode: input.mode,
    priceUsdPerGB: perGB,
    priceRegion: input.table.region,
  };
}

/**
 * What reading CloudWatch costs: GetMetricData is billed per metric requested, at the engine's price
 * table row `cwMetricsPer1000` (https://aws.amazon.com/cloudwatch/pricing/). `metricsPerPoll` metrics
 * every `pollSec` seconds.
 */
export function metricsCost(metricsPerPoll: number, pollSec: number, table: PriceTable): { metricsPerHour: number; usdPerHour: number; priceUsdPer1000: number } {
  const metricsPerHour = pollSec > 0 ? (metricsPerPoll * SECONDS_PER_HOUR) / pollSec : 0;
  const per1000 = price(table, 'cwMetricsPer1000');
  return { metricsPerHour, usdPerHour: (metricsPerHour / 1000) * per1000, priceUsdPer1000: per1000 };
}
