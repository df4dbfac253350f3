/**
 * Fuzz of the SQL front end and runtime. Invariants:
 * - random text, token soup and mutations of a valid app never throw out of the parser or the
 *   binder/planner (SqlApplication.create) — only diagnostics;
 * - every diagnostic's range lies inside the text: offsets within [0, length], start ≤ end, and
 *   line/column agree with the offset;
 * - whatever parses cleanly prints to SQL that parses cleanly to the same tree (ranges aside), and
 *   printing is then stable (print ∘ parse ∘ print = print);
 * - a text that fails to parse gets at least one error diagnostic; an app is returned only when
 *   there is no error;
 * - random records: every record is counted exactly once, in an output row's COUNT(*) or in an
 *   error-stream row (or dropped as a record whose ROWTIME went backwards), never lost twice.
 * Leaves out: semantic correctness (golden tests cover it). Seeds print on failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, Position } from './diagnostics';
import { parseScript } from './parser';
import { printScript } from './printer';
import { SqlApplication } from './runtime';

const WORDS = [
  'SELECT', 'STREAM', 'FROM', 'WHERE', 'GROUP', 'BY', 'HAVING', 'WINDOW', 'AS', 'OVER', 'PARTITION', 'RANGE', 'ROWS',
  'INTERVAL', "'1'", 'MINUTE', 'PRECEDING', 'CREATE', 'OR', 'REPLACE', 'PUMP', 'INSERT', 'INTO', 'JOIN', 'ON', 'CASE',
  'WHEN', 'THEN', 'ELSE', 'END', 'CAST', 'INTEGER', 'VARCHAR(4)', 'STEP', 'FLOOR', 'TO', 'ROWTIME', 'COUNT(*)', 'SUM',
  '(', ')', ',', ';', '.', '*', '+', '-', '/', '=', '<', '>', '||', 'A', 'B', '"SOURCE_SQL_STREAM_001"',
  '"DESTINATION_SQL_STREAM"', '1', '2.5', "'x'", 'NULL', 'TRUE', 'AND', 'NOT', 'IS', 'IN', 'LIKE', 'BETWEEN', 'TABLE',
  'CURSOR', 'DESCRIPTOR', 'WINDOWED', 'STAGGER', 'UNION', 'ALL', '--', '/*', "'", '"',
];

const BASE = `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (a INTEGER, b VARCHAR(4), n BIGINT);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM A, B, COUNT(*) FROM "SOURCE_SQL_STREAM_001" AS s
  WHERE A / (A - 3) > 0 GROUP BY A, B, STEP(s.ROWTIME BY INTERVAL '10' SECOND);`;

const INPUT = {
  inputSchema: {
    RecordFormat: { RecordFormatType: 'JSON' as const },
    RecordColumns: [{ Name: 'A', Mapping: '$.a', SqlType: 'INTEGER' }, { Name: 'B', Mapping: '$.b', SqlType: 'VARCHAR(4)' }],
  },
};

/** The position `offset` has in `text` (1-based line and column, UTF-16 units). */
function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) { line++; lineStart = i + 1; }
  return { line, column: offset - lineStart + 1 };
}

function expectInside(text: string, p: Position, what: string): void {
  expect(p.offset >= 0 && p.offset <= text.length, `${what} offset ${p.offset} lies in 0…${text.length}`).toBe(true);
  expect({ line: p.line, column: p.column }, `${what} line/column of offset ${p.offset}`).toEqual(positionAt(text, p.offset));
}

function expectRangesInside(text: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    expectInside(text, d.range.start, `"${d.message}" start`);
    expectInside(text, d.range.end, `"${d.message}" end`);
    expect(d.range.end.offset, `"${d.message}" end before start`).toBeGreaterThanOrEqual(d.range.start.offset);
    expect(d.message.length).toBeGreaterThan(0);
  }
}

function stripRanges(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'range' ? undefined : v)));
}

let roundTrips = 0;

/** Parses and plans `sql` and checks every invariant above; throws (fails) on a violation. */
function checkFrontEnd(sql: string): void {
  const parsed = parseScript(sql);
  expectRangesInside(sql, parsed.diagnostics);
  const created = SqlApplication.create(sql, { input: INPUT });
  expectRangesInside(sql, created.diagnostics);
  const hasError = created.diagnostics.some((d) => d.severity === 'error');
  if (created.app) expect(hasError, 'an app despite error diagnostics').toBe(false);
  else expect(hasError, 'no app and no error saying why').toBe(true);
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return;
  const printed = printScript(parsed.script);
  const again = parseScript(printed);
  expect(again.diagnostics.filter((d) => d.severity === 'error'), `printed text does not parse:\n${printed}`).toEqual([]);
  expect(stripRanges(again.script)).toEqual(stripRanges(parsed.script));
  expect(printScript(again.script)).toBe(printed);
  roundTrips++;
}

describe('fuzz', () => {
  it('random text never crashes the front end', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => checkFrontEnd(s)), { numRuns: 300 });
  });

  it('random token soup never crashes the front end', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }), (words) => checkFrontEnd(words.join(' '))), { numRuns: 500 });
  });

  it('mutations of a valid application never crash the front end', () => {
    fc.assert(fc.property(fc.nat(BASE.length), fc.nat(30), fc.constantFrom(...WORDS), (at, cut, word) => {
      checkFrontEnd(BASE.slice(0, at) + ' ' + word + ' ' + BASE.slice(Math.min(BASE.length, at + cut)));
    }), { numRuns: 500 });
  });

  it('absurd nesting is an error diagnostic inside the text, not a stack overflow', () => {
    const deep = 'SELECT STREAM ' + '('.repeat(20000) + '1' + ')'.repeat(20000) + ' FROM s;';
    const { diagnostics } = parseScript(deep);
    expect(diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(0);
    checkFrontEnd(deep);
  });

  it('the fuzzed inputs really exercised the round trip', () => {
    // Guards the property above against generators that only ever produce broken text.
    expect(roundTrips).toBeGreaterThan(50);
  });

  it('random records: each is counted once, in a window COUNT(*) or as an error-stream row', () => {
    const COUNTING = `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (n BIGINT);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM COUNT(*) FROM "SOURCE_SQL_STREAM_001" AS s GROUP BY STEP(s.ROWTIME BY INTERVAL '10' SECOND);`;
    const record = fc.oneof(
      fc.record({ a: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null), fc.boolean()), b: fc.oneof(fc.string(), fc.integer(), fc.constant(null)) }).map((o) => JSON.stringify(o)),
      fc.string(),
    );
    fc.assert(fc.property(fc.array(fc.tuple(record, fc.integer({ min: 0, max: 60_000 })), { maxLength: 60 }), (recs) => {
      const { app, diagnostics } = SqlApplication.create(COUNTING, { input: INPUT });
      if (!app) throw new Error(`the counting app must compile: ${diagnostics.map((d) => d.message).join('; ')}`);
      let counted = 0;
      let errors = 0;
      app.subscribe('DESTINATION_SQL_STREAM', (row) => { counted += Number(row.values[0]); });
      app.onError((e) => { errors++; expect(e.message.length).toBeGreaterThan(0); });
      let t = 1_700_000_000_000;
      for (const [data, dt] of recs) {
        t += dt;
        app.push({ data, rowtimeMs: t });
      }
      app.close();
      expect(counted + errors).toBe(recs.length);
    }), { numRuns: 200 });
  });
});
