/**
 * Input schema of an application as the KDA API describes it (RecordFormat, RecordColumns with
 * Mapping and SqlType), the record → row mapper with the documented coercion rules, and schema
 * discovery from sample records. Failures are values (they route the record to error_stream).
 */
import type { SqlType, Value } from './types';
import { formatType, isInteger, parseTypeText, T } from './types';
import { parseTime, parseTimestamp, roundHalfUp } from './values';

export interface RecordColumn {
  readonly Name: string;
  readonly Mapping?: string;
  readonly SqlType: string;
}

export interface RecordFormat {
  readonly RecordFormatType: 'JSON' | 'CSV';
  readonly MappingParameters?: {
    readonly JSONMappingParameters?: { readonly RecordRowPath: string };
    readonly CSVMappingParameters?: { readonly RecordRowDelimiter: string; readonly RecordColumnDelimiter: string };
  };
}

export interface InputSchema {
  readonly RecordFormat: RecordFormat;
  readonly RecordEncoding?: string;
  readonly RecordColumns: readonly RecordColumn[];
}

export interface MappedColumn {
  readonly name: string;
  readonly type: SqlType;
}

export type MapResult = { readonly ok: true; readonly rows: Value[][] } | { readonly ok: false; readonly errorName: string; readonly message: string };

type PathStep = { readonly kind: 'key'; readonly key: string } | { readonly kind: 'index'; readonly index: number } | { readonly kind: 'all' };

/** Parses `$.a.b[0]`, `$['x y']`, `$.items[0:]`, `$.items[*]`. */
export function parseJsonPath(path: string): PathStep[] | null {
  const text = path.trim();
  if (!text.startsWith('$')) return null;
  const steps: PathStep[] = [];
  const re = /\.([^.[\]]+)|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]|\[\s*(\d+)\s*\]|\[\s*(\*|0:|0\s*:\s*)\s*\]/y;
  re.lastIndex = 1;
  while (re.lastIndex < text.length) {
    const start = re.lastIndex;
    const m = re.exec(text);
    if (!m || m.index !== start) return null;
    if (m[1] !== undefined) steps.push({ kind: 'key', key: m[1] });
    else if (m[2] !== undefined) steps.push({ kind: 'key', key: m[2] });
    else if (m[3] !== undefined) steps.push({ kind: 'key', key: m[3] });
    else if (m[4] !== undefined) steps.push({ kind: 'index', index: Number(m[4]) });
    else steps.push({ kind: 'all' });
  }
  return steps;
}

/** Exact key first; a unique case-insensitive match otherwise (Flink columns fold like SQL names). */
function keyOf(obj: Record<string, unknown>, key: string): unknown {
  if (key in obj) return obj[key];
  const lower = key.toLowerCase();
  const hits = Object.keys(obj).filter((k) => k.toLowerCase() === lower);
  return hits.length === 1 ? obj[hits[0]] : undefined;
}

function follow(value: unknown, steps: readonly PathStep[]): unknown {
  let v = value;
  for (const s of steps) {
    if (v === null || v === undefined) return undefined;
    if (s.kind === 'key') v = typeof v === 'object' && !Array.isArray(v) ? keyOf(v as Record<string, unknown>, s.key) : undefined;
    else if (s.kind === 'index') v = Array.isArray(v) ? v[s.index] : undefined;
    else return undefined;
  }
  return v;
}

class CoercionError extends Error {}

