/**
 * Worked examples for records above 1 MiB (large-records.html) and AUTO record distribution as a hot-key fix,
 * computed by hand here from AWS's rules — not by the code under test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { largeRecordRisk } from './large-records';
import { planCapacity } from './plan';
import { renderPlanText } from './report-text';
import { parseWorkload, type Workload } from './workload';

const root = join(import.meta.dirname, '../../..');

function example(name: string): Workload {
  const parsed = parseWorkload(JSON.parse(readFileSync(join(root, 'examples/workloads', name), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return parsed.workload;
}

const MiB = 1_048_576;

describe('records above 1 MiB: the burst tank (examples/workloads/large-records-burst.json)', () => {
  // 100 records/s: 98% of 1,000 B and 2% of 4 MiB, 24 B keys, MaxRecordSizeInKiB 5,120.
  const S = 4_194_304 + 24; // the large record, data + key
  const bytesPerSec = 100 * (0.98 * 1024 + 0.02 * S); // 8,489,008 B/s
  const shards = Math.ceil(bytesPerSec / (0.8 * MiB)); // 10.12 → 11
  const lambda = 2; // large records/s
  const mu = lambda / shards;
  const baseline = (bytesPerSec - lambda * S) / shards; // 9,122.9 B/s of small records per shard
  const refill = MiB - baseline;
  const tank = 5120 * 1024 - MiB; // 4 MiB: what a 5 MiB record needs beyond the 1 MiB window
  const T = tank / refill; // ≈ 4.035 s to refill an emptied tank
  const n = Math.floor((tank + T * refill) / S); // = ⌊8 MiB / (4 MiB + 24 B)⌋ = 1
  const m = mu * T;
  const pShard = 1 - Math.exp(-m) * (1 + m); // P(X ≥ 2), X ~ Poisson(μT)
  const perSecond = 1 - Math.pow(1 - pShard, shards / T);
  const refusedPerHour = (shards * 3600 * (m - 1 + Math.exp(-m))) / T;

  it('hand figures', () => {
    expect(shards).toBe(11);
    expect(n).toBe(1);
    expect(T).toBeCloseTo(4.0351, 3);
    expect(refusedPerHour).toBeCloseTo(2098.3, 1);
    expect(perSecond).toBeCloseTo(0.3935, 3);
  });

  it('reads maxRecordSizeKiB and sizes the stream on bytes', () => {
    const w = example('large-records-burst.json');
    expect(w.maxRecordSizeBytes).toBe(5120 * 1024);
    expect(planCapacity(w).sizing.shards).toBe(shards);
  });

  it('models the tank as the engine does, with the window, the refill time and the odds', () => {
    const plan = planCapacity(example('large-records-burst.json'));
    const msg = plan.findings.find((f) => f.code === 'large-records')?.message ?? '';
    expect(msg).toContain('the largest 4.00 MiB');
    expect(msg).toContain('burst tank (4 MiB at this maximum record size)');
    expect(msg).toContain('refills in about 4.0 s; 1 such record fits per shard in that time');
    expect(msg).toContain(`happens in ${(perSecond * 100).toFixed(1)}% of seconds (≈ ${refusedPerHour.toFixed(1)} refused large records per hour`);
  });

  it('says which MaxRecordSizeInKiB the records need and that they are over AWS’s 2% guidance by bytes', () => {
    const plan = planCapacity(example('large-records-burst.json'));
    const setting = plan.findings.filter((f) => f.code === 'large-records-setting').map((f) => f.message);
    // ⌈(4,194,304 + 24) / 1,024⌉ = 4,097 KiB.
    expect(setting[0]).toContain('to at least 4097 KiB');
    expect(setting[0]).toContain('--max-record-size-in-ki-b 5120');
    // 2% of records (not over 2%), but 2 × 4 MiB of 8.1 MiB/s = 98.8% of bytes.
    expect(((lambda * S) / bytesPerSec) * 100).toBeCloseTo(98.8, 1);
    expect(setting[1]).toMatch(/2\.0% of records and 99% of bytes/);
  });

  it('keeps the one-second rule at the default maximum record size (two 600 KiB records in one second)', () => {
    // No tank: T = 1, n = ⌊(1 MiB − b) / S⌋ = 1 for S = 614,407 B, so P(shard) = 1 − e^{−μ}(1 + μ).
    const r = largeRecordRisk({ sizes: [{ bytes: 614_400, probability: 1 }], keyBytes: 7, recordsPerSecPeak: 2, shards: 2, maxRecordBytes: MiB })!;
    const m1 = 1; // μ = 2 / 2
    expect(r.windowSeconds).toBe(1);
    expect(r.absorbedPerWindow).toBe(1);
    expect(r.probabilityPerSecond).toBeCloseTo(1 - (Math.exp(-m1) * (1 + m1)) ** 2, 9);
    expect(r.refusedPerHour).toBeCloseTo(2 * 3600 * (m1 - 1 + Math.exp(-m1)), 6);
  });

  it('refuses maxRecordSizeKiB outside 1,024–10,240 and together with maxRecordSizeBytes', () => {
    const base = { name: 'x', traffic: { recordsPerSecond: { average: 1 }, recordSize: { kind: 'fixed', bytes: 100 }, keys: { kind: 'uniform', count: 10 } } };
    const bad = parseWorkload({ ...base, maxRecordSizeKiB: 20_000 });
    expect(bad.ok).toBe(false);
    const both = parseWorkload({ ...base, maxRecordSizeKiB: 2048, maxRecordSizeBytes: 2_097_152 });
    expect(both.ok ? [] : both.issues.map((i) => i.path)).toContain('maxRecordSizeKiB');
  });
});

describe('AUTO record distribution as a hot-key fix (examples/workloads/hot-key-auto.json)', () => {
  const plan = planCapacity(example('hot-key-auto.json'));
  const auto = plan.autoDistribution!;

  it('prices on-demand Standard with AUTO next to the provisioned answer', () => {
    // 2,000 records/s × 2,628,000 s = 5,256,000,000 records a month; 1,000 B + 20 B key → 1 KiB billed each:
    // 5,256,000,000 × 1,024 / 2³⁰ = 5,012.51 GiB × $0.08 = $401.00, + 730 stream-hours × $0.04 = $29.20 → $430.20.
    expect(auto.monthlyUsd).toBeCloseTo(430.2, 2);
    expect(auto.provisionedMonthlyUsd).toBe(plan.costs.provisioned.totalMonthlyUsd);
    expect(auto.fixes).toBe('key-over-limit');
    expect(auto.keysOverLimit).toEqual(['sensor-7']);
    // sensor-7 writes 1,200 records/s, 200 over its shard's 1,000: at least 200 / 2,000 = 10% refused on any layout.
    expect(auto.provisionedStreamThrottledFraction).toBeGreaterThanOrEqual(0.1 - 1e-9);
    expect(auto.throttledFraction).toBe(0);
  });

  it('states the ordering trade-off and the calls, in the text report too', () => {
    expect(auto.orderingTradeOff).toMatch(/no longer kept in order/);
    expect(auto.orderingTradeOff).toMatch(/SequenceNumberForOrdering is refused/);
    expect(auto.calls[0]).toContain('--stream-mode-details StreamMode=ON_DEMAND --record-distribution-strategy AUTO');
    const text = renderPlanText(plan);
    expect(text).toContain('without per-key ordering: on-demand + AUTO record distribution $430.20/month vs provisioned');
  });

  it('is not offered when no key overloads a shard', () => {
    const w = example('hot-key-auto.json');
    const even = planCapacity({ ...w, traffic: { ...w.traffic, keys: { kind: 'uniform', count: 100_000, prefix: 'sensor-' } } });
    expect(even.autoDistribution).toBeUndefined();
  });
});
