// Every lesson and step of the engine has its text in English and Korean, and nothing extra.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../engine/lessons';
import en from '../i18n/locales/en/learn';
import ko from '../i18n/locales/ko/learn';

describe('lesson texts', () => {
  for (const [lang, res] of [['en', en], ['ko', ko]] as const) {
    it(`${lang}: one text per lesson and step`, () => {
      expect(Object.keys(res.lessons).sort()).toEqual(LESSONS.map((l) => l.id).sort());
      for (const l of LESSONS) {
        const texts = (res.lessons as Record<string, { steps: Record<string, { text: string; hint: string }> }>)[l.id];
        expect(Object.keys(texts.steps).sort(), l.id).toEqual(l.steps.map((s) => s.id).sort());
        for (const s of Object.values(texts.steps)) expect(s.text.length * s.hint.length).toBeGreaterThan(0);
      }
    });
  }
});
