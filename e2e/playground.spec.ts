// The SDK playground runs every example — real @aws-sdk clients in a sandbox Worker — against the
// in-browser engine, and what the code creates shows on the other pages.
import { test, expect } from './fixtures';
import { EXAMPLES } from '../src/app/views/playground/examples';

test('every playground example runs against the in-browser engine', async ({ page, problems }) => {
  test.setTimeout(180_000);
  await page.goto('./#/playground');
  await expect(page.getByRole('heading', { name: 'SDK playground' })).toBeVisible();
  await page.getByTestId('play-pause').click();
  for (const ex of EXAMPLES) {
    await page.getByTestId('pg-example').selectOption(ex.id);
    await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
    await page.getByTestId('pg-run').click();
    await expect(page.getByTestId('pg-status')).toHaveAttribute('data-status', /ok|failed/, { timeout: 60_000 });
    const out = (await page.getByTestId('pg-console').textContent()) ?? '';
    expect(out, `output of ${ex.id}`).toContain(ex.doneMarker);
    await expect(page.getByTestId('pg-status')).toHaveAttribute('data-status', 'ok');
  }
  // The producer's stream is part of the world every page shows.
  await page.goto('./#/streams/playground-orders');
  await expect(page.getByTestId('stream-status')).toHaveText('ACTIVE');
  void problems;
});

test('a runaway loop is stopped, and the playground speaks Korean', async ({ page, problems }) => {
  await page.addInitScript(() => localStorage.setItem('ks-lang', 'ko'));
  await page.goto('./#/playground');
  await expect(page.getByRole('heading', { name: 'SDK 플레이그라운드' })).toBeVisible();
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText("console.log('start'); for (;;) {}");
  await page.getByTestId('pg-run').click();
  await expect(page.getByTestId('pg-console')).toContainText('start');
  await page.getByTestId('pg-stop').click();
  await expect(page.getByTestId('pg-status')).toHaveAttribute('data-status', 'stopped');
  void problems;
});
