// Accessibility scan of every console page with axe: no serious or critical violations, in both themes.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

const PAGES = ['overview', 'streams', 'streams/clickstream', 'producers', 'consumers', 'firehose', 'analytics', 'planner'];

for (const theme of ['light', 'dark'] as const) {
  for (const path of PAGES) {
    test(`${path} has no serious accessibility violations (${theme})`, async ({ page, problems }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`./#/${path}`);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await page.getByRole('button', { name: 'Step 1s' }).click();
      await page.waitForTimeout(600);
      const result = await new AxeBuilder({ page }).analyze();
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
      void problems;
    });
  }
}

test('console forms and stream tabs have no serious accessibility violations', async ({ page, problems }) => {
  const scan = async (what: string) => {
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${what}: ${v.id} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  };
  await page.goto('./#/streams');
  await page.getByTestId('open-create-stream').click();
  await scan('create stream form');
  await page.goto('./#/producers');
  await page.getByTestId('add-producer').click();
  await scan('producer form');
  await page.goto('./#/consumers');
  await page.getByTestId('add-consumer').click();
  await scan('consumer form');
  await page.goto('./#/streams/clickstream');
  await page.getByRole('button', { name: 'Step 1s' }).click();
  for (const tab of ['Shards', 'Partition keys', 'Resharding & settings', 'Data viewer']) {
    await page.getByRole('tab', { name: tab }).click();
    if (tab === 'Data viewer') await page.getByTestId('viewer-get').click();
    await scan(tab);
  }
  void problems;
});
