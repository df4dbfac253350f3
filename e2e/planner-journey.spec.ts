import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

// The Planner journey: gallery example → what-if with three shard counts → read the table → apply the
// recommendation → reload and find it intact → open the share link in a fresh browser and find it identical.

async function shareLink(page: Page): Promise<string> {
  await page.getByTestId('scenario-menu').click();
  await page.getByTestId('share-link').click();
  const link = await page.getByTestId('share-url').inputValue();
  await page.keyboard.press('Escape');
  return link;
}

test('planner journey: gallery, what-if, apply, reload, share', async ({ page, browser, problems }) => {
  test.setTimeout(120_000);
  await page.goto('./#/planner');
  await expect(page.getByTestId('shards-overall')).toBeVisible();

  await page.getByTestId('scenario-menu').click();
  await page.getByTestId('open-gallery').click();
  await page.getByTestId('gallery-iot-fleet').click();
  await expect(page.getByTestId('scenario-name')).toHaveText('IoT fleet telemetry');
  await expect(page.getByTestId('binding')).toContainText('write records');
  const recommended = Number(await page.getByTestId('shards-overall').textContent());
  expect(recommended).toBeGreaterThanOrEqual(3);

  // What-if: 2, 4 and 8 shards for one virtual minute each.
  await page.getByTestId('axis-kind-0').selectOption('shards');
  await page.getByTestId('axis-values-0').fill('2, 4, 8');
  await page.getByTestId('whatif-duration').selectOption('60');
  await page.getByTestId('run-whatif').click();
  const throttled = page.getByTestId('whatif-table').getByTestId('throttled');
  await expect(throttled).toHaveCount(3, { timeout: 90_000 });
  const pct = async (i: number) => Number(((await throttled.nth(i).textContent()) ?? '').replace('%', ''));
  const [two, four, eight] = [await pct(0), await pct(1), await pct(2)];
  expect(two).toBeGreaterThan(10); // 2,500 records/s into 2 shards of 1,000 records/s
  expect(four).toBeLessThan(two);
  expect(eight).toBeLessThan(1);
  await expect(page.getByTestId('comparison-summary')).toContainText('shards');

  // Apply the recommendation: the scenario's stream gets the recommended shard count.
  await page.getByTestId('apply-recommendation').click();
  await expect(page.getByTestId('apply-recommendation')).toHaveText('Applied');
  await page.getByTestId('export-cli').click();
  await expect(page.getByTestId('export-preview')).toContainText(`--shard-count ${recommended}`);

  // Reload: the autosave brings back the edited scenario.
  await page.reload();
  await expect(page.getByTestId('scenario-name')).toHaveText('IoT fleet telemetry');
  await expect(page.getByTestId('apply-recommendation')).toHaveText('Applied');
  await page.getByTestId('export-cli').click();
  await expect(page.getByTestId('export-preview')).toContainText(`--shard-count ${recommended}`);
  const cli = await page.getByTestId('export-preview').textContent();

  // Share: a fresh browser context (no autosave) opens the link and gets the identical scenario.
  const link = await shareLink(page);
  expect(link).toMatch(/#\/planner\/s=[A-Za-z0-9_-]+$/);
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await expect(second.getByTestId('scenario-name')).toHaveText('IoT fleet telemetry');
  await expect(second.getByTestId('apply-recommendation')).toHaveText('Applied');
  await second.getByTestId('export-cli').click();
  await expect(second.getByTestId('export-preview')).toHaveText(cli ?? '');
  expect(await shareLink(second)).toBe(link);
  await other.close();
  void problems;
});

test('a shared link carrying user code shows the code and asks before running it', async ({ page, problems }) => {
  const { encodeScenario } = await import('../src/app/scenarios/share-link');
  const { DEMO_SCENARIO } = await import('../src/engine/scenario/demo');
  // A valid Direct PUT delivery stream whose Lambda transform is user code (the world validates the section).
  const code = 'exports.handler = async (event) => ({ records: [] }) // hello';
  const doc = {
    ...DEMO_SCENARIO,
    name: 'with code',
    firehose: [{
      DeliveryStreamName: 'f',
      DeliveryStreamType: 'DirectPut',
      ExtendedS3DestinationConfiguration: { BucketARN: 'arn:aws:s3:::shared-bucket', RoleARN: 'arn:aws:iam::000000000000:role/firehose' },
      transform: { source: code },
    }],
  };
  await page.goto(`./#/planner/s=${encodeScenario(doc)}`);
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('shared-code')).toHaveText(code);
  await dialog.getByRole('button', { name: 'Don’t load' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('scenario-name')).toHaveText('clickstream demo');
  await expect(page).toHaveURL(/#\/planner$/);
  void problems;
});

test('the Planner in Korean at 1440 px: translated, readers shown, nothing overflows', async ({ page, problems }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.addInitScript(() => localStorage.setItem('ks-lang', 'ko'));
  await page.goto('./#/planner');
  // The hot-key example: its recommendation has SplitShard calls and the AUTO alternative, the widest content.
  await page.getByTestId('scenario-menu').click();
  await page.getByTestId('open-gallery').click();
  await page.getByTestId('gallery-clickstream-hot-key').click();
  await expect(page.getByTestId('auto-distribution')).toContainText('AUTO');
  await expect(page.getByTestId('split-calls')).toBeVisible();
  await expect(page.getByRole('heading', { name: '분석적 추정' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '권장 구성' })).toBeVisible();
  await page.getByTestId('axis-kind-0').selectOption('shards');
  await page.getByTestId('axis-values-0').fill('1, 2');
  await page.getByTestId('whatif-duration').selectOption('60');
  await page.getByTestId('run-whatif').click();
  await expect(page.getByTestId('whatif-table').getByTestId('readers')).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByTestId('whatif-readers')).toContainText('스로틀링된 읽기 호출');
  // Text that spills out of its box: an element wider inside than outside whose overflow is visible.
  const spills = await page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) out.push(`page ${document.documentElement.scrollWidth}px wide`);
    for (const el of document.querySelectorAll<HTMLElement>('.planner-page *')) {
      const style = getComputedStyle(el);
      if (style.overflowX !== 'visible' || el.clientWidth === 0) continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 40)}`);
    }
    return out;
  });
  expect(spills).toEqual([]);
  void problems;
});

test('applying a targeted layout runs its SplitShard calls: the stream ends with the planned open shards', async ({ page, problems }) => {
  await page.goto('./#/planner');
  await page.getByTestId('scenario-menu').click();
  await page.getByTestId('open-gallery').click();
  await page.getByTestId('gallery-clickstream-hot-key').click();
  await expect(page.getByTestId('split-calls')).toBeVisible();
  const calls = await page.getByTestId('split-calls').locator('li').count();
  expect(calls).toBeGreaterThan(0);
  await page.getByTestId('apply-recommendation').click();
  await expect(page.getByTestId('split-progress')).toBeVisible();
  // Each reshard keeps the stream UPDATING for ~30 s of simulated time: run the restarted clock, fast.
  await page.getByTestId('speed').selectOption('100');
  if ((await page.getByTestId('play-pause').textContent())?.includes('Play')) {
    await expect(page.getByTestId('split-progress')).toContainText('press Play');
    await page.getByTestId('play-pause').click();
  }
  await expect(page.getByTestId('split-progress')).toContainText(`${calls} SplitShard calls`, { timeout: 30_000 });
  await expect(page.getByTestId('split-progress')).toHaveAttribute('role', 'status');
  void problems;
});