/** Applies the documented JSON/CSV → SQL coercions (spec §2). */
export function coerceInput(raw: unknown, type: SqlType, fromCsv = false): Value {
  if (raw === undefined || raw === null) return null;
  const fail = (): never => {
    throw new CoercionError(`cannot map ${JSON.stringify(raw)} to ${formatType(type)}`);
  };
  if (typeof raw === 'string' && fromCsv && raw === '' && type.kind !== 'VARCHAR' && type.kind !== 'CHAR') return null;
  switch (type.kind) {
    case 'TINYINT': case 'SMALLINT': case 'INTEGER': case 'BIGINT': case 'DECIMAL': case 'REAL': case 'DOUBLE': {
      let n: number;
      if (typeof raw === 'boolean') n = raw ? 1 : 0;
      else if (typeof raw === 'number') n = raw;
      else if (typeof raw === 'string' && raw.trim() !== '' && !Number.isNaN(Number(raw.trim()))) n = Number(raw.trim());
      else return fail();
      if (isInteger(type)) {
        if (!Number.isInteger(n)) return fail();
        const limit = type.kind === 'TINYINT' ? 127 : type.kind === 'SMALLINT' ? 32767 : type.kind === 'INTEGER' ? 2147483647 : Number.MAX_SAFE_INTEGER * 1024;
        if (n > limit || n < -limit - 1) return fail();
      }
      if (type.kind === 'DECIMAL') {
        const scale = type.scale ?? 0;
        const r = roundHalfUp(n, scale);
        if (Math.abs(r) >= 10 ** ((type.precision ?? 19) - scale)) return fail();
        return r;
      }
      return n;
    }
    case 'BOOLEAN':
      if (typeof raw === 'boolean') return raw;
      if (typeof raw === 'number') return raw !== 0;
      if (typeof raw === 'string') return raw.trim().toLowerCase() === 'true';
      return fail();
    case 'CHAR': case 'VARCHAR': {
      let s = typeof raw === 'string' ? raw : typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
      if (type.length !== undefined && s.length > type.length) s = s.slice(0, type.length);
      return s;
    }
    case 'TIMESTAMP': case 'DATE': {
      if (typeof raw !== 'string') return fail();
      const ms = parseTimestamp(raw);
      if (ms === null) return fail();
      return type.kind === 'DATE' ? Math.floor(ms / 86_400_000) * 86_400_000 : ms;
    }
    case 'TIME': {
      if (typeof raw !== 'string') return fail();
      const ms = parseTime(raw);
      return ms === null ? fail() : ms;
    }
    default:
      return typeof raw === 'object' ? JSON.stringify(raw) : (raw as Value);
  }
}

export interface RecordMapper {
  readonly columns: readonly MappedColumn[];
  map(record: string): MapResult;
}

/** Validates a schema and builds its mapper; returns an error message for a bad schema. */
export function createMapper(schema: InputSchema): RecordMapper | string {
  if (!schema || !Array.isArray(schema.RecordColumns) || schema.RecordColumns.length === 0) return 'InputSchema.RecordColumns must list at least one column';
  const format = schema.RecordFormat?.RecordFormatType;
  if (format !== 'JSON' && format !== 'CSV') return 'InputSchema.RecordFormat.RecordFormatType must be JSON or CSV';
  const columns: MappedColumn[] = [];
  for (const c of schema.RecordColumns) {
    const type = parseTypeText(c.SqlType ?? '');
    if (!type) return `column ${c.Name}: unknown SqlType '${c.SqlType}'`;
    if (!c.Name) return 'every record column needs a Name';
    columns.push({ name: c.Name, type });
  }
  if (format === 'CSV') {
    const csv = schema.RecordFormat.MappingParameters?.CSVMappingParameters;
    const rowDelim = csv?.RecordRowDelimiter || '\n';
    const colDelim = csv?.RecordColumnDelimiter || ',';
    return {
      columns,
      map(record) {
        const rows: Value[][] = [];
        try {
          for (const line of record.split(rowDelim)) {
            const text = line.endsWith('\r') ? line.slice(0, -1) : line;
            if (text === '') continue;
            const fields = text.split(colDelim);
            rows.push(columns.map((c, i) => coerceInput(fields[i], c.type, true)));
          }
        } catch (e) {
          if (e instanceof CoercionError) return { ok: false, errorName: 'Coercion_Error', message: e.message };
          throw e;
        }
        return { ok: true, rows };
      },
    };
  }
  const rowPathText = schema.RecordFormat.MappingParameters?.JSONMappingParameters?.RecordRowPath ?? '$';
  const rowPath = parseJsonPath(rowPathText);
  if (!rowPath) return `RecordRowPath '${rowPathText}' is not a JSONPath such as $ or $.items[0:]`;
  const allAt = rowPath.findIndex((s) => s.kind === 'all');
  const mappings: PathStep[][] = [];
  for (const c of schema.RecordColumns) {
    const steps = parseJsonPath(c.Mapping ?? `$.${c.Name}`);
    if (!steps) return `column ${c.Name}: Mapping '${c.Mapping}' is not a JSONPath such as $.ticker`;
    // Mappings under an array row path are written from the record root ($.items[0:].x): keep the tail.
    const prefix = allAt >= 0 && steps.length > allAt && steps[allAt].kind === 'all' ? steps.slice(allAt + 1) : allAt >= 0 ? steps : steps;
    mappings.push(prefix);
  }
  return {
    columns,
    map(record) {
      let doc: unknown;
      try {
        doc = JSON.parse(record);
      } catch {
        return { ok: false, errorName: 'Parse_Error', message: 'the record is not valid JSON' };
      }
      let elements: unknown[];
      if (allAt >= 0) {
        const arr = follow(doc, rowPath.slice(0, allAt));
        if (!Array.isArray(arr)) return { ok: false, errorName: 'Parse_Error', message: `RecordRowPath ${rowPathText} does not select an array` };
        elements = arr;
      } else elements = [follow(doc, rowPath)];
      try {
        return { ok: true, rows: elements.map((el) => mappings.map((m, i) => coerceInput(follow(el, m), columns[i].type))) };
      } catch (e) {
        if (e instanceof CoercionError) return { ok: false, errorName: 'Coercion_Error', message: e.message };
        throw e;
      }
    },
  };
}

