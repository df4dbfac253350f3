import { test, expect, setEditorText } from './fixtures';

test('Kinesis Agent journey: agent.json validated as you type, add an agent, watch records flow, restart from checkpoints', async ({ page, problems }) => {
  test.setTimeout(120_000);
  await page.goto('./#/agents');
  await expect(page.getByRole('heading', { name: 'Kinesis Agent', level: 1 })).toBeVisible();
  const destination = page.getByLabel('Destination');
  await expect(destination.locator('option').first()).toBeAttached();
  const streamOption = (await destination.locator('option').first().textContent()) ?? '';
  const streamName = streamOption.replace(/^kinesisStream: /, '');

  // A bad value is flagged with its path and the agent's range before anything runs.
  await setEditorText(page, JSON.stringify({ flows: [{ filePattern: '/var/log/messages*', kinesisStream: streamName, maxBufferAgeMillis: 5, initialPosition: 'BEGIN' }] }));
  const problemsList = page.getByRole('list', { name: 'agent.json problems' });
  await expect(problemsList).toContainText('flows[0].maxBufferAgeMillis: maxBufferAgeMillis is 5, outside the valid range [1000, 900000]');
  await expect(problemsList).toContainText('Value(BEGIN) is not legally accepted by key: initialPosition');
  await expect(page.getByRole('button', { name: 'Add agent' })).toBeDisabled();

  // A syslog generator with its preset agent.json (LOGTOJSON SYSLOG) is valid.
  await page.getByLabel('Log generator').selectOption('syslog');
  await expect(problemsList.locator('li.error')).toHaveCount(0);
  await page.getByLabel('Lines per second').fill('40');
  await page.getByRole('button', { name: 'Add agent' }).click();
  await expect(page).toHaveURL(/#\/agents\/web-1$/);

  await page.getByTestId('speed').selectOption('10');
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('flow-0-sent')).not.toHaveText('0', { timeout: 20_000 });
  await expect(page.getByTestId('file-tail').first()).toContainText(/\w{3} [ \d]\d \d\d:\d\d:\d\d/);
  const records = page.getByRole('region', { name: 'Records before and after processing' });
  await expect(records).toContainText('"program":');
  await expect(page.getByRole('region', { name: 'Batches' })).toContainText('ok');

  await page.getByRole('button', { name: 'Restart agent' }).click();
  await expect(page.getByRole('region', { name: 'Flows' })).toContainText('restarts: 1');
  await page.getByTestId('play-pause').click();
  expect(problems).toEqual([]);
});
