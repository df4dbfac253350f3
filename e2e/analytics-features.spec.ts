import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

async function closeSuggestions(page: Page): Promise<void> {
  await page.waitForTimeout(300);
  await page.keyboard.press('Escape');
  await expect(page.locator('.suggest-widget.visible')).toHaveCount(0);
}

test('completion offers in-application streams and a stream\'s columns after "name."', async ({ page, problems }) => {
  await page.goto('./#/analytics');
  const editor = page.locator('.monaco-editor').first();
  await expect(editor).toBeVisible({ timeout: 20_000 });
  // Records first, so the input schema (and with it the source stream's columns) is discovered.
  await page.getByTestId('speed').selectOption('10');
  await page.getByTestId('play-pause').click();
  await expect(page.getByRole('textbox', { name: 'Column 1 name' })).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('play-pause').click();

  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('"SOURCE_SQL_STREAM_001".');
  await closeSuggestions(page);
  // Ask explicitly (the "." trigger may have fired while typing was still going on).
  await page.keyboard.press('ControlOrMeta+Space');
  const suggest = page.locator('.suggest-widget.visible');
  await expect(suggest).toBeVisible();
  await expect(suggest).toContainText('page');
  await expect(suggest).toContainText('ROWTIME');
  await closeSuggestions(page);

  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+Space');
  await expect(suggest).toBeVisible();
  await page.keyboard.type('DESTI');
  await expect(suggest).toContainText('DESTINATION_SQL_STREAM');
  await closeSuggestions(page);
  void problems;
});

test('the Flink SQL dialect: switch, load the TUMBLE example, run it and see window rows', async ({ page, problems }) => {
  await page.goto('./#/analytics');
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
  await page.getByRole('radio', { name: 'Flink SQL' }).click();
  // A dialect opens on its starter (written from the source's schema once there is one); the example is one pick away.
  await page.getByTestId('analytics-example').selectOption('flink-tumble');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('PROCTIME');
  await expect(page.getByTestId('sql-diagnostics')).toContainText('Flink SQL');
  await expect(page.getByTestId('sql-diagnostics')).toContainText('No problems');
  await page.getByTestId('analytics-app-name').fill('flink-counts');
  await page.getByTestId('speed').selectOption('10');
  await page.getByTestId('play-pause').click();
  // Wait for the schema discovered from the first records and its fresh check before starting.
  await expect(page.getByRole('textbox', { name: 'Column 1 name' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('sql-diagnostics')).toHaveAttribute('data-stale', 'false');
  await page.getByTestId('analytics-start').click();
  await expect(page.getByTestId('analytics-status')).toHaveText('RUNNING', { timeout: 15_000 });
  await expect(page.getByTestId('analytics-output-row').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('analytics-output-table')).toContainText('window_start');
  await expect(page.getByTestId('analytics-in-app-streams')).toContainText('PAGE_COUNTS');
  void problems;
});
