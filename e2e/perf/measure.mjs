// Performance measurement of the console (not a timed test). Serves dist/ (build it first), opens the
// console in headless Chromium, creates a 1,000-shard stream with a skewed 20,000 records/s producer
// through the console itself, opens that stream's page (heat map of 1,000 shards, charts), runs the
// clock at maximum speed for 10 s and measures: frames per second (requestAnimationFrame), long tasks
// (PerformanceObserver 'longtask'), console-frame latency (worker build → main-thread receipt, both as
// performance.timeOrigin + now), snapshot-to-screen latency (worker build → the stream page's passive
// effect after the commit is painted), and the initial JS gzip size of dist (entry chunk + static
// imports). Each run uses a fresh browser context (fresh worker and storage); the figures printed are
// medians over the runs, one JSON line each: {"name":"ui.fps.1000shards","value":..,"unit":"fps","runs":[..]}.
// Long animation frames (>50 ms) are attributed to scripts and printed as `ui.diag.long-frames`.
// `--profile file.cpuprofile` records a main-thread CPU profile of the first run's measured window
// (open it in Chrome DevTools › Performance, or read the self-time summary printed as ui.diag.profile).
// `--shards 1000,10000` (the default) measures each shard count in turn and names every figure by it
// (ui.fps.1000shards beside ui.fps.10000shards).
//   usage: node e2e/perf/measure.mjs [--seconds 10] [--runs 3] [--shards 1000,10000] [--port 4495] [--profile out.cpuprofile]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i < 0 ? dflt : args[i + 1]; };
const seconds = Number(opt('--seconds', 10));
const port = Number(opt('--port', 4495));
const runs = Math.max(1, Number(opt('--runs', 3)));
const profilePath = opt('--profile', null);
const shardCounts = String(opt('--shards', '1000,10000')).split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
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
const base = `http://127.0.0.1:${port}/sandbox/`;

/** One measured run in a fresh context: build the 1,000-shard world through the console, then watch it at max speed. */
async function measureOnce(profile, shards) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${base}#/streams`);
    // The default scenario's streams are listed once the worker has loaded it; creating before then fails.
    await page.locator('[data-testid^="stream-row-"]').first().waitFor({ timeout: 60_000 });
    await page.getByTestId('open-create-stream').click();
    await page.getByTestId('create-stream-name').fill('big');
    await page.getByTestId('create-stream-shards').fill(String(shards));
    await page.getByTestId('create-stream-submit').click();
    await page.getByTestId('speed').selectOption('100');
    await page.getByTestId('play-pause').click();
    await page.getByTestId('stream-row-big').getByText('ACTIVE').waitFor({ timeout: 30_000 + shards * 10 }).catch(async (e) => { await page.screenshot({ path: `/tmp/measure-${shards}.png` }); throw e; });
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
    const cdp = profile ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const result = await page.evaluate(async (ms) => {
      window.__consoleLatencies = [];
      window.__consolePaintLatencies = [];
      const longTasks = [];
      const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
      obs.observe({ type: 'longtask', buffered: false });
      // Long animation frames name the scripts that made them long (Chromium ≥ 123).
      const longFrames = [];
      let loaf = null;
      if (PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')) {
        loaf = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            const scripts = (e.scripts ?? []).map((x) => ({ ms: Math.round(x.duration), what: `${x.invoker ?? ''} ${x.sourceFunctionName ?? ''} ${(x.sourceURL ?? '').split('/').pop()}:${x.sourceCharPosition ?? ''}`.trim() }));
            longFrames.push({ ms: Math.round(e.duration), renderMs: Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0), scripts: scripts.sort((a, b) => b.ms - a.ms).slice(0, 3) });
          }
        });
        loaf.observe({ type: 'long-animation-frame', buffered: false });
      }
      const frameTimes = [];
      const t0 = performance.now();
      await new Promise((resolve) => {
        const tick = (t) => { frameTimes.push(t); if (t - t0 < ms) requestAnimationFrame(tick); else resolve(); };
        requestAnimationFrame(tick);
      });
      obs.disconnect();
      loaf?.disconnect();
      const gaps = frameTimes.slice(1).map((t, i) => t - frameTimes[i]).sort((a, b) => a - b);
      const sorted = (a) => a.slice().sort((x, y) => x - y);
      const lat = sorted(window.__consoleLatencies);
      const paint = sorted(window.__consolePaintLatencies);
      const q = (a, p) => (a.length ? a[Math.min(a.length - 1, Math.floor(p * a.length))] : NaN);
      return {
        fps: (frameTimes.length - 1) / ((frameTimes[frameTimes.length - 1] - frameTimes[0]) / 1000),
        frameGapP99: q(gaps, 0.99), frameGapMax: gaps[gaps.length - 1],
        longTasks: longTasks.length, longTaskMax: longTasks.length ? Math.max(...longTasks) : 0,
        frames: lat.length, latencyP50: q(lat, 0.5), latencyP95: q(lat, 0.95), latencyMax: lat[lat.length - 1] ?? NaN,
        paintP50: q(paint, 0.5), paintP95: q(paint, 0.95), paintMax: paint[paint.length - 1] ?? NaN,
        longFrames: longFrames.sort((a, b) => b.ms - a.ms).slice(0, 5),
        elapsed: document.querySelector('[data-testid="elapsed"]')?.textContent ?? '',
        achieved: document.querySelector('[data-testid="achieved-speed"]')?.textContent ?? '',
      };
    }, seconds * 1000);
    if (cdp) {
      const { profile: cpu } = await cdp.send('Profiler.stop');
      fs.writeFileSync(profile, JSON.stringify(cpu));
      console.log(JSON.stringify({ name: 'ui.diag.profile', file: profile, topSelfMs: topSelfTime(cpu, 15) }));
    }
    return result;
  } finally {
    await context.close();
  }
}

