/**
 * Findings and the mode recommendation (spec §8.6): the cheapest billing mode with no predicted
 * (fixable) throttling, the runner-up and its delta, qualitative flags, a one-line headline in plain
 * words and the settings as data so the UI can apply them with one click.
 */
import type { BillingMode, ModeCost } from './cost-line';
import type { HotKeyAnalysis } from './hot-keys';
import { modeFlags, priceReasons } from './mode-hints';
import type { ShardLayoutPlan } from './layout-search';
import type { SaltingPlan } from './salting';
import type { RampCheck } from './on-demand-ramp';
import type { ShardSizing, SizingTerm } from './shard-sizing';
import type { TrafficFigures } from './traffic';
import { EFO_CONSUMERS_PER_STREAM_MAX, EFO_CONSUMERS_PER_STREAM_MAX_ADVANTAGE, MIB } from './units';
import type { Workload } from './workload';

export type FindingSeverity = 'info' | 'warning' | 'critical';

export interface Finding {
  readonly code: string;
  readonly severity: FindingSeverity;
  readonly message: string;
}

export interface RecommendedSettings {
  readonly mode: BillingMode;
  /** StreamModeDetails.StreamMode as the API takes it. */
  readonly streamMode: 'PROVISIONED' | 'ON_DEMAND';
  /** Open shards for provisioned mode. */
  readonly shardCount?: number;
  /** Provisioned with targeted splits: create `baseShards`, then run these SplitShard calls in order. */
  readonly baseShards?: number;
  readonly splitCalls?: readonly { readonly shardToSplit: string; readonly newStartingHashKey: string }[];
  /** On-demand Advantage warm throughput, when the ramp needs it. */
  readonly warmThroughputMiBps?: number;
  readonly retentionHours: number;
  readonly efoConsumers: number;
}

export interface Recommendation {
  readonly kind: 'recommendation';
  /** What the workload needs: a data stream, or only a Firehose delivery stream taking Direct PUT. */
  readonly target: 'data-stream' | 'firehose-direct-put';
  readonly settings: RecommendedSettings;
  readonly headline: string;
  readonly reasons: readonly string[];
  readonly monthlyUsd: number;
  readonly runnerUp: { readonly mode: BillingMode; readonly monthlyUsd: number; readonly deltaMonthlyUsd: number };
  /** Fraction of records each mode is predicted to refuse beyond what no mode can fix. */
  readonly predictedFixableThrottling: Readonly<Record<BillingMode, number>>;
  /** Fraction no mode or shard count removes (keys over the per-key limit). */
  readonly unfixableThrottling: number;
  /**
   * Share of the whole stream's records the recommended setup still refuses at peak: every key on an
   * overloaded shard counts, not only a hot key's own excess.
   */
  readonly streamThrottledFraction: number;
  readonly flags: readonly string[];
  /** Why a mode costs what it does, next to its price (e.g. Advantage's commitment floor). */
  readonly priceReasons: Partial<Record<BillingMode, string>>;
}

export interface PlanSoFar {
  readonly traffic: Omit<TrafficFigures, 'sizes'>;
  readonly sizing: ShardSizing;
  readonly hotKeys: HotKeyAnalysis;
  readonly layout: ShardLayoutPlan;
  readonly salting: readonly SaltingPlan[];
  readonly onDemandRamp: { readonly standard: RampCheck; readonly advantage: RampCheck };
  readonly drain: readonly { readonly consumer: string; readonly drainSeconds: number; readonly keepsUpAtPeak: boolean }[];
  readonly surgeWriteThrottledFraction: number;
  readonly costs: Readonly<Record<BillingMode, ModeCost>>;
}

const MODE_NAMES: Record<BillingMode, string> = {
  provisioned: 'provisioned',
  'on-demand-standard': 'on-demand Standard',
  'on-demand-advantage': 'on-demand Advantage',
};

export function modeName(mode: BillingMode): string {
  return MODE_NAMES[mode];
}

