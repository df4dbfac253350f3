/**
 * W3C_LOG_PARSE / SYS_LOG_PARSE: predefined and custom formats, column names and types at bind
 * time, field conversion (CLF dash, bracketed time), non-matching lines, and syslog's missing year.
 */
import { describe, expect, it } from 'vitest';
import { compileExpr } from './compile-expr';
import type { EvalContext } from './functions';
import { parseExpression } from './parser';
import type { Scope } from './scope';
import { formatType, T } from './types';
import type { Value } from './types';
import { compileW3cFormat, sysLogParse, w3cFormatOf, w3cParse } from './w3c-log-parse';

const scope: Scope = {
  columns: [
    { name: 'ROWTIME', type: T.TIMESTAMP, index: 0, relation: 'S', hidden: true, role: 'rowtime' },
    { name: 'LINE', type: T.varchar(512), index: 1, relation: 'S', hidden: false, role: null },
  ],
  width: 2,
  rowtimeIndex: 0,
};
const NOW = Date.UTC(2024, 5, 1, 12, 0, 0);
const ctx: EvalContext = { nowMs: NOW, queryStartMs: 0 };
const CLF = '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326';
const COMBINED = `${CLF} "http://example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"`;

function compiled(text: string) {
  return compileExpr(parseExpression(text), { scope, ctx });
}
function ev(text: string, line: string): Value {
  return compiled(text).eval([NOW, line]);
}

describe('W3C_LOG_PARSE', () => {
  it('parses COMMON into seven typed columns', () => {
    expect(ev("W3C_LOG_PARSE(LINE, 'COMMON')", CLF)).toEqual([
      '127.0.0.1', '-', 'frank', Date.UTC(2000, 9, 10, 13, 55, 36), 'GET /apache_pb.gif HTTP/1.0', 200, 2326,
    ]);
    const type = compiled("W3C_LOG_PARSE(LINE, 'COMMON')").type;
    expect(type.kind === 'ROW' && type.fields?.map((f) => `${f.name} ${formatType(f.type)}`)).toEqual([
      'COLUMN1 VARCHAR', 'COLUMN2 VARCHAR', 'COLUMN3 VARCHAR', 'COLUMN4 TIMESTAMP', 'COLUMN5 VARCHAR', 'COLUMN6 INTEGER', 'COLUMN7 BIGINT',
    ]);
  });

  it('gives field access by COLUMNn with the documented types', () => {
    expect(ev("(W3C_LOG_PARSE(LINE, 'COMMON')).COLUMN7 + 1", CLF)).toBe(2327);
    expect(formatType(compiled("(W3C_LOG_PARSE(LINE, 'COMMON')).COLUMN6").type)).toBe('INTEGER');
    expect(formatType(compiled("(W3C_LOG_PARSE(LINE, 'COMMON')).COLUMN4").type)).toBe('TIMESTAMP');
    expect(() => compiled("(W3C_LOG_PARSE(LINE, 'COMMON')).COLUMN8")).toThrow();
  });

  it('parses NCSA EXTENDED, COMMON WITH VHOST, REFERER and AGENT', () => {
    const ncsa = ev("W3C_LOG_PARSE(LINE, 'NCSA EXTENDED')", COMBINED) as Value[];
    expect(ncsa).toHaveLength(9);
    expect(ncsa.slice(7)).toEqual(['http://example.com/start.html', 'Mozilla/4.08 [en] (Win98; I ;Nav)']);
    expect((ev("W3C_LOG_PARSE(LINE, 'common with vhost')", `www.example.com ${CLF}`) as Value[])[0]).toBe('www.example.com');
    expect(ev("W3C_LOG_PARSE(LINE, 'REFERER')", 'http://a.example/x ---> /index.html')).toEqual(['http://a.example/x', '/index.html']);
    expect(ev("W3C_LOG_PARSE(LINE, 'AGENT')", 'curl/8.0')).toEqual(['curl/8.0']);
  });

  it('reads the CLF dash for zero bytes as NULL and keeps a dash in text columns', () => {
    const row = ev("W3C_LOG_PARSE(LINE, 'COMMON')", CLF.replace(/2326$/, '-')) as Value[];
    expect(row[6]).toBeNull();
    expect(row[1]).toBe('-');
  });

  it('accepts custom Apache formats with escaped quotes, %% and a time pattern', () => {
    const f = compileW3cFormat('%h [%{yyyy-MM-dd HH:mm:ss}t] "%r" %>s %D 100%%');
    if (typeof f === 'string') throw new Error(f);
    expect(f.columnTypes.map((t) => t.kind)).toEqual(['VARCHAR', 'TIMESTAMP', 'VARCHAR', 'INTEGER', 'BIGINT']);
    expect(w3cParse('10.0.0.1 [2024-01-02 03:04:05] "GET /a\\"b HTTP/1.1" 404 1234 100%', f)).toEqual([
      '10.0.0.1', Date.UTC(2024, 0, 2, 3, 4, 5), 'GET /a\\"b HTTP/1.1', 404, 1234,
    ]);
  });

  it('yields NULL for a line that does not match, and reports malformed formats', () => {
    expect(ev("W3C_LOG_PARSE(LINE, 'COMMON')", 'not a log line')).toBeNull();
    expect(typeof compileW3cFormat('no specifiers')).toBe('string');
    expect(() => compiled("W3C_LOG_PARSE(LINE, '%')")).toThrow(/format specifier/);
    expect(() => compiled("W3C_LOG_PARSE(LINE, 'plain text')")).toThrow(/no % specifiers/);
    expect(w3cFormatOf('COMMON')).toBe(w3cFormatOf('COMMON'));
  });
});

describe('SYS_LOG_PARSE', () => {
  it('returns COLUMN1 TIMESTAMP and COLUMN2 VARCHAR, the year from the row time', () => {
    expect(ev('SYS_LOG_PARSE(LINE)', 'Mar  4 09:30:15 host1 sshd[42]: Accepted key')).toEqual([
      Date.UTC(2024, 2, 4, 9, 30, 15), 'host1 sshd[42]: Accepted key',
    ]);
    expect(formatType(compiled('(SYS_LOG_PARSE(LINE)).COLUMN1').type)).toBe('TIMESTAMP');
    expect(formatType(compiled('(SYS_LOG_PARSE(LINE)).COLUMN2').type)).toBe('VARCHAR');
  });

  it('skips an RFC 3164 priority prefix and yields NULL for other lines', () => {
    expect(sysLogParse('<34>Oct 11 22:14:15 mymachine su: failed', NOW)).toEqual([Date.UTC(2024, 9, 11, 22, 14, 15), 'mymachine su: failed']);
    expect(sysLogParse('Foo 11 22:14:15 x', NOW)).toBeNull();
    expect(sysLogParse('hello', NOW)).toBeNull();
  });
});
