// Shared steps of the lesson journeys: open a lesson by its direct link in a language, run the
// clock at full speed, and wait for the panel to tick a step off (the panel asks the engine).
import { expect } from './fixtures';
import type { Page } from '@playwright/test';

export const LANGS = ['en', 'ko'] as const;
export type Lang = (typeof LANGS)[number];

/** Finished-lesson banner per language. */
export const COMPLETE: Record<Lang, string> = { en: 'Lesson complete!', ko: '레슨 완료!' };

/** Opens #/learn/<id> with the console in `lang`, and waits for its panel and first page. */
export async function openLesson(page: Page, lang: Lang, id: string, firstPage: RegExp): Promise<void> {
  // Only the page itself: the transform sandbox is an opaque-origin frame with no storage.
  await page.addInitScript((l) => { if (window.top === window) localStorage.setItem('ks-lang', l); }, lang);
  await page.goto(`./#/learn/${id}`);
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-lesson', id);
  await expect(page).toHaveURL(firstPage);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  // The lesson's own world is loaded (not the start-up demo, which must not replace it afterwards).
  await expect(page.getByTestId('scenario-name')).toHaveText(/^lesson: |^Kinesis vs SQS$/);
}

/** Runs the virtual clock as fast as it goes. */
export async function runFast(page: Page): Promise<void> {
  await page.getByTestId('speed').selectOption('max');
  const play = page.getByTestId('play-pause');
  if ((await play.getAttribute('aria-pressed')) !== 'true') await play.click();
}

export async function pause(page: Page): Promise<void> {
  const play = page.getByTestId('play-pause');
  if ((await play.getAttribute('aria-pressed')) === 'true') await play.click();
}

/** Waits until the panel shows step `id` done (checked by the engine). */
export async function stepDone(page: Page, id: string, timeout = 10_000): Promise<void> {
  await expect(page.getByTestId(`lesson-step-${id}`)).toHaveAttribute('data-done', 'true', { timeout });
}

/** Waits for the lesson to be complete; the panel then offers the next lesson (or, after the last, the playground). */
export async function lessonComplete(page: Page, lang: Lang, timeout = 10_000, last = false): Promise<void> {
  await expect(page.getByTestId('lesson-complete')).toContainText(COMPLETE[lang], { timeout });
  await expect(page.getByTestId('lesson-next')).toHaveCount(last ? 0 : 1);
  if (last) await expect(page.getByTestId('lesson-complete').locator('a[href="#/playground"]')).toBeVisible();
}

/** Opens a stream page's tab by its id (monitoring, shards, keys, reshard, data). */
export async function streamTab(page: Page, tab: string): Promise<void> {
  await page.locator(`#tab-${tab}`).click();
}
