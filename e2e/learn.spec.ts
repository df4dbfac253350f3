// Lesson journeys: a learner opens a lesson by its link, does each step in the real console (the
// put-a-record form), the panel ticks steps off from the engine's state, and "next lesson" leads
// on — in English and in Korean. Progress stays in localStorage.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

const Q = 1n << 126n; // a quarter of the hash-key space

async function put(page: Page, explicitHashKey = '') {
  await page.getByTestId('put-explicit').fill(explicitHashKey);
  await page.getByTestId('put-send').click();
  await expect(page.getByTestId('put-answer')).toBeVisible();
}

const LANGS = [
  { lang: 'en', records: 'Records, data blobs and partition keys', routing: 'MD5 routing to hash-key ranges', complete: 'Lesson complete!', progress: '2 of 8 lessons done', glossary: 'Partition key' },
  { lang: 'ko', records: '레코드, 데이터 블롭, 파티션 키', routing: 'MD5로 해시 키 범위에 라우팅', complete: '레슨 완료!', progress: '레슨 8개 중 2개 완료', glossary: '파티션 키 (Partition key)' },
] as const;

for (const L of LANGS) {
  test(`${L.lang}: records and MD5 routing lessons, completed through the console`, async ({ page, problems }) => {
    await page.addInitScript((lang) => { if (!localStorage.getItem('ks-lang')) localStorage.setItem('ks-lang', lang); }, L.lang);
    await page.goto('./#/learn/records');
    await expect(page).toHaveURL(/#\/streams\/lesson-records$/);
    const panel = page.getByTestId('lesson-panel');
    await expect(panel.getByRole('heading', { name: L.records })).toBeVisible();
    await expect(page.getByTestId('lesson-step-put')).toHaveAttribute('data-done', 'false');
    // Step 1 and 3 (a JSON object: the form's example), then step 2 with the same key again.
    await put(page);
    await expect(page.getByTestId('lesson-step-put')).toHaveAttribute('data-done', 'true');
    await expect(page.getByTestId('lesson-step-sameKey')).toHaveAttribute('data-done', 'false');
    await put(page);
    await expect(page.getByTestId('lesson-complete')).toContainText(L.complete);

    await page.getByTestId('lesson-next').click();
    await expect(page).toHaveURL(/#\/streams\/lesson-routing$/);
    await expect(panel.getByRole('heading', { name: L.routing })).toBeVisible();
    await put(page, String(4n * Q - 1n)); // the very top of the key space: the last shard
    await expect(page.getByTestId('put-answer')).toContainText('shardId-000000000003');
    await expect(page.getByTestId('lesson-step-lastShard')).toHaveAttribute('data-done', 'true');
    for (const k of [0n, Q, 2n * Q]) await put(page, String(k));
    await expect(page.getByTestId('lesson-complete')).toContainText(L.complete);

    await page.goto('./#/learn');
    await expect(page.getByTestId('lesson-progress')).toHaveText(L.progress);
    await page.goto('./#/glossary/partitionKey');
    await expect(page.getByTestId('glossary')).toContainText(L.glossary);
    void problems;
  });
}

test('the language switch translates the shell and persists', async ({ page, problems }) => {
  await page.goto('./');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Overview' })).toBeVisible();
  await page.getByTestId('language').selectOption('ko');
  await expect(page.getByRole('navigation').getByRole('link', { name: '개요' })).toBeVisible();
  await expect(page.getByTestId('play-pause')).toHaveText('재생');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.reload();
  await expect(page.getByTestId('play-pause')).toHaveText('재생');
  await expect(page.getByTestId('overview-services')).toContainText('Amazon Data Firehose(이전 이름 Amazon Kinesis Data Firehose)');
  void problems;
});

test('a page opened by its link explains the paused world at T+0', async ({ page, problems }) => {
  await page.goto('./#/streams/clickstream');
  await expect(page.getByTestId('paused-hint')).toContainText('paused at T+0');
  await page.getByTestId('paused-hint-play').click();
  await expect(page.getByTestId('paused-hint')).toBeHidden();
  await expect(page.getByTestId('play-pause')).toHaveText('Pause');
  void problems;
});

test('en: the throttling lesson — see throttles, reshard to two shards, throttling stops', async ({ page, problems }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => localStorage.setItem('ks-lang', 'en'));
  await page.goto('./#/learn/throttling');
  await expect(page).toHaveURL(/#\/streams\/lesson-throttling$/);
  await page.getByTestId('speed').selectOption('10');
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('lesson-step-see')).toHaveAttribute('data-done', 'true', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Resharding & settings' }).click();
  await page.getByTestId('scale-target').fill('2');
  await page.getByTestId('scale-submit').click();
  await expect(page.getByTestId('lesson-complete')).toBeVisible({ timeout: 60_000 });
  void problems;
});

test('ko: the retention lesson — extend retention, replay from the trim horizon', async ({ page, problems }) => {
  await page.addInitScript(() => localStorage.setItem('ks-lang', 'ko'));
  await page.goto('./#/learn/retention');
  await expect(page.getByTestId('lesson-panel').getByRole('heading', { name: '보존 기간과 이터레이터로 재생' })).toBeVisible();
  await page.getByRole('tab', { name: '리샤딩 및 설정' }).click();
  await page.getByTestId('retention-hours').fill('48');
  await page.getByTestId('retention-submit').click();
  await expect(page.getByTestId('lesson-step-extend')).toHaveAttribute('data-done', 'true');
  await page.getByRole('tab', { name: '데이터 뷰어' }).click();
  await page.getByTestId('viewer-get').click();
  await expect(page.getByTestId('lesson-complete')).toContainText('레슨 완료!');
  void problems;
});
