/**
 * Diagnostics of the SQL front end and runtime: plain data with a source range, so the editor
 * (Monaco markers), the CLI (caret lines) and tests all read the same thing.
 * Imports nothing but types.
 */

export interface Position {
  /** 0-based character offset into the source. */
  readonly offset: number;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column (UTF-16 code units). */
  readonly column: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly kind: 'diagnostic';
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
}

export const START_POSITION: Position = { offset: 0, line: 1, column: 1 };
export const EMPTY_RANGE: Range = { start: START_POSITION, end: START_POSITION };

export function diagnostic(message: string, range: Range, severity: Severity = 'error'): Diagnostic {
  return { kind: 'diagnostic', severity, message, range };
}

export function spanRanges(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

/** Thrown inside the front end to abandon the current statement; caught at statement level. */
export class SqlSyntaxError extends Error {
  constructor(message: string, readonly range: Range) {
    super(message);
    this.name = 'SqlSyntaxError';
  }
}

/** A semantic error found while binding or planning. */
export class SqlBindError extends Error {
  /** `missingName`: the unknown stream/table the error is about (so follow-ons of a broken CREATE can be dropped). */
  constructor(message: string, readonly range: Range, readonly missingName?: string) {
    super(message);
    this.name = 'SqlBindError';
  }
}

/** "line:col: message" followed by the source line and a caret line under the range. */
export function formatDiagnostic(source: string, d: Diagnostic): string {
  const lines = source.split('\n');
  const lineText = lines[d.range.start.line - 1] ?? '';
  const startCol = d.range.start.column;
  const endCol = d.range.end.line === d.range.start.line ? Math.max(d.range.end.column, startCol + 1) : lineText.length + 1;
  const caret = ' '.repeat(Math.max(0, startCol - 1)) + '^'.repeat(Math.max(1, endCol - startCol));
  return `${d.range.start.line}:${startCol}: ${d.severity}: ${d.message}\n  ${lineText}\n  ${caret}`;
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}
