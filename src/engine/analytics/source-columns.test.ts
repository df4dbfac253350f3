/**
 * Hidden source columns are computed only when a bound query references them: unreferenced ones
 * stay NULL and their thunks are never called; referenced ones resolve (eagerly given or lazily).
 */
import { describe, expect, it } from 'vitest';
import type { OutputRow } from './in-app-stream';
import { SqlApplication } from './runtime';

const input = { inputSchema: { RecordFormat: { RecordFormatType: 'JSON' as const }, RecordColumns: [{ Name: 'SYM', SqlType: 'VARCHAR(8)' }] } };
const T0 = Date.UTC(2024, 0, 1);

function run(select: string, columns: string) {
  const sql = `CREATE OR REPLACE STREAM "OUT" (${columns});
CREATE OR REPLACE PUMP "P" AS INSERT INTO "OUT" SELECT STREAM ${select} FROM "SOURCE_SQL_STREAM_001";`;
  const { app, diagnostics } = SqlApplication.create(sql, { input });
  expect(diagnostics).toEqual([]);
  const a = app as SqlApplication;
  const out: OutputRow[] = [];
  a.subscribe('OUT', (r) => out.push(r));
  const calls = { seq: 0, key: 0, shard: 0 };
  a.push({
    data: '{"SYM":"A"}', rowtimeMs: T0,
    partitionKey: () => (calls.key++, 'pk-1'),
    sequenceNumber: () => (calls.seq++, '49590338271490256608559692538361571095921575989136588898'),
    shardId: () => (calls.shard++, 'shardId-000000000001'),
  });
  a.push({ data: '{"SYM":"B"}', rowtimeMs: T0 + 1, partitionKey: 'pk-2', sequenceNumber: '2', shardId: 'shardId-000000000000' });
  return { app: a, out: out.map((r) => r.values), calls };
}

describe('hidden source columns', () => {
  it('skips PARTITION_KEY, SEQUENCE_NUMBER and SHARD_ID when no query references them', () => {
    const r = run('SYM', 'sym VARCHAR(8)');
    expect(r.out).toEqual([['A'], ['B']]);
    expect(r.calls).toEqual({ seq: 0, key: 0, shard: 0 });
    expect(r.app.referencedSystemColumns()).toEqual([]);
  });

  it('computes only the referenced ones, from values or thunks', () => {
    const r = run('SYM, PARTITION_KEY, SHARD_ID', 'sym VARCHAR(8), pk VARCHAR(256), shard VARCHAR(64)');
    expect(r.out).toEqual([['A', 'pk-1', 'shardId-000000000001'], ['B', 'pk-2', 'shardId-000000000000']]);
    expect(r.calls).toEqual({ seq: 0, key: 1, shard: 1 });
    expect(r.app.referencedSystemColumns().sort()).toEqual(['PARTITION_KEY', 'SHARD_ID']);
  });

  it('sees references through aliases, subqueries and WHERE clauses', () => {
    const r = run(`s.SYM FROM (SELECT STREAM * , SEQUENCE_NUMBER AS sn FROM "SOURCE_SQL_STREAM_001") AS s WHERE s.sn IS NOT NULL --`, 'sym VARCHAR(8)');
    expect(r.out).toEqual([['A'], ['B']]);
    expect(r.calls.seq).toBe(1);
    expect(r.app.referencedSystemColumns()).toEqual(['SEQUENCE_NUMBER']);
  });

  it('keeps APPROXIMATE_ARRIVAL_TIME (defaulting to ROWTIME) when referenced', () => {
    const r = run('SYM, APPROXIMATE_ARRIVAL_TIME', 'sym VARCHAR(8), arrived TIMESTAMP');
    expect(r.out).toEqual([['A', T0], ['B', T0 + 1]]);
  });
});
