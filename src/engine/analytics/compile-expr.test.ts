/**
 * Expression semantics against hand-computed values: types of arithmetic, NULL logic, CAST,
 * string/numeric/date-time functions, log parsing, and bind-time errors with their ranges.
 */
import { describe, expect, it } from 'vitest';
import { compileExpr } from './compile-expr';
import type { EvalContext } from './functions';
import { parseExpression } from './parser';
import type { Scope } from './scope';
import { formatType, T } from './types';
import type { Value } from './types';
import { formatTimestamp } from './values';

const scope: Scope = {
  columns: [
    { name: 'ROWTIME', type: T.TIMESTAMP, index: 0, relation: 'S', hidden: true, role: 'rowtime' },
    { name: 'I', type: T.INTEGER, index: 1, relation: 'S', hidden: false, role: null },
    { name: 'D', type: T.DOUBLE, index: 2, relation: 'S', hidden: false, role: null },
    { name: 'V', type: T.varchar(20), index: 3, relation: 'S', hidden: false, role: null },
    { name: 'N', type: T.INTEGER, index: 4, relation: 'S', hidden: false, role: null },
    { name: 'TS', type: T.TIMESTAMP, index: 5, relation: 'S', hidden: false, role: null },
  ],
  width: 6,
  rowtimeIndex: 0,
};
const TS = Date.UTC(2024, 2, 4, 9, 30, 15, 250);
const row: Value[] = [TS, 7, 2.5, 'Hello World', null, TS];
const ctx: EvalContext = { nowMs: TS, queryStartMs: 0 };

function ev(text: string): Value {
  return compileExpr(parseExpression(text), { scope, ctx }).eval(row);
}
function typeOf(text: string): string {
  return formatType(compileExpr(parseExpression(text), { scope, ctx }).type);
}