export function recommend(w: Workload, p: PlanSoFar): { findings: Finding[]; recommendation: Recommendation } {
  const findings = collectFindings(w, p);
  const lay = p.layout;
  const unfixable = lay.evaluation.unfixableFraction;
  const advantageNeedsWarm = !p.onDemandRamp.advantage.safe && w.onDemand.warmThroughputMiBps === undefined;
  // Fixable throttling only: the per-key excess is the same in every mode and layout, so it does not
  // decide between them. On-demand halves shards that run hot until the heavy key's shard is its own
  // (the engine's on-demand scaler does the same), so skew alone does not throttle it at steady state.
  const throttling: Record<BillingMode, number> = {
    provisioned: Math.max(lay.fixableThrottledFraction, p.surgeWriteThrottledFraction),
    'on-demand-standard': p.onDemandRamp.standard.throttledFraction,
    // Advantage can pre-warm: recommend the warm throughput that makes the ramp safe.
    'on-demand-advantage': advantageNeedsWarm ? 0 : p.onDemandRamp.advantage.throttledFraction,
  };
  const modes = (Object.keys(p.costs) as BillingMode[]).sort((a, b) => p.costs[a].totalMonthlyUsd - p.costs[b].totalMonthlyUsd);
  const clean = modes.filter((m) => throttling[m] <= 1e-9);
  const chosen = clean[0] ?? modes.reduce((a, b) => (throttling[b] < throttling[a] ? b : a));
  const runner = modes.find((m) => m !== chosen) ?? chosen;
  const warmMiBps = chosen === 'on-demand-advantage' ? (w.onDemand.warmThroughputMiBps ?? (advantageNeedsWarm ? p.onDemandRamp.advantage.recommendedWarmThroughputMiBps : undefined)) : undefined;
  const settings: RecommendedSettings = {
    mode: chosen,
    streamMode: chosen === 'provisioned' ? 'PROVISIONED' : 'ON_DEMAND',
    ...(chosen === 'provisioned' ? { shardCount: p.sizing.shards } : {}),
    ...(chosen === 'provisioned' && lay.kind === 'targeted-splits'
      ? { baseShards: lay.baseShards, splitCalls: lay.splitCalls.map((c) => ({ shardToSplit: c.shardToSplit, newStartingHashKey: c.newStartingHashKey })) }
      : {}),
    ...(warmMiBps !== undefined ? { warmThroughputMiBps: warmMiBps } : {}),
    retentionHours: w.retentionHours,
    efoConsumers: p.sizing.efoConsumers,
  };
  const monthlyUsd = p.costs[chosen].totalMonthlyUsd;
  const reasons = [bindingReason(p.sizing.binding, p.sizing, w.targetUtilization)];
  if (clean.length === 0) reasons.push('every mode is predicted to throttle; this is the one that throttles least');
  else if (clean[0] !== modes[0]) reasons.push(`${modeName(modes[0])} is cheaper but predicted to throttle ${pct(throttling[modes[0]])} of records`);
  if (!p.sizing.getRecordsFeasible) reasons.push(`${p.sizing.getRecordsCallsPerSecPerShard} GetRecords calls per second per shard exceed the limit of 5 at any shard count — poll less often, keep fewer shared consumers or use enhanced fan-out (costs in the findings)`);
  const streamThrottled = chosen === 'provisioned' ? lay.evaluation.throttledFraction : unfixable + throttling[chosen];
  if (chosen === 'provisioned' && lay.kind === 'targeted-splits') {
    reasons.push(`an even split at ${lay.baseShards} shards throttles ${pct(lay.atBase.throttledFraction)} of all records (shard ${lay.atBase.hottestShard} at ${pct(lay.atBase.shards[lay.atBase.hottestShard].utilization)} of its limit); ${lay.splitCalls.length} SplitShard call${lay.splitCalls.length === 1 ? '' : 's'} around the heavy key${lay.splitCalls.length > 2 ? 's' : ''} make${lay.splitCalls.length === 1 ? 's' : ''} ${lay.shards} shards without that throttling`);
  } else if (chosen === 'provisioned' && lay.shards > lay.baseShards) {
    reasons.push(`an even split at ${lay.baseShards} shards throttles ${pct(lay.atBase.throttledFraction)} of all records; at ${lay.shards} shards MD5 puts no heavy keys together`);
  }
  const hotKey = p.hotKeys.keysOverLimit[0];
  if (hotKey) {
    const salt = p.salting.find((x) => x.key === hotKey.key);
    reasons.push(
      `${pct(streamThrottled)} of the stream's records are still refused: key '${hotKey.key}' needs ${hotKey.shardsWorth.toFixed(2)} shards' worth on one hash value (its own excess is ${pct(unfixable)} of all records${streamThrottled > unfixable + 1e-9 ? `; the other ${pct(streamThrottled - unfixable)} are keys sharing its shard` : ''}) in every mode` +
        (salt && salt.subKeys.length ? `; salting it into ${salt.subKeys.length} sub-keys on ${salt.shardCount} even shards removes it` : ''),
    );
  } else if (streamThrottled > 1e-9) {
    reasons.push(`${pct(streamThrottled)} of the stream's records are still refused at peak`);
  }
  const hintInputs = {
    costs: p.costs,
    peakOverAverage: w.traffic.recordsPerSecond.peak / w.traffic.recordsPerSecond.average,
    bytesPerSecAverage: p.traffic.bytesPerSecAverage,
    efoConsumers: p.sizing.efoConsumers,
    retentionHours: w.retentionHours,
    sharedConsumers: p.sizing.sharedConsumers,
    hotKeyOverLimit: p.hotKeys.keysOverLimit.length > 0,
  };
  const lead =
    chosen === 'provisioned'
      ? `${p.sizing.shards} shards, provisioned (${usd(monthlyUsd)}/month)`
      : `${modeName(chosen)}${warmMiBps !== undefined ? ` with ${warmMiBps} MiB/s warm throughput` : ''} (${usd(monthlyUsd)}/month)`;
  const recommendation: Recommendation = {
    kind: 'recommendation',
    target: 'data-stream',
    settings,
    headline: `${lead}: ${reasons.join('; ')}`,
    reasons,
    monthlyUsd,
    runnerUp: { mode: runner, monthlyUsd: p.costs[runner].totalMonthlyUsd, deltaMonthlyUsd: p.costs[runner].totalMonthlyUsd - monthlyUsd },
    predictedFixableThrottling: throttling,
    unfixableThrottling: unfixable,
    streamThrottledFraction: streamThrottled,
    flags: modeFlags(hintInputs),
    priceReasons: priceReasons(hintInputs),
  };
  return { findings, recommendation };
}

