import { test, expect } from './fixtures';

test('Kinesis vs SQS journey: the same workload on a stream and a queue, compared point by point', async ({ page, problems }) => {
  test.setTimeout(120_000);
  await page.goto('./#/queues');
  await expect(page.getByRole('heading', { name: 'Kinesis vs SQS', level: 1 })).toBeVisible();
  // Let the console finish loading its start-up scenario before replacing it.
  await expect(page.getByRole('button', { name: /Scenario: clickstream demo/ })).toBeVisible({ timeout: 20_000 });
  await page.getByLabel('Messages per second').fill('100');
  await page.getByRole('button', { name: 'Run the comparison' }).click();
  const table = page.getByRole('region', { name: 'Comparison' });
  await expect(table).toBeVisible({ timeout: 20_000 });
  for (const point of ['Ordering', 'Fan-out', 'A consumer crashes', 'Replay and retention', 'Throughput units and throttling', 'Latency', 'Monthly cost of this workload']) {
    await expect(table.getByRole('rowheader', { name: point })).toBeVisible();
  }
  await expect(table).toContainText('every consumer reads every record');
  await expect(table).toContainText('competing consumers share the messages');
  await expect(table).toContainText('FIFO queues do keep order');
  await expect(table.getByRole('row', { name: /Fan-out/ })).toContainText(/steady [1-9]/, { timeout: 20_000 });
  await expect(table.getByRole('row', { name: /Monthly cost/ })).toContainText('$');
  expect(problems).toEqual([]);
});
