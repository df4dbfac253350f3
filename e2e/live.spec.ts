// Live mode against two endpoints the test starts: our own `npm run api` (with SigV4 checked) and
// kinesalite (a foreign implementation from the npm registry). A script writes a skewed workload
// through the SDK (one hot key, 50 cold keys, 4 shards); the console connects, samples, shows the
// hot shard and the hot key, captures 10 s of traffic and opens it in the Planner.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { parseWorkload } from '../src/engine/capacity/workload';
import { planCapacity } from '../src/engine/capacity/plan';
import { DEFAULT_PRICE_TABLE } from '../src/engine/capacity/price-table';
import { ACCESS_KEY, HOT_KEY, SECRET, STREAM, createSkewedStream, startKinesalite, startOurApi, startSkewedWriter, type Endpoint } from './live-endpoints';

const QUIET = 'quiet';

/** No serious or critical axe violations on what the page shows now. */
async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

for (const start of [startOurApi, startKinesalite]) {
  test.describe(() => {
    let endpoint: Endpoint;
    let hotShard: string;
    let stopWriter: () => Promise<void>;
    test.beforeAll(async () => {
      endpoint = await start();
      hotShard = await createSkewedStream(endpoint.url);
      await createSkewedStream(endpoint.url, QUIET, 2);
      stopWriter = startSkewedWriter(endpoint.url);
    });
    test.afterAll(async () => {
      await stopWriter?.();
      await endpoint?.close();
    });

    test(`connect, see the hot shard and key, capture, plan (${start === startOurApi ? 'npm run api' : 'kinesalite'})`, async ({ page, problems }) => {
      test.setTimeout(45_000);
      await page.goto('./#/live');
      await expect(page.getByTestId('world-banner')).toHaveText('Simulation');
      if (start === startOurApi) await expectAccessible(page);
      await page.getByTestId('live-target').fill(endpoint.url);
      await page.getByTestId('live-access-key').fill(ACCESS_KEY);
      await page.getByTestId('live-secret').fill(SECRET);
      await page.getByTestId('live-connect').click();
      await expect(page.getByTestId('world-banner')).toContainText(`Live: ${new URL(endpoint.url).host}`);
      await page.getByTestId('live-streams').getByRole('link', { name: STREAM }).click();
      await expect(page.getByTestId('live-open-shards')).toHaveText('4');

      await page.getByTestId('live-rate').selectOption('2');
      await page.getByTestId('live-start-sampling').click();
      await expect(page.getByTestId('live-cost')).toContainText('no charge in provisioned mode');
      // The hot key's shard takes 75% of 160 records/s: it is marked hot.
      await expect(page.getByTestId(`live-shard-${hotShard}`).getByTestId('live-hot-shard')).toBeVisible({ timeout: 10_000 });
      // Neither endpoint offers CloudWatch: the figures are marked sampled, and no error is shown.
      await expect(page.getByTestId('live-metrics-source')).toHaveAttribute('data-source', 'sampled');
      await expect(page.getByTestId('live-metrics-source')).toContainText('offers no CloudWatch metrics');

      await page.getByRole('tab', { name: 'Hot keys' }).click();
      const first = page.getByTestId('live-hot-keys').locator('tbody tr').first();
      await expect(first.locator('td').first()).toHaveText(HOT_KEY);
      await expect(first).toContainText(hotShard);

      await page.getByRole('tab', { name: 'Capture' }).click();
      await page.getByTestId('live-capture-seconds').selectOption('10');
      await page.getByTestId('live-capture').click();
      await expect(page.getByTestId('live-capture-progress')).toBeVisible();
      await expect(page.getByTestId('live-capture-done')).toBeVisible({ timeout: 15_000 });
      await expect(page.getByTestId('live-capture-done')).toContainText('51 partition keys');

      // The exported workload is what `npm run plan` reads: it parses and plans.
      const download = page.waitForEvent('download');
      await page.getByTestId('live-export-workload').click();
      const exported = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as unknown;
      const parsed = parseWorkload(exported);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) {
        expect(parsed.workload.traffic.keys).toMatchObject({ kind: 'explicit' });
        expect(parsed.workload.currentShards).toBe(4);
        const plan = planCapacity(parsed.workload, DEFAULT_PRICE_TABLE);
        expect(plan.hotKeys.hottestKey.key).toBe(HOT_KEY);
        expect(plan.hotKeys.hottestKey.share).toBeGreaterThan(0.6);
      }

      await page.getByTestId('live-open-planner').click();
      await expect(page).toHaveURL(/#\/planner$/);
      await expect(page.getByTestId('planner-capture-banner')).toContainText(`“${STREAM}”`);
      await expect(page.getByRole('heading', { name: 'Recommendation' })).toBeVisible();
      // Back on the capture: replay it as the sandbox's scenario (asked first), for what-ifs.
      await page.goBack();
      await page.getByRole('tab', { name: 'Capture' }).click();
      await page.getByTestId('live-simulate').click();
      await expect(page.getByRole('dialog')).toContainText('Replace the sandbox scenario');
      await page.getByTestId('confirm-live-call').click();
      await expect(page).toHaveURL(/#\/planner$/);
      await expect(page.getByRole('banner')).toContainText(`captured ${STREAM}`);
      await expect(page.getByText(`stream '${STREAM}'`).first()).toBeVisible();
      // Still connected on other pages, and Disconnect returns the banner to the simulation.
      await page.getByTestId('live-disconnect').click();
      await expect(page.getByTestId('world-banner')).toHaveText('Simulation');
      void problems;
    });

    test(`put a record, read it back, split a shard — each change confirmed first (${start === startOurApi ? 'npm run api' : 'kinesalite'})`, async ({ page, problems }) => {
      await page.goto('./#/live');
      await page.getByTestId('live-target').fill(endpoint.url);
      await page.getByTestId('live-access-key').fill(ACCESS_KEY);
      await page.getByTestId('live-secret').fill(SECRET);
      await page.getByTestId('live-connect').click();
      await page.getByTestId('live-streams').getByRole('link', { name: QUIET }).click();
      await expect(page.getByTestId('live-open-shards')).toHaveText('2');

      await page.getByRole('tab', { name: 'Put a record' }).click();
      await page.getByTestId('live-put-key').fill('by-hand');
      await page.getByTestId('live-put-data').fill('{"typed":"in the console"}');
      await page.getByTestId('live-put').click();
      // Nothing is written until the dialog is confirmed.
      await expect(page.getByRole('dialog')).toContainText('PutRecord');
      await page.getByTestId('confirm-live-call').click();
      await expect(page.getByTestId('live-put-done')).toContainText('shardId-');
      if (start === startOurApi) await expectAccessible(page);
      const shard = /(shardId-\d+)/.exec((await page.getByTestId('live-put-done').textContent()) ?? '')![1];

      await page.getByRole('tab', { name: 'Data viewer' }).click();
      await page.getByTestId('live-data-shard').selectOption(shard);
      await page.getByTestId('live-read-records').click();
      await expect(page.getByTestId('live-records')).toContainText('{"typed":"in the console"}');

      await page.getByRole('tab', { name: 'Resharding' }).click();
      await page.getByTestId('live-split').click();
      await expect(page.getByRole('dialog')).toContainText('SplitShard');
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await page.getByTestId('live-split').click();
      await page.getByTestId('confirm-live-call').click();
      await page.getByRole('tab', { name: 'Shard map' }).click();
      // The parent closes and two children with it as parent open: 3 open shards of 4.
      await expect(async () => {
        await page.getByRole('button', { name: 'Refresh the shard map' }).click();
        await expect(page.getByTestId('live-shard-map').locator('tbody tr')).toHaveCount(4, { timeout: 500 });
      }).toPass({ timeout: 10_000 });
      await expect(page.getByTestId('live-shard-map')).toContainText('Closed');
      await expect(page.getByTestId('live-open-shards')).toHaveText('3');
      void problems;
    });
  });
}

test('the Live page and the world banner speak Korean', async ({ page, problems }) => {
  await page.addInitScript(() => localStorage.setItem('ks-lang', 'ko'));
  await page.goto('./#/live');
  await expect(page.getByTestId('world-banner')).toHaveText('시뮬레이션');
  await expect(page.getByRole('heading', { name: '엔드포인트에 연결' })).toBeVisible();
  await page.getByTestId('live-target').fill('kinesis please');
  await page.getByTestId('live-connect').click();
  await expect(page.getByText('AWS 리전(예: eu-west-3)도 URL')).toBeVisible();
  void problems;
});
