/**
 * A syntax error stands alone: the binder drops diagnostics of the statement it cut short (whose
 * valid prefix is still declared) and "unknown stream" errors about a name a broken CREATE meant to
 * declare. The editor (analyzeSql) and the CLI (replay) see the same list.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSql } from './index';
import { replay } from './replay';

const input = { inputSchema: { RecordFormat: { RecordFormatType: 'JSON' as const }, RecordColumns: [{ Name: 'SYM', SqlType: 'VARCHAR(8)' }, { Name: 'PRICE', SqlType: 'DOUBLE' }] } };
const PUMP = 'CREATE OR REPLACE PUMP "P" AS INSERT INTO "D" SELECT STREAM';

function messages(sql: string): string[] {
  const editor = analyzeSql(sql, { input }).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message.split('; ')[0]}`);
  const cli = replay({ sql, input: { InputSchema: input.inputSchema }, records: [] }).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message.split('; ')[0]}`);
  expect(cli).toEqual(editor);
  return editor;
}

describe('diagnostics after a syntax error', () => {
  it('drops bind errors of the statement whose tail is broken (GROUP BY lost to a typo)', () => {
    expect(messages(`CREATE OR REPLACE STREAM "D" (sym VARCHAR(8), n BIGINT);
${PUMP} SYM, COUNT(*) FROM "SOURCE_SQL_STREAM_001" GRUOP BY SYM;`)).toEqual(["2:110 expected ';' after the statement but found 'BY'"]);
  });

  it('still declares the valid prefix, so later statements bind against it', () => {
    expect(messages(`CREATE OR REPLACE STREAM "D" (sym VARCHAR(8), p DOUBLE) junk;
${PUMP} SYM, PRICEE FROM "SOURCE_SQL_STREAM_001";`)).toEqual([
      "1:57 expected ';' after the statement but found 'junk'",
      "2:66 unknown column 'PRICEE'",
    ]);
  });

  it('drops "unknown stream" errors about a name a broken CREATE STREAM meant to declare', () => {
    expect(messages(`CREATE OR REPLACE STREAM "D" (sym VARCHAR(8), p DOUBLE;
${PUMP} SYM, PRICE FROM "SOURCE_SQL_STREAM_001";
CREATE OR REPLACE STREAM "E" (sym VARCHAR(8));
CREATE OR REPLACE PUMP "Q" AS INSERT INTO "E" SELECT STREAM SYM FROM "NOPE";`)).toEqual([
      "1:55 expected ')' but found ';'",
      "4:70 unknown stream or table 'NOPE'",
    ]);
  });

  it('keeps bind errors of statements that parsed cleanly', () => {
    expect(messages(`CREATE OR REPLACE STREAM "D" (sym VARCHAR(8), p DOUBLE);
${PUMP} SYM, PRICEE FROM "SOURCE_SQL_STREAM_001";
${PUMP} SYM, FROM "SOURCE_SQL_STREAM_001";`)).toEqual(["3:66 expected an expression but found 'FROM'", "2:66 unknown column 'PRICEE'"]);
  });
});
