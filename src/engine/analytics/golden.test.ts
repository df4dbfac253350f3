/**
 * Golden SQL cases: `golden/*.sql`. Header comments describe the input and the expected output:
 *   -- fail=<message fragment>        (first line) the app must be rejected with that diagnostic
 *   -- schema: NAME TYPE, NAME TYPE   JSON input columns (Mapping $.NAME)
 *   -- row: <rowtime> <json record>   one input record; rowtime as 'yyyy-MM-dd HH:mm:ss[.SSS]' or epoch ms
 *   -- ref: TABLE NAME TYPE, …        reference table columns; -- refrow: <json> adds a row
 *   -- expect: <json object>          one DESTINATION_SQL_STREAM row, in order
 *   -- errors: <n>                    number of error_stream rows
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KdaReferenceDocument } from './replay';
import { replay } from './replay';

const dir = join(import.meta.dirname, 'golden');

function columns(spec: string) {
  return spec.split(/,(?![^(]*\))/).map((c) => c.trim()).filter(Boolean).map((c) => {
    const [name, ...type] = c.split(/\s+/);
    return { Name: name, Mapping: `$.${name}`, SqlType: type.join(' ') };
  });
}

interface Golden {
  fail: string | null;
  schema: ReturnType<typeof columns>;
  records: string[];
  refs: KdaReferenceDocument[];
  expected: unknown[];
  errors: number | null;
}

function parseGolden(text: string): Golden {
  const g: Golden = { fail: null, schema: [], records: [], refs: [], expected: [], errors: null };
  const first = text.split('\n')[0];
  if (first.startsWith('-- fail=')) g.fail = first.slice('-- fail='.length).trim();
  for (const line of text.split('\n')) {
    const m = /^--\s*(schema|row|ref|refrow|expect|errors):\s*(.*)$/.exec(line);
    if (!m) continue;
    const [, kind, rest] = m;
    if (kind === 'schema') g.schema = columns(rest);
    else if (kind === 'row') {
      const r = /^(\d+|'[^']*')\s+(.*)$/.exec(rest.trim());
      if (!r) throw new Error(`bad row line: ${line}`);
      const rowtime = r[1].startsWith("'") ? r[1].slice(1, -1) : Number(r[1]);
      g.records.push(JSON.stringify({ rowtime, data: JSON.parse(r[2]) }));
    } else if (kind === 'ref') {
      const [table, ...cols] = rest.trim().split(/\s+/);
      g.refs.push({ TableName: table, ReferenceSchema: { RecordFormat: { RecordFormatType: 'JSON' }, RecordColumns: columns(cols.join(' ')) }, body: '' });
    } else if (kind === 'refrow') {
      const ref = g.refs[g.refs.length - 1];
      g.refs[g.refs.length - 1] = { ...ref, body: ref.body + rest.trim() + '\n' };
    } else if (kind === 'expect') g.expected.push(JSON.parse(rest));
    else g.errors = Number(rest);
  }
  return g;
}

describe('golden SQL', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    it(file, () => {
      const sql = readFileSync(join(dir, file), 'utf8');
      const g = parseGolden(sql);
      const result = replay({
        sql,
        input: { InputSchema: { RecordFormat: { RecordFormatType: 'JSON' }, RecordColumns: g.schema.length ? g.schema : [{ Name: 'X', Mapping: '$.X', SqlType: 'INTEGER' }] } },
        references: g.refs,
        records: g.records,
        keys: 'sql',
      });
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      if (g.fail) {
        expect(errors.map((d) => d.message).join('\n')).toContain(g.fail);
        return;
      }
      expect(errors).toEqual([]);
      expect(result.lines.map((l) => JSON.parse(l))).toEqual(g.expected);
      if (g.errors !== null) expect(result.errors.length).toBe(g.errors);
    });
  }
});
