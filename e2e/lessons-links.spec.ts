// Every lesson has a working direct link (#/learn/<id>) that opens its panel on its first page, and
// the lesson list shows all of them with the progress kept in localStorage. Driven by hash changes
// in one page load (fast), in English and Korean. "Next lesson" is checked at the end of each
// lesson's own journey (lessons-streams / lessons-services).
import { test, expect } from './fixtures';
import { LANGS } from './lessons-support';

/** Each lesson and the page its first step is done on. */
const FIRST_PAGE: readonly (readonly [string, string])[] = [
  ['records', 'streams/lesson-records'], ['routing', 'streams/lesson-routing'], ['sequence', 'streams/lesson-sequence'],
  ['throttling', 'streams/lesson-throttling'], ['hotKey', 'streams/lesson-hot-key'], ['autoDistribution', 'streams/lesson-auto-distribution'],
  ['resharding', 'streams/lesson-resharding'], ['retention', 'streams/lesson-retention'], ['consumers', 'consumers'],
  ['firehose', 'firehose'], ['firehoseDelivery', 'firehose/lesson-delivery'], ['streamsVsFirehose', 'streams/lesson-streams-vs-firehose'],
  ['sqlWindows', 'analytics'], ['flinkSql', 'analytics'], ['agent', 'agents'], ['video', 'video'], ['sqs', 'queues'], ['capacity', 'planner'],
];

for (const lang of LANGS) {
  test(`${lang}: every lesson's direct link opens it on its first page`, async ({ page, problems }) => {
    await page.addInitScript((l) => { if (window.top === window) localStorage.setItem('ks-lang', l); }, lang);
    await page.addInitScript(() => { if (window.top === window) localStorage.setItem('ks-lesson-progress', JSON.stringify({ records: true, capacity: true })); });
    await page.goto('./#/learn');
    await expect(page.locator('.lesson-card')).toHaveCount(FIRST_PAGE.length);
    await expect(page.getByTestId('lesson-progress')).toHaveText(lang === 'en' ? `2 of ${FIRST_PAGE.length} lessons done` : `레슨 ${FIRST_PAGE.length}개 중 2개 완료`);
    const panel = page.getByTestId('lesson-panel');
    for (const [id, first] of FIRST_PAGE) {
      await page.evaluate((l) => { window.location.hash = `#/learn/${l}`; }, id);
      await expect(panel).toHaveAttribute('data-lesson', id);
      await expect(page).toHaveURL(new RegExp(`#/${first}$`));
      await expect(panel.getByRole('heading', { level: 2 })).not.toBeEmpty();
      await expect(panel.locator('.lesson-step.active')).toHaveCount(1);
    }
    void problems;
  });
}
