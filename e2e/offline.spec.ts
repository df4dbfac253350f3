import { test, expect } from './fixtures';

/**
 * The installable, offline site: the first visit installs the service worker, which precaches the
 * whole build (Monaco and every worker included); after that the console works with the network
 * off — reload, every page, the SQL editor with its worker, a what-if run.
 */
test('a second visit works with the network off: reload, every page, the SQL editor', async ({ page, context, problems }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();

  // The manifest is linked and names the icons that make the site installable.
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(manifestHref).toBe('./manifest.webmanifest');
  const manifest = await (await page.request.get(manifestHref!)).json();
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));

  // Wait until the worker has precached everything (install finishes before activation) and controls the page.
  const precached = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const names = await caches.keys();
    let urls: string[] = [];
    for (const n of names) urls = urls.concat((await (await caches.open(n)).keys()).map((r) => r.url));
    return urls;
  });
  expect(precached.some((u) => /\/assets\/CodeEditor-[^/]+\.js/.test(u)), 'Monaco chunk precached').toBe(true);
  expect(precached.some((u) => /\/assets\/editor\.worker-[^/]+\.js/.test(u)), 'Monaco worker precached').toBe(true);
  expect(precached.some((u) => /\/assets\/sim\.worker-[^/]+\.js/.test(u)), 'simulator worker precached').toBe(true);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByText(/Scenario “.+”, seed/)).toBeVisible();

  // The simulator worker runs offline: the clock advances.
  await page.getByRole('button', { name: 'Step 1s' }).click();
  await expect(page.getByTestId('elapsed')).toContainText('T+0:00:01');

  for (const name of ['Streams', 'Producers', 'Consumers', 'Firehose', 'Planner', 'Analytics']) {
    await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }

  // The SQL editor (lazy Monaco chunk, codicon font, editor worker) from the cache.
  const editor = page.locator('.monaco-editor').first();
  await expect(editor).toBeVisible({ timeout: 20_000 });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('SELECT STREAM * FROM "SOURCE_SQL_STREAM_001" WHERE;');
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeAttached({ timeout: 10_000 });

  // A fresh page in the same (offline) context: a cold open from the cache, at a deep link.
  const second = await context.newPage();
  await second.goto('./#/streams');
  await expect(second.getByRole('heading', { name: 'Streams', level: 1 })).toBeVisible();
  await second.close();
  await context.setOffline(false);
  void problems;
});
