import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorkload } from './workload';
import { isVideoWorkload, parseVideoWorkload } from './video-workload';

const minimal = {
  name: 'w',
  traffic: {
    recordsPerSecond: { average: 100 },
    recordSize: { kind: 'fixed', bytes: 1000 },
    keys: { kind: 'uniform', count: 10 },
  },
};

function issues(json: unknown): { path: string; message: string }[] {
  const r = parseWorkload(json);
  return r.ok ? [] : [...r.issues];
}

describe('workload validation', () => {
  it('fills defaults for a minimal workload', () => {
    const r = parseWorkload(minimal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.workload.traffic.recordsPerSecond).toMatchObject({ average: 100, peak: 100, previousPeak: 100 });
    expect(r.workload.retentionHours).toBe(24);
    expect(r.workload.targetUtilization).toBe(0.8);
    expect(r.workload.hoursPerMonth).toBe(730);
    // "key-" + one digit
    expect(r.workload.traffic.partitionKeyBytes).toBe(5);
    expect(r.workload.consumers).toEqual([]);
  });

  it('names the bad field and the allowed range', () => {
    const found = issues({ ...minimal, retentionHours: 12, targetUtilization: 0 });
    expect(found).toContainEqual({ path: 'retentionHours', message: 'must be a number ≥ 24 and ≤ 8760, got 12' });
    expect(found).toContainEqual({ path: 'targetUtilization', message: 'must be a number > 0 and ≤ 1, got 0' });
  });

  it('reports every problem in one pass, with nested paths', () => {
    const found = issues({
      name: '',
      traffic: {
        recordsPerSecond: { average: 100, peak: 50 },
        recordSize: { kind: 'fixed', bytes: 2_000_000 },
        keys: { kind: 'zipf', count: 0.5, exponent: 1 },
      },
      consumers: [{ kind: 'lambda', name: 'l', batchSize: 20_000 }, { kind: 'teleport', name: 'x' }],
    });
    const paths = found.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'name',
        'traffic.recordsPerSecond.peak',
        'traffic.recordSize.bytes',
        'traffic.keys.count',
        'consumers[0].batchSize',
        'consumers[0].averageDurationMs',
        'consumers[1].kind',
      ]),
    );
    expect(found.find((i) => i.path === 'traffic.recordSize.bytes')?.message).toBe('must be a number ≥ 1 and ≤ 1048576, got 2000000');
    expect(found.find((i) => i.path === 'consumers[1].kind')?.message).toMatch(/must be one of "polling", "efo", "lambda"/);
  });

  it('flags unknown fields (typos) with the allowed names', () => {
    const found = issues({ ...minimal, retention: 48 });
    expect(found[0].path).toBe('retention');
    expect(found[0].message).toMatch(/not a known field; allowed here: name, description, traffic/);
  });

  it('rejects duplicate consumer names and non-object input', () => {
    expect(issues({ ...minimal, consumers: [{ kind: 'efo', name: 'a' }, { kind: 'efo', name: 'a' }] })).toContainEqual({
      path: 'consumers[1].name',
      message: '"a" is used by another consumer; names must be unique',
    });
    expect(issues([1, 2])).toEqual([{ path: '(workload)', message: 'must be an object, got an array' }]);
    expect(issues({ ...minimal, maxRecordSizeBytes: 20 * 1024 * 1024 })[0].path).toBe('maxRecordSizeBytes');
  });

  it('accepts every example workload', () => {
    const dir = join(import.meta.dirname, '../../../examples/workloads');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) {
      const json: unknown = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      // Video workloads ("video" instead of "traffic") have their own schema: video-workload.ts.
      const r = isVideoWorkload(json) ? parseVideoWorkload(json) : parseWorkload(json);
      expect(r.ok ? [] : r.issues, f).toEqual([]);
    }
  });
});
