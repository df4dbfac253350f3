// Journeys through the Streams console: a skewed producer lights up one shard, the console warns and
// a split relieves it; a single key over one shard's limit is explained as beyond any resharding;
// the data viewer pages through records with real GetRecords calls.
import { test, expect } from './fixtures';
import { addProducer, createStream, runAt } from './console-journeys';

// Four explicit hash keys, all in the lower half of the key space: with two shards, shard 0 takes everything.
const LOWER_HALF = '1, 42535295865117307932921825928971026432, 85070591730234615865843651857942052864, 127605887595351923798765477786913079296';

test('a skewed producer heats one shard, the console says so, and splitting it stops the throttling', async ({ page, problems }) => {
  await page.goto('./');
  await runAt(page, '10');
  await createStream(page, 'skewed', 2);
  await addProducer(page, { name: 'skew', stream: 'skewed', recordsPerSec: 1600, keys: 'explicitHash', hashKeys: LOWER_HALF });
  await page.goto('./#/streams/skewed');
  await expect(page.getByTestId('heatmap')).toBeVisible();
  const findings = page.getByTestId('findings');
  await expect(findings).toContainText('Shard shardId-000000000000 is hot', { timeout: 20_000 });
  await expect(page.getByTestId('stream-throttled')).not.toHaveText('0 records/s');
  await page.getByRole('tab', { name: 'Shards' }).click();
  const hotRow = page.getByTestId('shard-table').getByRole('row', { name: /shardId-000000000000/ });
  await expect(hotRow).toContainText('100%');
  await page.getByTestId('split-hot-shard').click();
  await expect(page.getByTestId('split-result')).toContainText('Splitting shardId-000000000000');
  await runAt(page, '100');
  await expect(page.getByTestId('stream-open-shards')).toHaveText('3', { timeout: 30_000 });
  await expect(page.getByTestId('stream-throttled')).toHaveText('0 records/s', { timeout: 20_000 });
  // An invalid split is refused by the API, with its error shown inline.
  await page.getByRole('tab', { name: 'Resharding & settings' }).click();
  await page.getByTestId('split-at').selectOption('key');
  await page.getByTestId('split-key').fill('340282366920938463463374607431768211455');
  await page.getByTestId('split-submit').click();
  await expect(page.getByTestId('split-card-result')).toContainText('InvalidArgumentException');
  void problems;
});

test('a single key over one shard limit is explained as beyond any resharding', async ({ page, problems }) => {
  await page.goto('./');
  await runAt(page, '10');
  await addProducer(page, { name: 'vip-traffic', stream: 'clickstream', recordsPerSec: 2000, keys: 'hotKey', hotKey: 'vip', hotPercent: 80 });
  await page.goto('./#/streams/clickstream');
  const findings = page.getByTestId('findings');
  await expect(findings).toContainText('Partition key “vip” alone needs 1,600 records/s', { timeout: 20_000 });
  await expect(findings).toContainText('No split, merge, shard count or on-demand scaling can spread a single key');
  await page.getByRole('tab', { name: 'Partition keys' }).click();
  await expect(page.getByRole('table', { name: 'Top partition keys' })).toContainText('vip');
  void problems;
});

test('the data viewer pages through records with GetRecords', async ({ page, problems }) => {
  await page.goto('./');
  // The scenario loads after the first frame: wait for it so neither step lands on the placeholder world.
  await expect(page.getByTestId('scenario-name')).toHaveText('clickstream demo');
  await page.getByRole('button', { name: 'Step 1s' }).click();
  await expect(page.getByTestId('elapsed')).toHaveText('T+0:00:01');
  await page.getByRole('button', { name: 'Step 1s' }).click();
  await expect(page.getByTestId('elapsed')).toHaveText('T+0:00:02');
  await page.goto('./#/streams/clickstream');
  await page.getByRole('tab', { name: 'Data viewer' }).click();
  await page.getByTestId('viewer-limit').fill('5');
  await page.getByTestId('viewer-get').click();
  await expect(page.getByTestId('viewer-summary')).toContainText('Page 1: 5 records');
  // Whole sequence numbers (56 digits), with the digits that differ from the neighbouring record marked.
  const sequenceNumbers = page.getByTestId('viewer-seq-number');
  await expect(sequenceNumbers.first()).toHaveText(/^\d{56}$/);
  await expect(sequenceNumbers.nth(1).locator('mark')).toHaveText(/\d+/);
  await expect(page.getByTestId('viewer-payload').first()).toContainText('"page"');
  await page.getByTestId('viewer-format').selectOption('hex');
  await expect(page.getByTestId('viewer-payload').first()).toContainText('7b 22');
  await page.getByTestId('viewer-next').click();
  await expect(page.getByTestId('viewer-summary')).toContainText('Page 2');
  await page.getByTestId('viewer-type').selectOption('AT_SEQUENCE_NUMBER');
  await page.getByTestId('viewer-seq').fill('123');
  await page.getByTestId('viewer-get').click();
  await expect(page.getByTestId('viewer-error')).toContainText('Exception');
  void problems;
});

test('the data viewer says how many records the simulator’s memory budget evicted from the shard', async ({ page, problems }) => {
  const { encodeScenario } = await import('../src/app/scenarios/share-link');
  // A 1 MiB budget and 1,500 records/s of 400 bytes: the oldest records go within seconds.
  const doc = {
    version: 1, seed: 'viewer-evicted', name: 'tight budget',
    settings: { memoryBudgetMiB: 1 },
    streams: [{ name: 'tight', shards: 2 }],
    producers: [{ name: 'flood', stream: 'tight', rate: { kind: 'constant', recordsPerSec: 1500 }, size: { kind: 'fixed', bytes: 400 } }],
  };
  await page.goto(`./#/planner/s=${encodeScenario(doc)}`);
  await expect(page.getByTestId('scenario-name')).toHaveText('tight budget');
  await runAt(page, '10');
  await expect.poll(async () => Number((await page.getByTestId('elapsed').textContent())?.replace(/\D/g, '') ?? 0), { timeout: 20_000 }).toBeGreaterThan(15);
  await page.goto('./#/streams/tight');
  await page.getByRole('tab', { name: 'Data viewer' }).click();
  await page.getByTestId('viewer-limit').fill('5');
  await page.getByTestId('viewer-get').click();
  await expect(page.getByTestId('viewer-summary')).toContainText('Page 1: 5 records');
  await expect(page.getByTestId('viewer-removed')).toContainText(/lost [\d,]+ records to the simulator’s memory budget \(/);
  // LATEST starts past everything: nothing there, and nothing said about evictions.
  await page.getByTestId('viewer-type').selectOption('LATEST');
  await page.getByTestId('viewer-get').click();
  await expect(page.getByTestId('viewer-summary')).toContainText('Page 1: 0 records');
  await expect(page.getByTestId('viewer-removed')).toHaveCount(0);
  void problems;
});
