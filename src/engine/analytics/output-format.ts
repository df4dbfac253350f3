/**
 * Serialises output rows the way an application output (JSON record format) does: one object per
 * row, keys = column names, TIMESTAMP as 'yyyy-MM-dd HH:mm:ss.SSS' (UTC), DATE 'yyyy-MM-dd',
 * TIME 'HH:mm:ss', numbers as JSON numbers (NaN/±Infinity as strings), ROW values as arrays.
 */
import type { StreamInfo } from './in-app-stream';
import type { SqlType, Value } from './types';
import { parseTypeText } from './types';
import { formatDate, formatTime, formatTimestamp } from './values';

export type KeyStyle = 'sql' | 'written';

export function jsonValue(v: Value, type: SqlType | null): unknown {
  if (v === null) return null;
  if (typeof v === 'number') {
    switch (type?.kind) {
      case 'TIMESTAMP': return formatTimestamp(v);
      case 'DATE': return formatDate(v);
      case 'TIME': return formatTime(v);
      default: return Number.isFinite(v) ? v : String(v);
    }
  }
  return v;
}

export function rowObject(info: StreamInfo, values: readonly Value[], keys: KeyStyle = 'sql'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  info.columns.forEach((c, i) => {
    out[keys === 'written' ? c.writtenName : c.name] = jsonValue(values[i] ?? null, parseTypeText(c.type.replace(/^INTERVAL.*/, 'BIGINT')));
  });
  return out;
}
