import { test as base, expect, type Page } from '@playwright/test';

/** Every test collects console errors and requests that leave localhost, and fails on either. */
export const test = base.extend<{ problems: string[] }>({
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      if (!/^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:)/.test(r.url())) problems.push(`off-site request: ${r.url()}`);
    });
    await use(problems);
    expect(problems, 'console errors or off-site requests').toEqual([]);
  },
});

export { expect };

/** Reads the elapsed virtual time shown in the header, in seconds. */
export async function elapsedSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('elapsed').textContent()) ?? '';
  const m = /T\+(\d+):(\d\d):(\d\d)/.exec(text);
  if (!m) throw new Error(`unexpected elapsed text "${text}"`);
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

/** Replaces the Monaco editor's text once it is on screen (insertText behaves like a paste: no auto-closing brackets). */
export async function setEditorText(page: Page, text: string): Promise<void> {
  await expect(page.getByTestId('code-editor').locator('.monaco-editor')).toBeVisible();
  await page.getByTestId('code-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}
