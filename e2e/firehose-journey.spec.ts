import { readFileSync } from 'node:fs';
import { test, expect, elapsedSeconds, setEditorText } from './fixtures';
import type { Page } from '@playwright/test';

const SHOTS = process.env.FIREHOSE_SHOTS;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test('Firehose journey: create, buffer fills and flushes, browse and preview the object, test a transform, survive an infinite loop', async ({ page, problems }) => {
  test.setTimeout(120_000);
  await page.goto('./#/firehose');
  await expect(page.getByRole('heading', { name: 'Firehose', level: 1 })).toBeVisible();
  await expect(page.getByTestId('firehose-empty')).toBeVisible();

  // Create a delivery stream to the object store with small buffering (1 MiB / 10 s) and a built-in producer.
  await page.getByTestId('new-stream').click();
  await page.getByTestId('form-name').fill('orders');
  await page.getByTestId('form-rate').fill('20');
  await page.getByTestId('form-buffer-size').fill('1');
  await page.getByTestId('form-buffer-interval').fill('10');
  await page.getByTestId('form-compression').selectOption('GZIP');
  await page.getByTestId('form-submit').click();
  await expect(page).toHaveURL(/#\/firehose\/orders$/);
  await expect(page.getByTestId('stream-tab').filter({ hasText: 'orders' })).toBeVisible();

  // Run: the buffer fills (records and age grow) and then flushes on its interval.
  await page.getByTestId('speed').selectOption('10');
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('buffer').first()).toBeVisible();
  await expect(page.getByTestId('buffer-size').first()).toContainText(/[1-9]\d* records/);
  await shot(page, 'firehose-filling');
  await expect(page.getByTestId('flush-row').filter({ hasText: 'delivered' }).first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('flush-row').first()).toContainText('interval');
  await expect(page.getByTestId('fh-delivered')).not.toHaveText('0');
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toHaveText('Play');

  // Browse the delivered object: bucket → default YYYY/MM/DD/HH/ prefix → object; preview the gunzipped text.
  for (let depth = 0; depth < 6; depth++) {
    await expect(page.getByTestId('object').or(page.getByTestId('folder')).first()).toBeVisible();
    if (await page.getByTestId('object').count() > 0) break;
    await page.getByTestId('folder').first().click();
  }
  await page.getByTestId('object').first().click();
  await expect(page.getByTestId('object-preview')).toContainText('GZIP');
  await expect(page.getByTestId('object-preview-text')).toContainText('"action":');
  await expect(page.getByTestId('object-ratio')).toContainText(': 1');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('object-download').click()]);
  expect(download.suggestedFilename()).toMatch(/^orders-1-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d-.+\.gz$/);
  const bytes = readFileSync(await download.path());
  expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
  await shot(page, 'firehose-object');

  // The transform: the default function on sample records gives Ok / Dropped / ProcessingFailed.
  await expect(page.getByTestId('code-editor')).toBeVisible();
  await page.getByTestId('transform-test').click();
  await expect(page.getByTestId('transform-summary')).toHaveText(/1 Ok · 1 Dropped · 1 ProcessingFailed/);

  // An infinite loop: its records fail as a Timeout and the page keeps working meanwhile.
  await page.getByLabel('Time limit (ms)').fill('1500');
  await setEditorText(page, 'exports.handler = async (event) => { while (true) {} };');
  await page.getByTestId('play-pause').click();
  const before = await elapsedSeconds(page);
  const started = Date.now();
  await page.getByTestId('transform-test').click();
  await expect(page.getByTestId('transform-summary')).toHaveText('Running…');
  // The main thread answers and the simulation clock still advances while the loop spins.
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  await expect.poll(() => elapsedSeconds(page), { timeout: 5000 }).toBeGreaterThan(before);
  await expect(page.getByTestId('transform-summary')).toContainText('Timeout: Task timed out after 1.50 seconds', { timeout: 10_000 });
  expect(Date.now() - started).toBeLessThan(8000);
  await expect(page.getByTestId('transform-test-results')).toContainText('ProcessingFailed');
  await page.getByTestId('play-pause').click();
  await shot(page, 'firehose-timeout');

  // A throw fails the records too; then a working function runs in the fresh sandbox.
  await setEditorText(page, 'exports.handler = async () => { throw new Error("boom"); };');
  await page.getByTestId('transform-test').click();
  await expect(page.getByTestId('transform-summary')).toContainText('FunctionError: Error: boom');
  await setEditorText(page, 'exports.handler = async (event) => ({ records: event.records.map((r) => ({ recordId: r.recordId, result: "Ok", data: btoa(atob(r.data).toUpperCase()) })) });');
  await page.getByTestId('transform-test').click();
  await expect(page.getByTestId('transform-summary')).toHaveText(/3 Ok · 0 Dropped · 0 ProcessingFailed/);
  await expect(page.getByTestId('transform-test-results')).toContainText('NOT JSON');

  // Enable it on the live stream: records now pass through the sandboxed function.
  await page.getByTestId('transform-apply').click();
  await expect(page.getByTestId('transform-state')).toHaveText('enabled on the stream');
  await page.getByTestId('speed').selectOption('100');
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('transform-results')).toContainText(/Ok [1-9]/, { timeout: 20_000 });
  await page.getByTestId('play-pause').click();
  await shot(page, 'firehose-transformed');

  // An infinite loop on the live stream: each invocation times out in the sandbox, the batch fails
  // (ProcessingFailed → error output) and the simulation keeps running.
  await setEditorText(page, 'exports.handler = async () => { for (;;) {} };');
  await page.getByTestId('transform-apply').click();
  await expect(page.getByTestId('transform-results')).toContainText('Failed 0');
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('transform-results')).toContainText(/Failed [1-9]/, { timeout: 30_000 });
  const during = await elapsedSeconds(page);
  await expect.poll(() => elapsedSeconds(page)).toBeGreaterThan(during);
  await page.getByTestId('play-pause').click();
  void problems;
});

