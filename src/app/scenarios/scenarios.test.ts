import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEMO_SCENARIO } from '../../engine/scenario/demo';
import { validateScenario } from '../../engine/scenario/validate';
import { runScenario } from '../../engine/scenario/report';
import type { ScenarioDoc } from '../../engine/scenario/schema';
import { decodeScenario, encodeScenario, sharedPayloadFromHash, shareUrl } from './share-link';
import { findUserCode } from './user-code';
import { parseScenarioText, scenarioFileName, scenarioToJson } from './import-export';
import { memoryStorage } from './persistence';
import { mainStreamOf, withBatching, withCapacityMode, withConsumers, withRetries, withShardCount } from './doc-edits';
import { GALLERY } from './gallery';
import enGallery from '../i18n/locales/en/gallery';
import koGallery from '../i18n/locales/ko/gallery';

describe('share links', () => {
  it('round-trips the demo scenario through a URL fragment', () => {
    const url = shareUrl('https://example.org/sandbox/index.html#/streams', DEMO_SCENARIO);
    expect(url.startsWith('https://example.org/sandbox/index.html#/planner/s=')).toBe(true);
    const payload = sharedPayloadFromHash(new URL(url).hash);
    expect(payload).not.toBeNull();
    const decoded = decodeScenario(payload!);
    expect(decoded).toEqual({ ok: true, doc: DEMO_SCENARIO });
    // Compression keeps a typical scenario far below URL length trouble.
    expect(url.length).toBeLessThan(1500);
  });

  it('reads the payload from #s=, #/planner?s= and #/planner/s= forms, and nothing else', () => {
    expect(sharedPayloadFromHash('#s=abc_-1')).toBe('abc_-1');
    expect(sharedPayloadFromHash('#/planner?s=xyz')).toBe('xyz');
    expect(sharedPayloadFromHash('#/planner/s=xyz')).toBe('xyz');
    expect(sharedPayloadFromHash('#/streams/orders')).toBeNull();
    expect(sharedPayloadFromHash('#/streams/mass=1')).toBeNull();
  });

  it('explains damaged links instead of throwing', () => {
    expect(decodeScenario('not base64!')).toMatchObject({ ok: false });
    const cut = encodeScenario(DEMO_SCENARIO).slice(0, 40);
    const r = decodeScenario(cut);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/damaged|cut short|JSON/);
  });

  it('round-trips any JSON document (property; seed printed by fast-check on failure)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = decodeScenario(encodeScenario(v));
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.doc).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('user code in shared scenarios', () => {
  it('finds code and transformSource fields anywhere, with their paths', () => {
    const doc = { ...DEMO_SCENARIO, firehose: [{ name: 'f', transform: { code: 'return r' } }, { transformSource: 'x => x', errorCode: 'E1' }] };
    expect(findUserCode(doc)).toEqual([
      { path: 'firehose[0].transform.code', code: 'return r' },
      { path: 'firehose[1].transformSource', code: 'x => x' },
    ]);
  });

  it('finds none in the demo and the gallery', () => {
    expect(findUserCode(DEMO_SCENARIO)).toEqual([]);
    for (const g of GALLERY) expect(findUserCode(g.doc)).toEqual([]);
  });
});

describe('scenario files', () => {
  // The console validates in the worker; here the engine validator runs in-process.
  const validateHere = async (doc: unknown) => validateScenario(doc);

  it('exports JSON that imports back to the same document', async () => {
    const r = await parseScenarioText(scenarioToJson(DEMO_SCENARIO), validateHere);
    expect(r).toEqual({ ok: true, doc: DEMO_SCENARIO });
    expect(scenarioFileName(DEMO_SCENARIO)).toBe('clickstream-demo.json');
  });

  it('refuses broken files with field-path errors', async () => {
    expect(await parseScenarioText('{ nope', validateHere)).toMatchObject({ ok: false, errors: [expect.stringMatching(/not JSON/)] });
    const bad = { ...DEMO_SCENARIO, streams: [{ name: 'clickstream', shards: -1 }] };
    const r = await parseScenarioText(JSON.stringify(bad), validateHere);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/streams\[0\]\.shards/);
  });
});

