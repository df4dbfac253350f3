import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIO } from '../../engine/scenario/demo';
import { validateScenario } from '../../engine/scenario/validate';
import { memoryStorage, type AutosaveEntry, type ScenarioStorage } from './persistence';
import { readAutosaveSafely } from './autosave-recovery';

const validate = async (doc: unknown) => validateScenario(doc);

async function storedWith(entry: unknown): Promise<ScenarioStorage> {
  const s = memoryStorage();
  await s.writeAutosave(entry as AutosaveEntry);
  return s;
}

describe('opening the autosave', () => {
  it('opens a current autosave with its settings and no notice', async () => {
    const out = await readAutosaveSafely(await storedWith({ doc: DEMO_SCENARIO, settings: { planner: { x: 1 } }, savedAtMs: 1 }), validate);
    expect(out).toEqual({ kind: 'ok', doc: DEMO_SCENARIO, settings: { planner: { x: 1 } }, notice: null });
  });

  it('upgrades an autosave from an older version (v0) and says so', async () => {
    const { version: _v, ...legacy } = DEMO_SCENARIO;
    const out = await readAutosaveSafely(await storedWith({ doc: legacy, settings: {}, savedAtMs: 1 }), validate);
    expect(out.kind).toBe('ok');
    if (out.kind !== 'ok') return;
    expect(out.doc.version).toBe(1);
    expect(out.notice?.text).toMatch(/older version \(v0\) and was upgraded/);
  });

  it('refuses an autosave from a newer console, keeping its text to download', async () => {
    const entry = { doc: { ...DEMO_SCENARIO, version: 3 }, settings: {}, savedAtMs: 1 };
    const out = await readAutosaveSafely(await storedWith(entry), validate);
    expect(out.kind).toBe('unreadable');
    if (out.kind !== 'unreadable') return;
    expect(out.notice.text).toMatch(/^Your autosaved scenario could not be opened \(its version cannot be read here\), so the console started on the demo/);
    expect(out.notice.details?.[0]).toMatch(/saved by a newer Kinesis Sandbox/);
    expect(JSON.parse(out.notice.rescue!.text)).toEqual(entry);
  });

  it('refuses a corrupted autosave with the validator’s field paths', async () => {
    const out = await readAutosaveSafely(await storedWith({ doc: { ...DEMO_SCENARIO, streams: [{ name: 'bad name!' }] }, settings: {}, savedAtMs: 1 }), validate);
    expect(out.kind === 'unreadable' && out.notice.details).toEqual(expect.arrayContaining([expect.stringMatching(/^streams\[0\]\.name /)]));
  });

  it('survives storage that cannot be read at all', async () => {
    const broken: ScenarioStorage = { ...memoryStorage(), readAutosave: async () => { throw new Error('QuotaExceededError'); } };
    const out = await readAutosaveSafely(broken, validate);
    expect(out).toMatchObject({ kind: 'unreadable', notice: { details: ['QuotaExceededError'] } });
    expect(out.kind === 'unreadable' && out.notice.rescue).toBeUndefined();
  });
});