/** Self time per function (name · file:line) from a CDP CPU profile, largest first. */
function topSelfTime(cpu, n) {
  const byId = new Map(cpu.nodes.map((x) => [x.id, x]));
  const selfUs = new Map();
  for (let i = 0; i < cpu.samples.length; i++) {
    const node = byId.get(cpu.samples[i]);
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} · ${f.url.split('/').pop() || f.url}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + (cpu.timeDeltas[i] ?? 0));
  }
  return [...selfUs].sort((a, b) => b[1] - a[1]).slice(0, n).map(([what, us]) => ({ ms: Math.round(us / 1000), what }));
}

const FIGURE_KEYS = [
  ['ui.fps.', 'fps', 'fps'],
  ['ui.frame-gap.p99.', 'frameGapP99', 'ms'],
  ['ui.frame-gap.max.', 'frameGapMax', 'ms'],
  ['ui.longtasks.count.', 'longTasks', 'tasks'],
  ['ui.longtask.max.', 'longTaskMax', 'ms'],
  ['ui.console-frames.', 'frames', 'frames'],
  ['ui.frame-latency.p50.', 'latencyP50', 'ms'],
  ['ui.frame-latency.p95.', 'latencyP95', 'ms'],
  ['ui.frame-latency.max.', 'latencyMax', 'ms'],
  ['ui.frame-to-screen.p50.', 'paintP50', 'ms'],
  ['ui.frame-to-screen.p95.', 'paintP95', 'ms'],
  ['ui.frame-to-screen.max.', 'paintMax', 'ms'],
];
const median = (xs) => { const a = xs.slice().sort((x, y) => x - y); const m = a.length >> 1; return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2; };

try {
  for (const shards of shardCounts) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await measureOnce(i === 0 && shards === shardCounts[0] ? profilePath : null, shards);
    results.push(r);
    console.log(JSON.stringify({ name: 'ui.diag.run', shards, run: i + 1, fps: Math.round(r.fps * 10) / 10, longTasks: r.longTasks, longTaskMax: Math.round(r.longTaskMax), elapsed: r.elapsed, achieved: r.achieved }));
    if (r.longFrames.length) console.log(JSON.stringify({ name: 'ui.diag.long-frames', run: i + 1, top: r.longFrames }));
  }
  for (const [name, key, unit] of FIGURE_KEYS) {
    const values = results.map((r) => r[key]);
    emit(`${name}${shards}shards`, median(values), unit, { runs: values.map((v) => Math.round(v * 10) / 10) });
  }
  }
} finally {
  await browser.close();
  server.kill();
}
