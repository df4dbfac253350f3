/**
 * Checking SQL as the user types: parse + bind + plan with the engine (pure TypeScript, fast enough
 * per keystroke once debounced), then map the engine's diagnostics to editor markers. Also derives
 * the in-application streams and columns the completion provider offers. No Monaco import here.
 */
import type { Diagnostic } from '../../../engine/analytics/diagnostics';
import type { StreamInfo } from '../../../engine/analytics/in-app-stream';
import type { InputSchema } from '../../../engine/analytics/input-schema';
import { parseScript } from '../../../engine/analytics/parser';
import { tokenize } from '../../../engine/analytics/lexer';
import { SqlApplication } from '../../../engine/analytics/runtime';
import { explainPlan } from '../../../engine/analytics/plan';
import type { EditorMarker } from './CodeEditor';
import type { AnalyticsReferenceConfig } from '../../../engine/analytics/world/app-config';

export interface SqlCheckInput {
  readonly sql: string;
  readonly inputSchema?: InputSchema;
  readonly namePrefix?: string;
  /** The application's reference tables, so that a join with one binds. */
  readonly references?: readonly AnalyticsReferenceConfig[];
}

export interface SqlCheckResult {
  readonly dialect: 'kda' | 'flink';
  readonly diagnostics: readonly Diagnostic[];
  readonly markers: readonly EditorMarker[];
  /** Streams known to the application (null when it does not compile: use the partial list). */
  readonly streams: readonly StreamInfo[];
  readonly elapsedMs: number;
  /**
   * False when a KDA script was only parsed: without an input schema the source stream's columns are
   * unknown, so binding would flag every column; names are checked once a schema exists.
   */
  readonly bound: boolean;
  /** EXPLAIN text of the planned operators (null unless the script compiles). */
  readonly plan: string | null;
}

/** Engine diagnostics → Monaco-style markers (1-based lines and columns; empty spans widened by one). */
export function toMarkers(diagnostics: readonly Diagnostic[]): EditorMarker[] {
  return diagnostics.map((d) => {
    const sameLine = d.range.end.line === d.range.start.line;
    const endColumn = sameLine ? Math.max(d.range.end.column, d.range.start.column + 1) : d.range.end.column;
    return {
      message: d.message,
      severity: d.severity,
      startLine: d.range.start.line,
      startColumn: d.range.start.column,
      endLine: d.range.end.line,
      endColumn,
    };
  });
}

/** Streams declared by CREATE STREAM / CREATE TABLE even when the script does not bind (partial code). */
export function declaredStreams(sql: string): StreamInfo[] {
  const { script } = parseScript(sql);
  const out: StreamInfo[] = [];
  for (const s of script.statements) {
    if (s.type !== 'create_stream' && s.type !== 'create_table') continue;
    out.push({
      kind: 'stream_info', name: s.name.value, role: s.type === 'create_table' ? 'table' : 'stream',
      columns: s.columns.map((c) => ({ name: c.name.value, writtenName: c.name.value, type: c.dataType ? c.dataType.name : 'COMPUTED' })),
    });
  }
  return out;
}

function sourceStreamFromSchema(schema: InputSchema | undefined, namePrefix = 'SOURCE_SQL_STREAM'): StreamInfo | null {
  if (!schema) return null;
  return {
    kind: 'stream_info', name: `${namePrefix}_001`, role: 'source',
    columns: [
      { name: 'ROWTIME', writtenName: 'ROWTIME', type: 'TIMESTAMP' },
      { name: 'APPROXIMATE_ARRIVAL_TIME', writtenName: 'APPROXIMATE_ARRIVAL_TIME', type: 'TIMESTAMP' },
      ...schema.RecordColumns.map((c) => ({ name: c.Name, writtenName: c.Name, type: c.SqlType })),
    ],
  };
}

/**
 * After a syntax error the parser keeps the statement's valid prefix, and binding that prefix adds
 * errors that are only consequences (a GROUP BY cut off by a typo → "column must appear in GROUP BY").
 * Drops non-syntax diagnostics inside a statement that has a syntax error, so the typo stands alone.
 */
export function withoutCascades(sql: string, syntax: readonly Diagnostic[], all: readonly Diagnostic[]): Diagnostic[] {
  if (syntax.length === 0) return [...all];
  const semicolons = tokenize(sql).tokens.filter((t) => t.kind === 'op' && t.value === ';').map((t) => t.range.start.offset);
  const statementOf = (offset: number) => semicolons.filter((o) => o < offset).length;
  const broken = new Set(syntax.map((d) => statementOf(d.range.start.offset)));
  const isSyntax = new Set(syntax.map((d) => `${d.range.start.offset}:${d.message}`));
  return all.filter((d) => isSyntax.has(`${d.range.start.offset}:${d.message}`) || !broken.has(statementOf(d.range.start.offset)));
}

export function checkSql(input: SqlCheckInput, nowMs: () => number = () => 0): SqlCheckResult {
  const t0 = nowMs();
  if (!input.inputSchema) {
    const parsed = parseScript(input.sql);
    if (parsed.script.dialect === 'kda') {
      const diagnostics = [...parsed.diagnostics].sort((a, b) => a.range.start.offset - b.range.start.offset);
      return { dialect: 'kda', diagnostics, markers: toMarkers(diagnostics), streams: declaredStreams(input.sql), elapsedMs: nowMs() - t0, bound: false, plan: null };
    }
  }
  const schema = input.inputSchema ?? { RecordFormat: { RecordFormatType: 'JSON' as const }, RecordColumns: [{ Name: 'data', Mapping: '$', SqlType: 'VARCHAR(1024)' }] };
  let result: ReturnType<typeof SqlApplication.create>;
  try {
    result = SqlApplication.create(input.sql, { input: { namePrefix: input.namePrefix, inputSchema: schema }, references: input.references });
  } catch (e) {
    // An engine bug must not take the editor down: show it as a diagnostic at the top.
    const message = `internal error while checking: ${e instanceof Error ? e.message : String(e)}`;
    const p = { offset: 0, line: 1, column: 1 };
    result = { app: null, diagnostics: [{ kind: 'diagnostic', severity: 'error', message, range: { start: p, end: p } }] };
  }
  const dialect = result.app?.dialect ?? parseScript(input.sql).script.dialect;
  let streams: StreamInfo[];
  if (result.app) streams = result.app.streams();
  else {
    const source = dialect === 'kda' ? sourceStreamFromSchema(input.inputSchema, input.namePrefix) : null;
    streams = [...(source ? [source] : []), ...declaredStreams(input.sql)];
  }
  const syntax = parseScript(input.sql).diagnostics;
  const diagnostics = withoutCascades(input.sql, syntax, result.diagnostics).sort((a, b) => a.range.start.offset - b.range.start.offset);
  const plan = result.app ? explainPlan(result.app.plan) : null;
  return { dialect, diagnostics, markers: toMarkers(diagnostics), streams, elapsedMs: nowMs() - t0, bound: true, plan };
}
