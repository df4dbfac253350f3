/**
 * Qualitative hints about billing modes (spec §8.6), stated only where they hold for this workload:
 * "on-demand avoids idle shards" only when on-demand is cheaper; "Advantage discounts" only when
 * Advantage is cheaper than Standard. Where Advantage is dearer, the reason sits next to its price
 * (the 25 MiB/s commitment floor billed against the bytes actually used).
 */
import type { BillingMode, ModeCost } from './cost-line';
import { MIB } from './units';

export interface ModeHintInputs {
  readonly costs: Readonly<Record<BillingMode, ModeCost>>;
  readonly peakOverAverage: number;
  readonly bytesPerSecAverage: number;
  readonly efoConsumers: number;
  readonly retentionHours: number;
  readonly sharedConsumers: number;
  readonly hotKeyOverLimit: boolean;
}

function usd(x: number): string {
  return `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Why a mode costs what it does, for modes whose price would otherwise surprise. */
export function priceReasons(i: ModeHintInputs): Partial<Record<BillingMode, string>> {
  const adv = i.costs['on-demand-advantage'];
  const std = i.costs['on-demand-standard'];
  const out: Partial<Record<BillingMode, string>> = {};
  if (adv.totalMonthlyUsd > std.totalMonthlyUsd) {
    const floors = adv.lines.filter((l) => l.note?.startsWith('commitment floor'));
    out['on-demand-advantage'] = floors.length
      ? `${usd(adv.totalMonthlyUsd - std.totalMonthlyUsd)} more than Standard: the 25 MiB/s commitment is billed whatever is used (${(i.bytesPerSecAverage / MIB).toFixed(2)} MiB/s written on average) — ${floors.map((l) => l.note?.replace('commitment floor: ', '')).join('; ')}`
      : `${usd(adv.totalMonthlyUsd - std.totalMonthlyUsd)} more than Standard at this volume`;
  }
  return out;
}

export function modeFlags(i: ModeHintInputs): string[] {
  const flags: string[] = [];
  const c = i.costs;
  const od = Math.min(c['on-demand-standard'].totalMonthlyUsd, c['on-demand-advantage'].totalMonthlyUsd);
  if (i.peakOverAverage > 4 && od < c.provisioned.totalMonthlyUsd) {
    flags.push(`spiky: peak/avg ${i.peakOverAverage.toFixed(1)} > 4 → on-demand avoids paying for idle shards (${usd(c.provisioned.totalMonthlyUsd - od)}/month less)`);
  }
  const advSaving = c['on-demand-standard'].totalMonthlyUsd - c['on-demand-advantage'].totalMonthlyUsd;
  if (advSaving > 0) {
    const why = [i.efoConsumers >= 2 ? `${i.efoConsumers} EFO consumers` : '', i.retentionHours > 24 ? `${i.retentionHours} h retention` : '', i.bytesPerSecAverage >= 25 * MIB ? 'volume above the 25 MiB/s commitment' : '']
      .filter(Boolean)
      .join(', ');
    flags.push(`on-demand Advantage is ${usd(advSaving)}/month cheaper than Standard${why ? ` (${why})` : ''}`);
  }
  if (i.hotKeyOverLimit) flags.push('hot key → no mode fixes it');
  if (i.sharedConsumers > 1) flags.push('several shared consumers: AWS recommends one GetRecords consumer per on-demand stream and enhanced fan-out for more');
  return flags;
}
