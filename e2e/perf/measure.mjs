// Performance measurement of the console (not a timed test). Serves dist/ (build it first), opens the
// console in headless Chromium, creates a 1,000-shard stream with a skewed 20,000 records/s producer
// through the console itself, opens that stream's page (heat map of 1,000 shards, charts), runs the
// clock at maximum speed for 10 s and measures: frames per second (requestAnimationFrame), long tasks
// (PerformanceObserver 'longtask'), console-frame latency (worker build → main-thread receipt, both as
// performance.timeOrigin + now), and the initial JS gzip size of dist (entry chunk + static imports).
// Prints one JSON line per figure: {"name":"ui.fps.1000shards","value":..,"unit":"fps"}.
//   usage: node e2e/perf/measure.mjs [--seconds 10] [--port 4495]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i < 0 ? dflt : args[i + 1]; };
const seconds = Number(opt('--seconds', 10));
const port = Number(opt('--port', 4495));
const root = process.cwd();
const emit = (name, value, unit, extra = {}) => console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, ...extra }));

/** The entry chunk named by dist/index.html plus every chunk it imports statically (not import()). */
function initialJsGzipBytes() {
  const dist = path.join(root, 'dist');
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set();
  const queue = [...entries, ...preloads];
  while (queue.length) {
    const rel = queue.shift();
    if (seen.has(rel)) continue;
    seen.add(rel);
    const code = fs.readFileSync(path.join(dist, rel), 'utf8');
    // Static imports only: `import … from "./x.js"` / `import "./x.js"`; dynamic import("…") is lazy.
    for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(path.posix.join(path.posix.dirname(rel), m[1]));
    }
  }
  let gz = 0;
  for (const rel of seen) gz += zlib.gzipSync(fs.readFileSync(path.join(dist, rel))).length;
  return { bytes: gz, files: [...seen] };
}

const size = initialJsGzipBytes();
emit('ui.initial-js.gzip', size.bytes / 1024, 'KiB', { files: size.files.length });

const server = spawn(process.execPath, [path.join(root, 'e2e/serve-dist.mjs'), String(port), '/sandbox/'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const req = createRequire(path.join(root, 'package.json'));
const { chromium } = req('@playwright/test');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const base = `http://127.0.0.1:${port}/sandbox/`;
  await page.goto(`${base}#/streams`);
  await page.getByTestId('open-create-stream').click();
  await page.getByTestId('create-stream-name').fill('big');
  await page.getByTestId('create-stream-shards').fill('1000');
  await page.getByTestId('create-stream-submit').click();
  await page.getByTestId('speed').selectOption('100');
  await page.getByTestId('play-pause').click();
  await page.getByTestId('stream-row-big').getByText('ACTIVE').waitFor({ timeout: 30_000 });
  await page.goto(`${base}#/producers`);
  await page.getByTestId('add-producer').click();
  await page.getByTestId('producer-name').fill('fleet');
  await page.getByTestId('producer-stream').selectOption('big');
  await page.getByTestId('rate-recordsPerSec').fill('20000');
  await page.getByTestId('keys-kind').selectOption('pool');
  await page.getByTestId('keys-keys').fill('100000');
  await page.getByTestId('keys-distribution').selectOption('zipf');
  await page.getByTestId('keys-zipfExponent').fill('1.1');
  await page.getByTestId('producer-save').click();
  await page.getByTestId('producer-row-fleet').waitFor();
  await page.goto(`${base}#/streams/big`);
  await page.getByTestId('heatmap').waitFor();
  await page.getByTestId('speed').selectOption('max');
  await page.waitForTimeout(1500);
  const result = await page.evaluate(async (ms) => {
    window.__consoleLatencies = [];
    const longTasks = [];
    const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
    obs.observe({ type: 'longtask', buffered: false });
    const frameTimes = [];
    const t0 = performance.now();
    await new Promise((resolve) => {
      const tick = (t) => { frameTimes.push(t); if (t - t0 < ms) requestAnimationFrame(tick); else resolve(); };
      requestAnimationFrame(tick);
    });
    obs.disconnect();
    const gaps = frameTimes.slice(1).map((t, i) => t - frameTimes[i]).sort((a, b) => a - b);
    const lat = window.__consoleLatencies.slice().sort((a, b) => a - b);
    const q = (a, p) => (a.length ? a[Math.min(a.length - 1, Math.floor(p * a.length))] : NaN);
    return {
      fps: (frameTimes.length - 1) / ((frameTimes[frameTimes.length - 1] - frameTimes[0]) / 1000),
      frameGapP99: q(gaps, 0.99), frameGapMax: gaps[gaps.length - 1],
      longTasks: longTasks.length, longTaskMax: longTasks.length ? Math.max(...longTasks) : 0,
      frames: lat.length, latencyP50: q(lat, 0.5), latencyP95: q(lat, 0.95), latencyMax: lat[lat.length - 1] ?? NaN,
      elapsed: document.querySelector('[data-testid="elapsed"]')?.textContent ?? '',
      achieved: document.querySelector('[data-testid="achieved-speed"]')?.textContent ?? '',
    };
  }, seconds * 1000);
  emit('ui.fps.1000shards', result.fps, 'fps');
  emit('ui.frame-gap.p99.1000shards', result.frameGapP99, 'ms');
  emit('ui.frame-gap.max.1000shards', result.frameGapMax, 'ms');
  emit('ui.longtasks.count.1000shards', result.longTasks, 'tasks');
  emit('ui.longtask.max.1000shards', result.longTaskMax, 'ms');
  emit('ui.console-frames.1000shards', result.frames, 'frames', { perSec: Math.round((result.frames / seconds) * 10) / 10 });
  emit('ui.frame-latency.p50.1000shards', result.latencyP50, 'ms');
  emit('ui.frame-latency.p95.1000shards', result.latencyP95, 'ms');
  emit('ui.frame-latency.max.1000shards', result.latencyMax, 'ms');
  console.log(JSON.stringify({ name: 'ui.sim.after-run', elapsed: result.elapsed, achieved: result.achieved }));
} finally {
  await browser.close();
  server.kill();
}
