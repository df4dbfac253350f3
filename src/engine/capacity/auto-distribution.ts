/**
 * Service-managed record distribution as a hot-key fix. An on-demand stream whose RecordDistributionStrategy is
 * AUTO ignores partition keys for placement and spreads records evenly over its shards
 * (https://docs.aws.amazon.com/streams/latest/dev/service-managed-pk-producing-behavior.html; spec
 * data-streams-2026.md §3): no key can overload a shard any more, not even one above the per-key limit of
 * 1 MiB/s or 1,000 records/s that no layout or salting-free provisioned answer fixes. What it costs:
 * - the stream must be on-demand (AUTO on a provisioned stream is an InvalidArgumentException), priced as
 *   on-demand — no separate AUTO charge appears on the pricing page (an assumption, stated in the output);
 * - ordering: records of one partition key no longer land on one shard, so consumers lose per-key order
 *   (SequenceNumberForOrdering is refused too); only a workload that does not need it may take this fix.
 * Pure; the plan calls it with figures it already has.
 */
import type { BillingMode } from './cost-line';
import type { RampCheck } from './on-demand-ramp';

export interface AutoDistributionOption {
  readonly kind: 'auto-distribution';
  /** What it fixes: keys above the per-key limit (nothing else but salting does), or a hot shard. */
  readonly fixes: 'key-over-limit' | 'hot-shard';
  readonly mode: Extract<BillingMode, 'on-demand-standard'>;
  /** On-demand Standard with AUTO: the same price as on-demand Standard. */
  readonly monthlyUsd: number;
  /** The provisioned answer next to it, and the share of the stream's records it still refuses. */
  readonly provisionedMonthlyUsd: number;
  readonly provisionedStreamThrottledFraction: number;
  /** Throttling AUTO leaves: none from keys; the on-demand ramp's when load jumps past twice the previous peak. */
  readonly throttledFraction: number;
  readonly keysOverLimit: readonly string[];
  readonly orderingTradeOff: string;
  readonly pricingAssumption: string;
  /** AWS CLI calls: a new stream, or an existing on-demand stream switched. */
  readonly calls: readonly string[];
}

export interface AutoDistributionInput {
  readonly streamName: string;
  /** Whole-stream throttled share of the even split at the load-based count (keys and skew together). */
  readonly evenThrottledFraction: number;
  readonly keysOverLimit: readonly string[];
  readonly onDemandStandardMonthlyUsd: number;
  readonly provisionedMonthlyUsd: number;
  readonly provisionedStreamThrottledFraction: number;
  readonly onDemandRamp: RampCheck;
  /** KPL aggregation puts many user records under one key: AUTO spreads aggregates, not user records. */
  readonly aggregation: boolean;
}

export const AUTO_ORDERING_TRADE_OFF =
  'records of one partition key are no longer kept in order: AUTO ignores the key for placement, so they land on different shards and consumers may read them out of order; SequenceNumberForOrdering is refused. Take it only if nothing downstream relies on per-key order (deduplicate or reorder by a field of the record if it must).';

export const AUTO_PRICING_ASSUMPTION = 'No separate charge for AUTO distribution appears on the pricing page: priced as an on-demand Standard stream.';

/** The AUTO option when the workload has a key problem (a key over the limit, or a shard its keys overload); else undefined. */
export function autoDistributionOption(input: AutoDistributionInput): AutoDistributionOption | undefined {
  if (input.evenThrottledFraction <= 0 && input.keysOverLimit.length === 0) return undefined;
  const name = input.streamName;
  return {
    kind: 'auto-distribution',
    fixes: input.keysOverLimit.length > 0 ? 'key-over-limit' : 'hot-shard',
    mode: 'on-demand-standard',
    monthlyUsd: input.onDemandStandardMonthlyUsd,
    provisionedMonthlyUsd: input.provisionedMonthlyUsd,
    provisionedStreamThrottledFraction: input.provisionedStreamThrottledFraction,
    throttledFraction: input.onDemandRamp.safe ? 0 : input.onDemandRamp.throttledFraction,
    keysOverLimit: input.keysOverLimit,
    orderingTradeOff: input.aggregation
      ? `${AUTO_ORDERING_TRADE_OFF} With KPL aggregation, AUTO spreads whole aggregates: user records inside one aggregate stay together.`
      : AUTO_ORDERING_TRADE_OFF,
    pricingAssumption: AUTO_PRICING_ASSUMPTION,
    calls: [
      `aws kinesis create-stream --stream-name ${name} --stream-mode-details StreamMode=ON_DEMAND --record-distribution-strategy AUTO`,
      `aws kinesis update-stream-record-distribution-strategy --stream-arn <stream ARN> --record-distribution-strategy AUTO   # an existing on-demand stream`,
    ],
  };
}

const usd = (v: number) => `$${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function autoDistributionMessage(o: AutoDistributionOption): string {
  const what = o.fixes === 'key-over-limit'
    ? `keys over the per-key limit (${o.keysOverLimit.slice(0, 3).map((k) => `'${k}'`).join(', ')}) stop throttling, which no shard count or layout does`
    : 'no shard is overloaded by its keys any more';
  const provisioned = `provisioned answer ${usd(o.provisionedMonthlyUsd)}/month${o.provisionedStreamThrottledFraction > 0 ? `, still refusing ${(o.provisionedStreamThrottledFraction * 100).toFixed(1)}% of records` : ', no throttling'}`;
  return `Hot-key fix without ordering: an on-demand stream with AUTO record distribution spreads records evenly whatever their keys, so ${what}. Cost: on-demand Standard ${usd(o.monthlyUsd)}/month (${provisioned}). It costs per-key ordering: ${o.orderingTradeOff}`;
}
