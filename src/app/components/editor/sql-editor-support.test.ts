import { describe, expect, it } from 'vitest';
import { checkSql, declaredStreams, toMarkers } from './sql-diagnostics';
import { aliasesIn, qualifierBefore, suggestionsAt } from './sql-completion';
import type { InputSchema } from '../../../engine/analytics/input-schema';

const schema: InputSchema = {
  RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
  RecordColumns: [{ Name: 'page', Mapping: '$.page', SqlType: 'VARCHAR(16)' }, { Name: 'user', Mapping: '$.user', SqlType: 'VARCHAR(8)' }],
};
const GOOD = `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (page VARCHAR(16), n BIGINT);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM "page", COUNT(*) FROM "SOURCE_SQL_STREAM_001"
  GROUP BY "page", STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '10' SECOND);`;

describe('SQL checking for the editor', () => {
  it('accepts a valid tumbling query and lists its streams with columns', () => {
    const r = checkSql({ sql: GOOD, inputSchema: schema });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.dialect).toBe('kda');
    const names = r.streams.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['SOURCE_SQL_STREAM_001', 'DESTINATION_SQL_STREAM']));
    expect(r.plan).toMatch(/tumbling_aggregate/);
  });

  it('marks a typo at its line and column', () => {
    const sql = GOOD.replace('COUNT(*) FROM', 'COUNT(*) FORM');
    const r = checkSql({ sql, inputSchema: schema });
    expect(r.markers.length).toBeGreaterThan(0);
    const m = r.markers[0];
    expect(m.severity).toBe('error');
    expect(m.startLine).toBe(3);
    expect(m.endColumn).toBeGreaterThan(m.startColumn);
    // Still offers the declared streams for completion while the script is broken.
    expect(r.streams.map((s) => s.name)).toContain('DESTINATION_SQL_STREAM');
  });

  it('shows a typo alone, without the errors that only follow from it', () => {
    const r = checkSql({ sql: GOOD.replace('GROUP BY', 'GROPU BY'), inputSchema: schema });
    expect(r.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('after the statement')]);
    // Errors of other, intact statements stay.
    const two = checkSql({ sql: GOOD.replace('GROUP BY', 'GROPU BY') + '\nCREATE STREAM x (a NOTATYPE);', inputSchema: schema });
    expect(two.diagnostics.length).toBeGreaterThanOrEqual(2);
  });

  it('reports an unknown column as a bind error', () => {
    const r = checkSql({ sql: GOOD.replace('SELECT STREAM "page"', 'SELECT STREAM "pgae"'), inputSchema: schema });
    expect(r.diagnostics.some((d) => d.severity === 'error' && /pgae/.test(d.message))).toBe(true);
  });

  it('only parses KDA code until an input schema exists, so unknown source columns are not flagged', () => {
    const r = checkSql({ sql: GOOD });
    expect(r.bound).toBe(false);
    expect(r.diagnostics).toEqual([]);
    expect(checkSql({ sql: GOOD.replace('FROM', 'FORM') }).diagnostics.length).toBeGreaterThan(0);
  });

  it('widens empty spans so Monaco draws a squiggle', () => {
    const p = { offset: 4, line: 1, column: 5 };
    expect(toMarkers([{ kind: 'diagnostic', severity: 'error', message: 'x', range: { start: p, end: p } }])[0]).toMatchObject({ startColumn: 5, endColumn: 6 });
  });

  it('finds declared streams in partial scripts', () => {
    expect(declaredStreams('CREATE STREAM s (a INTEGER, b VARCHAR(4));')[0]).toMatchObject({ name: 'S', columns: [{ name: 'A' }, { name: 'B' }] });
  });
});

describe('SQL completion', () => {
  const streams = checkSql({ sql: GOOD, inputSchema: schema }).streams;

  it('resolves qualifiers and aliases', () => {
    expect(qualifierBefore('SELECT s.')).toBe('S');
    expect(qualifierBefore('SELECT "SOURCE_SQL_STREAM_001".pa')).toBe('SOURCE_SQL_STREAM_001');
    expect(qualifierBefore('SELECT page')).toBeNull();
    expect(qualifierBefore('SELECT s.\n')).toBeNull();
    expect(qualifierBefore('SELECT s. ')).toBeNull();
    expect(aliasesIn('SELECT * FROM "SOURCE_SQL_STREAM_001" AS s WHERE').get('S')).toBe('SOURCE_SQL_STREAM_001');
  });

  it('offers a stream\'s columns after alias-dot', () => {
    const text = 'SELECT STREAM s.';
    const full = `${text} FROM "SOURCE_SQL_STREAM_001" AS s;`;
    const labels = suggestionsAt(text, full, streams).map((s) => s.label);
    expect(labels).toEqual(expect.arrayContaining(['ROWTIME', 'page', 'user']));
    expect(labels).not.toContain('SELECT');
  });

  it('offers keywords, functions, streams and snippets elsewhere', () => {
    const all = suggestionsAt('SELECT STREAM ', 'SELECT STREAM ', streams);
    const byKind = (k: string) => all.filter((s) => s.kind === k).map((s) => s.label);
    expect(byKind('keyword')).toContain('WINDOWED');
    expect(byKind('function')).toEqual(expect.arrayContaining(['STEP', 'RANDOM_CUT_FOREST', 'COUNT']));
    expect(byKind('stream')).toContain('DESTINATION_SQL_STREAM');
    expect(all.find((s) => s.label === 'DESTINATION_SQL_STREAM')?.insertText).toBe('"DESTINATION_SQL_STREAM"');
    // Case-sensitive lower-case columns are quoted on insertion.
    expect(all.find((s) => s.label === 'page')?.insertText).toBe('"page"');
  });

  it('does not double the quote inside an open quoted name', () => {
    const s = suggestionsAt('FROM "DEST', 'FROM "DEST', streams).find((x) => x.label === 'DESTINATION_SQL_STREAM');
    expect(s?.insertText).toBe('DESTINATION_SQL_STREAM');
  });
});
