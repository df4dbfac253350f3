/**
 * The planner's entry point: a validated workload and a price table in, a JSON-able CapacityPlan out
 * (sizing with every term, hot keys, on-demand ramp, drain times, three-way cost, Firehose and
 * analytics cost, findings and the recommendation). Pure and deterministic.
 */
import { analyticsCost, firehoseCost, type AnalyticsCost, type FirehoseCost } from './cost-firehose';
import type { BillingMode, ModeCost } from './cost-line';
import { onDemandAdvantageCost, onDemandStandardCost, provisionedCost, type StreamCostInput } from './cost-streams';
import { autoDistributionMessage, autoDistributionOption, type AutoDistributionOption } from './auto-distribution';
import { largeRecordMessage, largeRecordRisk, largeRecordSettingMessages } from './large-records';
import { readRateFixes } from './read-rate-fixes';
import { priceAssumptions, type PriceAssumption } from './assumptions';
import { analyzeHotKeys, type HotKeyAnalysis } from './hot-keys';
import { keyWeights } from './key-weights';
import { checkOnDemandRamp, type RampCheck } from './on-demand-ramp';
import { planUpdateShardCount, type ReshardPlan } from './reshard-path';
import { DEFAULT_PRICE_TABLE, type PriceTable } from './price-table';
import { modeName, recommend, usd, type Finding, type Recommendation } from './recommend';
import { drainTimeSeconds, sizeShards, utilizationAt, type ShardSizing } from './shard-sizing';
import { searchShardLayout, type ShardLayoutPlan } from './layout-search';
import { planSalting, type SaltingPlan } from './salting';
import { consumerFigures, trafficFigures, type ConsumerFigures, type TrafficFigures } from './traffic';
import { MIB, SHARDS_PER_STREAM_QUOTA, SHARD_WRITE_BYTES_PER_SEC, SHARD_WRITE_RECORDS_PER_SEC } from './units';
import type { Workload } from './workload';

export interface ConsumerDrain {
  readonly consumer: string;
  /** Backlog per shard the surge leaves behind this consumer, in bytes. */
  readonly surgeBacklogBytesPerShard: number;
  /** Seconds to clear it at peak write rate; Infinity when the consumer never catches up (JSON: null). */
  readonly drainSeconds: number;
  readonly keepsUpAtPeak: boolean;
}

export interface CapacityPlan {
  readonly kind: 'capacity-plan';
  readonly workloadName: string;
  readonly traffic: Omit<TrafficFigures, 'sizes'>;
  readonly consumers: readonly ConsumerFigures[];
  readonly sizing: ShardSizing;
  /** Keys and shards on an even split at the load-based shard count (before any layout fix). */
  readonly hotKeys: HotKeyAnalysis;
  /** The provisioned layout: even, or targeted SplitShard calls around heavy keys; its exact throttling. */
  readonly layout: ShardLayoutPlan;
  /** Sub-keys for keys over the per-key limit, checked shard by shard with real MD5. */
  readonly salting: readonly SaltingPlan[];
  readonly onDemandRamp: { readonly standard: RampCheck; readonly advantage: RampCheck };
  readonly drain: readonly ConsumerDrain[];
  /** Provisioned writes refused during the surge at the planned shard count (fraction of surge records). */
  readonly surgeWriteThrottledFraction: number;
  readonly costs: Readonly<Record<BillingMode, ModeCost>>;
  readonly firehose?: FirehoseCost;
  readonly analytics?: AnalyticsCost;
  readonly prices: { readonly region: string; readonly asOf: string };
  /** Ambiguous price rules: the reading used and what the other reading would cost. */
  readonly assumptions: readonly PriceAssumption[];
  /** UpdateShardCount calls from the workload's currentShards to the recommended count (provisioned only). */
  readonly reshard?: ReshardPlan;
  /** AUTO record distribution (on-demand) as a hot-key fix, priced next to the provisioned answer; absent without a key problem. */
  readonly autoDistribution?: AutoDistributionOption;
  readonly findings: readonly Finding[];
  readonly recommendation: Recommendation;
}

