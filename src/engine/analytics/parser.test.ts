/**
 * Parser properties: every example statement survives print → re-parse → print unchanged
 * (round-trip), syntax errors carry the right line/column, and recovery reports several at once.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostics';
import { tokenize } from './lexer';
import { parseScript } from './parser';
import { printScript } from './printer';

const SAMPLES = [
  `CREATE OR REPLACE STREAM "CLEAN_TRADES" (ticker VARCHAR(8), px DOUBLE, qty INTEGER NOT NULL) DESCRIPTION 'clean';`,
  `CREATE OR REPLACE PUMP "CLEAN_PUMP" AS INSERT INTO "CLEAN_TRADES" SELECT STREAM UPPER(sym), price, CAST(size AS INTEGER) FROM "SOURCE_SQL_STREAM_001" WHERE price > 0;`,
  `CREATE PUMP p AS INSERT INTO d (a, b) SELECT STREAM STEP(t.ROWTIME BY INTERVAL '30' SECOND), t.sym, COUNT(*), MAX(t.price) FROM s AS t GROUP BY t.sym, STEP(t.ROWTIME BY INTERVAL '30' SECOND) HAVING COUNT(*) > 2;`,
  `SELECT STREAM sym, AVG(price) OVER w1m AS avg_1m, AVG(price) OVER (PARTITION BY sym ROWS 4 PRECEDING) FROM s WINDOW w1m AS (PARTITION BY sym RANGE INTERVAL '1' MINUTE PRECEDING);`,
  `SELECT STREAM sym, FLOOR(event_time TO MINUTE), COUNT(*) FROM s WHERE price > 0 WINDOWED BY STAGGER (PARTITION BY FLOOR(event_time TO MINUTE), sym RANGE INTERVAL '1' MINUTE) HAVING COUNT(*) > 0;`,
  `SELECT STREAM o.id, t.v FROM orders AS o LEFT OUTER JOIN trades OVER (RANGE INTERVAL '1' MINUTE PRECEDING) AS t ON o.id = t.order_id;`,
  `SELECT STREAM * FROM TABLE(RANDOM_CUT_FOREST(CURSOR(SELECT STREAM * FROM s), 100, 256, 100000, 1));`,
  `SELECT STREAM CASE WHEN a IS NULL THEN 'x' WHEN a NOT BETWEEN 1 AND 2 THEN 'y' ELSE 'z' END, CASE a WHEN 1 THEN 2 END, a NOT IN (1, 2, 3), b NOT LIKE 'a%' ESCAPE '!', b SIMILAR TO '(a|b)%', a IS NOT DISTINCT FROM b FROM s;`,
  `SELECT STREAM SUBSTRING(s FROM 2 FOR 3), SUBSTRING(s, 1, 2), POSITION('a' IN s), TRIM(LEADING 'x' FROM s), TRIM(s), OVERLAY(s PLACING 'ab' FROM 2 FOR 1), EXTRACT(HOUR FROM ts), CEIL(ts TO HOUR), (ts - ts2) SECOND, CURRENT_ROW_TIMESTAMP, TIMESTAMP '2024-03-04 09:30:00.000', DATE '2024-03-04', TIME '09:30:00', INTERVAL '1:30' MINUTE TO SECOND, INTERVAL -'3' MONTH, -a * (b + c) / 2 % 3 || 'x' FROM s;`,
  `SELECT STREAM (REGEX_LOG_PARSE(line, '(\\w+) (\\w+)')).COLUMN1 FROM s;`,
  `SELECT STREAM (r).COLUMN1, (W3C_LOG_PARSE(line, 'COMMON')).COLUMN7 FROM (SELECT STREAM SYS_LOG_PARSE(line) AS r FROM s) AS t;`,
  `CREATE TABLE trades (sym STRING, price DOUBLE, event_time TIMESTAMP(3), proc AS PROCTIME(), WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND) WITH ('connector' = 'kinesis', 'format' = 'json');`,
  `INSERT INTO out SELECT window_start, window_end, sym, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(event_time), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end, sym;`,
  `SELECT window_start, COUNT(*) FROM TABLE(SESSION(TABLE t PARTITION BY sym, DESCRIPTOR(ts), INTERVAL '30' SECOND)) GROUP BY window_start, window_end;`,
  `SELECT sym, AVG(price) OVER (PARTITION BY sym ORDER BY event_time RANGE BETWEEN INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW) FROM trades;`,
  `CREATE VIEW v AS SELECT a FROM t UNION ALL SELECT b FROM u;`,
];

function stripRanges(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'range' ? undefined : v)));
}

describe('parser round-trip', () => {
  for (const sql of SAMPLES) {
    it(sql.slice(0, 70), () => {
      const first = parseScript(sql);
      expect(first.diagnostics).toEqual([]);
      const printed = printScript(first.script);
      const second = parseScript(printed);
      expect(second.diagnostics).toEqual([]);
      expect(stripRanges(second.script)).toEqual(stripRanges(first.script));
      expect(printScript(second.script)).toBe(printed);
    });
  }
});

describe('lexer', () => {
  it('folds unquoted identifiers, keeps quoted ones, unescapes strings and tracks lines', () => {
    const { tokens, diagnostics } = tokenize(`select "MixedCase", 'it''s' -- comment\n/* block\n */   x.y <> 1.5e3`);
    expect(diagnostics).toEqual([]);
    expect(tokens.map((t) => t.value)).toEqual(['SELECT', 'MixedCase', ',', "it's", 'X', '.', 'Y', '<>', '1.5e3', '']);
    expect(tokens.map((t) => t.kind).slice(0, 4)).toEqual(['ident', 'quoted_ident', 'op', 'string']);
    expect(tokens[4].range.start).toMatchObject({ line: 3, column: 7 });
  });
  it('reports unterminated strings with a position', () => {
    const { diagnostics } = tokenize(`SELECT\n  'abc`);
    expect(diagnostics[0].message).toContain('unterminated string');
    expect(diagnostics[0].range.start).toMatchObject({ line: 2, column: 3 });
  });
});

