// Lesson journeys, Data Streams: each lesson opened by its link and completed through the console
// in English and in Korean, the clock at full speed; the panel ticks each step off from the engine.
import { test, expect, setEditorText } from './fixtures';
import type { Page } from '@playwright/test';
import { LANGS, lessonComplete, openLesson, pause, runFast, stepDone, streamTab } from './lessons-support';
import enConsumers from '../src/app/i18n/locales/en/consumers';
import koConsumers from '../src/app/i18n/locales/ko/consumers';

/** The Consumers page's strings per language: the journey clicks what a learner in that language sees. */
const CONSUMERS = { en: enConsumers, ko: koConsumers } as const;

const Q = 1n << 126n; // a quarter of the hash-key space

async function put(page: Page, explicitHashKey = '') {
  await page.getByTestId('put-explicit').fill(explicitHashKey);
  await page.getByTestId('put-send').click();
  await expect(page.getByTestId('put-answer')).toBeVisible();
}

for (const lang of LANGS) {
  test.describe(`${lang}: Data Streams lessons`, () => {
    test('records', async ({ page, problems }) => {
      await openLesson(page, lang, 'records', /#\/streams\/lesson-records$/);
      await expect(page.getByTestId('lesson-step-put')).toHaveAttribute('data-done', 'false');
      // The form's example is a JSON object: steps 1 and 3, then the same key again for step 2.
      await put(page);
      await stepDone(page, 'put');
      await put(page);
      await lessonComplete(page, lang);
      void problems;
    });

    test('routing', async ({ page, problems }) => {
      await openLesson(page, lang, 'routing', /#\/streams\/lesson-routing$/);
      await put(page, String(4n * Q - 1n)); // the very top of the key space: the last shard
      await expect(page.getByTestId('put-answer')).toContainText('shardId-000000000003');
      await stepDone(page, 'lastShard');
      for (const k of [0n, Q, 2n * Q]) await put(page, String(k));
      await lessonComplete(page, lang);
      void problems;
    });

    test('sequence', async ({ page, problems }) => {
      await openLesson(page, lang, 'sequence', /#\/streams\/lesson-sequence$/);
      for (let i = 0; i < 3; i++) await put(page);
      await stepDone(page, 'three');
      await streamTab(page, 'data');
      await page.getByTestId('viewer-get').click();
      await expect(page.getByTestId('viewer-payload')).toHaveCount(3);
      await lessonComplete(page, lang);
      void problems;
    });

    test('throttling', async ({ page, problems }) => {
      await openLesson(page, lang, 'throttling', /#\/streams\/lesson-throttling$/);
      await runFast(page);
      await stepDone(page, 'see');
      await streamTab(page, 'reshard');
      await page.getByTestId('scale-target').fill('2');
      await page.getByTestId('scale-submit').click();
      await lessonComplete(page, lang);
      void problems;
    });

    test('hot key', async ({ page, problems }) => {
      await openLesson(page, lang, 'hotKey', /#\/streams\/lesson-hot-key$/);
      await runFast(page);
      await stepDone(page, 'see');
      await streamTab(page, 'reshard');
      await page.getByTestId('scale-target').fill('4');
      await page.getByTestId('scale-submit').click();
      await stepDone(page, 'split');
      await lessonComplete(page, lang);
      void problems;
    });

    test('AUTO record distribution', async ({ page, problems }) => {
      await openLesson(page, lang, 'autoDistribution', /#\/streams\/lesson-auto-distribution$/);
      await runFast(page);
      await stepDone(page, 'see');
      // The step's code, from the panel into the SDK playground.
      const code = (await page.getByTestId('lesson-code').textContent()) ?? '';
      expect(code).toContain('UpdateStreamRecordDistributionStrategyCommand');
      await page.getByTestId('lesson-panel').locator('a[href="#/playground"]').click();
      await setEditorText(page, code);
      await expect(page.getByTestId('code-editor')).toContainText('RecordDistributionStrategy');
      await page.getByTestId('pg-run').click();
      await expect(page.getByTestId('pg-status')).toHaveAttribute('data-status', 'ok');
      await expect(page.getByTestId('pg-console')).toContainText('now AUTO');
      await stepDone(page, 'auto');
      // The world kept running meanwhile: the hot key's records spread and throttling stopped.
      await lessonComplete(page, lang);
      await page.goto('./#/streams/lesson-auto-distribution');
      await streamTab(page, 'data');
      // An open shard: on-demand scaling may have closed (and drained) the low-numbered ones by now.
      const openShard = await page.getByTestId('viewer-shard').locator('option').evaluateAll((os) => (os as HTMLOptionElement[]).filter((o) => !o.textContent?.includes('(')).pop()?.value ?? '');
      await page.getByTestId('viewer-shard').selectOption(openShard);
      // The lesson's consumers keep reading this shard, so one GetRecords may be throttled (as on AWS): ask again.
      await expect(async () => {
        await page.getByTestId('viewer-get').click();
        await expect(page.getByTestId('viewer-payload').first()).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 20_000 });
      void problems;
    });

    test('resharding', async ({ page, problems }) => {
      await openLesson(page, lang, 'resharding', /#\/streams\/lesson-resharding$/);
      await streamTab(page, 'reshard');
      await page.getByTestId('split-submit').click();
      await runFast(page); // the stream is UPDATING until the split is done
      await stepDone(page, 'split');
      await page.getByTestId('merge-a').selectOption('shardId-000000000002');
      await page.getByTestId('merge-b').selectOption('shardId-000000000003');
      await expect(async () => {
        await page.getByTestId('merge-submit').click();
        await stepDone(page, 'merge', 1000);
      }).toPass();
      await expect(async () => {
        await page.getByTestId('scale-target').fill('4');
        await page.getByTestId('scale-submit').click();
        await expect(page.getByTestId('scale-card-result')).toHaveAttribute('role', 'status', { timeout: 1000 });
      }).toPass();
      await lessonComplete(page, lang);
      await pause(page);
      void problems;
    });

    test('retention and replay', async ({ page, problems }) => {
      await openLesson(page, lang, 'retention', /#\/streams\/lesson-retention$/);
      await streamTab(page, 'reshard');
      await page.getByTestId('retention-hours').fill('48');
      await page.getByTestId('retention-submit').click();
      await stepDone(page, 'extend');
      await streamTab(page, 'data');
      await page.getByTestId('viewer-get').click();
      await lessonComplete(page, lang);
      void problems;
    });

    test('consumers and lag', async ({ page, problems }) => {
      await openLesson(page, lang, 'consumers', /#\/consumers$/);
      await runFast(page);
      await stepDone(page, 'lag');
      const edit = CONSUMERS[lang].card.editNamed.replace('{{name}}', 'polling-app');
      await page.getByRole('button', { name: edit, exact: true }).click();
      await expect(page.getByTestId('processing-record')).toBeVisible();
      await page.getByTestId('processing-record').fill('0.1');
      await page.getByTestId('consumer-save').click();
      await stepDone(page, 'catchUp');
      for (const [type, name] of [['efo', 'fan-out'], ['lambda', 'fn']] as const) {
        await page.getByTestId('add-consumer').click();
        await page.getByTestId('consumer-type').selectOption(type);
        await page.getByTestId('consumer-name').fill(name);
        await page.getByTestId('consumer-save').click();
        await expect(page.getByTestId(`consumer-card-${name}`)).toBeVisible();
      }
      await lessonComplete(page, lang);
      void problems;
    });
  });
}
