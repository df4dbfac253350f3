/**
 * Headless replay of an application over a finite list of records (what `npm run sql` does, with no
 * file system): builds the app from KDA API documents (input config, reference data sources),
 * feeds the records, closes all windows and returns the chosen stream's rows as JSON lines.
 *
 * Records are one JSON value per line: either a raw record, or an envelope
 * {"rowtime": epochMs, "arrival": epochMs, "data": record}. Raw records get ROWTIME =
 * APPROXIMATE_ARRIVAL_TIME = REPLAY_EPOCH_MS + line index (1 record per ms from
 * 2026-01-01 00:00:00.000 UTC), never earlier than the previous record's ROWTIME.
 */
import type { Diagnostic } from './diagnostics';
import type { InputSchema } from './input-schema';
import type { KeyStyle } from './output-format';
import { rowObject } from './output-format';
import type { ErrorRow, ReferenceDataSource } from './runtime';
import { SqlApplication } from './runtime';
import type { Prng } from '../random/prng';
import { formatTimestamp, parseTimestamp } from './values';

/** 2026-01-01T00:00:00.000Z: the arrival time of the first raw record. */
export const REPLAY_EPOCH_MS = Date.UTC(2026, 0, 1);

/** The application input as the KDA API describes it (one element of `Inputs`). */
export interface KdaInputDocument {
  readonly NamePrefix?: string;
  readonly InputSchema: InputSchema;
  readonly InputParallelism?: { readonly Count?: number };
}

/** A reference data source as the KDA API describes it, with its body already read. */
export interface KdaReferenceDocument {
  readonly TableName: string;
  readonly ReferenceSchema: InputSchema;
  readonly body: string;
}

export interface ReplayOptions {
  readonly sql: string;
  readonly input?: KdaInputDocument;
  readonly references?: readonly KdaReferenceDocument[];
  /** One JSON value per element (blank lines are skipped). */
  readonly records: readonly string[];
  /** Stream to print; default DESTINATION_SQL_STREAM, else the first sink. */
  readonly stream?: string;
  /** Output keys: 'written' (default) = column names as declared in CREATE STREAM; 'sql' = folded SQL names. */
  readonly keys?: KeyStyle;
  /** Put each row's ROWTIME (`yyyy-MM-dd HH:mm:ss.SSS`, UTC) first, as the in-application stream view shows it. */
  readonly rowtime?: boolean;
  readonly prng?: Prng;
}

export interface ReplayResult {
  readonly ok: boolean;
  readonly diagnostics: Diagnostic[];
  readonly stream: string | null;
  readonly lines: string[];
  readonly errors: ErrorRow[];
  readonly app: SqlApplication | null;
}

interface ParsedRecord {
  readonly data: string;
  readonly rowtimeMs: number | null;
  readonly arrivalMs: number | null;
  readonly partitionKey?: string;
}

function timeOf(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') return parseTimestamp(v);
  return null;
}

function dataText(data: unknown, csv: boolean): string {
  if (typeof data === 'string') return data;
  if (csv && Array.isArray(data)) return data.map((x) => (x === null ? '' : String(x))).join(',');
  return JSON.stringify(data);
}

export function parseRecordLine(line: string, csv: boolean): ParsedRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { data: line, rowtimeMs: null, arrivalMs: null };
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && 'data' in value && ('rowtime' in value || 'arrival' in value)) {
    const env = value as { data: unknown; rowtime?: unknown; arrival?: unknown; partitionKey?: unknown };
    return {
      data: dataText(env.data, csv), rowtimeMs: timeOf(env.rowtime), arrivalMs: timeOf(env.arrival),
      partitionKey: typeof env.partitionKey === 'string' ? env.partitionKey : undefined,
    };
  }
  return { data: dataText(value, csv), rowtimeMs: null, arrivalMs: null };
}

export function replay(options: ReplayOptions): ReplayResult {
  const references: ReferenceDataSource[] = (options.references ?? []).map((r) => ({ tableName: r.TableName, referenceSchema: r.ReferenceSchema, body: r.body }));
  const input = options.input ? { namePrefix: options.input.NamePrefix, inputSchema: options.input.InputSchema, parallelism: options.input.InputParallelism?.Count } : undefined;
  const created = SqlApplication.create(options.sql, { input, references, prng: options.prng });
  const errors: ErrorRow[] = [];
  if (!created.app) return { ok: false, diagnostics: created.diagnostics, stream: null, lines: [], errors, app: null };
  const app = created.app;
  const known = app.streams();
  const wanted = options.stream ?? (known.some((s) => s.name === 'DESTINATION_SQL_STREAM') ? 'DESTINATION_SQL_STREAM' : app.sinkStreamNames()[0]);
  const info = known.find((s) => s.name === wanted) ?? known.find((s) => s.name.toUpperCase() === wanted?.toUpperCase());
  const lines: string[] = [];
  if (info) {
    app.subscribe(info.name, (row) => {
      const object = rowObject(info, row.values, options.keys ?? 'written');
      lines.push(JSON.stringify(options.rowtime ? { ROWTIME: formatTimestamp(row.rowtimeMs), ...object } : object));
    });
  }
  app.onError((e) => errors.push(e));
  const csv = options.input?.InputSchema?.RecordFormat?.RecordFormatType === 'CSV';
  let last = -Infinity;
  let index = 0;
  for (const line of options.records) {
    if (line.trim() === '') continue;
    const rec = parseRecordLine(line, csv);
    const fallback = Math.max(REPLAY_EPOCH_MS + index, last);
    const rowtimeMs = rec.rowtimeMs ?? rec.arrivalMs ?? fallback;
    const arrivalMs = rec.arrivalMs ?? rec.rowtimeMs ?? fallback;
    last = Math.max(last, rowtimeMs);
    index++;
    app.push({ data: rec.data, rowtimeMs, arrivalMs, partitionKey: rec.partitionKey, sequenceNumber: String(index).padStart(20, '0'), shardId: 'shardId-000000000000' });
  }
  app.close();
  return { ok: true, diagnostics: created.diagnostics, stream: info?.name ?? null, lines, errors, app };
}