describe('syntax errors', () => {
  it('points at the offending token with line and column', () => {
    const sql = `CREATE OR REPLACE STREAM "S" (a INTEGER);\nCREATE OR REPLACE PUMP "P" AS INSERT INTO "S"\n  SELECT STREAM a FROM WHERE a > 1;`;
    const { diagnostics } = parseScript(sql);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].range.start).toMatchObject({ line: 3, column: 24 });
    expect(diagnostics[0].message).toContain("expected a stream or table name but found 'WHERE'");
    expect(formatDiagnostic(sql, diagnostics[0])).toContain('^^^^^');
  });

  it('recovers at statement level and reports several errors at once', () => {
    const sql = `CREATE STREAM a (x INTEGR);\nCREATE STREAM ok (x INTEGER);\nSELECT STREAM FROM s;\nCREATE FUNCTION f;`;
    const { diagnostics, script } = parseScript(sql);
    expect(diagnostics.map((d) => d.range.start.line)).toEqual([1, 3, 4]);
    expect(diagnostics[0].message).toContain('unknown type INTEGR');
    expect(diagnostics[2].message).toContain('CREATE FUNCTION');
    expect(script.statements.map((s) => s.type)).toEqual(['create_stream']);
  });

  it('rejects FOLLOWING and 0-sized frames with a reason', () => {
    expect(parseScript('SELECT STREAM AVG(a) OVER (ROWS UNBOUNDED FOLLOWING) FROM s;').diagnostics[0].message).toContain('UNBOUNDED FOLLOWING');
  });

  it('detects the dialect', () => {
    expect(parseScript('CREATE PUMP p AS INSERT INTO d SELECT STREAM * FROM s;').script.dialect).toBe('kda');
    expect(parseScript("CREATE TABLE t (a INT) WITH ('connector' = 'kinesis'); INSERT INTO u SELECT a FROM t;").script.dialect).toBe('flink');
  });
});
