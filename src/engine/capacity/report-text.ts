/**
 * Renders a CapacityPlan as a plain-text report (for `npm run plan` and copy-paste from the UI):
 * recommendation first, then sizing terms, hot keys, consumers, on-demand ramp, the three-way cost
 * itemised with the price table's date, Firehose and analytics, and findings.
 */
import type { CostLine, ModeCost } from './cost-line';
import type { CapacityPlan } from './plan';
import { modeName, pct, usd } from './recommend';
import { MIB } from './units';

const SEVERITY_MARK = { info: 'i', warning: '!', critical: '✖' } as const;

export function renderPlanText(plan: CapacityPlan): string {
  const out: string[] = [];
  const t = plan.traffic;
  const s = plan.sizing;
  out.push(`Capacity plan: ${plan.workloadName}`);
  out.push('');
  out.push(`Recommendation: ${plan.recommendation.headline}`);
  const ru = plan.recommendation.runnerUp;
  if (plan.recommendation.target === 'firehose-direct-put') {
    for (const r of plan.recommendation.reasons) out.push(`  ${r}`);
  } else {
    out.push(`Runner-up: ${modeName(ru.mode)} at ${usd(ru.monthlyUsd)}/month (${ru.deltaMonthlyUsd >= 0 ? '+' : '−'}${usd(Math.abs(ru.deltaMonthlyUsd))}).`);
  }
  for (const f of plan.recommendation.flags) out.push(`  • ${f}`);
  out.push('');
  out.push('Traffic');
  out.push(`  records/s  average ${fmt(t.userRecordsPerSecAverage)}, peak ${fmt(t.userRecordsPerSecPeak)}${t.surge ? `, surge ${fmt(t.surge.userRecordsPerSec)} for ${t.surge.seconds} s` : ''}`);
  out.push(`  record     ${fmt(t.dataBytesMean)} B data + ${fmt(t.keyBytesMean)} B key on average; ${t.ppuPerRecordMean.toFixed(2)} PUT payload units per Kinesis record`);
  if (t.aggregation) out.push(`  aggregation ${t.aggregation.userRecordsPerAggregate} user records per ${fmt(t.aggregation.aggregateBytes)} B record → ${fmt(t.recordsPerSecPeak)} Kinesis records/s at peak`);
  out.push(`  write      ${(t.bytesPerSecAverage / MIB).toFixed(2)} MiB/s average, ${(t.bytesPerSecPeak / MIB).toFixed(2)} MiB/s peak`);
  out.push('');
  out.push(`Shards (provisioned): ${s.shards}, bound by ${s.binding.constraint}${s.binding.consumer ? ` (${s.binding.consumer})` : ''}`);
  for (const term of s.terms) {
    out.push(`  ${pad(term.constraint + (term.consumer ? ` ${term.consumer}` : ''), 34)} ${pad(term.exactShards.toFixed(2), 9, true)} → ${term.shards}`);
  }
  const u = s.peakUtilization;
  out.push(`  at peak per shard: writes ${pct(u.bytes)} of 1 MiB/s, ${pct(u.records)} of 1,000 records/s, shared reads ${pct(u.sharedRead)} of 2 MiB/s; headroom ${pct(Math.max(0, s.headroomAtPeak))}`);
  out.push(`  GetRecords calls/s per shard: ${s.getRecordsCallsPerSecPerShard} of 5${s.getRecordsFeasible ? '' : '  ✖ over the limit at any shard count'}`);
  out.push('');
  const hk = plan.hotKeys;
  out.push(`Keys (at ${hk.shardCount} shards, MD5 placement)`);
  out.push(`  hottest key '${hk.hottestKey.key}': ${pct(hk.hottestKey.share)} of records, ${hk.hottestKey.shardsWorth.toFixed(2)} shards' worth${hk.hottestKey.shardsWorth > 1 ? ' — throttles at any shard count' : ''}`);
  out.push(`  hottest shard ${hk.hotShardIndex}: ${pct(hk.shards[hk.hotShardIndex]?.utilization ?? 0)} of its write limit; ${pct(hk.throttledFraction)} of the stream's records throttled (per-key excess alone ${pct(hk.unfixableFraction)})`);
  out.push(...renderLayout(plan));
  for (const sa of plan.salting) {
    if (sa.subKeys.length === 0) {
      out.push(`  salt '${sa.key}': no set of sub-keys fits ${sa.shardCount} shards`);
      continue;
    }
    out.push(`  salt '${sa.key}' into ${sa.subKeys.length} sub-keys at ${sa.shardCount} shards (naive ceil(load/(u·shard)) = ${sa.naiveSubKeys}; random names all distinct with P = ${pct(sa.probabilityDistinct)}):`);
    for (const k of sa.subKeys) out.push(`      ${pad(k.name, 28)} → shard ${pad(String(k.shard), 5)} ${pct(k.shardUtilizationAfter)} of its limit with the other keys there`);
    for (const k of sa.skipped) out.push(`      ${pad(k.name, 28)}   skipped: ${k.why === 'collides' ? 'lands on the same shard as another sub-key' : 'no room'} (shard ${k.shard})`);
  }
  const auto = plan.autoDistribution;
  if (auto) {
    out.push(`  without per-key ordering: on-demand + AUTO record distribution ${usd(auto.monthlyUsd)}/month vs provisioned ${usd(auto.provisionedMonthlyUsd)}/month${auto.provisionedStreamThrottledFraction > 0 ? ` (which still refuses ${pct(auto.provisionedStreamThrottledFraction)} of records)` : ''}`);
    out.push(`      keys are ignored for placement, so ${auto.fixes === 'key-over-limit' ? 'keys over the per-key limit stop throttling' : 'no shard is overloaded by its keys'}; per-key order is lost (see the finding)`);
    for (const c of auto.calls) out.push(`      ${c}`);
  }
  if (plan.drain.length) {
    out.push('');
    out.push('Consumers (shared reads)');
    for (const d of plan.drain) {
      const drain = d.drainSeconds === 0 ? 'no surge backlog' : Number.isFinite(d.drainSeconds) ? `surge backlog clears in ${Math.round(d.drainSeconds)} s` : 'never catches up';
      out.push(`  ${pad(d.consumer, 24)} ${d.keepsUpAtPeak ? 'keeps up at peak' : 'FALLS BEHIND at peak'}; ${drain}`);
    }
  }
  out.push('');
  const od = plan.onDemandRamp.standard;
  out.push(`On-demand ramp: ${od.safe ? 'safe' : `unsafe — ${(od.throttledBytesPerSec / MIB).toFixed(1)} MiB/s (${pct(od.throttledFraction)}) throttled for up to ${Math.round(od.throttledSeconds / 60)} min; pre-warm to ${od.recommendedWarmThroughputMiBps} MiB/s`}`);
  out.push('');
  out.push(`Monthly cost (${plan.prices.region} prices; each line shows the date of its price, the oldest is ${plan.prices.asOf})`);
  for (const mode of Object.values(plan.costs)) out.push(...renderModeCost(mode, plan.recommendation.priceReasons[mode.mode]));
  if (plan.firehose) {
    const fh = plan.firehose;
    out.push(`  Firehose '${fh.name}': ${usd(fh.totalMonthlyUsd)}`);
    out.push(...fh.lines.map(renderLine));
    for (const n of fh.notes) out.push(`      note: ${n}`);
  }
  if (plan.analytics) {
    const a = plan.analytics;
    out.push(`  Analytics (${a.kind}${a.badge ? `, ${a.badge}` : ''}, ${a.kpus} KPUs): ${usd(a.totalMonthlyUsd)}`);
    out.push(...a.lines.map(renderLine));
    if (a.flinkEquivalent) out.push(`      Managed Flink equivalent: ${usd(a.flinkEquivalent.totalMonthlyUsd)} (${a.flinkEquivalent.kpus} KPUs)`);
  }
  if (plan.assumptions.length) {
    out.push('');
    out.push('Assumptions (price rules AWS leaves open)');
    for (const a of plan.assumptions) {
      const other = a.oneTimeUsd !== undefined ? `${usd(a.oneTimeUsd)} once` : `${modeName(a.mode)} ${usd(a.otherMonthlyUsd)}/month (${signed(a.otherMonthlyUsd - a.monthlyUsd)})`;
      out.push(`  ${a.question}`);
      out.push(`      used:  ${a.usedReading} → ${modeName(a.mode)} ${usd(a.monthlyUsd)}/month`);
      out.push(`      other: ${a.otherReading} → ${other}`.replace('(+$0.00)', '(the same here)'));
    }
  }
  if (plan.findings.length) {
    out.push('');
    out.push('Findings');
    for (const f of plan.findings) out.push(`  ${SEVERITY_MARK[f.severity]} [${f.code}] ${f.message}`);
  }
  return out.join('\n');
}

