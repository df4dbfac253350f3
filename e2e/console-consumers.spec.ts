// Journey: add a slow Lambda consumer and watch its lag, trend and iterator age on the Consumers page.
import { test, expect } from './fixtures';
import { runAt } from './console-journeys';

test('a consumer added from the console shows its lag and trend', async ({ page, problems }) => {
  await page.goto('./#/consumers');
  await runAt(page, '10');
  await page.getByTestId('add-consumer').click();
  await page.getByTestId('consumer-type').selectOption('lambda');
  await page.getByTestId('consumer-name').fill('slow-fn');
  await page.getByTestId('consumer-position').selectOption('TRIM_HORIZON');
  await page.getByTestId('processing-batch').fill('400');
  await page.getByTestId('processing-record').fill('2');
  await page.getByTestId('consumer-save').click();
  const card = page.getByTestId('consumer-card-slow-fn');
  await expect(card).toBeVisible();
  await expect.poll(async () => Number(((await page.getByTestId('lag-slow-fn').textContent()) ?? '0').replace(/[^\d.]/g, '')), { timeout: 20_000 }).toBeGreaterThan(100);
  await expect(page.getByTestId('trend-slow-fn')).toHaveText(/falling behind|draining|steady/);
  await expect(card.getByRole('img', { name: 'Iterator age of slow-fn' })).toBeVisible();
  // A bad setting is refused with the field named.
  await page.getByRole('button', { name: 'Edit consumer slow-fn' }).click();
  await page.getByTestId('processing-batch').fill('-1');
  await page.getByTestId('consumer-save').click();
  await expect(page.getByTestId('consumer-errors')).toContainText('consumer.duration.perBatchMs');
  void problems;
});
