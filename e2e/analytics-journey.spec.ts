import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

/** Closes Monaco's suggestion list (it opens a moment after typing) so Enter makes a new line. */
async function closeSuggestions(page: Page): Promise<void> {
  await page.waitForTimeout(300);
  await page.keyboard.press('Escape');
  await expect(page.locator('.suggest-widget.visible')).toHaveCount(0);
}

// The journey types into Monaco like a person: no Enter while a suggestion list is open.
async function typeLines(page: Page, lines: readonly string[]): Promise<void> {
  for (const [i, line] of lines.entries()) {
    await page.keyboard.type(line);
    await closeSuggestions(page);
    if (i < lines.length - 1) await page.keyboard.press('Enter');
  }
}

const QUERY = [
  'CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (page VARCHAR(16), hits BIGINT);',
  'CREATE OR REPLACE PUMP "TUMBLE_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"',
  'SELECT STREAM s."page", COUNT(*) FROM "SOURCE_SQL_STREAM_001" AS s',
  'GROUP BY s."page", STEP(s.ROWTIME BY INTERVAL \'5\' SECOND);',
];

test('write a tumbling-window query, run it on the live stream, then see a typo marked', async ({ page, problems }) => {
  await page.goto('./#/analytics');
  await expect(page.getByRole('heading', { name: 'Analytics', level: 1 })).toBeVisible();
  await expect(page.getByTestId('kda-retirement')).toContainText('15 October 2025');
  await expect(page.getByRole('radio', { name: 'KDA SQL (legacy)' })).toBeVisible();
  const editor = page.locator('.monaco-editor').first();
  await expect(editor).toBeVisible({ timeout: 20_000 });

  // Run the scenario so the source stream has records (schema discovery needs samples).
  await page.getByTestId('speed').selectOption('10');
  await page.getByTestId('play-pause').click();

  await page.getByTestId('analytics-app-name').fill('hits-per-page');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await typeLines(page, QUERY);
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('INTERVAL');

  // The schema is discovered from the stream once it has records; then the code binds without problems.
  await expect(page.getByRole('textbox', { name: 'Column 1 name' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('sql-diagnostics')).toHaveAttribute('data-stale', 'false');
  await expect(page.getByTestId('sql-diagnostics')).toContainText('No problems');
  await expect(page.locator('.squiggly-error')).toHaveCount(0);

  await page.getByTestId('analytics-start').click();
  await expect(page.getByTestId('analytics-status')).toHaveText('RUNNING', { timeout: 15_000 });
  // Rows appear once the first 5-second window closes; the app reads its source as a consumer.
  await expect(page.getByTestId('analytics-output-row').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('analytics-output-table')).toContainText(/\/(cart|search|product)?/);
  // Each output row shows its ROWTIME first (UTC, yyyy-MM-dd HH:mm:ss.SSS), as the in-application stream view does.
  await expect(page.getByTestId('analytics-output-table').locator('thead th').first()).toHaveText('ROWTIME');
  await expect(page.getByTestId('analytics-output-row').first().locator('td').first()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/);
  await expect(page.getByTestId('analytics-read-calls')).not.toHaveText('0 calls');
  await expect(page.getByTestId('analytics-chart')).toBeVisible();
  await expect(page.getByTestId('analytics-in-app-streams')).toContainText('SOURCE_SQL_STREAM_001');

  // A typo on the last line: GROUP → GROPU.
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Delete');
  await page.keyboard.type('GROPU');
  await closeSuggestions(page);
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeAttached({ timeout: 5_000 });
  // The list under the editor names the typo's line (4) as an error, next to what follows from it.
  await expect(page.getByTestId('sql-diagnostic').filter({ hasText: /^4:\d+error/ }).first()).toContainText('GROPU');
  await expect(page.getByTestId('sql-diagnostics')).toContainText(/\d+ errors?/);
  await expect(page.getByTestId('analytics-start')).toHaveCount(0);
  await expect(page.getByTestId('analytics-stop')).toBeVisible();

  await page.getByTestId('analytics-stop').click();
  await expect(page.getByTestId('analytics-status')).toHaveText('STOPPED');
  void problems;
});
