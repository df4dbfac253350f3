/**
 * Record format conversion: JSON records → Apache Parquet with a user (Glue-table-like) schema,
 * written by hyparquet-writer. Parsing follows the OpenX JSON SerDe's leniency: concatenated
 * documents in one record, case-insensitive keys, numeric strings for numbers, timestamps as ISO
 * strings, `yyyy-MM-dd HH:mm:ss[.S]`, or epoch seconds/millis. Records that cannot be converted
 * are reported so the stream sends them to the `format-conversion-failed` error output.
 */
import { gzipSync } from 'fflate';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { BasicType, ColumnSource } from 'hyparquet-writer';

export type ParquetColumnType = 'string' | 'int' | 'bigint' | 'float' | 'double' | 'boolean' | 'timestamp';
export const PARQUET_COLUMN_TYPES: readonly ParquetColumnType[] = ['string', 'int', 'bigint', 'float', 'double', 'boolean', 'timestamp'];

export interface ParquetColumn {
  readonly name: string;
  readonly type: ParquetColumnType;
}

export class ConversionError extends Error {}

const BASIC: Record<ParquetColumnType, BasicType> = {
  string: 'STRING', int: 'INT32', bigint: 'INT64', float: 'FLOAT', double: 'DOUBLE', boolean: 'BOOLEAN', timestamp: 'TIMESTAMP',
};

/** Splits `{"a":1}{"a":2}` (or newline-separated documents) into objects; arrays are refused as Firehose does. */
export function parseJsonDocuments(text: string): Record<string, unknown>[] {
  const docs: Record<string, unknown>[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth === 0) docs.push(JSON.parse(text.slice(start, i + 1)) as Record<string, unknown>);
      if (depth < 0) throw new ConversionError('unbalanced "}" in record');
    } else if (depth === 0 && !/\s/.test(c)) {
      throw new ConversionError(`record is not a JSON object (found "${c}" outside an object)`);
    }
  }
  if (depth !== 0) throw new ConversionError('record ends inside a JSON object');
  if (docs.length === 0) throw new ConversionError('record holds no JSON object');
  return docs;
}

/** Maps one JSON document to a row of the schema (missing columns are null); throws ConversionError. */
export function toRow(doc: Record<string, unknown>, columns: readonly ParquetColumn[]): Record<string, unknown> {
  const lower = new Map<string, unknown>();
  for (const [k, v] of Object.entries(doc)) lower.set(k.toLowerCase(), v);
  const row: Record<string, unknown> = {};
  for (const col of columns) {
    const v = lower.get(col.name.toLowerCase());
    row[col.name] = v === undefined || v === null ? null : coerce(v, col);
  }
  return row;
}

function coerce(v: unknown, col: ParquetColumn): unknown {
  const bad = () => new ConversionError(`column "${col.name}" (${col.type}) cannot hold ${JSON.stringify(v)}`);
  switch (col.type) {
    case 'string':
      return typeof v === 'string' ? v : JSON.stringify(v);
    case 'int':
    case 'bigint': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      if (!Number.isInteger(n)) throw bad();
      if (col.type === 'int' && (n < -2147483648 || n > 2147483647)) throw bad();
      return col.type === 'bigint' ? BigInt(n) : n;
    }
    case 'float':
    case 'double': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      if (Number.isNaN(n)) throw bad();
      return n;
    }
    case 'boolean':
      if (typeof v === 'boolean') return v;
      if (v === 'true' || v === 'false') return v === 'true';
      throw bad();
    case 'timestamp':
      return new Date(parseTimestampMs(v, bad));
  }
}

function parseTimestampMs(v: unknown, bad: () => Error): number {
  if (typeof v === 'number') return v < 1e11 ? Math.round(v * 1000) : Math.round(v); // seconds vs millis
  if (typeof v !== 'string') throw bad();
  if (/^\d+(\.\d+)?$/.test(v)) return parseTimestampMs(Number(v), bad);
  const sql = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d+)?$/.exec(v);
  const ms = sql
    ? Date.UTC(+sql[1], +sql[2] - 1, +sql[3], +sql[4], +sql[5], +sql[6], Math.round(Number(sql[7] ?? 0) * 1000))
    : Date.parse(v);
  if (Number.isNaN(ms)) throw bad();
  return ms;
}

/** Writes rows as one Parquet file (starts and ends with "PAR1"). */
export function writeParquet(rows: readonly Record<string, unknown>[], columns: readonly ParquetColumn[], compression: 'SNAPPY' | 'GZIP' | 'UNCOMPRESSED'): Uint8Array {
  const columnData: ColumnSource[] = columns.map((col) => ({
    name: col.name,
    type: BASIC[col.type],
    data: rows.map((r) => r[col.name] ?? null),
    nullable: true,
  }));
  const buffer = parquetWriteBuffer({
    columnData,
    codec: compression,
    compressors: { GZIP: (input: Uint8Array) => gzipSync(input) },
    createdBy: 'kinesis-sandbox firehose',
  });
  return new Uint8Array(buffer);
}
