import { test, expect } from './fixtures';
import { runAt } from './console-journeys';
import type { Page } from '@playwright/test';

// The Analytics page opens on the source's discovered schema: on the demo and on every gallery
// scenario, the first thing a learner sees has no error diagnostics — before records arrive (a
// comment saying what will come) and after (a query written from the stream's own columns).

/** Opens a gallery scenario and waits until it has replaced the current one (so a Play lands on it). */
async function openGallery(page: Page, id: string): Promise<void> {
  const before = await page.getByTestId('scenario-name').textContent();
  await page.getByTestId('scenario-menu').click();
  await page.getByTestId('open-gallery').click();
  await page.getByTestId(`gallery-${id}`).click();
  await expect(page.getByTestId('scenario-name')).not.toHaveText(before ?? '');
}

async function expectNoErrors(page: Page): Promise<void> {
  await expect(page.getByTestId('sql-diagnostics')).toHaveAttribute('data-stale', 'false');
  await expect(page.getByTestId('sql-diagnostics')).toContainText('No problems');
  await expect(page.locator('.an-diag-error')).toHaveCount(0);
}

const SCENARIOS: { id: string | null; payloads: boolean }[] = [
  { id: null, payloads: true },
  { id: 'clickstream-hot-key', payloads: false },
  { id: 'iot-fleet', payloads: false },
  { id: 'log-shipping', payloads: true },
  { id: 'fraud-detection', payloads: true },
  { id: 'under-provisioned-consumers', payloads: false },
  { id: 'security-cameras', payloads: false },
];

for (const { id, payloads } of SCENARIOS) {
  test(`Analytics opens without errors on ${id ?? 'the demo'}`, async ({ page, problems }) => {
    await page.goto('./#/analytics');
    if (id) await openGallery(page, id);
    await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
    await expectNoErrors(page);
    await page.getByTestId('speed').selectOption('10');
    await page.getByTestId('play-pause').click();
    if (payloads) {
      // The schema comes from the stream's records; the starter uses those columns and binds.
      await expect(page.getByRole('textbox', { name: 'Column 1 name' })).toBeVisible({ timeout: 20_000 });
      await expect(page.locator('.monaco-editor .view-lines')).toContainText('STARTER_PUMP');
      await expectNoErrors(page);
      await expect(page.locator('.squiggly-error')).toHaveCount(0);
      if (!id) {
        // It also runs: start it and see window rows.
        await page.getByTestId('analytics-start').click();
        await expect(page.getByTestId('analytics-output-row').first()).toBeVisible({ timeout: 30_000 });
      }
    } else {
      // Size-only producers: the editor says there is nothing to discover, and still shows no error.
      await expect(page.locator('.monaco-editor .view-lines')).toContainText('carry no payload', { timeout: 20_000 });
      await expectNoErrors(page);
    }
    void problems;
  });
}

test('opening another scenario discovers its stream again and rewrites the starter', async ({ page, problems }) => {
  await page.goto('./#/analytics');
  // The demo loads after the first frame: a Play pressed before it lands on the placeholder world.
  await expect(page.getByTestId('scenario-name')).toHaveText('clickstream demo');
  await runAt(page, '10');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('"page"', { timeout: 20_000 });
  await openGallery(page, 'log-shipping');
  await runAt(page, '10');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('"level"', { timeout: 20_000 });
  await expect(page.getByRole('textbox', { name: 'Column 1 name' })).toHaveValue('level');
  await expectNoErrors(page);
  void problems;
});

test('an example written for another stream is offered with a note, not loaded', async ({ page, problems }) => {
  await page.goto('./#/analytics');
  await openGallery(page, 'log-shipping');
  await page.getByTestId('speed').selectOption('10');
  await page.getByTestId('play-pause').click();
  await expect(page.getByRole('textbox', { name: 'Column 1 name' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('analytics-example').locator('option', { hasText: 'for the demo clickstream' }).first()).toBeAttached();
  await page.getByTestId('analytics-example').selectOption('tumbling-count');
  await expect(page.getByTestId('analytics-example-mismatch')).toContainText('app-logs');
  await page.getByRole('button', { name: 'Back to the starter query' }).click();
  await expect(page.getByTestId('analytics-example-mismatch')).toHaveCount(0);
  await expectNoErrors(page);
  void problems;
});
