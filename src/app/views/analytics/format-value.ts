/** Cell text for SQL values by their column type (timestamps as UTC text, numbers trimmed). */
import type { Value } from '../../../engine/analytics/types';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatTimestampMs(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

export function isTemporalType(type: string): boolean {
  return /^(TIMESTAMP|DATE|TIME)\b/.test(type.toUpperCase());
}

export function isNumericType(type: string): boolean {
  return /^(TINYINT|SMALLINT|INT|INTEGER|BIGINT|DECIMAL|NUMERIC|REAL|FLOAT|DOUBLE)\b/.test(type.toUpperCase());
}

export function formatValue(v: Value, type: string): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') {
    if (isTemporalType(type)) {
      const t = type.toUpperCase();
      if (t.startsWith('DATE')) return formatTimestampMs(v).slice(0, 10);
      if (t.startsWith('TIME') && !t.startsWith('TIMESTAMP')) return formatTimestampMs(v).slice(11);
      return formatTimestampMs(v);
    }
    if (Number.isInteger(v)) return v.toLocaleString('en-US', { useGrouping: false });
    return Number(v.toPrecision(8)).toString();
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (Array.isArray(v)) return JSON.stringify(v);
  return v;
}
