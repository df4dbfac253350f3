// Video Streams journey: record from the synthetic browser source into PutMedia, watch the
// fragments arrive, play back live and from the archive, download a clip, get images; and the
// engine's simulated H.264 camera played through MSE.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

test.use({ launchOptions: {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'],
} });

async function playing(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((v: HTMLVideoElement) => (v.buffered.length ? v.buffered.end(v.buffered.length - 1) - v.buffered.start(0) : 0));
}

async function createStream(page: Page, name: string) {
  await page.goto('./#/video');
  // The virtual clock drives CREATING → ACTIVE and the simulated camera: run it at ×1.
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByLabel('Video stream name').fill(name);
  await page.getByLabel('Data retention in hours').fill('24');
  await page.getByRole('button', { name: 'Create video stream' }).click();
  await expect(page.getByRole('link', { name: new RegExp(name) })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(`${name}.*ACTIVE`) })).toBeVisible();
}

test('records from the synthetic source, plays live and archived, downloads a clip, shows images', async ({ page, problems }) => {
  await createStream(page, 'browser-cam');
  await page.getByRole('combobox').filter({ hasText: 'kbit/s' }).selectOption('1000000');
  await page.getByRole('combobox').filter({ hasText: 'one fragment each' }).selectOption('1000');
  await page.getByRole('button', { name: 'Record from the browser' }).click();
  await expect(page.getByTestId('acks')).toContainText('PERSISTED', { timeout: 20_000 });
  await expect.poll(async () => Number(await page.getByTestId('fragments-held').textContent()), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
  await expect.poll(() => playing(page, 'live-player'), { timeout: 20_000 }).toBeGreaterThan(0.5);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await page.getByRole('button', { name: 'Whole timeline' }).click();
  await expect.poll(() => playing(page, 'archive-player'), { timeout: 20_000 }).toBeGreaterThan(2);
  const download = page.waitForEvent('download');
  await page.getByTestId('download-clip').click();
  const file = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(file);
  expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
  expect(bytes.length).toBeGreaterThan(10_000);
  await page.getByRole('button', { name: 'Get images of the range' }).click();
  await expect(page.getByTestId('images').locator('img').first()).toBeVisible({ timeout: 20_000 });
  void problems;
});

test('the simulated H.264 camera (I_PCM test pattern) plays through MSE and gives PNG images', async ({ page, problems }) => {
  await createStream(page, 'sim-cam');
  await page.getByRole('button', { name: 'Start simulated camera' }).click();
  await expect.poll(async () => Number(await page.getByTestId('fragments-held').textContent()), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  await expect(page.getByText('V_MPEG4/ISO/AVC').first()).toBeVisible();
  await expect.poll(() => playing(page, 'archive-player'), { timeout: 20_000 }).toBeGreaterThan(2);
  await page.getByRole('button', { name: 'Stop simulated camera' }).click();
  await page.getByRole('combobox').filter({ hasText: 'JPEG' }).selectOption('PNG');
  await page.getByRole('button', { name: 'Get images of the range' }).click();
  await expect(page.getByTestId('images').locator('img').first()).toBeVisible({ timeout: 20_000 });
  void problems;
});