describe('expression semantics', () => {
  it.each([
    ['I / 2', 3], ['-I / 2', -3], ['I / 2.0', 3.5], ['D * 2', 5], ['I % 4', 3], ['1.10 + 2.205', 3.305], ['0.1 + 0.2', 0.3],
    ['I + N', null], ['N IS NULL', true], ['N = 1 OR TRUE', true], ['N = 1 AND FALSE', false], ['N = 1 AND TRUE', null],
    ['NOT (N = 1)', null], ['I BETWEEN 1 AND 7', true], ['I IN (1, N)', null], ['I IN (7, N)', true], ['I NOT IN (1, 2)', true],
    ["V LIKE 'Hel%'", true], ["V LIKE 'hel%'", false], ["V LIKE 'H_llo%'", true], ["'50%' LIKE '50!%' ESCAPE '!'", true],
    ['N IS DISTINCT FROM NULL', false], ['I IS DISTINCT FROM N', true], ["'10' = 10", true], ['CAST(D AS INTEGER)', 2],
    ['CAST(-2.7 AS INTEGER)', -2], ["CAST('42' AS BIGINT)", 42], ['CAST(D AS VARCHAR(2))', '2.'], ["CAST('ab' AS CHAR(4))", 'ab  '],
    ['CAST(1.005 AS DECIMAL(5,2))', 1.01], ["CAST('true' AS BOOLEAN)", true], ['CASE WHEN N > 0 THEN 1 END', null],
    ['COALESCE(N, I, 0)', 7], ['NULLIF(I, 7)', null], ['CHAR_LENGTH(V)', 11], ['UPPER(V)', 'HELLO WORLD'],
    ["INITCAP('hello wORLD-foo')", 'Hello World-Foo'], ['SUBSTRING(V FROM 7)', 'World'], ['SUBSTRING(V, 1, 5)', 'Hello'],
    ['SUBSTRING(V FROM 0 FOR 3)', 'He'], ["POSITION('World' IN V)", 7], ["POSITION('x' IN V)", 0], ["TRIM('  a  ')", 'a'],
    ["TRIM(LEADING 'x' FROM 'xxaxx')", 'axx'], ["TRIM(TRAILING FROM '  a  ')", '  a'], ["OVERLAY('abcdef' PLACING 'XY' FROM 2 FOR 3)", 'aXYef'],
    ["REGEX_REPLACE('a1b22c', '[0-9]+', '#', 1, 0)", 'a#b#c'], ["REGEX_REPLACE('a1b22c', '[0-9]+', '#', 1, 2)", 'a1b#c'],
    ["V || '!' || I", 'Hello World!7'], ['ABS(-3)', 3], ['CEIL(2.1)', 3], ['FLOOR(-2.1)', -3], ['POWER(2, 10)', 1024],
    ['MOD(-7, 3)', -1], ['LN(EXP(1))', 1], ['LOG10(1000)', 3], ['STEP(17 BY 5)', 15], ['EXTRACT(MINUTE FROM TS)', 30],
    ['EXTRACT(YEAR FROM TS)', 2024], ['UNIX_TIMESTAMP(TS)', TS], ['TSDIFF(UNIX_TIMESTAMP(TS), UNIX_TIMESTAMP(TS) + 5)', 5],
    ['CAST((TS - TIMESTAMP \'2024-03-04 09:30:00\') SECOND AS INTEGER)', 15],
    ["TIMESTAMP_TO_CHAR('yyyy-MM-dd HH:mm:ss.SSS', TS)", '2024-03-04 09:30:15.250'],
    ["TIMESTAMP_TO_CHAR('EEE, d MMM yy h:mm a', TS)", 'Mon, 4 Mar 24 9:30 AM'],
    ["(REGEX_LOG_PARSE('GET /index 200', '(\\w+) (\\S+) (\\d+)')).COLUMN2", '/index'],
    ["(VARIABLE_COLUMN_LOG_PARSE('a|b|c|d', 3, '|')).COLUMN3", 'c|d'],
    ["(VARIABLE_COLUMN_LOG_PARSE('x,\"1,5\",9', 'NAME TYPE VARCHAR(4), QTY TYPE VARCHAR(8), N TYPE INTEGER', ',', '\\', '\"')).QTY", '1,5'],
    ["(VARIABLE_COLUMN_LOG_PARSE('a;7', 'A TYPE VARCHAR(2), N TYPE INTEGER', ';')).N", 7],
    ["(FIXED_COLUMN_LOG_PARSE('AMZN  00012', 'SYM TYPE VARCHAR(6) START 0 FOR 6, QTY TYPE INTEGER START 6')).QTY", 12],
    ["UNIX_TIMESTAMP((FIXED_COLUMN_LOG_PARSE('[04/Mar/2024:09:30:00]', 'T TYPE TIMESTAMP ''dd/MMM/yyyy:HH:mm:ss'' START 1 FOR 20')).T)", Date.UTC(2024, 2, 4, 9, 30)],
  ])('%s = %j', (text, expected) => {
    const v = ev(text);
    if (typeof expected === 'number' && typeof v === 'number' && !Number.isInteger(expected)) expect(v).toBeCloseTo(expected, 10);
    else expect(v).toEqual(expected);
  });

  it.each([
    ['FLOOR(TS TO HOUR)', '2024-03-04 09:00:00.000'], ['CEIL(TS TO MINUTE)', '2024-03-04 09:31:00.000'],
    ['FLOOR(TS TO MONTH)', '2024-03-01 00:00:00.000'], ["TS + INTERVAL '1' DAY", '2024-03-05 09:30:15.250'],
    ["TS - INTERVAL '2:30' HOUR TO MINUTE", '2024-03-04 07:00:15.250'], ["TS + INTERVAL '1-2' YEAR TO MONTH", '2025-05-04 09:30:15.250'],
    ["STEP(TS BY INTERVAL '20' SECOND)", '2024-03-04 09:30:00.000'], ['CURRENT_ROW_TIMESTAMP', '2024-03-04 09:30:15.250'],
    ["CHAR_TO_TIMESTAMP('yyyy-MM-dd''T''HH:mm', '2024-12-31T23:59')", '2024-12-31 23:59:00.000'],
    ["CAST('2024-03-04 09:30:00.5' AS TIMESTAMP)", '2024-03-04 09:30:00.500'], ['TO_TIMESTAMP(0)', '1970-01-01 00:00:00.000'],
  ])('%s = %s', (text, expected) => {
    expect(formatTimestamp(ev(text) as number)).toBe(expected);
  });

  it('infers SQL types', () => {
    expect(typeOf('I / 2')).toBe('INTEGER');
    expect(typeOf('I / 2.0')).toBe('DECIMAL(19, 6)');
    expect(typeOf('1.5 * 2.25')).toBe('DECIMAL(19, 3)');
    expect(typeOf('D + I')).toBe('DOUBLE');
    expect(typeOf('CAST(I AS BIGINT) + 1')).toBe('BIGINT');
    expect(typeOf("V || 'x'")).toBe('VARCHAR');
    expect(typeOf('TS - TS')).toBe('INTERVAL SECOND');
  });

  it('raises runtime errors as SqlRuntimeError (routed to error_stream)', () => {
    expect(() => ev('I / 0')).toThrow(/division by zero/);
    expect(() => ev("CAST('x' AS INTEGER)")).toThrow(/cannot convert 'x' to INTEGER/);
    expect(() => ev('CAST(99999999999 AS INTEGER)')).toThrow(/out of range/);
    expect(() => ev("CHAR_TO_TIMESTAMP('yyyy', 'abc')")).toThrow(/does not match/);
  });

  it('reports bind errors with ranges', () => {
    expect(() => ev('NOPE + 1')).toThrow(/unknown column 'NOPE'/);
    expect(() => ev('UPPER(V, V)')).toThrow(/UPPER takes 1 argument, got 2/);
    expect(() => ev('FOO(1)')).toThrow(/unknown function FOO/);
    expect(() => ev('SUM(I)')).toThrow(/aggregate SUM/);
    expect(() => ev('TS + 1')).toThrow(/add an INTERVAL/);
    try {
      ev('1 + NOPE');
    } catch (e) {
      expect((e as { range: { start: { column: number } } }).range.start.column).toBe(5);
    }
  });
});
