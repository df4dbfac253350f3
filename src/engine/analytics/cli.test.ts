/**
 * `npm run sql` end to end: every app under examples/sql/ prints its expected.jsonl exactly;
 * a broken app exits 1 with line:column diagnostics; --errors prints error-stream rows.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const cli = join(root, 'src/cli/sql.ts');
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, encoding: 'utf8' });

describe('npm run sql', () => {
  const examples = readdirSync(join(root, 'examples/sql')).filter((f) => existsSync(join(root, 'examples/sql', f, 'app.sql')));
  for (const name of examples) {
    it(`examples/sql/${name}`, () => {
      const dir = `examples/sql/${name}`;
      const args = ['--sql', `${dir}/app.sql`, '--input', `${dir}/records.jsonl`, '--schema', `${dir}/input.json`];
      if (existsSync(join(root, dir, 'ref.json'))) args.push('--reference', `${dir}/ref.json`);
      const out = execFileSync(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(out).toBe(readFileSync(join(root, dir, 'expected.jsonl'), 'utf8'));
    });
  }

  it('--rowtime prints each row\'s ROWTIME first (UTC, yyyy-MM-dd HH:mm:ss.SSS); windows close at their end', () => {
    const dir = 'examples/sql/trades';
    const r = run(['--sql', `${dir}/app.sql`, '--input', `${dir}/records.jsonl`, '--schema', `${dir}/input.json`, '--rowtime']);
    expect(r.status).toBe(0);
    const expected = readFileSync(join(root, dir, 'expected.jsonl'), 'utf8').trim().split('\n');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, i) => {
      const row = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(row)[0]).toBe('ROWTIME');
      expect(row.ROWTIME).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/);
      const { ROWTIME: _rowtime, ...rest } = row;
      expect(rest).toEqual(JSON.parse(expected[i]));
    });
    expect(JSON.parse(lines[0])).toMatchObject({ ROWTIME: '2024-03-04 09:30:30.000', win: '2024-03-04 09:30:00.000' });
  });

  it('exits 1 with positioned diagnostics for a broken app', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'sql-cli-'));
    writeFileSync(join(tmp, 'bad.sql'), 'CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (a INTEGER);\nCREATE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"\n  SELECT STREAM nope FROM "SOURCE_SQL_STREAM_001";\n');
    writeFileSync(join(tmp, 'in.jsonl'), '{"a": 1}\n');
    const r = run(['--sql', join(tmp, 'bad.sql'), '--input', join(tmp, 'in.jsonl'), '--schema', 'examples/sql/trades/input.json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("bad.sql:3:17: error: unknown column 'NOPE'");
    expect(r.stdout).toBe('');
  });

  it('--errors prints error-stream rows to stderr; raw records start at 2026-01-01', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'sql-cli-'));
    writeFileSync(join(tmp, 'app.sql'), 'CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (t TIMESTAMP, p DOUBLE);\nCREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM" SELECT STREAM ROWTIME, "price" FROM "SOURCE_SQL_STREAM_001";\n');
    writeFileSync(join(tmp, 'in.jsonl'), '{"sym":"A","price":1.5,"size":1}\n{"sym":"A","price":"bad","size":1}\n{"sym":"B","price":2,"size":2}\n');
    const r = run(['--sql', join(tmp, 'app.sql'), '--input', join(tmp, 'in.jsonl'), '--schema', 'examples/sql/trades/input.json', '--errors']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('{"t":"2026-01-01 00:00:00.000","p":1.5}\n{"t":"2026-01-01 00:00:00.002","p":2}\n');
    expect(r.stderr).toContain('"ERROR_NAME":"Coercion_Error"');
  });
});
