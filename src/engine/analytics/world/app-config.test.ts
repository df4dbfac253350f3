import { describe, expect, it } from 'vitest';
import { validateAnalyticsSection, validateAppConfig } from './app-config';
import { World } from '../../world/world';
import { DEMO_SCENARIO } from '../../scenario/demo';

const ok = { name: 'a', sql: 'SELECT STREAM * FROM "SOURCE_SQL_STREAM_001";', input: { stream: 'clickstream' } };

describe('the analytics section of a scenario document', () => {
  it('accepts a minimal application and names the field of each problem', () => {
    expect(validateAppConfig(ok, 'analytics[0]')).toBeNull();
    const cases: [unknown, RegExp][] = [
      [null, /analytics\[0\] must be an object/],
      [{ ...ok, name: '' }, /\.name/],
      [{ ...ok, sql: 42 }, /\.sql/],
      [{ ...ok, sql: 'x'.repeat(100 * 1024 + 1) }, /100 KB/],
      [{ ...ok, input: {} }, /\.input\.stream/],
      [{ ...ok, input: { stream: 's', namePrefix: '1bad' } }, /namePrefix/],
      [{ ...ok, input: { stream: 's', startingPosition: 'LATEST' } }, /startingPosition/],
      [{ ...ok, input: { stream: 's', inputSchema: { RecordColumns: [] } } }, /inputSchema/],
      [{ ...ok, reference: [{}, {}] }, /at most one reference/],
      [{ ...ok, output: { kind: 'lambda' } }, /output\.kind/],
      [{ ...ok, output: { kind: 'stream' } }, /output\.name/],
      [{ ...ok, output: { kind: 'firehose', name: 'f', format: 'XML' } }, /format/],
      [{ ...ok, autoStart: 'yes' }, /autoStart/],
    ];
    for (const [doc, message] of cases) expect(validateAppConfig(doc, 'analytics[0]')).toMatch(message);
  });

  it('checks the section: array, unique names, at most 50 applications', () => {
    expect(validateAnalyticsSection(undefined)).toEqual({ ok: true, apps: [] });
    expect(validateAnalyticsSection([ok, ok])).toMatchObject({ ok: false, message: expect.stringContaining('already exists') });
    const many = Array.from({ length: 51 }, (_, i) => ({ ...ok, name: `a${i}` }));
    expect(validateAnalyticsSection(many)).toMatchObject({ ok: false, message: expect.stringContaining('50') });
  });

  it('refuses a document whose application reads a stream the scenario does not have', () => {
    const built = World.tryBuild({ ...structuredClone(DEMO_SCENARIO), analytics: [{ ...ok, input: { stream: 'nope' } }] });
    expect(built).toMatchObject({ ok: false, message: expect.stringContaining('analytics[0].input.stream') });
  });
});
