// Lesson journeys beyond Data Streams: Firehose, Streams vs Firehose, streaming SQL, Flink SQL, the
// Kinesis Agent, Video Streams, Kinesis vs SQS and capacity — each opened by its link and completed
// through the console in English and in Korean, the clock at full speed.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { LANGS, lessonComplete, openLesson, runFast, stepDone, streamTab } from './lessons-support';
import type { Lang } from './lessons-support';
import enAnalytics from '../src/app/i18n/locales/en/analytics';
import koAnalytics from '../src/app/i18n/locales/ko/analytics';
import enVideo from '../src/app/i18n/locales/en/video';
import koVideo from '../src/app/i18n/locales/ko/video';
import enAgent from '../src/app/i18n/locales/en/agent';
import koAgent from '../src/app/i18n/locales/ko/agent';
import enQueues from '../src/app/i18n/locales/en/queues';
import koQueues from '../src/app/i18n/locales/ko/queues';

/** The pages' own strings per language: the journeys click what a learner in that language sees. */
const UI = {
  en: { analytics: enAnalytics, video: enVideo, agent: enAgent, queues: enQueues },
  ko: { analytics: koAnalytics, video: koVideo, agent: koAgent, queues: koQueues },
} as const;

/** Opens the selected delivery stream's edit form, lets `change` fill it, and saves. */
async function editDelivery(page: Page, change: () => Promise<unknown>) {
  await page.getByTestId('edit-stream').click();
  await change();
  await page.getByTestId('form-submit').click();
  await expect(page.getByTestId('stream-form')).toBeHidden();
}

/** Waits until the Analytics page has discovered the stream's schema and re-checked the SQL. */
async function schemaReady(page: Page, lang: Lang) {
  const column1 = UI[lang].analytics.schema.nameOf.replace('{{n}}', '1');
  await expect(page.getByRole('textbox', { name: column1, exact: true })).toBeVisible();
  await expect(page.getByTestId('sql-diagnostics')).toHaveAttribute('data-stale', 'false');
}

for (const lang of LANGS) {
  test.describe(`${lang}: service lessons`, () => {
    test('Firehose buffering', async ({ page, problems }) => {
      await openLesson(page, lang, 'firehose', /#\/firehose$/);
      await runFast(page);
      await stepDone(page, 'interval');
      await editDelivery(page, () => page.getByTestId('form-buffer-interval').fill('300'));
      await lessonComplete(page, lang);
      void problems;
    });

    test('Firehose compression, transform and failures', async ({ page, problems }) => {
      await openLesson(page, lang, 'firehoseDelivery', /#\/firehose\/lesson-delivery$/);
      await editDelivery(page, () => page.getByTestId('form-compression').selectOption('GZIP'));
      await runFast(page);
      await stepDone(page, 'gzip');
      await editDelivery(page, () => page.getByTestId('form-transform').check());
      await stepDone(page, 'transform');
      await editDelivery(page, () => page.getByTestId('form-down').check());
      await stepDone(page, 'fail');
      await editDelivery(page, () => page.getByTestId('form-down').uncheck());
      await lessonComplete(page, lang);
      void problems;
    });

    test('Data Streams vs Firehose', async ({ page, problems }) => {
      await openLesson(page, lang, 'streamsVsFirehose', /#\/streams\/lesson-streams-vs-firehose$/);
      await streamTab(page, 'data');
      await page.getByTestId('viewer-get').click();
      await stepDone(page, 'read');
      await runFast(page);
      await stepDone(page, 'delivered');
      await page.goto('./#/firehose');
      await page.getByTestId('new-stream').click();
      await page.getByTestId('form-name').fill('direct');
      await page.getByTestId('form-source').selectOption('DirectPut');
      await page.getByTestId('form-submit').click();
      await expect(page).toHaveURL(/#\/firehose\/direct$/);
      await page.getByTestId('send-test').click();
      await lessonComplete(page, lang);
      void problems;
    });

    test('SQL windows and reference data', async ({ page, problems }) => {
      await openLesson(page, lang, 'sqlWindows', /#\/analytics$/);
      await runFast(page);
      await schemaReady(page, lang);
      await page.getByTestId('analytics-start').click();
      await stepDone(page, 'tumbling');
      await page.getByRole('navigation', { name: UI[lang].analytics.apps.label }).getByRole('button', { name: /^sections/ }).click();
      await page.getByTestId('analytics-start').click();
      await lessonComplete(page, lang);
      await expect(page.getByTestId('analytics-output-table')).toContainText('browse');
      void problems;
    });

    test('Flink SQL', async ({ page, problems }) => {
      await openLesson(page, lang, 'flinkSql', /#\/analytics$/);
      await page.getByRole('radio', { name: 'Flink SQL' }).click();
      await page.getByTestId('analytics-app-name').fill('flink-counts');
      await runFast(page);
      await schemaReady(page, lang);
      await page.getByTestId('analytics-start').click();
      await stepDone(page, 'start');
      await lessonComplete(page, lang);
      await expect(page.getByTestId('analytics-output-table')).toContainText('window_start');
      void problems;
    });

    test('the Kinesis Agent', async ({ page, problems }) => {
      await openLesson(page, lang, 'agent', /#\/agents$/);
      const agent = UI[lang].agent;
      await page.getByLabel(agent.add.generator, { exact: true }).selectOption('apache-access');
      await page.getByRole('button', { name: agent.add.submit, exact: true }).click();
      await runFast(page);
      await stepDone(page, 'json');
      await page.getByRole('button', { name: agent.restart, exact: true }).click();
      await lessonComplete(page, lang);
      void problems;
    });

    test('Video Streams', async ({ page, problems }) => {
      await openLesson(page, lang, 'video', /#\/video$/);
      const video = UI[lang].video;
      await page.getByRole('navigation', { name: video.tabs, exact: true }).getByRole('link', { name: /lesson-camera/ }).click();
      await page.getByRole('button', { name: video.camera.startEngine, exact: true }).click();
      await runFast(page);
      await stepDone(page, 'camera');
      await page.getByRole('button', { name: video.images.get, exact: true }).click();
      await lessonComplete(page, lang);
      void problems;
    });

    test('Kinesis vs SQS', async ({ page, problems }) => {
      await openLesson(page, lang, 'sqs', /#\/queues$/);
      await runFast(page);
      await stepDone(page, 'fanOut');
      await stepDone(page, 'replay');
      await page.getByLabel(UI[lang].queues.fifo, { exact: true }).check();
      await page.getByRole('button', { name: UI[lang].queues.run, exact: true }).click();
      await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-pressed', 'true');
      await runFast(page);
      await lessonComplete(page, lang);
      void problems;
    });

    test('capacity and cost', async ({ page, problems }) => {
      await openLesson(page, lang, 'capacity', /#\/planner$/);
      await expect(page.getByTestId('cost-provisioned')).toBeVisible();
      await page.getByTestId('apply-recommendation').click();
      await stepDone(page, 'apply');
      await page.getByTestId('lesson-panel').locator('a[href="#/streams/lesson-capacity"]').click();
      await runFast(page);
      await lessonComplete(page, lang, 10_000, true);
      void problems;
    });
  });
}
