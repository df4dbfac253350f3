import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';

/**
 * An autosave the console cannot open (here: one written by a "newer" console, version 9) never
 * gives a blank page: the demo starts, a notice says why, and the saved text can be downloaded.
 * An autosave from an older version (no `version` field) opens, upgraded, with a notice.
 */
async function overwriteAutosave(page: import('@playwright/test').Page, mutate: string): Promise<void> {
  await page.evaluate(async (mutateSource) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('kinesis-sandbox');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction('autosave', 'readwrite');
    const store = tx.objectStore('autosave');
    const entry = await new Promise<{ doc: Record<string, unknown> }>((resolve) => { const g = store.get('current'); g.onsuccess = () => resolve(g.result); });
    new Function('entry', mutateSource)(entry); // test-only: the mutation arrives as source text
    store.put(entry, 'current');
    await new Promise((resolve) => { tx.oncomplete = resolve; });
    db.close();
  }, mutate);
}

test('a corrupted autosave opens the demo with a clear message and the saved text to download', async ({ page, problems }) => {
  await page.goto('./');
  await expect(page.getByText(/Scenario “.+”, seed/)).toBeVisible();
  await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'kinesis-sandbox'))).toBe(true);
  await page.waitForTimeout(300); // the first autosave lands
  await overwriteAutosave(page, "entry.doc.version = 9; entry.doc.name = 'from the future';");
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  const notice = page.getByTestId('scenario-notice');
  await expect(notice).toContainText('Your autosaved scenario could not be opened (its version cannot be read here), so the console started on the demo.');
  await expect(notice).toContainText('saved by a newer Kinesis Sandbox');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('notice-rescue').click()]);
  expect(download.suggestedFilename()).toBe('kinesis-sandbox-autosave.json');
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(saved.doc).toMatchObject({ version: 9, name: 'from the future' });
  expect(await page.evaluate(() => localStorage.getItem('kinesis-sandbox:rescued-autosave'))).toContain('from the future');
  void problems;
});

test('an autosave from an older version opens, upgraded, and says so', async ({ page, problems }) => {
  await page.goto('./');
  await expect(page.getByText(/Scenario “.+”, seed/)).toBeVisible();
  await page.waitForTimeout(500);
  await overwriteAutosave(page, "delete entry.doc.version; entry.doc.name = 'legacy one';");
  await page.reload();
  await expect(page.getByTestId('scenario-notice')).toContainText('came from an older version (v0) and was upgraded');
  await expect(page.getByText(/Scenario “legacy one”, seed/)).toBeVisible();
  void problems;
});
