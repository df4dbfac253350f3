/**
 * SQL types of the engine and their JS value representation (rows are arrays of `Value`):
 * integers, DECIMAL, REAL, DOUBLE → number; CHAR/VARCHAR → string; BOOLEAN → boolean;
 * TIMESTAMP → epoch ms; DATE → epoch ms at 00:00 UTC; TIME → ms since midnight;
 * INTERVAL → ms (day-time) or months (year-month); ROW (log-parse results) → Value[]; NULL → null.
 */
import type { TimeUnit, TypeName } from './ast';

export type TypeKind =
  | 'TINYINT' | 'SMALLINT' | 'INTEGER' | 'BIGINT' | 'DECIMAL' | 'REAL' | 'DOUBLE' | 'BOOLEAN' | 'CHAR' | 'VARCHAR'
  | 'BINARY' | 'VARBINARY' | 'DATE' | 'TIME' | 'TIMESTAMP' | 'INTERVAL_DAY_TIME' | 'INTERVAL_YEAR_MONTH' | 'NULL'
  | 'ROW' | 'ANY';

export interface SqlType {
  readonly kind: TypeKind;
  /** CHAR/VARCHAR/BINARY length limit. */
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
  /** Leading unit of an interval (for `(a - b) SECOND` and casts of intervals to numbers). */
  readonly unit?: TimeUnit;
  /** Fields of a ROW type, by name. */
  readonly fields?: readonly { readonly name: string; readonly type: SqlType }[];
}

export type Value = number | string | boolean | null | Value[];
export type Row = Value[];

const simple = (kind: TypeKind): SqlType => ({ kind });
export const T = {
  TINYINT: simple('TINYINT'), SMALLINT: simple('SMALLINT'), INTEGER: simple('INTEGER'), BIGINT: simple('BIGINT'),
  REAL: simple('REAL'), DOUBLE: simple('DOUBLE'), BOOLEAN: simple('BOOLEAN'), VARCHAR: simple('VARCHAR'),
  DATE: simple('DATE'), TIME: simple('TIME'), TIMESTAMP: simple('TIMESTAMP'), NULL: simple('NULL'), ANY: simple('ANY'),
  INTERVAL_MS: { kind: 'INTERVAL_DAY_TIME', unit: 'SECOND' } as SqlType,
  decimal: (precision: number, scale: number): SqlType => ({ kind: 'DECIMAL', precision, scale }),
  varchar: (length: number): SqlType => ({ kind: 'VARCHAR', length }),
};

const INTEGER_RANK: Partial<Record<TypeKind, number>> = { TINYINT: 1, SMALLINT: 2, INTEGER: 3, BIGINT: 4 };
const NUMERIC_RANK: Partial<Record<TypeKind, number>> = { TINYINT: 1, SMALLINT: 2, INTEGER: 3, BIGINT: 4, DECIMAL: 5, REAL: 6, DOUBLE: 7 };

export const INTEGER_RANGES: Partial<Record<TypeKind, readonly [number, number]>> = {
  TINYINT: [-128, 127], SMALLINT: [-32768, 32767], INTEGER: [-2147483648, 2147483647],
  BIGINT: [-(2 ** 63), 2 ** 63],
};

export function isInteger(t: SqlType): boolean {
  return INTEGER_RANK[t.kind] !== undefined;
}
export function isNumeric(t: SqlType): boolean {
  return NUMERIC_RANK[t.kind] !== undefined;
}
export function isApproximate(t: SqlType): boolean {
  return t.kind === 'REAL' || t.kind === 'DOUBLE';
}
export function isString(t: SqlType): boolean {
  return t.kind === 'VARCHAR' || t.kind === 'CHAR';
}
export function isTemporal(t: SqlType): boolean {
  return t.kind === 'TIMESTAMP' || t.kind === 'DATE' || t.kind === 'TIME';
}
export function isInterval(t: SqlType): boolean {
  return t.kind === 'INTERVAL_DAY_TIME' || t.kind === 'INTERVAL_YEAR_MONTH';
}
export function isUnknown(t: SqlType): boolean {
  return t.kind === 'NULL' || t.kind === 'ANY';
}

