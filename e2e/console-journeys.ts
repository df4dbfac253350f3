// Shared steps of the console journeys (not a spec file): run the clock, create a stream, add a producer.
import { expect, type Page } from '@playwright/test';

export async function runAt(page: Page, speed: '10' | '100'): Promise<void> {
  await page.getByTestId('speed').selectOption(speed);
  if ((await page.getByTestId('play-pause').textContent()) === 'Play') await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('play-pause')).toHaveText('Pause');
}

export async function createStream(page: Page, name: string, shards: number): Promise<void> {
  await page.goto('./#/streams');
  await page.getByTestId('open-create-stream').click();
  await page.getByTestId('create-stream-name').fill(name);
  await page.getByTestId('create-stream-shards').fill(String(shards));
  await page.getByTestId('create-stream-submit').click();
  await expect(page.getByTestId(`stream-row-${name}`)).toContainText('ACTIVE', { timeout: 20_000 });
}

export async function addProducer(page: Page, p: { name: string; stream: string; recordsPerSec: number; keys: 'explicitHash' | 'hotKey'; hashKeys?: string; hotKey?: string; hotPercent?: number }): Promise<void> {
  await page.goto('./#/producers');
  await page.getByTestId('add-producer').click();
  await page.getByTestId('producer-name').fill(p.name);
  await page.getByTestId('producer-stream').selectOption(p.stream);
  await page.getByTestId('rate-recordsPerSec').fill(String(p.recordsPerSec));
  await page.getByTestId('keys-kind').selectOption(p.keys);
  if (p.hashKeys) await page.getByTestId('keys-hashKeys').fill(p.hashKeys);
  if (p.hotKey) await page.getByTestId('keys-hotKey').fill(p.hotKey);
  if (p.hotPercent !== undefined) await page.getByTestId('keys-hotPercent').fill(String(p.hotPercent));
  await page.getByTestId('producer-save').click();
  await expect(page.getByTestId(`producer-row-${p.name}`)).toBeVisible();
}
