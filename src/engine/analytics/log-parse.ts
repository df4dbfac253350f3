/**
 * Column descriptions of the log-parsing functions (`'name TYPE VARCHAR(8) [NOT NULL] START 0 FOR 8, …'`
 * for FIXED_COLUMN_LOG_PARSE, `'name TYPE INTEGER, …'` or a count for VARIABLE_COLUMN_LOG_PARSE) and
 * the typed conversion of the extracted fields (DATE/TIME/TIMESTAMP may carry a SimpleDateFormat).
 */
import { parseWithPattern } from './date-format';
import type { SqlType, Value } from './types';
import { parseTypeText, T } from './types';
import { castValue, floorTimestamp, SqlRuntimeError } from './values';

export interface LogColumn {
  readonly name: string;
  readonly type: SqlType;
  readonly notNull: boolean;
  readonly start: number;
  readonly length: number | null;
  readonly format: string | null;
}

const DESCRIPTION = /^\s*("([^"]+)"|[A-Za-z_][A-Za-z0-9_$]*)\s+TYPE\s+([A-Za-z ]+?(?:\(\s*\d+\s*(?:,\s*\d+\s*)?\))?)(?:\s+'([^']*)')?(\s+NOT\s+NULL)?(?:\s+START\s+(\d+)(?:\s+FOR\s+(\d+))?)?\s*$/i;

/** Splits on commas outside parentheses and quotes. */
function splitDescriptions(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  return parts;
}

/** Parses column descriptions; returns an error message when one is malformed. */
export function parseLogColumns(text: string): LogColumn[] | string {
  const out: LogColumn[] = [];
  for (const part of splitDescriptions(text)) {
    const m = DESCRIPTION.exec(part);
    if (!m) return `cannot read the column description '${part.trim()}': use name TYPE <type> [NOT NULL] [START n [FOR m]]`;
    const type = parseTypeText(m[3]);
    if (!type) return `unknown type '${m[3]}' in column description '${part.trim()}'`;
    out.push({ name: m[2] ?? m[1].toUpperCase(), type, notNull: !!m[5], start: m[6] ? Number(m[6]) : 0, length: m[7] ? Number(m[7]) : null, format: m[4] ?? null });
  }
  return out;
}

export function convertField(text: string | undefined, col: LogColumn): Value {
  if (text === undefined || text === '') {
    if (col.notNull) throw new SqlRuntimeError('Parse error', `column ${col.name} is NOT NULL but the field is empty`);
    return null;
  }
  if (col.format && (col.type.kind === 'TIMESTAMP' || col.type.kind === 'DATE' || col.type.kind === 'TIME')) {
    const ms = parseWithPattern(col.format, text);
    return col.type.kind === 'DATE' ? floorTimestamp(ms, 'DAY') : col.type.kind === 'TIME' ? ms % 86_400_000 : ms;
  }
  return castValue(text, T.VARCHAR, col.type);
}

export function fixedColumnParse(s: string, cols: readonly LogColumn[]): Value[] {
  return cols.map((c) => convertField(c.length === null ? s.slice(c.start) : s.slice(c.start, c.start + c.length), c));
}

export function variableColumnParse(s: string, cols: readonly LogColumn[], delimiter: string, escape: string | null, quote: string | null): Value[] {
  const fields: string[] = [];
  let cur = '';
  let inQuote = false;
  const open = quote?.[0] ?? '';
  const close = quote?.[1] ?? open;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (escape && s.startsWith(escape, i) && i + escape.length < s.length) {
      i += escape.length;
      cur += s[i];
      continue;
    }
    if (open && !inQuote && ch === open) {
      inQuote = true;
      continue;
    }
    if (inQuote && ch === close) {
      inQuote = false;
      continue;
    }
    if (!inQuote && delimiter && s.startsWith(delimiter, i)) {
      fields.push(cur);
      cur = '';
      i += delimiter.length - 1;
      continue;
    }
    cur += ch;
  }
  fields.push(cur);
  // The last column takes the rest of the line, delimiters included.
  const n = cols.length;
  const values = fields.slice(0, n - 1);
  values.push(fields.slice(n - 1).join(delimiter));
  return cols.map((c, i) => convertField(i < fields.length ? values[i] : undefined, c));
}

export function countColumns(n: number): LogColumn[] {
  return Array.from({ length: Math.max(0, Math.floor(n)) }, (_, i) => ({ name: `COLUMN${i + 1}`, type: T.VARCHAR, notNull: false, start: 0, length: null, format: null }));
}
