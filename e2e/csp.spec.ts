import { test as plain } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * The console works under its Content Security Policy (scripts/content-security-policy.ts, sent
 * by e2e/serve-dist.mjs from dist/_headers and present as <meta> in index.html): no violation on
 * any page, with Monaco and its worker, and with the transform sandbox (srcdoc iframe + blob:
 * Worker + user code). And the policy is really enforced: an injected inline script does not run.
 */
async function recordViolations(page: import('@playwright/test').Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const violations = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

test('every page, the SQL editor and the transform sandbox run under the CSP without a violation', async ({ page, problems }) => {
  test.setTimeout(90_000);
  await recordViolations(page);
  const response = await page.goto('./');
  const header = response!.headers()['content-security-policy'];
  expect(header).toContain("script-src 'self'");
  expect(header).not.toContain("'unsafe-inline' 'unsafe-eval'; worker");
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("default-src 'self'");
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();

  for (const name of ['Streams', 'Producers', 'Consumers', 'Planner', 'Analytics']) {
    await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });

  // The transform sandbox: a delivery stream, then "Test" runs the default function on samples.
  await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name: 'Firehose' }).click();
  await page.getByTestId('new-stream').click();
  await page.getByTestId('form-name').fill('csp');
  await page.getByTestId('form-submit').click();
  await expect(page.getByTestId('code-editor')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('transform-test').click();
  await expect(page.getByTestId('transform-summary')).toHaveText(/1 Ok · 1 Dropped · 1 ProcessingFailed/, { timeout: 15_000 });

  expect(await violations(page)).toEqual([]);
  void problems;
});

plain('the policy is enforced: an injected inline script does not run', async ({ page }) => {
  await recordViolations(page);
  await page.goto('./');
  await page.waitForLoadState('load');
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = '(window).__injected = true';
    document.body.append(s);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  // Reported once per policy (the header and the <meta>), each naming the inline script.
  await expect.poll(async () => (await violations(page)).length).toBeGreaterThan(0);
  for (const v of await violations(page)) expect(v).toBe('script-src-elem inline');
});