export function planCapacity(workload: Workload, prices: PriceTable = DEFAULT_PRICE_TABLE): CapacityPlan {
  const traffic = trafficFigures(workload);
  const consumers = consumerFigures(workload);
  const u = workload.targetUtilization;
  const base = sizeShards({
    recordsPerSecPeak: traffic.recordsPerSecPeak,
    bytesPerSecPeak: traffic.bytesPerSecPeak,
    userRecordsPerSecPeak: traffic.userRecordsPerSecPeak,
    targetUtilization: u,
    consumers,
    surge: traffic.surge,
  });
  const weights = keyWeights(workload.traffic.keys);
  const w = traffic.bytesPerSecPeak;
  const r = traffic.recordsPerSecPeak;
  const hotKeys = analyzeHotKeys({ weights, shardCount: base.shards, bytesPerSec: w, recordsPerSec: r, targetUtilization: u });
  const layout = searchShardLayout({ weights, baseShards: base.shards, bytesPerSec: w, recordsPerSec: r, targetUtilization: u });
  let sizing = base;
  if (layout.shards > base.shards) {
    const skewTerm = { constraint: 'key-skew' as const, shards: layout.shards, exactShards: layout.shards };
    const util = utilizationAt(layout.shards, w, r, base.sharedConsumers);
    sizing = {
      ...base,
      shards: layout.shards,
      binding: skewTerm,
      terms: [...base.terms, skewTerm],
      peakUtilization: util,
      headroomAtPeak: 1 - Math.max(util.bytes, util.records, util.sharedRead),
      exceedsShardQuota: layout.shards > SHARDS_PER_STREAM_QUOTA,
    };
  }
  const salting = saltingFor(hotKeys.keysOverLimit.slice(0, 3).map((k) => k.key), weights, base.shards, w, r, u);

  const surge = traffic.surge;
  const rampInput = {
    previousPeakBytesPerSec: (workload.traffic.recordsPerSecond.previousPeak / traffic.userRecordsPerSecPeak) * traffic.bytesPerSecPeak,
    previousPeakRecordsPerSec: (workload.traffic.recordsPerSecond.previousPeak / traffic.userRecordsPerSecPeak) * traffic.recordsPerSecPeak,
    demandBytesPerSec: Math.max(traffic.bytesPerSecPeak, surge?.bytesPerSec ?? 0),
    demandRecordsPerSec: Math.max(traffic.recordsPerSecPeak, surge?.recordsPerSec ?? 0),
    demandSeconds: surge && surge.bytesPerSec > traffic.bytesPerSecPeak ? surge.seconds : undefined,
  };
  const warm = workload.onDemand.warmThroughputMiBps;
  const onDemandRamp = {
    standard: checkOnDemandRamp(rampInput),
    advantage: checkOnDemandRamp({ ...rampInput, warmThroughputBytesPerSec: warm === undefined ? undefined : warm * MIB }),
  };

  const n = sizing.shards;
  const surgeWriteThrottledFraction = surge
    ? Math.max(0, 1 - (n * SHARD_WRITE_BYTES_PER_SEC) / surge.bytesPerSec, 1 - (n * SHARD_WRITE_RECORDS_PER_SEC) / surge.recordsPerSec)
    : 0;
  const drain = consumers.filter((c) => c.readMode === 'shared').map((c) => consumerDrain(c, traffic, n, sizing.sharedConsumers));

  const costInput: StreamCostInput = {
    hoursPerMonth: workload.hoursPerMonth,
    shards: n,
    recordsPerSecAverage: traffic.recordsPerSecAverage,
    bytesPerSecAverage: traffic.bytesPerSecAverage,
    ppuPerRecordMean: traffic.ppuPerRecordMean,
    onDemandBilledBytesPerRecordMean: traffic.onDemandBilledBytesPerRecordMean,
    retentionHours: workload.retentionHours,
    sharedConsumers: sizing.sharedConsumers,
    efoConsumers: sizing.efoConsumers,
    longTermReadGiBPerMonth: workload.longTermReadGiBPerMonth,
    efoCountsTowardCommitment: workload.onDemand.efoCountsTowardCommitment,
  };
  const costs = {
    provisioned: provisionedCost(costInput, prices),
    'on-demand-standard': onDemandStandardCost(costInput, prices),
    'on-demand-advantage': onDemandAdvantageCost(costInput, prices),
  };
  const assumptions = priceAssumptions({
    cost: costInput,
    prices,
    sizes: traffic.sizes,
    keyBytes: traffic.keyBytesMean,
    aggregateBytes: traffic.aggregation?.aggregateBytes,
    splitCalls: layout.splitCalls.length,
  });
  const { sizes: _sizes, ...trafficOut } = traffic;
  const partial = {
    workloadName: workload.name,
    traffic: trafficOut,
    consumers,
    sizing,
    hotKeys,
    layout,
    salting,
    onDemandRamp,
    drain,
    surgeWriteThrottledFraction,
    costs,
  };
  const recommended = recommend(workload, partial);
  const findings = recommended.findings;
  let recommendation = recommended.recommendation;
  const firehose = workload.firehose && firehoseCost(workload.firehose, prices, workload.hoursPerMonth);
  const analytics = workload.analytics && analyticsCost(workload.analytics, prices, workload.hoursPerMonth);
  if (firehose) {
    for (const note of firehose.notes) findings.push({ code: 'firehose', severity: 'warning', message: `Firehose '${firehose.name}': ${note}` });
    // Direct PUT with nothing reading a stream: the workload needs no data stream, so none is headlined.
    if (workload.firehose?.source === 'direct-put' && workload.consumers.length === 0 && !workload.analytics) {
      const batch = firehose.batchingAlternative;
      recommendation = {
        ...recommendation,
        target: 'firehose-direct-put',
        monthlyUsd: firehose.totalMonthlyUsd,
        headline: `Firehose Direct PUT '${firehose.name}' (${usd(firehose.totalMonthlyUsd)}/month); no Kinesis data stream is needed: nothing in this workload reads one${batch ? `. Batching ${batch.recordsPerEntry} records per entry cuts it to ${usd(batch.totalMonthlyUsd)}/month` : ''}`,
        reasons: [`producers write to Firehose directly; the data stream figures below are for reference only, if producers also wrote to a stream (${modeName(recommendation.settings.mode)} would add ${usd(recommendation.monthlyUsd)}/month)`],
      };
    } else if (workload.firehose?.source === 'direct-put') {
      findings.push({ code: 'firehose-direct-put', severity: 'info', message: `Firehose '${firehose.name}' takes Direct PUT: it does not read the data stream, whose consumers are priced above.` });
    }
  }
  for (const fix of readRateFixes(consumers, costInput, prices)) {
    const added = Object.entries(fix.addedMonthlyUsd).map(([m, v]) => `${modeName(m as BillingMode)} ${v === 0 ? '+$0.00' : `+${usd(v ?? 0)}`}/month`).join(', ');
    findings.push({ code: `get-records-fix-${fix.kind}`, severity: 'info', message: `Fix for the GetRecords call rate — ${fix.description} (${added}).` });
  }
  const large = largeRecordRisk({ sizes: traffic.sizes, keyBytes: traffic.keyBytesMean, recordsPerSecPeak: traffic.recordsPerSecPeak, shards: n, maxRecordBytes: workload.maxRecordSizeBytes });
  if (large && !traffic.aggregation) {
    findings.push({ code: 'large-records', severity: large.refusedPerHour >= 1 ? 'warning' : 'info', message: largeRecordMessage(large) });
    for (const message of largeRecordSettingMessages(large, workload.maxRecordSizeBytes)) findings.push({ code: 'large-records-setting', severity: 'warning', message });
  }
  const autoDistribution = recommendation.target === 'data-stream'
    ? autoDistributionOption({
        streamName: '<name>',
        evenThrottledFraction: hotKeys.throttledFraction,
        keysOverLimit: hotKeys.keysOverLimit.map((k) => k.key),
        onDemandStandardMonthlyUsd: costs['on-demand-standard'].totalMonthlyUsd,
        provisionedMonthlyUsd: costs.provisioned.totalMonthlyUsd,
        provisionedStreamThrottledFraction: layout.evaluation.throttledFraction,
        onDemandRamp: onDemandRamp.standard,
        aggregation: traffic.aggregation !== undefined,
      })
    : undefined;
  if (autoDistribution) findings.push({ code: 'auto-distribution', severity: 'info', message: autoDistributionMessage(autoDistribution) });
  const target = recommendation.settings.baseShards ?? recommendation.settings.shardCount;
  const reshard = workload.currentShards !== undefined && target !== undefined ? planUpdateShardCount(workload.currentShards, target) : undefined;
  if (reshard && reshard.steps.length > 0) {
    findings.push({
      code: reshard.exceedsDailyCallLimit ? 'reshard-too-many-calls' : 'reshard',
      severity: reshard.exceedsDailyCallLimit ? 'warning' : 'info',
      message: `From ${reshard.from} to ${reshard.to} shards takes ${reshard.steps.length} UpdateShardCount call${reshard.steps.length > 1 ? 's' : ''} (${reshard.steps.join(' → ')}); each may at most double or halve the open shards${reshard.exceedsDailyCallLimit ? ', and more than 10 calls exceed the per-stream limit per rolling 24 h' : ''}.`,
    });
  }
  if (traffic.oversizeFraction > 0) {
    findings.push({ code: 'oversize-records', severity: 'warning', message: `${(traffic.oversizeFraction * 100).toFixed(2)}% of records exceed the ${workload.maxRecordSizeBytes} B maximum record size (data + key) and would be rejected (a validation error, not throttling); raise the stream's maximum record size (maxRecordSizeKiB, up to 10,240 KiB: MaxRecordSizeInKiB on CreateStream or UpdateMaxRecordSize) or split them.` });
  }
  if (analytics?.badge && analytics.flinkEquivalent) {
    findings.push({ code: 'analytics-legacy', severity: 'warning', message: `Kinesis Data Analytics for SQL is ${analytics.badge}; the Managed Service for Apache Flink equivalent costs ${analytics.flinkEquivalent.totalMonthlyUsd.toFixed(2)} USD/month.` });
  }
  return {
    kind: 'capacity-plan',
    ...partial,
    firehose,
    analytics,
    prices: { region: prices.region, asOf: prices.asOf },
    assumptions,
    ...(reshard ? { reshard } : {}),
    ...(autoDistribution ? { autoDistribution } : {}),
    findings,
    recommendation,
  };
}

