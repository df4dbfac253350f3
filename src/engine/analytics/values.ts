/**
 * Value helpers shared by the expression compiler, the input mapper and the output writer:
 * runtime errors, timestamp parsing/formatting (UTC, ms precision), calendar flooring, CAST.
 */
import type { TimeUnit } from './ast';
import type { SqlType, Value } from './types';
import { INTEGER_RANGES, isInteger, UNIT_MS } from './types';

/** A per-row failure: the row goes to the error stream, the application keeps running. */
export class SqlRuntimeError extends Error {
  constructor(readonly errorName: string, message: string) {
    super(message);
    this.name = 'SqlRuntimeError';
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(ms);
  const year = d.getUTCFullYear();
  const y = year < 0 ? '-' + pad(-year, 4) : pad(year, 4);
  return `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}
export function formatDate(ms: number): string {
  return formatTimestamp(ms).slice(0, 10);
}
export function formatTime(ms: number): string {
  return formatTimestamp(((ms % 86_400_000) + 86_400_000) % 86_400_000).slice(11, 19);
}

const TS_RE = /^\s*(-?\d{1,4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/i;

/** Parses 'yyyy-MM-dd[ HH:mm[:ss[.fff]]]' (also ISO 'T' / 'Z' / offset forms) to epoch ms, or null. */
export function parseTimestamp(text: string): number | null {
  const m = TS_RE.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  let ms = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), Number((frac + '000').slice(0, 3)));
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return ms;
}

export function parseTime(text: string): number | null {
  const m = /^\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*$/.exec(text);
  if (!m) return null;
  return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * 1000 + Number(((m[4] ?? '') + '000').slice(0, 3));
}

export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

/** FLOOR(ts TO unit): start of the calendar unit containing `ms` (UTC). */
export function floorTimestamp(ms: number, unit: TimeUnit): number {
  const fixed = UNIT_MS[unit];
  if (unit !== 'WEEK' && !Number.isNaN(fixed)) return Math.floor(ms / fixed) * fixed;
  const d = new Date(ms);
  if (unit === 'WEEK') {
    const day = Math.floor(ms / 86_400_000) * 86_400_000;
    return day - ((d.getUTCDay() + 6) % 7) * 86_400_000;
  }
  if (unit === 'MONTH') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (unit === 'QUARTER') return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1);
  return Date.UTC(d.getUTCFullYear(), 0, 1);
}

export function ceilTimestamp(ms: number, unit: TimeUnit): number {
  const floor = floorTimestamp(ms, unit);
  return floor === ms ? ms : addUnit(floor, unit, 1);
}

export function addUnit(ms: number, unit: TimeUnit, count: number): number {
  if (unit === 'MONTH') return addMonths(ms, count);
  if (unit === 'QUARTER') return addMonths(ms, 3 * count);
  if (unit === 'YEAR') return addMonths(ms, 12 * count);
  return ms + UNIT_MS[unit] * count;
}

export function valueToString(v: Value, type: SqlType): string {
  if (v === null) return 'NULL';
  switch (type.kind) {
    case 'TIMESTAMP':
      return formatTimestamp(v as number);
    case 'DATE':
      return formatDate(v as number);
    case 'TIME':
      return formatTime(v as number);
    case 'DECIMAL':
      return (v as number).toFixed(type.scale ?? 0);
    case 'REAL':
    case 'DOUBLE':
      return formatDouble(v as number);
    default:
      return Array.isArray(v) ? JSON.stringify(v) : String(v);
  }
}

function formatDouble(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  return String(x);
}

export function roundHalfUp(x: number, scale: number): number {
  const f = 10 ** scale;
  const r = Math.round(Math.abs(x) * f + 1e-9) / f;
  return x < 0 ? -r : r;
}

function toNumber(v: Value, from: SqlType, to: SqlType): number {
  if (typeof v === 'number') {
    if (from.kind === 'INTERVAL_DAY_TIME') return v / UNIT_MS[from.unit ?? 'MILLISECOND'];
    return v;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const text = v.trim();
    const n = text === '' ? NaN : Number(text);
    if (Number.isNaN(n) && !/^nan$/i.test(text)) throw new SqlRuntimeError('Cast error', `cannot convert '${v}' to ${to.kind}`);
    return n;
  }
  throw new SqlRuntimeError('Cast error', `cannot convert ${JSON.stringify(v)} to ${to.kind}`);
}

/** CAST / assignment conversion. Throws SqlRuntimeError when the value does not fit the target. */
export function castValue(v: Value, from: SqlType, to: SqlType): Value {
  if (v === null) return null;
  switch (to.kind) {
    case 'TINYINT':
    case 'SMALLINT':
    case 'INTEGER':
    case 'BIGINT': {
      let n = toNumber(v, from, to);
      if (!Number.isFinite(n)) throw new SqlRuntimeError('Cast error', `cannot convert ${n} to ${to.kind}`);
      n = Math.trunc(n);
      const [lo, hi] = INTEGER_RANGES[to.kind] as [number, number];
      if (n < lo || n > hi) throw new SqlRuntimeError('Overflow', `${n} is out of range for ${to.kind} (${lo}…${hi})`);
      return n === 0 ? 0 : n;
    }
    case 'DECIMAL':
      return roundHalfUp(toNumber(v, from, to), to.scale ?? 0);
    case 'REAL':
    case 'DOUBLE':
      return toNumber(v, from, to);
    case 'BOOLEAN':
      if (typeof v === 'boolean') return v;
      if (typeof v === 'number') return v !== 0;
      if (typeof v === 'string') {
        const t = v.trim().toLowerCase();
        if (t === 'true') return true;
        if (t === 'false') return false;
      }
      throw new SqlRuntimeError('Cast error', `cannot convert '${String(v)}' to BOOLEAN`);
    case 'CHAR':
    case 'VARCHAR': {
      let s = typeof v === 'string' ? v : valueToString(v, from);
      if (to.length !== undefined && s.length > to.length) s = s.slice(0, to.length);
      if (to.kind === 'CHAR' && to.length !== undefined && s.length < to.length) s = s.padEnd(to.length, ' ');
      return s;
    }
    case 'TIMESTAMP':
    case 'DATE': {
      let ms: number | null;
      if (typeof v === 'string') ms = parseTimestamp(v);
      else if (typeof v === 'number' && (from.kind === 'TIMESTAMP' || from.kind === 'DATE' || isInteger(from))) ms = v;
      else ms = null;
      if (ms === null) throw new SqlRuntimeError('Cast error', `cannot convert '${String(v)}' to ${to.kind}`);
      return to.kind === 'DATE' ? Math.floor(ms / 86_400_000) * 86_400_000 : ms;
    }
    case 'TIME': {
      if (typeof v === 'number' && from.kind === 'TIMESTAMP') return ((v % 86_400_000) + 86_400_000) % 86_400_000;
      const t = typeof v === 'string' ? (parseTime(v) ?? timeOfTimestampText(v)) : typeof v === 'number' ? v : null;
      if (t === null) throw new SqlRuntimeError('Cast error', `cannot convert '${String(v)}' to TIME`);
      return t;
    }
    default:
      return v;
  }
}

function timeOfTimestampText(text: string): number | null {
  const ms = parseTimestamp(text);
  return ms === null ? null : ((ms % 86_400_000) + 86_400_000) % 86_400_000;
}

/** Total order used by comparisons, MIN/MAX and ORDER BY (numbers, strings, booleans). */
export function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return (a ? 1 : 0) - (b ? 1 : 0);
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
