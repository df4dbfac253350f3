import { test, expect, elapsedSeconds } from './fixtures';
import enStreams from '../src/app/i18n/locales/en/streams';
import enProducers from '../src/app/i18n/locales/en/producers';
import enConsumers from '../src/app/i18n/locales/en/consumers';
import enConsole from '../src/app/i18n/locales/en/console';
import enPut from '../src/app/i18n/locales/en/put';
import enCommon from '../src/app/i18n/locales/en/common';
import koStreams from '../src/app/i18n/locales/ko/streams';
import koProducers from '../src/app/i18n/locales/ko/producers';
import koConsumers from '../src/app/i18n/locales/ko/consumers';
import koConsole from '../src/app/i18n/locales/ko/console';
import koPut from '../src/app/i18n/locales/ko/put';
import koCommon from '../src/app/i18n/locales/ko/common';
import type { Page } from '@playwright/test';

test('the console loads from the built site on the demo scenario', async ({ page, problems }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByText(/Scenario “.+”, seed/)).toBeVisible();
  void problems;
});

test('the demo runs, the clock advances, and pause stops it', async ({ page, problems }) => {
  await page.goto('./#/overview');
  await expect(page.getByTestId('play-pause')).toHaveText('Play');
  await page.getByTestId('speed').selectOption('100');
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toHaveText('Pause');
  await expect.poll(() => elapsedSeconds(page), { timeout: 10_000 }).toBeGreaterThan(5);
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toHaveText('Play');
  const paused = await elapsedSeconds(page);
  await page.waitForTimeout(800);
  expect(await elapsedSeconds(page)).toBe(paused);
  void problems;
});

test('step advances exactly one virtual second while paused', async ({ page, problems }) => {
  await page.goto('./#/overview');
  await expect(page.getByText(/Scenario “.+”, seed/)).toBeVisible();
  const before = await elapsedSeconds(page);
  await page.getByRole('button', { name: 'Step 1s' }).click();
  await expect.poll(() => elapsedSeconds(page)).toBe(before + 1);
  void problems;
});

for (const name of ['Overview', 'Streams', 'Producers', 'Consumers', 'Firehose', 'Analytics', 'Planner']) {
  test(`the ${name} page opens from the navigation and by URL`, async ({ page, problems }) => {
    await page.goto('./');
    await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#/${name.toLowerCase()}$`));
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
    void problems;
  });
}

// Korean everywhere on the data-streams pages: after switching the language, no English sentence of the
// pages' own resources is left on screen (a phrase counts when it has two or more words and its Korean
// translation differs; AWS names that Korean keeps, such as "PutRecords", are not phrases), and no page is
// wider than the window at 1,440 or 1,024 px.

function flatten(o: object, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else flatten(v as object, `${prefix}${k}.`, out);
  }
  return out;
}

function englishPhrases(): string[] {
  const phrases = new Set<string>();
  for (const [en, ko] of [[enStreams, koStreams], [enProducers, koProducers], [enConsumers, koConsumers], [enConsole, koConsole], [enPut, koPut], [enCommon, koCommon]] as const) {
    const koStrings = flatten(ko);
    const koText = [...koStrings.values()].join('\n');
    for (const [key, text] of flatten(en)) {
      if (koStrings.get(key) === text) continue;
      for (const part of text.split(/\{\{[^}]+\}\}|<\/?\w+>|\n/)) {
        const p = part.trim().replace(/^[·:,.;(—–-]+\s*|\s*[·:,;(—–-]+$/g, '');
        if (p.split(/\s+/).filter((w) => /[a-z]{2,}/.test(w)).length >= 2 && !koText.includes(p)) phrases.add(p);
      }
    }
  }
  return [...phrases];
}

const PHRASES = englishPhrases();

async function expectNoEnglish(page: Page, where: string): Promise<void> {
  const text = await page.locator('body').innerText();
  const left = PHRASES.filter((p) => text.includes(p));
  expect(left, `English left on ${where}`).toEqual([]);
}

async function expectNoOverflow(page: Page, where: string): Promise<void> {
  const over = await page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push(`page ${document.documentElement.scrollWidth}px > ${window.innerWidth}px`);
    // Cards, forms and buttons must hold their (longer) Korean text; tables scroll inside .table-scroll by design.
    for (const el of document.querySelectorAll<HTMLElement>('.card, .action-card, .editor-card, .finding, .btn, .stat-label, .pill-tabs button, .field > span')) {
      if (el.closest('.table-scroll')) continue;
      if (el.scrollWidth > el.clientWidth + 2) out.push(`${el.className}: “${el.textContent?.slice(0, 40)}” ${el.scrollWidth}px in ${el.clientWidth}px`);
    }
    return out;
  });
  expect(over, `overflow on ${where}`).toEqual([]);
}

test('the English-left check finds English on an English page (so its silence in Korean means something)', async ({ page, problems }) => {
  expect(PHRASES.length).toBeGreaterThan(300);
  await page.goto('./#/streams/clickstream');
  await expect(page.getByRole('tab', { name: 'Monitoring' })).toBeVisible();
  const text = await page.locator('body').innerText();
  expect(PHRASES.filter((p) => text.includes(p)).length).toBeGreaterThan(10);
  void problems;
});

for (const width of [1440, 1024]) {
  test(`in Korean at ${width} px the streams, producers and consumers pages have no English left and nothing overflows`, async ({ page, problems }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.addInitScript(() => localStorage.setItem('ks-lang', 'ko'));
    await page.goto('./#/overview');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('개요');
    await page.getByTestId('speed').selectOption('100');
    await page.getByTestId('play-pause').click();
    await expect.poll(() => elapsedSeconds(page), { timeout: 10_000 }).toBeGreaterThan(20);
    const check = async (where: string) => {
      await expectNoEnglish(page, where);
      await expectNoOverflow(page, where);
    };
    await check('overview');
    await page.goto('./#/streams');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('스트림');
    await page.getByTestId('open-create-stream').click();
    await page.getByTestId('create-stream-mode').selectOption('ON_DEMAND');
    await check('streams');
    await page.goto('./#/streams/clickstream');
    await expect(page.getByRole('tab', { name: '모니터링' })).toBeVisible();
    await expect(page.getByTestId('findings')).toBeVisible({ timeout: 20_000 });
    await check('stream monitoring');
    for (const tab of ['샤드', '파티션 키', '리샤딩 및 설정', '데이터 뷰어']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      if (tab === '데이터 뷰어') {
        await page.getByTestId('viewer-get').click();
        await expect(page.getByTestId('viewer-summary')).toBeVisible();
      }
      await check(`stream tab ${tab}`);
    }
    await page.goto('./#/producers');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('생산자');
    await page.getByTestId('add-producer').click();
    await check('producers');
    await page.goto('./#/consumers');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('소비자');
    await page.getByTestId('add-consumer').click();
    await check('consumers');
    void problems;
  });
}
