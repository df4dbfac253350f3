/**
 * The scenario document's `analytics` section: one entry per application (SQL, its one streaming
 * input from a Kinesis data stream of the scenario, optional reference tables, one output), and its
 * validation with field-path messages. The worker's Analytics extension owns this format.
 *
 *   analytics: [{ name, sql, input: { stream, namePrefix?, inputSchema? }, reference?: [...],
 *                 output?: { kind: 'console' | 'stream' | 'firehose', name?, inAppStream? }, autoStart? }]
 */
import type { InputSchema } from '../../analytics/input-schema';

export type OutputKind = 'console' | 'stream' | 'firehose';

export interface AnalyticsOutputConfig {
  readonly kind: OutputKind;
  /** Destination Kinesis stream or delivery stream name (not for 'console'). */
  readonly name?: string;
  /** In-application stream to emit; defaults to the application's sink (DESTINATION_SQL_STREAM). */
  readonly inAppStream?: string;
  /** Record format written to a stream or delivery stream. */
  readonly format?: 'JSON' | 'CSV';
}

export interface AnalyticsReferenceConfig {
  readonly tableName: string;
  readonly referenceSchema: InputSchema;
  /** The S3 object's body as text (CSV lines or JSON documents). */
  readonly body: string;
}

export interface AnalyticsAppConfig {
  readonly name: string;
  readonly sql: string;
  readonly input: {
    readonly stream: string;
    /** Default SOURCE_SQL_STREAM (→ SOURCE_SQL_STREAM_001). */
    readonly namePrefix?: string;
    /** Omitted: discovered from sample records when the application starts. */
    readonly inputSchema?: InputSchema;
    /** InputStartingPositionConfiguration: NOW (default) or TRIM_HORIZON. */
    readonly startingPosition?: 'NOW' | 'TRIM_HORIZON';
  };
  readonly reference?: readonly AnalyticsReferenceConfig[];
  readonly output?: AnalyticsOutputConfig;
  /** Start with the scenario (default true for apps in a scenario document). */
  readonly autoStart?: boolean;
}

/** KDA quotas the console enforces on configuration. */
export const SQL_CODE_BYTES_MAX = 100 * 1024;
export const APPLICATIONS_MAX = 50;
const APP_NAME = /^[a-zA-Z0-9_.-]{1,128}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks one entry; returns the first problem as a "path: message" string, or null. */
export function validateAppConfig(v: unknown, path: string): string | null {
  if (!isRecord(v)) return `${path} must be an object`;
  if (typeof v.name !== 'string' || !APP_NAME.test(v.name)) return `${path}.name must be 1–128 characters of letters, digits, _ . -`;
  if (typeof v.sql !== 'string') return `${path}.sql must be a string of SQL code`;
  if (new TextEncoder().encode(v.sql).length > SQL_CODE_BYTES_MAX) return `${path}.sql is larger than the 100 KB application code limit`;
  if (!isRecord(v.input) || typeof v.input.stream !== 'string' || v.input.stream === '') return `${path}.input.stream must name a Kinesis data stream of the scenario`;
  if (v.input.namePrefix !== undefined && (typeof v.input.namePrefix !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(v.input.namePrefix))) {
    return `${path}.input.namePrefix must be an identifier of at most 32 characters`;
  }
  if (v.input.startingPosition !== undefined && v.input.startingPosition !== 'NOW' && v.input.startingPosition !== 'TRIM_HORIZON') {
    return `${path}.input.startingPosition must be NOW or TRIM_HORIZON`;
  }
  if (v.input.inputSchema !== undefined) {
    const s = v.input.inputSchema;
    if (!isRecord(s) || !Array.isArray(s.RecordColumns) || !isRecord(s.RecordFormat)) return `${path}.input.inputSchema must have RecordFormat and RecordColumns`;
  }
  if (v.reference !== undefined) {
    if (!Array.isArray(v.reference) || v.reference.length > 1) return `${path}.reference must be an array of at most one reference data source`;
    for (const [i, r] of v.reference.entries()) {
      if (!isRecord(r) || typeof r.tableName !== 'string' || typeof r.body !== 'string' || !isRecord(r.referenceSchema)) {
        return `${path}.reference[${i}] needs tableName, referenceSchema and body`;
      }
    }
  }
  if (v.output !== undefined) {
    const o = v.output;
    if (!isRecord(o) || (o.kind !== 'console' && o.kind !== 'stream' && o.kind !== 'firehose')) return `${path}.output.kind must be console, stream or firehose`;
    if (o.kind !== 'console' && (typeof o.name !== 'string' || o.name === '')) return `${path}.output.name must name the destination ${o.kind === 'stream' ? 'Kinesis stream' : 'delivery stream'}`;
    if (o.format !== undefined && o.format !== 'JSON' && o.format !== 'CSV') return `${path}.output.format must be JSON or CSV`;
  }
  if (v.autoStart !== undefined && typeof v.autoStart !== 'boolean') return `${path}.autoStart must be true or false`;
  return null;
}

/** Validates the whole section: entries, unique names, the application count quota. */
export function validateAnalyticsSection(section: unknown): { ok: true; apps: AnalyticsAppConfig[] } | { ok: false; message: string } {
  if (section === undefined) return { ok: true, apps: [] };
  if (!Array.isArray(section)) return { ok: false, message: 'analytics must be an array' };
  if (section.length > APPLICATIONS_MAX) return { ok: false, message: `analytics: at most ${APPLICATIONS_MAX} applications per region (found ${section.length})` };
  const names = new Set<string>();
  for (const [i, entry] of section.entries()) {
    const problem = validateAppConfig(entry, `analytics[${i}]`);
    if (problem) return { ok: false, message: problem };
    const name = (entry as AnalyticsAppConfig).name;
    if (names.has(name)) return { ok: false, message: `analytics[${i}].name: an application named ${name} already exists` };
    names.add(name);
  }
  return { ok: true, apps: section as AnalyticsAppConfig[] };
}
