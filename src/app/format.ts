/**
 * Number and time formatting for people: units always shown, widths stable. The language chosen
 * in the header (src/app/i18n) sets the locale here; English output keeps its historic forms and
 * other locales use Intl (digit grouping, compact numbers, date order, unit words).
 */

let locale = 'en';
let grouping = new Intl.NumberFormat('en-US');
let compact: Intl.NumberFormat | null = null;

/** Called by the i18n layer when the language changes. */
export function setFormatLocale(lng: string): void {
  locale = lng;
  grouping = new Intl.NumberFormat(lng === 'en' ? 'en-US' : lng);
  compact = lng === 'en' ? null : new Intl.NumberFormat(lng, { notation: 'compact', maximumFractionDigits: 2 });
}

export function formatLocale(): string {
  return locale;
}

/** Unit words per language: [ms, s, min, h]. */
const UNITS: Record<string, readonly [string, string, string, string]> = {
  en: ['ms', 's', 'min', 'h'],
  ko: ['ms', '초', '분', '시간'],
};
const unitWords = () => UNITS[locale] ?? UNITS.en;
const spaced = (n: string, unit: string) => (locale === 'ko' && unit !== 'ms' ? `${n}${unit}` : `${n} ${unit}`);

export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  if (locale !== 'en') {
    return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(d);
  }
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export function formatElapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

/** A whole number with the language's digit grouping, never abbreviated (11,520). */
export function formatInteger(n: number): string {
  return grouping.format(Math.round(n));
}

export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  if (compact) return abs >= 1e4 ? compact.format(n) : formatInteger(n);
  if (abs >= 1e9) return `${(n / 1e9).toFixed(2)} B`;
  if (abs >= 1e6) return `${(n / 1e6).toFixed(2)} M`;
  if (abs >= 1e4) return `${(n / 1e3).toFixed(1)} k`;
  return formatInteger(n);
}

export function formatRate(perSec: number, unit = 'records/s'): string {
  return `${formatCount(perSec)} ${unit}`;
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  const abs = Math.abs(bytes);
  if (abs >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
  if (abs >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(2)} MiB`;
  if (abs >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${Math.round(bytes)} B`;
}

export function formatPercent(fraction: number, digits = 0): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function formatSpeed(x: number): string {
  if (x >= 100) return `×${formatInteger(x)}`;
  if (x >= 10) return `×${x.toFixed(0)}`;
  return `×${x.toFixed(1)}`;
}

export function formatBytesRate(bytesPerSec: number): string {
  return `${formatBytes(bytesPerSec)}/s`;
}

/** A duration for people: "850 ms", "12.4 s", "3 min 20 s", "2 h 05 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const abs = Math.abs(ms);
  const [u_ms, u_s, u_min, u_h] = unitWords();
  if (abs < 1000) return spaced(String(Math.round(ms)), u_ms);
  if (abs < 60_000) return spaced((ms / 1000).toFixed(1), u_s);
  if (abs < 3_600_000) return `${spaced(String(Math.floor(ms / 60_000)), u_min)} ${spaced(String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0'), u_s)}`;
  return `${spaced(String(Math.floor(ms / 3_600_000)), u_h)} ${spaced(String(Math.floor((ms % 3_600_000) / 60_000)).padStart(2, '0'), u_min)}`;
}

/** Virtual epoch ms as a UTC time of day with milliseconds: "12:03:04.567". */
export function formatTimeOfDay(epochMs: number, withMs = false): string {
  const d = new Date(epochMs);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const base = `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  return withMs ? `${base}.${p(d.getUTCMilliseconds(), 3)}` : base;
}
