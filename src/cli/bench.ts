/**
 * `npm run bench [-- --json] [name-filter…]`: runs every benchmark found in `src/**\/*.bench.ts`,
 * each several times, and prints the median with peak RSS, as a table or one JSON object per line.
 * Each bench file runs in its own child process, so one file's fixtures (large inputs, heaps)
 * never slow or inflate the figures of another.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark } from '../engine/bench/harness';
import { median } from '../engine/bench/harness';

interface BenchResult {
  name: string;
  value: number;
  unit: string;
  runs: number;
  min: number;
  max: number;
  peakRssMiB: number;
  goal?: number;
  higherIsBetter: boolean;
}

function findBenchFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...findBenchFiles(full));
    else if (entry.endsWith('.bench.ts')) out.push(full);
  }
  return out.sort();
}

const matches = (filters: readonly string[], name: string) => filters.length === 0 || filters.some((f) => name.includes(f));

/** Child mode: run the matching benchmarks of one file, one JSON line each on stdout. */
async function runFile(file: string, filters: readonly string[]): Promise<void> {
  const mod = (await import(pathToFileURL(file).href)) as { benchmarks?: Benchmark[] };
  let peakRss = 0;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);
  sampler.unref();
  for (const b of mod.benchmarks ?? []) {
    if (!matches(filters, b.name)) continue;
    peakRss = process.memoryUsage().rss;
    await b.setup?.();
    const values: number[] = [];
    const runs = b.runs ?? 5;
    for (let i = 0; i < runs; i++) {
      values.push(await b.run());
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    await b.teardown?.();
    const result: BenchResult = {
      name: b.name, value: median(values), unit: b.unit, runs, min: Math.min(...values), max: Math.max(...values),
      peakRssMiB: Math.round(peakRss / 1048576), higherIsBetter: b.higherIsBetter, ...(b.goal !== undefined ? { goal: b.goal } : {}),
    };
    process.stdout.write(`@@bench ${JSON.stringify(result)}\n`);
  }
}

function runChild(file: string, filters: readonly string[]): Promise<BenchResult[]> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', self, '--child', file, ...filters], { stdio: ['ignore', 'pipe', 'inherit'] });
    const results: BenchResult[] = [];
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line.startsWith('@@bench ')) {
          const r = JSON.parse(line.slice(8)) as BenchResult;
          results.push(r);
          emit(r);
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(results) : reject(new Error(`${relative(process.cwd(), file)} exited with ${code}`))));
  });
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const childIndex = args.indexOf('--child');

function emit(r: BenchResult): void {
  if (json) {
    const { higherIsBetter: _h, ...rest } = r;
    console.log(JSON.stringify(rest));
    return;
  }
  const fmt = r.value >= 1000 ? Math.round(r.value).toLocaleString('en-US') : r.value.toPrecision(4);
  const goal = r.goal === undefined ? '' : `${r.higherIsBetter ? '≥' : '≤'} ${r.goal.toLocaleString('en-US')} ${(r.higherIsBetter ? r.value >= r.goal : r.value <= r.goal) ? 'met' : 'NOT met'}`;
  console.log(`${r.name.padEnd(32)} ${fmt.padStart(14)} ${r.unit.padEnd(12)} ${String(r.runs).padStart(5)}  ${`${r.peakRssMiB} MiB`.padStart(9)}  ${goal}`);
}

if (childIndex >= 0) {
  await runFile(args[childIndex + 1], args.slice(childIndex + 2).filter((a) => !a.startsWith('--')));
} else {
  const filters = args.filter((a) => !a.startsWith('--'));
  const root = join(import.meta.dirname, '..');
  if (!json) console.log(`${'benchmark'.padEnd(32)} ${'median'.padStart(14)} unit         ${'runs'.padStart(5)}  ${'peak RSS'.padStart(9)}  goal`);
  let count = 0;
  for (const file of findBenchFiles(root)) count += (await runChild(file, filters)).length;
  if (count === 0) {
    console.error(`no benchmark matches ${filters.join(', ') || '(none found)'}`);
    process.exit(2);
  }
}
