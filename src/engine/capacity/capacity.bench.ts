/**
 * Planner speed: a whole plan (sizing, MD5 placement of up to 20,000 keys, skew search, costs) for
 * each example workload shape. The UI recomputes on every edit, so it must stay well under 100 ms.
 */
import type { Benchmark } from '../bench/harness';
import { planCapacity } from './plan';
import { parseWorkload, type Workload } from './workload';

function workload(json: Record<string, unknown>): Workload {
  const r = parseWorkload({ name: 'bench', ...json });
  if (!r.ok) throw new Error('bench workload invalid');
  return r.workload;
}

const zipf = workload({
  traffic: { recordsPerSecond: { average: 40_000, peak: 60_000 }, recordSize: { kind: 'lognormal', medianBytes: 600, sigma: 0.5 }, keys: { kind: 'zipf', count: 1_000_000, exponent: 1.0 } },
  consumers: [{ kind: 'polling', name: 'a' }, { kind: 'efo', name: 'b' }],
  retentionHours: 168,
});
const hot = workload({
  traffic: { recordsPerSecond: { average: 1500, peak: 6000 }, recordSize: { kind: 'fixed', bytes: 700 }, keys: { kind: 'hot-key', hotKey: 'device-17', share: 0.3, otherKeys: 50_000 } },
  consumers: [{ kind: 'polling', name: 'a' }],
});

function timePlans(w: Workload, runs: number): number {
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) planCapacity(w);
  return (performance.now() - t0) / runs;
}

export const benchmarks: Benchmark[] = [
  { name: 'capacity.plan.zipf-1M-keys', unit: 'ms', higherIsBetter: false, runs: 5, goal: 100, run: () => timePlans(zipf, 5) },
  { name: 'capacity.plan.hot-key', unit: 'ms', higherIsBetter: false, runs: 5, goal: 100, run: () => timePlans(hot, 5) },
];
