import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIO } from '../demo';
import { validateScenario } from '../validate';
import { CURRENT_SCENARIO_VERSION, migrateScenario } from './index';

describe('scenario migrations', () => {
  it('migrates a legacy (v0) document with AWS spellings to a valid v1 document', () => {
    const legacy = {
      name: 'from an old console',
      seed: 7,
      streams: [
        { StreamName: 'orders', ShardCount: 3, RetentionPeriodHours: 48 },
        { StreamName: 'clicks', StreamModeDetails: { StreamMode: 'ON_DEMAND' } },
      ],
      producers: [{ name: 'p', stream: 'orders', rate: { kind: 'constant', recordsPerSec: 10 } }],
      consumers: [],
    };
    const m = migrateScenario(legacy);
    expect(m).toMatchObject({ ok: true, fromVersion: 0, migrated: true });
    if (!m.ok) return;
    expect(m.doc).toMatchObject({
      version: 1,
      streams: [{ name: 'orders', shards: 3, retentionHours: 48 }, { name: 'clicks', mode: 'ON_DEMAND' }],
    });
    expect((m.doc as { streams: object[] }).streams[0]).not.toHaveProperty('StreamName');
    const v = validateScenario(m.doc);
    expect(v.ok ? [] : v.errors).toEqual([]);
    expect(legacy.streams[0]).toHaveProperty('StreamName'); // the input is not modified
  });

  it('leaves a current document unchanged', () => {
    const m = migrateScenario(DEMO_SCENARIO);
    expect(m).toEqual({ ok: true, doc: DEMO_SCENARIO, fromVersion: CURRENT_SCENARIO_VERSION, migrated: false });
  });

  it('refuses a document from a newer console, and a version that is not a whole number, saying why', () => {
    expect(migrateScenario({ ...DEMO_SCENARIO, version: 2 })).toEqual({ ok: false, error: expect.stringContaining('saved by a newer Kinesis Sandbox') });
    expect(migrateScenario({ ...DEMO_SCENARIO, version: '1' })).toEqual({ ok: false, error: expect.stringMatching(/^version must be a whole number/) });
    expect(migrateScenario({ ...DEMO_SCENARIO, version: -1 })).toMatchObject({ ok: false });
  });

  // Invariants: migration never throws, is idempotent (migrating a migrated document changes nothing),
  // and always yields the current version or an error. Left out: whether arbitrary input validates.
  it('never throws and is idempotent on arbitrary JSON', () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), fc.record({ version: fc.option(fc.jsonValue(), { nil: undefined }), streams: fc.array(fc.jsonValue()) }, { requiredKeys: [] })), (input) => {
      const m = migrateScenario(input);
      if (!m.ok) return;
      const again = migrateScenario(m.doc);
      expect(again.ok && again.doc).toEqual(m.doc);
      if (typeof m.doc === 'object' && m.doc !== null && !Array.isArray(m.doc)) expect((m.doc as { version: unknown }).version).toBe(CURRENT_SCENARIO_VERSION);
    }), { numRuns: 300 });
  });
});
