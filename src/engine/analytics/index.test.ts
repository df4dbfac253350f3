/**
 * The editor surface: analyzeSql returns positioned diagnostics (several at once) and the schemas
 * of the in-application streams; completion words include streams, columns, functions, keywords.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSql, completionWords, MONARCH } from './index';

const input = { inputSchema: { RecordFormat: { RecordFormatType: 'JSON' as const }, RecordColumns: [{ Name: 'SYM', SqlType: 'VARCHAR(8)' }, { Name: 'PRICE', SqlType: 'DOUBLE' }] } };

describe('analyzeSql', () => {
  it('reports syntax and semantic errors with ranges in one pass', () => {
    const sql = `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (sym VARCHAR(8), p DOUBLE);
CREATE OR REPLACE PUMP "P1" AS INSERT INTO "DESTINATION_SQL_STREAM" SELECT STREAM SYM, PRICEE FROM "SOURCE_SQL_STREAM_001";
CREATE OR REPLACE PUMP "P2" AS INSERT INTO "DESTINATION_SQL_STREAM" SELECT STREAM SYM, FROM "SOURCE_SQL_STREAM_001";`;
    const a = analyzeSql(sql, { input });
    expect(a.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message.split(';')[0]}`)).toEqual([
      "3:88 expected an expression but found 'FROM'",
      "2:88 unknown column 'PRICEE'",
    ]);
    expect(a.plan).toBeNull();
  });

  it('describes the streams of a valid application', () => {
    const a = analyzeSql(`CREATE OR REPLACE STREAM "OUT" (sym VARCHAR(8), p DOUBLE);
      CREATE OR REPLACE PUMP "P" AS INSERT INTO "OUT" SELECT STREAM SYM, PRICE FROM "SOURCE_SQL_STREAM_001";`, { input });
    expect(a.diagnostics).toEqual([]);
    expect(a.dialect).toBe('kda');
    expect(a.streams.find((s) => s.name === 'OUT')?.columns).toEqual([
      { name: 'SYM', writtenName: 'sym', type: 'VARCHAR(8)' }, { name: 'P', writtenName: 'p', type: 'DOUBLE' },
    ]);
    const words = completionWords(a.streams);
    expect(words).toContainEqual({ label: '"SOURCE_SQL_STREAM_001"', kind: 'stream', detail: 'source' });
    expect(words).toContainEqual({ label: 'PRICE', kind: 'column', detail: 'SOURCE_SQL_STREAM_001.PRICE DOUBLE' });
    expect(words.some((w) => w.label === 'TOP_K_ITEMS_TUMBLING' && w.kind === 'function')).toBe(true);
    expect(MONARCH.keywords).toContain('WINDOWED');
  });
});
