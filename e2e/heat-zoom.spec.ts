import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

// The stream page's heat map at 2,000 shards: rows are groups of shards shown by their maximum, so one
// hot shard among 2,000 stays the hottest row; zooming to a range around it gives every shard its own
// row again, labelled with the range's shard numbers, and the hot shard's row is still the hottest.

const SHARDS = 2000;
const HOT_KEY = 'tenant-42';

/** The drawn canvas row whose cells run hottest (red − green rises along the scale past 50 %), and how many rows. */
async function hottestDrawnRow(page: Page): Promise<{ row: number; rows: number; score: number }> {
  return page.getByTestId('heatmap').evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let best = { row: -1, rows: c.height, score: -Infinity };
    for (let r = 0; r < c.height; r++) {
      for (let col = 0; col < c.width; col++) {
        const o = (r * c.width + col) * 4;
        if (data[o + 3] === 0) continue;
        const score = data[o] - data[o + 1];
        if (score > best.score) best = { row: r, rows: c.height, score };
      }
    }
    return best;
  });
}

test('heat map of 2,000 shards keeps the hot shard visible and zooms to a labelled range', async ({ page, problems }) => {
  test.setTimeout(60_000);
  const { encodeScenario } = await import('../src/app/scenarios/share-link');
  const { Simulation } = await import('../src/engine/simulation');
  const { KinesisService } = await import('../src/engine/streams/service');
  const { md5PartitionKey } = await import('../src/engine/hash/md5');
  // Where the hot key lands: the engine's own routing (MD5 → the shard whose range holds it).
  const sim = new Simulation({ seed: 'heat-zoom' });
  const hot = new KinesisService(sim, { transitionDelayMs: 0 }).createStream('wide', 'PROVISIONED', SHARDS).route(md5PartitionKey(HOT_KEY, new Uint32Array(4))).number;

  const doc = {
    version: 1, seed: 'heat-zoom', name: 'heat zoom',
    settings: { mode: 'aggregate' },
    streams: [{ name: 'wide', shards: SHARDS }],
    producers: [{ name: 'tenant', stream: 'wide', rate: { kind: 'constant', recordsPerSec: 4000 }, keys: { kind: 'hotKey', hotKey: HOT_KEY, hotPercent: 60, otherKeys: 5000 } }],
  };
  await page.goto(`./#/planner/s=${encodeScenario(doc)}`);
  await expect(page.getByTestId('scenario-name')).toHaveText('heat zoom');
  await page.goto('./#/streams/wide');
  await page.getByTestId('speed').selectOption('max');
  if ((await page.getByTestId('play-pause').getAttribute('aria-pressed')) !== 'true') await page.getByTestId('play-pause').click();
  await page.getByTestId('heatmap').waitFor();

  // Whole stream: 2,000 shards in groups (500 rows of 4, drawn 2 rows per pixel row); the hot shard's
  // group is the hottest pixel row, its 2,400 records/s over the limit shown, not averaged with its neighbours.
  await expect(page.getByTestId('heat-grouping')).toContainText('4');
  await expect.poll(async () => (await hottestDrawnRow(page)).row).toBe(Math.floor(Math.floor(hot / 4) / 2));
  expect((await hottestDrawnRow(page)).score).toBeGreaterThan(150);

  // Zoom to ten shards either side of the hot one: one row per shard, each labelled with its number.
  const from = Math.max(0, hot - 10);
  const to = Math.min(SHARDS - 1, hot + 10);
  await page.getByTestId('heat-zoom-from').fill(String(from));
  await page.getByTestId('heat-zoom-to').fill(String(to));
  await page.getByTestId('heat-zoom-apply').click();
  const labels = page.locator('.heatmap-rows span');
  await expect(labels).toHaveCount(to - from + 1);
  await expect(labels.first()).toHaveText(String(from).padStart(12, '0'));
  await expect(labels.last()).toHaveText(String(to).padStart(12, '0'));
  await expect.poll(async () => hottestDrawnRow(page)).toMatchObject({ row: hot - from, rows: to - from + 1 });
  void problems;
});
