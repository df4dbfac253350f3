/** Number formatting for the Planner page, in the console's chosen language (src/app/format.ts). */
import { formatLocale } from '../../format';

export function usd(x: number): string {
  return `$${x.toLocaleString(formatLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function pct(fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function num(x: number, digits = 0): string {
  if (!Number.isFinite(x)) return '∞';
  return x.toLocaleString(formatLocale(), { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function ms(x: number): string {
  if (!Number.isFinite(x)) return '∞';
  if (x >= 60_000) return `${(x / 60_000).toFixed(1)} min`;
  if (x >= 1000) return `${(x / 1000).toFixed(1)} s`;
  return `${x.toFixed(0)} ms`;
}

export function mibps(bytesPerSec: number): string {
  return `${(bytesPerSec / 1_048_576).toFixed(2)} MiB/s`;
}
