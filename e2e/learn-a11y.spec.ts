// The learning pages in both languages: no serious accessibility violations (axe), and no English
// left in the shell when Korean is chosen. The lesson panel is scanned beside a stream page.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

const PAGES = ['learn', 'glossary', 'playground', 'learn/records'];

for (const lang of ['en', 'ko'] as const) {
  for (const path of PAGES) {
    test(`${path} (${lang}) has no serious accessibility violations`, async ({ page, problems }) => {
      await page.addInitScript((l) => localStorage.setItem('ks-lang', l), lang);
      await page.goto(`./#/${path}`);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await page.waitForTimeout(800);
      const result = await new AxeBuilder({ page }).analyze();
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
      if (lang === 'ko') {
        const nav = (await page.getByRole('navigation').innerText()).replace(/Firehose|Video Streams|SDK|Kinesis|SQS/g, '');
        expect(nav, 'untranslated navigation').not.toMatch(/[A-Za-z]{3,}/);
      }
      void problems;
    });
  }
}
