import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import enFirehose from '../src/app/i18n/locales/en/firehose';
import koFirehose from '../src/app/i18n/locales/ko/firehose';
import enAnalytics from '../src/app/i18n/locales/en/analytics';
import koAnalytics from '../src/app/i18n/locales/ko/analytics';
import enVideo from '../src/app/i18n/locales/en/video';
import koVideo from '../src/app/i18n/locales/ko/video';
import enAgent from '../src/app/i18n/locales/en/agent';
import koAgent from '../src/app/i18n/locales/ko/agent';
import enQueues from '../src/app/i18n/locales/en/queues';
import koQueues from '../src/app/i18n/locales/ko/queues';
import enGallery from '../src/app/i18n/locales/en/gallery';
import koGallery from '../src/app/i18n/locales/ko/gallery';

// In Korean, the Firehose, Analytics, Video Streams, Kinesis Agent, Kinesis vs SQS pages and the
// gallery show no English UI text (heuristic: no English string of the page's resources whose
// Korean differs may appear), and at 1440 px and 1024 px nothing in the page sticks out of its
// main area (wide tables scroll inside their own containers; the shell's header is not checked here).

type Tree = { readonly [k: string]: string | Tree };

/** English phrases that must not show in Korean: literal runs of ≥ 14 characters of strings Korean words differently. */
function englishPhrases(en: Tree, ko: Tree): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(en)) {
    const kv = ko[k];
    if (typeof v === 'string') {
      if (typeof kv !== 'string' || kv === v) continue;
      for (const run of v.replace(/<\/?\w+>/g, '').split(/\{\{[^}]*\}\}/)) {
        const text = run.trim();
        if (text.length >= 14 && /[a-z]{3,} [a-z]{2,}/i.test(text)) out.push(text);
      }
    } else if (typeof kv === 'object') out.push(...englishPhrases(v, kv));
  }
  return out;
}

async function expectKorean(page: Page, en: Tree, ko: Tree, where: string): Promise<void> {
  const text = await page.locator('main').innerText();
  const left = englishPhrases(en, ko).filter((p) => text.includes(p));
  expect(left, `English left on ${where}`).toEqual([]);
  expect(text, `${where} shows Korean`).toMatch(/[가-힣]{2,}/);
}

async function expectNothingSticksOut(page: Page, where: string): Promise<void> {
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(100); // one layout after the resize (charts and Monaco follow their containers)
    const out = await page.evaluate(() => {
      const main = document.querySelector('main');
      if (!main) return ['no <main>'];
      const right = main.getBoundingClientRect().right;
      const clipped = (el: Element) => {
        for (let a = el.parentElement; a && a !== main; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
        return false;
      };
      // Out of the page, or out of its own card or panel (a long word running over the next card).
      const limit = (el: Element) => Math.min(right, el.parentElement?.closest('.card, .panel')?.getBoundingClientRect().right ?? right);
      return [...main.querySelectorAll('*')]
        .filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > limit(el) + 1 && !clipped(el))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)} “${(el.textContent ?? '').slice(0, 40)}” ends at ${Math.round(el.getBoundingClientRect().right)} > ${Math.round(limit(el))}`);
    });
    expect(out, `${where} at ${width}px: elements stick out of the page`).toEqual([]);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('ks-lang', 'ko'));
});

test('Firehose in Korean: empty state, then a delivery stream with its live view and form', async ({ page, problems }) => {
  await page.goto('./#/firehose');
  await expect(page.getByRole('heading', { level: 1, name: 'Firehose' })).toBeVisible();
  await expect(page.getByTestId('create-example')).toBeVisible();
  await expectKorean(page, enFirehose, koFirehose, 'Firehose (empty)');
  await page.getByTestId('create-example').click();
  await expect(page.getByTestId('buffer-empty')).toBeVisible();
  await page.getByTestId('edit-stream').click();
  await expect(page.getByTestId('stream-form')).toBeVisible();
  await expectKorean(page, enFirehose, koFirehose, 'Firehose (stream and form)');
  await expectNothingSticksOut(page, 'Firehose');
  void problems;
});

test('Analytics in Korean: editor, starter comment, configuration, a running application', async ({ page, problems }) => {
  await page.goto('./#/analytics');
  await expect(page.getByRole('heading', { level: 1, name: '분석' })).toBeVisible();
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('sql-diagnostics')).toContainText('문제 없음');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('재생을 누르세요');
  await expectKorean(page, enAnalytics, koAnalytics, 'Analytics');
  // Records arrive, the schema is discovered, the starter runs: the live panels in Korean too.
  await page.getByTestId('speed').selectOption('10');
  await page.getByTestId('play-pause').click();
  await expect(page.getByRole('textbox', { name: '1번 열 이름' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('sql-diagnostics')).toContainText('문제 없음');
  await page.getByTestId('analytics-start').click();
  await expect(page.getByTestId('analytics-output-row').first()).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('play-pause').click();
  await expectKorean(page, enAnalytics, koAnalytics, 'Analytics (running)');
  await expectNothingSticksOut(page, 'Analytics');
  void problems;
});

test('Video Streams in Korean, on the security cameras scenario', async ({ page, problems }) => {
  await page.goto('./#/video');
  await page.getByTestId('scenario-menu').click();
  await page.getByTestId('open-gallery').click();
  await expect(page.getByTestId('gallery-security-cameras')).toContainText('보안 카메라');
  await expectGalleryKorean(page);
  await page.getByTestId('gallery-security-cameras').click();
  await expect(page.getByRole('button', { name: '시뮬레이션 카메라 중지' }).or(page.getByRole('button', { name: '시뮬레이션 카메라 시작' })).first()).toBeVisible({ timeout: 15_000 });
  await expectKorean(page, enVideo, koVideo, 'Video Streams');
  await expectNothingSticksOut(page, 'Video Streams');
  void problems;
});

async function expectGalleryKorean(page: Page): Promise<void> {
  const text = await page.getByRole('dialog').innerText();
  const left = englishPhrases(enGallery, koGallery).filter((p) => text.includes(p));
  expect(left, 'English left in the gallery').toEqual([]);
}

test('Kinesis Agent in Korean: the add form and a running agent', async ({ page, problems }) => {
  await page.goto('./#/agents');
  await expect(page.getByRole('heading', { level: 1, name: 'Kinesis Agent' })).toBeVisible();
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: '에이전트 추가' }).click();
  await expect(page.getByRole('region', { name: '처리 전후의 레코드' })).toBeVisible();
  await expectKorean(page, enAgent, koAgent, 'Kinesis Agent');
  await expectNothingSticksOut(page, 'Kinesis Agent');
  void problems;
});

test('Kinesis vs SQS in Korean: the comparison table', async ({ page, problems }) => {
  await page.goto('./#/queues');
  // The demo loads first (a comparison started before it would be replaced by it).
  await expect(page.getByTestId('scenario-name')).toHaveText('clickstream demo', { timeout: 20_000 });
  await page.getByRole('button', { name: '비교 실행' }).click();
  const table = page.getByRole('region', { name: '비교' });
  await expect(table.getByRole('rowheader', { name: '팬아웃' })).toBeVisible({ timeout: 15_000 });
  await expect(table).toContainText('모든 소비자가 모든 레코드를 읽습니다');
  await expectKorean(page, enQueues, koQueues, 'Kinesis vs SQS');
  await expectNothingSticksOut(page, 'Kinesis vs SQS');
  void problems;
});
