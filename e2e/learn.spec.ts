// The learning shell: a lesson opened by its link, "next lesson" leading on, progress kept in
// localStorage and the glossary — in English and in Korean; the language switch; the paused-world
// hint. Every lesson's own journey is in e2e/lessons-*.spec.ts.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

const Q = 1n << 126n; // a quarter of the hash-key space

async function put(page: Page, explicitHashKey = '') {
  await page.getByTestId('put-explicit').fill(explicitHashKey);
  await page.getByTestId('put-send').click();
  await expect(page.getByTestId('put-answer')).toBeVisible();
}

const LANGS = [
  { lang: 'en', records: 'Records, data blobs and partition keys', routing: 'MD5 routing to hash-key ranges', complete: 'Lesson complete!', progress: '2 of 18 lessons done', glossary: 'Partition key' },
  { lang: 'ko', records: '레코드, 데이터 블롭, 파티션 키', routing: 'MD5로 해시 키 범위에 라우팅', complete: '레슨 완료!', progress: '레슨 18개 중 2개 완료', glossary: '파티션 키 (Partition key)' },
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
