/**
 * `npm run bench [-- --json] [name-filter…]`: runs every benchmark found in `src/**\/*.bench.ts`,
 * each several times, and prints the median with peak RSS, as a table or one JSON object per line.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Benchmark } from './bench/harness';
import { median } from './bench/harness';

function findBenchFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...findBenchFiles(full));
    else if (entry.endsWith('.bench.ts')) out.push(full);
  }
  return out.sort();
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const filters = args.filter((a) => !a.startsWith('--'));
const root = join(import.meta.dirname, '..');

const benches: Benchmark[] = [];
for (const file of findBenchFiles(root)) {
  const mod = (await import(pathToFileURL(file).href)) as { benchmarks?: Benchmark[] };
  for (const b of mod.benchmarks ?? []) benches.push(b);
}
const selected = benches.filter((b) => filters.length === 0 || filters.some((f) => b.name.includes(f)));
if (selected.length === 0) {
  console.error(`no benchmark matches ${filters.join(', ') || '(none found)'}; known: ${benches.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

let peakRss = 0;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);
sampler.unref();

if (!json) console.log(`${'benchmark'.padEnd(28)} ${'median'.padStart(14)} unit         ${'runs'.padStart(5)}  ${'peak RSS'.padStart(9)}  goal`);
for (const b of selected) {
  peakRss = process.memoryUsage().rss;
  await b.setup?.();
  const values: number[] = [];
  const runs = b.runs ?? 5;
  for (let i = 0; i < runs; i++) {
    values.push(await b.run());
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  await b.teardown?.();
  const value = median(values);
  const peakRssMiB = Math.round(peakRss / 1048576);
  if (json) {
    console.log(JSON.stringify({ name: b.name, value, unit: b.unit, runs, min: Math.min(...values), max: Math.max(...values), peakRssMiB, ...(b.goal !== undefined ? { goal: b.goal } : {}) }));
  } else {
    const fmt = value >= 1000 ? Math.round(value).toLocaleString('en-US') : value.toPrecision(4);
    const goal = b.goal === undefined ? '' : `${b.higherIsBetter ? '≥' : '≤'} ${b.goal.toLocaleString('en-US')} ${(b.higherIsBetter ? value >= b.goal : value <= b.goal) ? 'met' : 'NOT met'}`;
    console.log(`${b.name.padEnd(28)} ${fmt.padStart(14)} ${b.unit.padEnd(12)} ${String(runs).padStart(5)}  ${`${peakRssMiB} MiB`.padStart(9)}  ${goal}`);
  }
}