/** Result type of + - * between numerics (SQL:2008 rules, simplified; DECIMAL scale per operator). */
export function numericResult(a: SqlType, b: SqlType, op: '+' | '-' | '*' | '/' | '%'): SqlType {
  if (isUnknown(a)) return isUnknown(b) ? T.ANY : b;
  if (isUnknown(b)) return a;
  const ra = NUMERIC_RANK[a.kind] ?? 7;
  const rb = NUMERIC_RANK[b.kind] ?? 7;
  const top = ra >= rb ? a : b;
  if (top.kind !== 'DECIMAL') return simple(top.kind);
  const sa = a.kind === 'DECIMAL' ? (a.scale ?? 0) : isInteger(a) ? 0 : 6;
  const sb = b.kind === 'DECIMAL' ? (b.scale ?? 0) : isInteger(b) ? 0 : 6;
  if (op === '*') return T.decimal(19, Math.min(sa + sb, 18));
  if (op === '/') return T.decimal(19, Math.min(Math.max(6, sa + 6), 18));
  return T.decimal(19, Math.max(sa, sb));
}

/** Common supertype for CASE branches, COALESCE, UNION, IN lists. */
export function commonType(types: readonly SqlType[]): SqlType {
  let result: SqlType = T.NULL;
  for (const t of types) {
    if (isUnknown(t)) continue;
    if (isUnknown(result)) {
      result = t;
      continue;
    }
    if (isNumeric(result) && isNumeric(t)) result = numericResult(result, t, '+');
    else if (isString(result) && isString(t)) {
      const length = result.length === undefined || t.length === undefined ? undefined : Math.max(result.length, t.length);
      result = { kind: 'VARCHAR', length };
    }
  }
  return result;
}

export function typeFromName(t: TypeName): SqlType {
  const [p0, p1] = t.params;
  switch (t.name) {
    case 'DECIMAL':
      return T.decimal(p0 ?? 19, p1 ?? 0);
    case 'CHAR':
      return { kind: 'CHAR', length: p0 ?? 1 };
    case 'VARCHAR':
      return p0 === undefined ? T.VARCHAR : T.varchar(p0);
    case 'BINARY':
    case 'VARBINARY':
      return { kind: t.name, length: p0 };
    default:
      return simple(t.name as TypeKind);
  }
}

export function formatType(t: SqlType): string {
  switch (t.kind) {
    case 'DECIMAL':
      return `DECIMAL(${t.precision ?? 19}, ${t.scale ?? 0})`;
    case 'CHAR':
    case 'VARCHAR':
    case 'BINARY':
    case 'VARBINARY':
      return t.length === undefined ? t.kind : `${t.kind}(${t.length})`;
    case 'INTERVAL_DAY_TIME':
    case 'INTERVAL_YEAR_MONTH':
      return `INTERVAL ${t.unit ?? ''}`.trim();
    default:
      return t.kind;
  }
}

/** Parses a type spelled as in RecordColumns.SqlType ("VARCHAR(8)", "DECIMAL(10,2)", "DOUBLE"). */
export function parseTypeText(text: string): SqlType | null {
  const m = /^\s*([A-Za-z_ ]+?)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*$/.exec(text);
  if (!m) return null;
  const aliases: Record<string, string> = { INT: 'INTEGER', NUMERIC: 'DECIMAL', FLOAT: 'DOUBLE', STRING: 'VARCHAR', 'DOUBLE PRECISION': 'DOUBLE', 'CHARACTER VARYING': 'VARCHAR', CHARACTER: 'CHAR' };
  const raw = m[1].toUpperCase().replace(/\s+/g, ' ');
  const name = aliases[raw] ?? raw;
  const known = ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'DECIMAL', 'REAL', 'DOUBLE', 'BOOLEAN', 'CHAR', 'VARCHAR', 'BINARY', 'VARBINARY', 'DATE', 'TIME', 'TIMESTAMP'];
  if (!known.includes(name)) return null;
  const params = [m[2], m[3]].filter((x) => x !== undefined).map(Number);
  return typeFromName({ type: 'type_name', name, params, range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } } });
}

export const UNIT_MS: Record<TimeUnit, number> = {
  MILLISECOND: 1, SECOND: 1000, MINUTE: 60_000, HOUR: 3_600_000, DAY: 86_400_000, WEEK: 7 * 86_400_000,
  MONTH: NaN, QUARTER: NaN, YEAR: NaN,
};
