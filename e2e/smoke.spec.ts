import { test, expect, elapsedSeconds } from './fixtures';

test('the console loads from the built site on the demo scenario', async ({ page, problems }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByText(/Scenario “.+”, seed/)).toBeVisible();
  void problems;
});

test('the demo runs, the clock advances, and pause stops it', async ({ page, problems }) => {
  await page.goto('./#/overview');
  await expect(page.getByTestId('play-pause')).toHaveText('Play');
  await page.getByTestId('speed').selectOption('100');
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toHaveText('Pause');
  await expect.poll(() => elapsedSeconds(page), { timeout: 10_000 }).toBeGreaterThan(5);
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toHaveText('Play');
  const paused = await elapsedSeconds(page);
  await page.waitForTimeout(800);
  expect(await elapsedSeconds(page)).toBe(paused);
  void problems;
});

test('step advances exactly one virtual second while paused', async ({ page, problems }) => {
  await page.goto('./#/overview');
  await expect(page.getByText(/Scenario “.+”, seed/)).toBeVisible();
  const before = await elapsedSeconds(page);
  await page.getByRole('button', { name: 'Step 1s' }).click();
  await expect.poll(() => elapsedSeconds(page)).toBe(before + 1);
  void problems;
});

for (const name of ['Overview', 'Streams', 'Producers', 'Consumers', 'Firehose', 'Analytics', 'Planner']) {
  test(`the ${name} page opens from the navigation and by URL`, async ({ page, problems }) => {
    await page.goto('./');
    await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#/${name.toLowerCase()}$`));
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
    void problems;
  });
}