function bindingReason(t: SizingTerm, s: ShardSizing, targetUtilization: number): string {
  const x = t.exactShards.toFixed(1);
  switch (t.constraint) {
    case 'minimum':
      return 'one shard carries the whole load';
    case 'write-bytes':
      return `writes need ${x} shards at peak (bytes, at ${pct(targetUtilization)} target utilisation)`;
    case 'write-records':
      return `writes need ${x} shards at peak (records per second)`;
    case 'shared-read':
      return `${s.sharedConsumers} shared consumers need ${x} shards to share 2 MiB/s per shard`;
    case 'consumer-processing':
      return `consumer '${t.consumer}' needs ${x} shards to keep up with its processing speed`;
    case 'surge-lag':
      return `consumer '${t.consumer}' needs ${x} shards to drain the surge within its lag budget`;
    case 'surge-write':
      return `the surge needs ${x} shards at the hard write limit`;
    case 'key-skew':
      return `the MD5 placement of the heaviest keys needs ${t.shards} shards for no shard to overflow`;
  }
}

function collectFindings(w: Workload, p: PlanSoFar): Finding[] {
  const f: Finding[] = [];
  const add = (code: string, severity: FindingSeverity, message: string) => f.push({ code, severity, message });
  for (const k of p.hotKeys.keysOverLimit) {
    const salt = p.salting.find((x) => x.key === k.key);
    const saltText = salt && salt.subKeys.length
      ? ` Salt it into ${salt.subKeys.length} sub-keys, each checked on the shard its MD5 lands on at ${salt.shardCount} shards: ${salt.subKeys.map((s) => `${s.name} → shard ${s.shard} (${pct(s.shardUtilizationAfter)})`).join(', ')}${salt.skipped.length ? `; skipped ${salt.skipped.map((s) => `${s.name} (${s.why === 'collides' ? 'same shard as another sub-key' : 'no room on'} shard ${s.shard})`).join(', ')}` : ''}. Or set ExplicitHashKey per record to spread it.`
      : ' No set of sub-keys fits the shards; add shards or use ExplicitHashKey.';
    add('hot-key', 'critical', `Key '${k.key}' carries ${pct(k.share)} of records (${(k.bytesPerSec / MIB).toFixed(2)} MiB/s, ${Math.round(k.recordsPerSec)} records/s): ${k.shardsWorth.toFixed(2)} shards' worth on one hash value, so it throttles in every mode and at any shard count.${saltText}`);
  }
  const lay = p.layout;
  if (lay.atBase.throttledFraction - lay.evaluation.unfixableFraction > 1e-9) {
    const hs = lay.atBase.shards[lay.atBase.hottestShard];
    add('key-skew', 'warning', `On an even split at ${lay.baseShards} shards, shard ${lay.atBase.hottestShard} carries ${hs.keyCount} listed keys (${hs.keys.slice(0, 3).map((k) => `'${k.key}' ${pct(k.share)}`).join(', ')}${hs.keyCount > 3 ? ', …' : ''}) at ${pct(hs.utilization)} of its write limit: ${pct(lay.atBase.throttledFraction)} of the stream's records would be throttled (every key on that shard loses the same share).`);
  }
  if (lay.kind === 'targeted-splits') {
    add('targeted-splits', 'info', `Layout: create ${lay.baseShards} shards, then ${lay.splitCalls.map((c) => `SplitShard ${c.shardToSplit} at NewStartingHashKey ${c.newStartingHashKey} (${c.reason})`).join('; ')}. ${lay.shards} open shards, hottest at ${pct(lay.evaluation.shards[lay.evaluation.hottestShard].utilization)} of its limit.`);
  } else if (lay.shards > lay.baseShards) {
    add('key-skew-sized', 'info', `MD5 placement of the heaviest keys needs ${lay.shards} shards instead of ${lay.baseShards} (an even split; UpdateShardCount to ${lay.shards}).`);
  }
  if (!p.sizing.getRecordsFeasible) add('get-records-tps', 'critical', `Shared consumers make ${p.sizing.getRecordsCallsPerSecPerShard} GetRecords calls per second per shard; the limit is 5 and no shard count changes that. The fixes and their costs follow.`);
  const efoMax = EFO_CONSUMERS_PER_STREAM_MAX;
  if (p.sizing.efoConsumers > efoMax) add('efo-limit', p.sizing.efoConsumers > EFO_CONSUMERS_PER_STREAM_MAX_ADVANTAGE ? 'critical' : 'warning', `${p.sizing.efoConsumers} enhanced fan-out consumers exceed the ${efoMax} per stream allowed (${EFO_CONSUMERS_PER_STREAM_MAX_ADVANTAGE} under on-demand Advantage).`);
  if (p.surgeWriteThrottledFraction > 0) add('surge-throttle', 'warning', `The surge of ${Math.round(w.traffic.recordsPerSecond.surge?.recordsPerSecond ?? 0)} records/s exceeds ${p.sizing.shards} shards: ${pct(p.surgeWriteThrottledFraction)} of surge records are throttled and must be retried by the producer.`);
  // Copies of one consumer spec (name#1, name#2 …) behave alike: report them once.
  const seen = new Set<string>();
  for (const d of p.drain) {
    const base = d.consumer.replace(/#\d+$/, '');
    const copies = p.drain.filter((x) => x.consumer.replace(/#\d+$/, '') === base).length;
    const who = copies > 1 ? `Consumers '${base}' (${copies} copies)` : `Consumer '${d.consumer}'`;
    const [reads, falls, needs] = copies > 1 ? ['read', 'fall', 'need'] : ['reads', 'falls', 'needs'];
    const key = `${base}|${d.keepsUpAtPeak}|${Math.round(d.drainSeconds)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!d.keepsUpAtPeak) add('consumer-behind', 'critical', `${who} ${reads} slower than data arrives at peak; lag grows without bound.`);
    else if (d.drainSeconds > 0) add('surge-lag', 'info', `${who} ${falls} behind during the surge and ${needs} ${Number.isFinite(d.drainSeconds) ? `${Math.round(d.drainSeconds)} s` : 'forever'} to catch up.`);
  }
  const std = p.onDemandRamp.standard;
  if (!std.safe) add('on-demand-ramp', 'warning', `On-demand ramp unsafe: capacity is ${(std.capacityBytesPerSec / MIB).toFixed(1)} MiB/s / ${Math.round(std.capacityRecordsPerSec)} records/s before the peak, so ${(std.throttledBytesPerSec / MIB).toFixed(1)} MiB/s (${pct(std.throttledFraction)}) is throttled for up to ${Math.round(std.throttledSeconds / 60)} min. Pre-warm: Advantage warm throughput ≥ ${std.recommendedWarmThroughputMiBps} MiB/s, provisioned with ≥ ${p.sizing.shards} shards beforehand, or ramp at most 2× per 15 minutes.`);
  if (std.exceedsStreamMax) add('on-demand-max', 'warning', 'Peak demand exceeds the default on-demand stream maximum of 200 MiB/s or 200,000 records/s; request a quota increase.');
  if (p.sizing.exceedsShardQuota) add('shard-quota', 'critical', `${p.sizing.shards} shards exceed the default quota of 20,000 shards per stream.`);
  if (w.traffic.aggregation.enabled && w.traffic.aggregation.keysCarryOrdering) add('aggregation-hot-shard', 'warning', 'Aggregated records are routed by their first user record’s key, so keys that carry ordering can pile onto one shard; set ExplicitHashKey per aggregate or aggregate per key.');
  if (p.traffic.aggregation) add('aggregation', 'info', `Aggregation packs ${p.traffic.aggregation.userRecordsPerAggregate} user records into each ${Math.round(p.traffic.aggregation.aggregateBytes)} B Kinesis record.`);
  return f;
}

export function pct(x: number): string {
  // Float dust (1e-17 of a fraction) is no throttling; print it as 0%.
  const v = Math.abs(x) < 1e-9 ? 0 : x * 100;
  return `${v >= 10 || v === 0 ? v.toFixed(0) : v.toFixed(1)}%`;
}

export function usd(x: number): string {
  return `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
