/**
 * Fuzz: random text, random token soup and random mutations of valid apps never crash the parser
 * or the planner (only diagnostics), and random records never crash a running app (only error-stream
 * rows). Leaves out: semantic correctness (golden tests cover it). Seeds print on failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScript } from './parser';
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

function createNeverThrows(sql: string): void {
  const parsed = parseScript(sql);
  for (const d of parsed.diagnostics) expect(d.range.start.line).toBeGreaterThanOrEqual(1);
  SqlApplication.create(sql, { input: INPUT });
}

describe('fuzz', () => {
  it('random text never crashes the front end', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => createNeverThrows(s)), { numRuns: 300 });
  });

  it('random token soup never crashes the front end', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }), (words) => createNeverThrows(words.join(' '))), { numRuns: 500 });
  });

  it('mutations of a valid application never crash the front end', () => {
    fc.assert(fc.property(fc.nat(BASE.length), fc.nat(30), fc.constantFrom(...WORDS), (at, cut, word) => {
      createNeverThrows(BASE.slice(0, at) + ' ' + word + ' ' + BASE.slice(Math.min(BASE.length, at + cut)));
    }), { numRuns: 500 });
  });

  it('absurd nesting is a diagnostic, not a crash', () => {
    const deep = 'SELECT STREAM ' + '('.repeat(20000) + '1' + ')'.repeat(20000) + ' FROM s;';
    expect(parseScript(deep).diagnostics.length).toBeGreaterThanOrEqual(0);
    createNeverThrows(deep);
  });

  it('random records only produce rows or error-stream entries', () => {
    const record = fc.oneof(
      fc.record({ a: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null), fc.boolean()), b: fc.oneof(fc.string(), fc.integer(), fc.constant(null)) }).map((o) => JSON.stringify(o)),
      fc.string(),
    );
    fc.assert(fc.property(fc.array(fc.tuple(record, fc.integer({ min: -5000, max: 60_000 })), { maxLength: 60 }), (recs) => {
      const { app } = SqlApplication.create(BASE, { input: INPUT });
      if (!app) throw new Error('base app must compile');
      let rows = 0;
      let errors = 0;
      app.subscribe('DESTINATION_SQL_STREAM', () => rows++);
      app.onError(() => errors++);
      let t = 1_700_000_000_000;
      for (const [data, dt] of recs) {
        t += dt;
        app.push({ data, rowtimeMs: t });
      }
      app.close();
      expect(rows + errors).toBeGreaterThanOrEqual(0);
    }), { numRuns: 200 });
  });
});