test('Firehose: an invalid buffering hint is refused with the engine message', async ({ page, problems }) => {
  await page.goto('./#/firehose');
  // The world must be loaded first, or the worker answers "no scenario is loaded" instead of the engine's check.
  await expect(page.getByTestId('scenario-name')).toHaveText('clickstream demo', { timeout: 20_000 });
  await page.getByTestId('new-stream').click();
  await page.getByTestId('form-buffer-interval').fill('5000');
  await page.getByTestId('form-submit').click();
  await expect(page.getByTestId('form-error')).toContainText('InvalidArgumentException');
  await expect(page.getByTestId('form-error')).toContainText('IntervalInSeconds must be 0–900');
  void problems;
});

test('Firehose: a stream reading the scenario Kinesis stream converts to Parquet; the object previews as rows', async ({ page, problems }) => {
  await page.goto('./#/firehose');
  await page.getByTestId('new-stream').click();
  await page.getByTestId('form-name').fill('clicks-parquet');
  await page.getByTestId('form-source').selectOption('KinesisStreamAsSource');
  await page.getByTestId('form-source-stream').selectOption('clickstream');
  await page.getByTestId('form-parquet').check();
  await expect(page.getByTestId('form-buffer-size')).toHaveValue('64');
  await page.getByTestId('form-columns').fill('user:string, page:string');
  await page.getByTestId('form-submit').click();
  await expect(page.getByTestId('stream-tab').filter({ hasText: 'from clickstream' })).toBeVisible();
  await page.getByTestId('speed').selectOption('10');
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('fh-incoming')).not.toHaveText('0', { timeout: 15_000 });
  await page.getByTestId('flush-now').click();
  await expect(page.getByTestId('flush-row').filter({ hasText: 'delivered' }).first()).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('play-pause').click();
  for (let depth = 0; depth < 6; depth++) {
    await expect(page.getByTestId('object').or(page.getByTestId('folder')).first()).toBeVisible();
    if (await page.getByTestId('object').count() > 0) break;
    await page.getByTestId('folder').first().click();
  }
  await page.getByTestId('object').first().click();
  await expect(page.getByTestId('object-preview')).toContainText('PARQUET');
  await expect(page.getByTestId('object-preview')).toContainText('columns user, page');
  void problems;
});
