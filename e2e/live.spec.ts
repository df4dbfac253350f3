// Live mode against two endpoints the test starts: our own `npm run api` (with SigV4 checked) and
// kinesalite (a foreign implementation from the npm registry). A script writes a skewed workload
// through the SDK (one hot key, 50 cold keys, 4 shards); the console connects, samples, shows the
// hot shard and the hot key, captures 10 s of traffic and opens it in the Planner.
import { test, expect } from './fixtures';
import { ACCESS_KEY, HOT_KEY, SECRET, STREAM, createSkewedStream, startKinesalite, startOurApi, startSkewedWriter, type Endpoint } from './live-endpoints';

for (const start of [startOurApi, startKinesalite]) {
  test.describe(() => {
    let endpoint: Endpoint;
    let hotShard: string;
    let stopWriter: () => Promise<void>;
    test.beforeAll(async () => {
      endpoint = await start();
      hotShard = await createSkewedStream(endpoint.url);
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

      await page.getByTestId('live-open-planner').click();
      await expect(page).toHaveURL(/#\/planner$/);
      await expect(page.getByTestId('planner-capture-banner')).toContainText(`“${STREAM}”`);
      await expect(page.getByRole('heading', { name: 'Recommendation' })).toBeVisible();
      // Still connected on other pages, and Disconnect returns the banner to the simulation.
      await page.getByTestId('live-disconnect').click();
      await expect(page.getByTestId('world-banner')).toHaveText('Simulation');
      void problems;
    });
  });
}
