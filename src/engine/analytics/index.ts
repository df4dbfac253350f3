/**
 * Public surface of the streaming SQL engine for the worker, the CLI and the editor page:
 * the application runtime, headless replay, schema discovery, and the editor helpers
 * (diagnostics with ranges, in-app stream schemas, keyword/function lists, Monarch tokens).
 */
import type { Diagnostic } from './diagnostics';
import { FUNCTION_NAMES } from './functions';
import type { StreamInfo } from './in-app-stream';
import type { Plan } from './plan';
import type { AppOptions } from './runtime';
import { SqlApplication } from './runtime';
import { MONARCH_TOKENS, SQL_KEYWORDS, SQL_TYPE_NAMES } from './tokens';

export { SqlApplication } from './runtime';
export { AnalyticsApplicationPart, attachApplication } from './simulation-part';
export type { AppOptions, CreateResult, ErrorRow, InputConfig, InputRecord, ReferenceDataSource } from './runtime';
export type { LazyText, SystemColumnName } from './source-columns';
export type { OutputRow, RowListener, StreamInfo, StreamColumnInfo } from './in-app-stream';
export type { Diagnostic, Position, Range, Severity } from './diagnostics';
export { formatDiagnostic } from './diagnostics';
export { createMapper, discoverSchema } from './input-schema';
export type { InputSchema, RecordColumn, RecordFormat } from './input-schema';
export { replay, REPLAY_EPOCH_MS, parseRecordLine } from './replay';
export type { ReplayOptions, ReplayResult, KdaInputDocument, KdaReferenceDocument } from './replay';
export { rowObject, jsonValue } from './output-format';
export { explainPlan } from './plan';
export { resolveReferenceSources, REFERENCE_OBJECT_BYTES_MAX } from './reference-data';
export type { KdaReferenceConfig, ReferenceObjectReader } from './reference-data';
export type { Plan, PlanNode, PlanEdge, OperatorKind } from './plan';
export { parseScript } from './parser';
export { printScript } from './printer';
export { MONARCH_TOKENS, SQL_KEYWORDS, SQL_TYPE_NAMES } from './tokens';
export { FUNCTION_NAMES } from './functions';

export interface SqlAnalysis {
  readonly kind: 'sql_analysis';
  readonly dialect: 'kda' | 'flink';
  readonly diagnostics: Diagnostic[];
  /** Streams the code defines (with the source and error streams), for completion and the schema panel. */
  readonly streams: StreamInfo[];
  readonly plan: Plan | null;
}

/** Everything the editor needs after each edit; never throws. */
export function analyzeSql(sql: string, options: AppOptions = {}): SqlAnalysis {
  const { app, diagnostics } = SqlApplication.create(sql, options);
  return {
    kind: 'sql_analysis',
    dialect: app?.dialect ?? (/\bPUMP\b|\bSELECT\s+STREAM\b/i.test(sql) || !/\bCREATE\s+TABLE\b/i.test(sql) ? 'kda' : 'flink'),
    diagnostics,
    streams: app?.streams() ?? [],
    plan: app?.plan ?? null,
  };
}

export interface CompletionWord {
  readonly label: string;
  readonly kind: 'keyword' | 'function' | 'type' | 'stream' | 'column';
  readonly detail?: string;
}

/** Completion candidates: keywords, functions, types, and the given streams with their columns. */
export function completionWords(streams: readonly StreamInfo[] = []): CompletionWord[] {
  const words: CompletionWord[] = [
    ...SQL_KEYWORDS.map((label) => ({ label, kind: 'keyword' as const })),
    ...FUNCTION_NAMES.map((label) => ({ label, kind: 'function' as const })),
    ...SQL_TYPE_NAMES.map((label) => ({ label, kind: 'type' as const })),
  ];
  for (const s of streams) {
    if (s.role === 'error') continue;
    words.push({ label: `"${s.name}"`, kind: 'stream', detail: s.role });
    for (const c of s.columns) words.push({ label: c.name, kind: 'column', detail: `${s.name}.${c.name} ${c.type}` });
  }
  return words;
}

export const MONARCH = MONARCH_TOKENS;