/**
 * Salting on the even split the salted keys make possible: the load-based count first, then more shards
 * (up to twice as many) for any key whose sub-keys find no room there.
 */
function saltingFor(keys: readonly string[], weights: ReturnType<typeof keyWeights>, base: number, w: number, r: number, u: number): SaltingPlan[] {
  if (keys.length === 0) return [];
  let last: SaltingPlan[] = [];
  for (let n = Math.max(2, base); n <= Math.max(2, base) * 2; n++) {
    last = planSalting({ weights, keys, shardCount: n, bytesPerSec: w, recordsPerSec: r, targetUtilization: u });
    if (last.every((p) => p.subKeys.length > 0)) return last;
  }
  return last;
}

function consumerDrain(c: ConsumerFigures, t: TrafficFigures, shards: number, sharedConsumers: number): ConsumerDrain {
  const bytesPerUserRecord = t.bytesPerSecPeak / t.userRecordsPerSecPeak;
  const processingBytesPerSec = c.processingRecordsPerSecPerShard === undefined ? undefined : c.processingRecordsPerSecPerShard * bytesPerUserRecord;
  const readRate = Math.min(2 * MIB / Math.max(1, sharedConsumers), processingBytesPerSec ?? Number.POSITIVE_INFINITY);
  const writePerShard = t.bytesPerSecPeak / shards;
  const surgeBacklog = t.surge ? Math.max(0, t.surge.bytesPerSec / shards - readRate) * t.surge.seconds : 0;
  return {
    consumer: c.name,
    surgeBacklogBytesPerShard: surgeBacklog,
    drainSeconds: drainTimeSeconds({ backlogBytes: surgeBacklog, sharedConsumers, processingBytesPerSec, writeBytesPerSec: writePerShard }),
    keepsUpAtPeak: readRate >= writePerShard,
  };
}

