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