function renderLayout(plan: CapacityPlan): string[] {
  const lay = plan.layout;
  if (lay.kind === 'even' && lay.shards === lay.baseShards) return [];
  const out = [`  layout: ${lay.kind === 'even' ? `even split at ${lay.shards} shards (UpdateShardCount)` : `${lay.baseShards} even shards + ${lay.splitCalls.length} SplitShard calls = ${lay.shards} shards`}; ${pct(lay.evaluation.throttledFraction)} of the stream throttled (was ${pct(lay.atBase.throttledFraction)} at ${lay.baseShards} even shards)`];
  for (const c of lay.splitCalls) out.push(`      aws kinesis split-shard --stream-name <name> --shard-to-split ${c.shardToSplit} --new-starting-hash-key ${c.newStartingHashKey}   # ${c.reason} → ${c.children.join(', ')}`);
  for (const a of lay.alternatives) out.push(`      tried ${pad(a.kind === 'even' ? `even ${a.shards}` : `targeted ${a.shards}`, 14)} fixable throttling ${pct(a.fixableThrottledFraction)}`);
  return out;
}

function renderModeCost(c: ModeCost, why?: string): string[] {
  return [`  ${modeName(c.mode)}: ${usd(c.totalMonthlyUsd)}${why ? ` — ${why}` : ''}`, ...c.lines.map(renderLine)];
}

function renderLine(l: CostLine): string {
  const q = `${fmt(l.quantity)} ${l.unit}`;
  return `      ${pad(l.label, 62)} ${pad(q, 26, true)} × ${pad(`$${l.unitPrice}${l.per === 1 ? '' : `/${l.per === 1e6 ? '1M' : fmt(l.per)}`}`, 9, true)} = ${pad(usd(l.monthlyUsd), 12, true)}  [price ${l.priceAsOf}]${l.note ? `  (${l.note})` : ''}`;
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : '−'}${usd(Math.abs(x))}`;
}

function fmt(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: x < 10 ? 2 : x < 1000 ? 1 : 0 });
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}
