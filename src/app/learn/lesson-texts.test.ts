// Every lesson and step of the engine has its text in English and Korean, and nothing extra; every
// glossary link a text makes (<termId>…</termId>) names a glossary term; and the glossary has the same
// terms in both languages.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../engine/lessons';
import en from '../i18n/locales/en/learn';
import ko from '../i18n/locales/ko/learn';
import enGlossary from '../i18n/locales/en/glossary';
import koGlossary from '../i18n/locales/ko/glossary';

type Texts = Record<string, { title: string; summary: string; intro: string; steps: Record<string, { text: string; hint: string }> }>;

/** The tags of a text, checked to be balanced and not nested; returns the term ids linked. */
function termTags(text: string): string[] {
  const ids: string[] = [];
  let open: string | null = null;
  for (const m of text.matchAll(/<(\/?)([^<>]*)>/g)) {
    const [, closing, name] = m;
    if (!closing) {
      expect(open, `nested tag <${name}> in: ${text}`).toBeNull();
      open = name;
      ids.push(name);
    } else {
      expect(name, `unbalanced </${name}> in: ${text}`).toBe(open);
      open = null;
    }
  }
  expect(open, `unclosed <${open}> in: ${text}`).toBeNull();
  return ids;
}

describe('lesson texts', () => {
  const terms = new Set(Object.keys(enGlossary.terms));
  for (const [lang, res] of [['en', en], ['ko', ko]] as const) {
    const lessons = res.lessons as unknown as Texts;
    it(`${lang}: one text per lesson and step`, () => {
      expect(Object.keys(lessons).sort()).toEqual(LESSONS.map((l) => l.id).sort());
      for (const l of LESSONS) {
        const texts = lessons[l.id];
        expect(texts.title.length * texts.summary.length * texts.intro.length, l.id).toBeGreaterThan(0);
        expect(Object.keys(texts.steps).sort(), l.id).toEqual(l.steps.map((s) => s.id).sort());
        for (const s of Object.values(texts.steps)) expect(s.text.length * s.hint.length).toBeGreaterThan(0);
      }
    });

    it(`${lang}: every glossary link in a lesson names a glossary term`, () => {
      let links = 0;
      for (const l of Object.values(lessons)) {
        for (const text of [l.intro, ...Object.values(l.steps).flatMap((s) => [s.text, s.hint])]) {
          for (const id of termTags(text)) {
            expect(terms.has(id), `<${id}> is not a glossary term`).toBe(true);
            links++;
          }
        }
        expect(termTags(l.title), 'titles stay plain text').toEqual([]);
      }
      expect(links).toBeGreaterThan(40);
    });
  }

  it('the glossary has the same terms, each with a term and a definition, in English and Korean', () => {
    expect(Object.keys(koGlossary.terms).sort()).toEqual(Object.keys(enGlossary.terms).sort());
    for (const g of [enGlossary, koGlossary]) {
      for (const t of Object.values(g.terms) as { term: string; def: string }[]) expect(t.term.length * t.def.length).toBeGreaterThan(0);
    }
  });

  it('both languages link the same terms in each lesson', () => {
    const linked = (res: typeof en | typeof ko, id: string) => {
      const l = (res.lessons as unknown as Texts)[id];
      return [...new Set([l.intro, ...Object.values(l.steps).map((s) => s.text)].flatMap(termTags))].sort();
    };
    for (const l of LESSONS) expect(linked(ko, l.id), l.id).toEqual(linked(en, l.id));
  });
});
