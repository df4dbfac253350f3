/**
 * Hostile scenario input, from every door the console has: documents (a valid scenario with one
 * field replaced, removed or retyped), imported files (arbitrary or truncated text), share links
 * (arbitrary or corrupted payloads) and autosaves (any stored entry).
 * Invariants: nothing throws; a refusal says what is wrong — each validation error starts with the
 * field path it is about (`producers[0].rate.kind …`) and names a path whose first step exists in
 * the document; a share link or file that cannot be read gets one sentence saying so; an autosave
 * that cannot be opened yields a notice with the reason and its text to download.
 * Left out: whether the accepted documents simulate sensibly (scenario.test.ts covers that).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIO } from '../../engine/scenario/demo';
import { validateScenario } from '../../engine/scenario/validate';
import { migrateScenario } from '../../engine/scenario/migrations/index';
import { GALLERY } from './gallery';
import { parseScenarioText } from './import-export';
import { decodeScenario, encodeScenario } from './share-link';
import { memoryStorage, type AutosaveEntry } from './persistence';
import { readAutosaveSafely } from './autosave-recovery';

type Json = unknown;
const validate = async (doc: unknown) => validateScenario(doc);
const BASES: Json[] = [DEMO_SCENARIO, ...GALLERY.map((g) => g.doc)];

/** Every path (list of keys) inside a JSON value. */
function pathsOf(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...prefix, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...prefix, k]));
  return out;
}

/** A copy of `doc` with the value at `path` replaced (or removed when `value` is the REMOVE marker). */
const REMOVE = Symbol('remove');
function withValueAt(doc: Json, path: (string | number)[], value: Json | typeof REMOVE): Json {
  if (path.length === 0) return value === REMOVE ? undefined : value;
  const copy = structuredClone(doc) as Record<string | number, Json>;
  let at: Record<string | number, Json> = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === REMOVE) {
    if (Array.isArray(at)) at.splice(last as number, 1);
    else delete at[last];
  } else at[last] = value;
  return copy;
}

const hostileLeaf = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(-1, 0, 1e308, -0.5, Number.MAX_SAFE_INTEGER, '', 'x'.repeat(300), '{{bad template', null, [], {}, true),
);
const mutatedDoc = fc.constantFrom(...BASES).chain((base) => {
  const paths = pathsOf(base);
  return fc.tuple(fc.constantFrom(...paths), fc.oneof({ arbitrary: hostileLeaf, weight: 4 }, { arbitrary: fc.constant(REMOVE), weight: 1 }))
    .map(([path, value]) => withValueAt(base, path, value));
});

const FIELD_PATH = /^(scenario|version|seed|name|description|durationSec|settings|streams|producers|consumers|firehose|analytics|[a-zA-Z]+)(\[\d+\])?(\.[A-Za-z0-9_]+(\[\d+\])?)*( |$)/;

function expectFieldPathErrors(doc: Json, errors: readonly string[]): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(typeof e).toBe('string');
    const m = FIELD_PATH.exec(e);
    expect(m, `error without a field path: "${e}"`).not.toBeNull();
    const first = m![1];
    // The first step names the document itself, the version check, or a top-level field the document has or needs.
    if (!['scenario', 'version'].includes(first) && doc && typeof doc === 'object') {
      expect(first in (doc as object) || ['streams', 'producers', 'consumers', 'seed'].includes(first), `"${e}" names ${first}, which the document lacks`).toBe(true);
    }
  }
}

describe('scenario documents', () => {
  it('a valid scenario with one field broken is refused with field-path errors, never a throw', async () => {
    await fc.assert(fc.asyncProperty(mutatedDoc, async (doc) => {
      const m = migrateScenario(doc);
      if (!m.ok) {
        expect(m.error).toMatch(/^version /);
        return;
      }
      const v = validateScenario(m.doc);
      if (!v.ok) expectFieldPathErrors(m.doc, v.errors);
    }), { numRuns: 300 });
  });
});

describe('imported files', () => {
  it('arbitrary, truncated or mutated file text is refused with a reason, never a throw', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom(...BASES).chain((b) => { const t = JSON.stringify(b); return fc.nat({ max: t.length }).map((n) => t.slice(0, n)); }),
      mutatedDoc.map((d) => JSON.stringify(d) ?? 'undefined'),
    );
    await fc.assert(fc.asyncProperty(text, async (t) => {
      const r = await parseScenarioText(t, validate);
      if (r.ok) return;
      expect(r.errors.length).toBeGreaterThan(0);
      if (!r.errors[0].startsWith('The file is not JSON')) expectFieldPathErrors(JSON.parse(t), r.errors);
    }), { numRuns: 300 });
  });
});

describe('share links', () => {
  it('arbitrary or corrupted payloads decode to a document or one sentence saying what is wrong', () => {
    const good = encodeScenario(DEMO_SCENARIO);
    const payload = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.base64String({ maxLength: 200 }).map((s) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '')),
      fc.nat({ max: good.length }).map((n) => good.slice(0, n)),
      fc.tuple(fc.nat({ max: good.length - 1 }), fc.constantFrom('A', '_', '-', 'z')).map(([i, c]) => good.slice(0, i) + c + good.slice(i + 1)),
    );
    fc.assert(fc.property(payload, (p) => {
      const r = decodeScenario(p);
      if (!r.ok) expect(r.error).toMatch(/^The shared link /);
    }), { numRuns: 300 });
  });
});

describe('autosaves', () => {
  it('any stored entry opens, or yields a notice with the reason and the text to download', async () => {
    const entry = fc.oneof(
      mutatedDoc.map((doc) => ({ doc, settings: {}, savedAtMs: 1 })),
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({ doc: fc.jsonValue({ maxDepth: 2 }), settings: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }),
    );
    await fc.assert(fc.asyncProperty(entry, async (e) => {
      const storage = memoryStorage();
      await storage.writeAutosave(e as AutosaveEntry);
      const out = await readAutosaveSafely(storage, validate);
      if (out.kind === 'unreadable') {
        expect(out.notice.kind).toBe('error');
        expect(out.notice.text).toMatch(/could not be opened \(.+\), so the console started on the demo/);
        expect(out.notice.rescue?.text).toBe(`${JSON.stringify(JSON.parse(JSON.stringify(e)), null, 2)}\n`);
      } else if (out.kind === 'ok') {
        expect(validateScenario(out.doc).ok).toBe(true);
      }
    }), { numRuns: 200 });
  });
});