function varcharFor(maxLength: number): string {
  let n = 4;
  while (n < maxLength) n *= 2;
  return `VARCHAR(${n})`;
}

/** Infers RecordColumns from sample records (JSON objects or CSV lines), like DiscoverInputSchema. */
export function discoverSchema(samples: readonly string[]): InputSchema {
  const parsed = samples.map((s) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      return undefined;
    }
  });
  if (parsed.length > 0 && parsed.every((p) => p !== null && typeof p === 'object' && !Array.isArray(p))) {
    const leaves = new Map<string, { name: string; values: unknown[] }>();
    const walk = (v: unknown, path: string, name: string) => {
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        for (const [k, child] of Object.entries(v as Record<string, unknown>)) walk(child, `${path}.${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `['${k}']`}`, name ? `${name}_${k}` : k);
        return;
      }
      const leaf = leaves.get(path) ?? { name, values: [] };
      leaf.values.push(v);
      leaves.set(path, leaf);
    };
    for (const p of parsed) walk(p, '$', '');
    const lastKey = (name: string) => name.split('_').pop() as string;
    const shortNames = [...leaves.values()].map((l) => lastKey(l.name));
    const RecordColumns = [...leaves.entries()].map(([path, leaf]) => {
      const short = lastKey(leaf.name);
      const unique = shortNames.filter((n) => n === short).length === 1;
      return { Name: unique ? short : leaf.name, Mapping: path, SqlType: inferType(leaf.values) };
    });
    return { RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } }, RecordEncoding: 'UTF-8', RecordColumns };
  }
  const lines = samples.flatMap((s) => s.split('\n')).filter((l) => l.trim() !== '');
  const width = Math.max(0, ...lines.map((l) => l.split(',').length));
  const RecordColumns = Array.from({ length: width }, (_, i) => ({ Name: `COL${i + 1}`, SqlType: inferType(lines.map((l) => l.split(',')[i]), true) }));
  return { RecordFormat: { RecordFormatType: 'CSV', MappingParameters: { CSVMappingParameters: { RecordRowDelimiter: '\n', RecordColumnDelimiter: ',' } } }, RecordEncoding: 'UTF-8', RecordColumns };
}

function inferType(values: readonly unknown[], fromText = false): string {
  const present = values.filter((v) => v !== null && v !== undefined && v !== '');
  if (present.length === 0) return 'VARCHAR(4)';
  const nums = present.map((v) => (typeof v === 'number' ? v : fromText && typeof v === 'string' && !Number.isNaN(Number(v)) ? Number(v) : null));
  if (nums.every((n) => n !== null)) {
    if (nums.every((n) => Number.isInteger(n))) return nums.every((n) => Math.abs(n as number) <= 2147483647) ? 'INTEGER' : 'BIGINT';
    return 'DOUBLE';
  }
  if (present.every((v) => typeof v === 'boolean' || (fromText && /^(true|false)$/i.test(String(v))))) return 'BOOLEAN';
  if (present.every((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(v) && parseTimestamp(v) !== null)) return 'TIMESTAMP';
  const maxLength = Math.max(...present.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)).length));
  return varcharFor(maxLength);
}

export const ERROR_STREAM_COLUMNS: readonly MappedColumn[] = [
  { name: 'ERROR_TIME', type: T.TIMESTAMP }, { name: 'ERROR_LEVEL', type: T.varchar(10) }, { name: 'ERROR_NAME', type: T.varchar(32) },
  { name: 'MESSAGE', type: T.varchar(4096) }, { name: 'DATA_ROWTIME', type: T.TIMESTAMP }, { name: 'DATA_ROW', type: T.varchar(49152) },
];