describe('storage', () => {
  it('autosaves and lists named scenarios, isolated from later edits of the caller', async () => {
    const s = memoryStorage();
    expect(await s.readAutosave()).toBeUndefined();
    const doc = JSON.parse(JSON.stringify(DEMO_SCENARIO)) as { name: string };
    await s.writeAutosave({ doc: doc as unknown as ScenarioDoc, settings: { stream: 'clickstream' }, savedAtMs: 1 });
    doc.name = 'changed';
    expect((await s.readAutosave())?.doc.name).toBe('clickstream demo');
    await s.putSaved({ name: 'b', doc: DEMO_SCENARIO, savedAtMs: 2 });
    await s.putSaved({ name: 'a', doc: DEMO_SCENARIO, savedAtMs: 3 });
    expect((await s.listSaved()).map((x) => x.name)).toEqual(['a', 'b']);
    await s.deleteSaved('a');
    expect((await s.listSaved()).map((x) => x.name)).toEqual(['b']);
  });
});

describe('document edits', () => {
  const doc = DEMO_SCENARIO;
  it('changes only the named stream and keeps the input untouched', () => {
    const before = JSON.stringify(doc);
    const d = withShardCount(withCapacityMode(doc, 'clickstream', 'ON_DEMAND'), 'clickstream', 8);
    expect(d.streams[0]).toMatchObject({ mode: 'PROVISIONED', shards: 8 });
    expect(withCapacityMode(doc, 'clickstream', 'ON_DEMAND').streams[0].mode).toBe('ON_DEMAND');
    expect(JSON.stringify(doc)).toBe(before);
    expect(validateScenario(d).ok).toBe(true);
  });

  it('sets batching, retries and consumers as valid documents', () => {
    const single = withBatching(doc, 'clickstream', { api: 'PutRecord' });
    expect(single.producers[0].api).toBe('PutRecord');
    expect(single.producers[0].batch).toBeUndefined();
    expect(withBatching(doc, 'clickstream', { api: 'PutRecords', maxRecords: 100 }).producers[0].batch).toMatchObject({ maxRecords: 100, lingerMs: 100 });
    expect(withRetries(doc, 'clickstream', { maxRetries: 0 }).producers[0].retry?.maxRetries).toBe(0);
    const four = withConsumers(doc, 'clickstream', 4);
    expect(four.consumers?.map((c) => c.name)).toEqual(['sessionizer', 'enrich-fn', 'sessionizer-3', 'sessionizer-4']);
    const efo = withConsumers(doc, 'clickstream', 2, 'efo');
    expect(efo.consumers?.map((c) => c.type)).toEqual(['efo', 'efo']);
    for (const d of [single, four, efo, withConsumers(doc, 'clickstream', 0)]) expect(validateScenario(d)).toMatchObject({ ok: true });
    expect(mainStreamOf(doc)).toBe('clickstream');
  });
});

describe('gallery', () => {
  it('has the six examples, each a valid scenario with a lesson', () => {
    expect(GALLERY.map((g) => g.id)).toEqual(['clickstream-hot-key', 'iot-fleet', 'log-shipping', 'fraud-detection', 'under-provisioned-consumers', 'security-cameras']);
    for (const g of GALLERY) {
      const v = validateScenario(g.doc);
      expect(v.ok ? [] : v.errors, g.id).toEqual([]);
      expect(enGallery[g.id].lesson.length).toBeGreaterThan(10);
      expect(koGallery[g.id].lesson.length).toBeGreaterThan(10);
    }
  });

  it('runs each example for 20 simulated seconds and shows what it teaches', () => {
    const reports = Object.fromEntries(GALLERY.map((g) => [g.id, runScenario(g.doc, 20_000).report]));
    expect(reports['iot-fleet'].streams[0].recordsThrottled).toBeGreaterThan(0);
    expect(reports['log-shipping'].streams[0].recordsThrottled).toBe(0);
    const slow = reports['under-provisioned-consumers'];
    expect(slow.streams[0].recordsThrottled).toBe(0);
    expect(Math.max(...slow.consumers.map((c) => c.lagRecords))).toBeGreaterThan(1000);
  });
});
