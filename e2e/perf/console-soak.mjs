// The console soak (issue 17): serves dist/ (build it first), opens the built console in headless
// Chromium with the soak scenario (src/engine/soak/soak-scenario.ts, passed as a share link, so the
// console's own world runs it), opens the big stream's page (heat map), sets the clock to maximum
// speed and leaves it running for N minutes of wall time. Every minute it samples the frame rate
// (requestAnimationFrame over 5 s), long tasks (PerformanceObserver 'longtask') and the page's JS heap
// twice: as found (performance.memory, with --enable-precise-memory-info: a GC sawtooth) and live, after
// a full collection (DevTools protocol: HeapProfiler.collectGarbage, then Runtime.getHeapUsage). It prints a table and whether fps and the
// live heap stayed flat: the median of the last third of the samples after warm-up against the median
// of the first third, fps within 10 % and the live heap within 10 %.
// The console runs the scenario document; the CLI soak's hourly UpdateShardCount and Firehose
// outage are scheduled by `npm run soak`, not part of the document.
//   usage: node e2e/perf/console-soak.mjs [--minutes 20] [--shards 1000] [--port 4496] [--json]
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i < 0 ? dflt : args[i + 1]; };
const minutes = Math.max(1, Number(opt('--minutes', 20)));
const shards = Number(opt('--shards', 1000));
const port = Number(opt('--port', 4496));
const json = args.includes('--json');
const root = process.cwd();

// The scenario from the engine's own module (TypeScript, run through tsx).
const gen = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e',
  `import { soakScenario } from ${JSON.stringify(path.join(root, 'src/engine/soak/soak-scenario.ts'))}; process.stdout.write(JSON.stringify(soakScenario({ shards: ${shards} })));`], { encoding: 'utf8' });
if (gen.status !== 0) { console.error(gen.stderr); process.exit(1); }
const doc = JSON.parse(gen.stdout);
// Share-link payload: raw DEFLATE + base64url, as src/app/scenarios/share-link.ts encodes it.
const payload = zlib.deflateRawSync(Buffer.from(JSON.stringify(doc)), { level: 9 }).toString('base64url');

const server = spawn(process.execPath, [path.join(root, 'e2e/serve-dist.mjs'), String(port), '/sandbox/'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const req = createRequire(path.join(root, 'package.json'));
const { chromium } = req('@playwright/test');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
});
const base = `http://127.0.0.1:${port}/sandbox/`;
const samples = [];
const median = (xs) => { const a = xs.slice().sort((x, y) => x - y); const m = a.length >> 1; return a.length ? (a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2) : NaN; };
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${base}#/planner/s=${payload}`);
  await page.waitForTimeout(3000);
  await page.goto(`${base}#/streams/${doc.streams[0].name}`);
  await page.getByTestId('heatmap').waitFor({ timeout: 60_000 });
  await page.getByTestId('speed').selectOption('max');
  if ((await page.getByTestId('play-pause').getAttribute('aria-pressed')) !== 'true') await page.getByTestId('play-pause').click();
  await page.evaluate(() => {
    window.__soakLong = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__soakLong.push(e.duration); }).observe({ type: 'longtask', buffered: false });
  });
  const started = Date.now();
  for (let m = 1; m <= minutes; m++) {
    const wait = started + m * 60_000 - 5_000 - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    const s = await page.evaluate(async () => {
      const frames = [];
      const t0 = performance.now();
      await new Promise((resolve) => { const tick = (t) => { frames.push(t); if (t - t0 < 5000) requestAnimationFrame(tick); else resolve(); }; requestAnimationFrame(tick); });
      const long = window.__soakLong.splice(0);
      const mem = performance.memory;
      return {
        heapFoundMiB: mem ? mem.usedJSHeapSize / 1048576 : NaN,
        fps: (frames.length - 1) / ((frames[frames.length - 1] - frames[0]) / 1000),
        longTasks: long.length, longTaskMaxMs: long.length ? Math.max(...long) : 0,
        elapsed: document.querySelector('[data-testid="elapsed"]')?.textContent ?? '',
        achieved: document.querySelector('[data-testid="achieved-speed"]')?.textContent ?? '',
      };
    });
    await cdp.send('HeapProfiler.collectGarbage');
    s.heapMiB = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1048576;
    samples.push({ minute: m, ...s });
    if (!json) console.log(`min ${String(m).padStart(3)}  fps ${s.fps.toFixed(1).padStart(5)}  long tasks ${String(s.longTasks).padStart(4)} (max ${Math.round(s.longTaskMaxMs)} ms)  heap ${s.heapMiB.toFixed(1)} MiB live (${s.heapFoundMiB.toFixed(1)} found)  virtual ${s.elapsed} ${s.achieved}`);
  }
  // The first minute is warm-up (JIT, caches filling); compare the last third against the minute after it.
  const warm = samples.length > 1 ? samples.slice(1) : samples;
  const lastThird = warm.slice(Math.floor((warm.length * 2) / 3));
  const firstThird = warm.slice(0, Math.max(1, Math.ceil(warm.length / 3)));
  const first = { fps: median(firstThird.map((s) => s.fps)), heapMiB: median(firstThird.map((s) => s.heapMiB)) };
  const fpsFlat = median(lastThird.map((s) => s.fps)) >= first.fps * 0.9;
  const heapFlat = median(lastThird.map((s) => s.heapMiB)) <= first.heapMiB * 1.1;
  const summary = { minutes, shards, medianFps: median(samples.map((s) => s.fps)), medianLongTasksPerMinute: median(samples.map((s) => s.longTasks)), heapFirstThirdMedianMiB: first.heapMiB, heapLastThirdMedianMiB: median(lastThird.map((s) => s.heapMiB)), fpsFlat, heapFlat };
  if (json) console.log(JSON.stringify({ samples, ...summary }, null, 2));
  else console.log(`\nmedian fps ${summary.medianFps.toFixed(1)}, median long tasks/min ${summary.medianLongTasksPerMinute}; live heap median ${first.heapMiB.toFixed(1)} MiB (first third) → ${summary.heapLastThirdMedianMiB.toFixed(1)} MiB (last third); fps ${fpsFlat ? 'flat' : 'NOT flat'}, heap ${heapFlat ? 'flat' : 'NOT flat'}`);
} finally {
  await browser.close();
  server.kill();
}
