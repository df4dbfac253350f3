import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIO } from '../../../engine/scenario/demo';
import { validateScenario } from '../../../engine/scenario/validate';
import { applyVariant, crossVariants, parseAxis, AXES } from './variants';

describe('what-if axes', () => {
  it('parses each axis example and rejects nonsense with a reason', () => {
    for (const a of AXES) expect(parseAxis(a.kind, a.example).ok, a.kind).toBe(true);
    expect(parseAxis('shards', '2, 4, 8')).toEqual({ ok: true, changes: [2, 4, 8].map((shards) => ({ kind: 'shards', shards })) });
    expect(parseAxis('shards', '2, x')).toEqual({ ok: false, error: '"x" is not a shard count from 1 to 1024', errorKey: 'shards', item: 'x' });
    expect(parseAxis('batching', 'PutRecords:900').ok).toBe(false);
    expect(parseAxis('mode', '').ok).toBe(false);
  });

  it('crosses two axes, first axis slowest, into valid documents', () => {
    const shards = parseAxis('shards', '2, 8');
    const mode = parseAxis('retries', '0, 5');
    if (!shards.ok || !mode.ok) throw new Error('parse');
    const specs = crossVariants([shards.changes, mode.changes]);
    expect(specs.map((s) => s.label)).toEqual(['2 shards, 0 retries', '2 shards, 5 retries', '8 shards, 0 retries', '8 shards, 5 retries']);
    for (const s of specs) {
      const doc = applyVariant(DEMO_SCENARIO, 'clickstream', s);
      expect(validateScenario(doc).ok).toBe(true);
      expect(doc.name).toContain(s.label);
    }
    expect(applyVariant(DEMO_SCENARIO, 'clickstream', specs[3]).streams[0].shards).toBe(8);
    expect(applyVariant(DEMO_SCENARIO, 'clickstream', specs[3]).producers[0].retry?.maxRetries).toBe(5);
  });

  it('caps the number of variants', () => {
    const a = parseAxis('shards', '1,2,3,4,5');
    if (!a.ok) throw new Error('parse');
    expect(crossVariants([a.changes, a.changes], 8)).toHaveLength(8);
  });

  it('applies key presets, consumer types and capacity modes', () => {
    const keys = parseAxis('keys', 'current, uuid');
    const types = parseAxis('consumer-type', 'efo');
    const modes = parseAxis('mode', 'on-demand');
    if (!keys.ok || !types.ok || !modes.ok) throw new Error('parse');
    const [cur, uuid] = crossVariants([keys.changes]);
    expect(applyVariant(DEMO_SCENARIO, 'clickstream', cur).producers[0].keys).toEqual(DEMO_SCENARIO.producers[0].keys);
    expect(applyVariant(DEMO_SCENARIO, 'clickstream', uuid).producers[0].keys).toEqual({ kind: 'uuid' });
    const efo = applyVariant(DEMO_SCENARIO, 'clickstream', crossVariants([types.changes])[0]);
    expect(efo.consumers?.every((c) => c.type === 'efo')).toBe(true);
    expect(applyVariant(DEMO_SCENARIO, 'clickstream', crossVariants([modes.changes])[0]).streams[0].mode).toBe('ON_DEMAND');
  });
});
