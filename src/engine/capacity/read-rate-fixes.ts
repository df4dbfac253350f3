/**
 * Every fix for the GetRecords call-rate limit (5 calls per second per shard, shared by all polling
 * consumers; https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html), each with
 * what it costs: polling less often (free, adds delay), keeping fewer shared consumers and moving the
 * rest to enhanced fan-out, or moving all of them to enhanced fan-out. Costs come from the same cost
 * functions as the plan, in provisioned and on-demand Standard mode.
 */
import type { BillingMode } from './cost-line';
import { onDemandStandardCost, provisionedCost, type StreamCostInput } from './cost-streams';
import type { PriceTable } from './price-table';
import type { ConsumerFigures } from './traffic';
import { SHARD_GET_RECORDS_CALLS_PER_SEC } from './units';

export interface ReadRateFix {
  readonly kind: 'slower-polling' | 'fewer-shared-consumers' | 'fan-out';
  readonly description: string;
  /** Added monthly cost per mode (0 for slower polling). */
  readonly addedMonthlyUsd: Readonly<Partial<Record<BillingMode, number>>>;
}

export function readRateFixes(consumers: readonly ConsumerFigures[], cost: StreamCostInput, prices: PriceTable): ReadRateFix[] {
  const shared = consumers.filter((c) => c.readMode === 'shared');
  const calls = shared.reduce((s, c) => s + c.pollsPerSecondPerShard, 0);
  if (calls <= SHARD_GET_RECORDS_CALLS_PER_SEC) return [];
  const fixes: ReadRateFix[] = [];
  const scale = SHARD_GET_RECORDS_CALLS_PER_SEC / calls;
  fixes.push({
    kind: 'slower-polling',
    description: `poll ${pct(1 - scale)} less often: ${shared
      .map((c) => `${c.name} ${round2(c.pollsPerSecondPerShard * scale)}/s (every ${round2(1 / (c.pollsPerSecondPerShard * scale))} s)`)
      .join(', ')} — free; each record waits up to ${round2(1 / (Math.min(...shared.map((c) => c.pollsPerSecondPerShard)) * scale))} s for its next poll instead of ${round2(1 / Math.min(...shared.map((c) => c.pollsPerSecondPerShard)))} s`,
    addedMonthlyUsd: { provisioned: 0, 'on-demand-standard': 0 },
  });
  // Keep the consumers that poll least (most fit under 5 calls/s), move the others to enhanced fan-out.
  const byRate = [...shared].sort((a, b) => a.pollsPerSecondPerShard - b.pollsPerSecondPerShard);
  let kept = 0;
  let used = 0;
  while (kept < byRate.length && used + byRate[kept].pollsPerSecondPerShard <= SHARD_GET_RECORDS_CALLS_PER_SEC) used += byRate[kept++].pollsPerSecondPerShard;
  const moved = byRate.slice(kept);
  const added = (toEfo: number) => {
    const after = { ...cost, sharedConsumers: cost.sharedConsumers - toEfo, efoConsumers: cost.efoConsumers + toEfo };
    return {
      provisioned: provisionedCost(after, prices).totalMonthlyUsd - provisionedCost(cost, prices).totalMonthlyUsd,
      'on-demand-standard': onDemandStandardCost(after, prices).totalMonthlyUsd - onDemandStandardCost(cost, prices).totalMonthlyUsd,
    };
  };
  if (kept > 0) {
    fixes.push({
      kind: 'fewer-shared-consumers',
      description: `keep ${kept} shared consumer${kept === 1 ? '' : 's'} (${used} calls/s per shard) and move ${moved.length} (${moved.map((c) => c.name).join(', ')}) to enhanced fan-out`,
      addedMonthlyUsd: added(moved.length),
    });
  }
  fixes.push({ kind: 'fan-out', description: `move all ${shared.length} shared consumers to enhanced fan-out (2 MiB/s each per shard, ~70 ms delivery)`, addedMonthlyUsd: added(shared.length) });
  return fixes;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
