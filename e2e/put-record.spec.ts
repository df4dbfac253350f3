// Put a record by hand on a stream's page: the form shows the MD5 of the partition key, the 128-bit
// hash key and the shard whose range holds it, sends a real PutRecord, and links to the record in
// the data viewer — in English and in Korean.
import { test, expect } from './fixtures';

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
