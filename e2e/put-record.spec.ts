// Put a record by hand on a stream's page: the form shows the MD5 of the partition key, the 128-bit
// hash key and the shard whose range holds it, sends a real PutRecord, and links to the record in
// the data viewer — in English and in Korean.
import { test, expect } from './fixtures';
import { runAt } from './console-journeys';

test('a record typed by hand is routed by MD5, stored, and opens in the data viewer', async ({ page, problems }) => {
  await page.goto('./#/streams/clickstream');
  const form = page.getByTestId('put-record');
  await expect(form).toBeVisible();
  await page.getByTestId('put-key').fill('a');
  // MD5("a") = 0cc175b9c0f1b6a831c399e269772661, i.e. 16,955,237,001,963,240,173,058,271,559,858,726,497 — low in the key space.
  await expect(page.getByTestId('put-md5')).toHaveText('0cc175b9c0f1b6a831c399e269772661');
  await expect(page.getByTestId('put-hashkey')).toHaveText('16,955,237,001,963,240,173,058,271,559,858,726,497');
  await expect(page.getByTestId('put-predicted')).toHaveText('shardId-000000000000');
  await page.getByTestId('put-data').fill('{"hello":"kinesis"}');
  await page.getByTestId('put-send').click();
  await expect(page.getByTestId('put-answer')).toContainText('shardId-000000000000');
  const seq = (await page.getByTestId('put-seq').textContent())!;
  expect(seq).toMatch(/^\d{20,}$/);
  // Bad input is refused before the call, naming the problem.
  await page.getByTestId('put-format').selectOption('base64');
  await expect(page.getByTestId('put-problem')).toContainText('not valid base64');
  await expect(page.getByTestId('put-send')).toBeDisabled();
  await page.getByTestId('put-open').click();
  await expect(page).toHaveURL(new RegExp(`#/streams/clickstream/data/shardId-000000000000/${seq}$`));
  await expect(page.getByTestId('viewer-payload').first()).toContainText('"hello": "kinesis"');
  await expect(page.getByTestId('viewer-seq')).toHaveValue(seq);
  void problems;
});

test('the form speaks Korean and an explicit hash key picks the upper shard', async ({ page, problems }) => {
  await page.addInitScript(() => localStorage.setItem('ks-lang', 'ko'));
  await page.goto('./#/streams/clickstream');
  await expect(page.getByRole('heading', { name: '레코드 직접 넣기' })).toBeVisible();
  await page.getByTestId('put-explicit').fill('340282366920938463463374607431768211455');
  await expect(page.getByTestId('put-predicted')).not.toHaveText('shardId-000000000000');
  await page.getByTestId('put-explicit').fill('12x');
  await expect(page.getByTestId('put-problem')).toContainText('10진 정수');
  void problems;
});

// Large records and service-managed distribution: an on-demand stream created with a 4 MiB maximum record
// size and AUTO distribution takes a 3 MiB record put by hand without a partition key; the data viewer shows
// it; lowering the maximum below the record's size makes PutRecord refuse the next one with AWS's error (ValidationException on Data's length).
test('a 4 MiB AUTO stream takes a 3 MiB record typed by hand, and the viewer shows it', async ({ page, problems }) => {
  await page.goto('./#/streams');
  await runAt(page, '100');
  await page.getByTestId('open-create-stream').click();
  await page.getByTestId('create-stream-name').fill('big');
  await page.getByTestId('create-stream-mode').selectOption('ON_DEMAND');
  await page.getByTestId('create-stream-max-record').fill('4096');
  await page.getByTestId('create-stream-distribution').selectOption('AUTO');
  await expect(page.getByText('records with the same key are no longer kept in order')).toBeVisible();
  await page.getByTestId('create-stream-submit').click();
  await expect(page.getByTestId('stream-row-big')).toContainText('ACTIVE', { timeout: 20_000 });
  await page.goto('./#/streams/big');
  await expect(page.getByTestId('stream-max-record')).toHaveText('max record 4.00 MiB');
  await expect(page.getByTestId('stream-distribution')).toHaveText('AUTO record distribution');
  // No key: optional under AUTO, and the form says placement ignores it.
  await page.getByTestId('put-key').fill('');
  await expect(page.getByTestId('put-predicted')).toContainText('AUTO distribution ignores the key');
  await page.getByTestId('put-fill-kib').fill('3072');
  await page.getByTestId('put-fill').click();
  await expect(page.getByTestId('put-size')).toHaveText('3.00 MiB of at most 4.00 MiB');
  await expect(page.getByTestId('put-large-note')).toBeVisible();
  await page.getByTestId('put-send').click();
  await expect(page.getByTestId('put-answer')).toBeVisible();
  await page.getByTestId('put-open').click();
  const row = page.getByRole('table', { name: 'Records' }).getByRole('row').nth(1);
  // Reading 3 MiB spends more than a shard's 2 MiB/s of reads: a read right after another is throttled, as on
  // AWS, and asking again a moment later gets the record.
  await expect(async () => {
    if (await page.getByTestId('viewer-error').isVisible()) await page.getByTestId('viewer-get').click();
    await expect(row).toContainText('3.00 MiB', { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId('viewer-payload').first()).toContainText('large-record-payload large-record-payload');
  // Lower the maximum to 2 MiB in the settings tab: the same record is now refused, in AWS's words.
  await page.getByRole('tab', { name: 'Resharding & settings' }).click();
  await page.getByTestId('max-record-kib').fill('2048');
  await page.getByTestId('max-record-submit').click();
  await expect(page.getByTestId('max-record-card-result')).toHaveText('The maximum record size is now 2,048 KiB.');
  await expect(page.getByTestId('stream-max-record')).toHaveText('max record 2.00 MiB');
  await page.getByTestId('put-key').fill('');
  await page.getByTestId('put-fill-kib').fill('3072');
  await page.getByTestId('put-fill').click();
  await expect(page.getByTestId('put-too-large')).toContainText('above the stream’s maximum record size of 2.00 MiB');
  await page.getByTestId('put-send').click();
  await expect(page.getByTestId('put-error')).toContainText('ValidationException');
  void problems;
});
