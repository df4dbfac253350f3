/**
 * Issue 12, worked examples for "only what the workload needs" and "assumptions visible". Every
 * expected figure is derived by hand in the comments (730 h = 2,628,000 s; GiB = 2³⁰ B) from the
 * example workloads in examples/workloads/, which `npm run plan` reads too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bestRecordsPerEntry } from './cost-firehose';
import { planCapacity } from './plan';
import { DEFAULT_PRICE_TABLE } from './price-table';
import { renderPlanText } from './report-text';
import { parseWorkload, type Workload } from './workload';

const root = join(import.meta.dirname, '../../..');
const S = 2_628_000;
const GIB = 2 ** 30;

function example(name: string): Workload {
  const parsed = parseWorkload(JSON.parse(readFileSync(join(root, 'examples/workloads', name), 'utf8')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.workload;
}

describe('a Direct PUT Firehose workload headlines Firehose, not a data stream', () => {
  const plan = planCapacity(example('firehose-direct-put.json'));

  it('recommends Firehose with the best batching saving (spec example 7)', () => {
    // 1,000 records/s × 1 KiB, each billed as 5 KiB: 1,000 × 2,628,000 × 5,120 / 2³⁰ = 12,531.28 GiB × $0.029 = $363.41.
    // Best batching: 5 × 1,024 = 5,120 B, exactly one 5 KiB step, no rounding left: 2,506.26 GiB × $0.029 = $72.68.
    const billed = (1000 * S * 5120) / GIB;
    expect(billed).toBeCloseTo(12_531.28, 2);
    expect(plan.recommendation.target).toBe('firehose-direct-put');
    expect(plan.recommendation.monthlyUsd).toBeCloseTo(billed * 0.029, 6);
    expect(plan.firehose?.batchingAlternative?.recordsPerEntry).toBe(5);
    expect(plan.firehose?.batchingAlternative?.totalMonthlyUsd).toBeCloseTo((1000 * S * 1024 * 0.029) / GIB, 6);
    expect(plan.recommendation.headline).toMatch(/^Firehose Direct PUT 'logs-to-s3' \(\$363\.41\/month\); no Kinesis data stream is needed.*Batching 5 records per entry cuts it to \$72\.68\/month/);
    expect(renderPlanText(plan)).not.toMatch(/^Runner-up/m);
  });

  it('finds the batching with the least rounding, not just what fits in 5 KiB', () => {
    // 700 B: 7 per entry (4,900 B → 5,120) bills 731 B per record. lcm(700, 5,120) = 2²·5²·7 · 2⁸ = 179,200 B
    // = 256 records = 35 × 5 KiB exactly: 700 B per record, no tax; 256 ≤ 500 entries and 175 KiB ≤ 1,000 KiB.
    expect(bestRecordsPerEntry(700)).toBe(256);
    // 1,024 B: 5 records fill 5 KiB exactly; the smallest such count wins (least buffering).
    expect(bestRecordsPerEntry(1024)).toBe(5);
    // 300 KiB = 307,200 B = 60 × 5 KiB exactly: one record per entry already bills no tax.
    expect(bestRecordsPerEntry(307_200)).toBe(1);
  });
});

describe('every fix for the GetRecords call rate, with its cost (examples/workloads/get-records-six-apps.json)', () => {
  // 500 records/s × (1,014 + 10) B = 512,000 B/s. Six polling apps at 1 call/s = 6 > 5 calls/s per shard.
  // Shards: shared reads 6 × 0.488 MiB/s / (2 × 0.8) = 1.83 → 2. GiB read per consumer per month:
  // 512,000 × 2,628,000 / 2³⁰ = 1,253.13 GiB.
  const plan = planCapacity(example('get-records-six-apps.json'));
  const gib = (512_000 * S) / GIB;
  const fix = (kind: string) => plan.findings.find((f) => f.code === `get-records-fix-${kind}`)?.message ?? '';

  it('offers slower polling for free', () => {
    // 5 / 6 of the rate: 0.83 calls/s each, a poll every 1.2 s.
    expect(plan.sizing.shards).toBe(2);
    expect(fix('slower-polling')).toMatch(/poll 17% less often: app#1 0\.83\/s \(every 1\.2 s\)/);
    expect(fix('slower-polling')).toMatch(/provisioned \+\$0\.00\/month/);
  });

  it('prices moving one consumer or all of them to enhanced fan-out', () => {
    // One to EFO, provisioned: 2 shards × 730 h × $0.015 = $21.90 + 1,253.13 GiB × $0.013 = $16.29 → +$38.19.
    // On-demand Standard: the consumer's bytes move from $0.04 (shared) to $0.05 (EFO): 1,253.13 × 0.01 = +$12.53.
    const one = 2 * 730 * 0.015 + gib * 0.013;
    expect(one).toBeCloseTo(38.19, 2);
    expect(fix('fewer-shared-consumers')).toMatch(/keep 5 shared consumers .* move 1 \(app#6\) to enhanced fan-out \(provisioned \+\$38\.19\/month, on-demand Standard \+\$12\.53\/month\)/);
    // All six: 6 × $38.19 = $229.14 provisioned; 6 × $12.53 = $75.19 on-demand Standard.
    expect(fix('fan-out')).toMatch(/\(provisioned \+\$229\.14\/month, on-demand Standard \+\$75\.19\/month\)/);
  });
});

describe('large records on random shards (examples/workloads/large-records.json)', () => {
  it('warns with the probability that two land on one shard in the same second', () => {
    // 40 records/s, 10% of 600 KiB (> 512 KiB): λ = 4 large records/s. Bytes 36 × 10,247 + 4 × 614,407 B/s
    // = 2.695 MiB/s → 2.695 / 0.8 = 3.37 → 4 shards. Per shard μ = 1 per second:
    // P(≥ 2 on a shard) = 1 − e⁻¹·2 = 0.2642; P(some of 4 shards) = 1 − (2/e)⁴ = 0.7070;
    // refused per hour = 3,600 × 4 × (μ − 1 + e⁻μ) = 14,400 / e = 5,297.5.
    const plan = planCapacity(example('large-records.json'));
    expect(plan.sizing.shards).toBe(4);
    const msg = plan.findings.find((f) => f.code === 'large-records')?.message ?? '';
    expect(1 - (2 / Math.E) ** 4).toBeCloseTo(0.707, 3);
    expect(msg).toMatch(/10% of records are above 0\.5 MiB \(4\.00\/s at peak\)/);
    expect(msg).toMatch(/over 4 shards that happens in 70\.7% of seconds \(≈ 5297\.5 refused large records per hour/);
  });
});

describe('assumptions visible (examples/workloads/key-bytes-rounding.json)', () => {
  const plan = planCapacity(example('key-bytes-rounding.json'));

  it('names the reading used for the 1 KiB rounding and prices the other one', () => {
    // 1,000 B data + 40 B key = 1,040 B → 2 KiB billed; data only → 1 KiB.
    // Used: 1,000 × 2,628,000 × 2,048 / 2³⁰ = 5,012.51 GiB × $0.08 = $401.00 + stream 730 × $0.04 = $29.20 → $430.20.
    // Other: 2,506.26 GiB × $0.08 = $200.50 + $29.20 → $229.70.
    const a = plan.assumptions.find((x) => x.id === 'od-rounding-includes-key');
    expect(a?.usedReading).toMatch(/^yes/);
    expect(a?.monthlyUsd).toBeCloseTo(430.2, 2);
    expect(a?.otherMonthlyUsd).toBeCloseTo(229.7, 2);
    expect(renderPlanText(plan)).toMatch(/other: no: only the data blob is rounded up to 1 KiB → on-demand Standard \$229\.70\/month \(−\$200\.50\)/);
  });

  it('shows the date of its price on every cost line', () => {
    for (const mode of Object.values(plan.costs)) {
      for (const line of mode.lines) expect(line.priceAsOf).toBe(DEFAULT_PRICE_TABLE.rows[line.priceKey].asOf);
    }
    expect(plan.costs.provisioned.lines[0].priceAsOf).toBe('2026-11-22');
    expect(plan.costs['on-demand-standard'].lines[0].priceAsOf).toBe('2026-03-09');
    const text = renderPlanText(plan);
    const costLines = text.split('\n').filter((l) => / = +\$/.test(l));
    expect(costLines.length).toBeGreaterThan(4);
    for (const l of costLines) expect(l).toMatch(/\[price \d{4}-\d{2}-\d{2}\]/);
  });

  it('prices closed parent shards as a one-time alternative when the layout splits', () => {
    // tenant-skew: 2 SplitShard calls close 2 parents; if billed for the 24 h retention: 2 × 24 × $0.015 = $0.72.
    const split = planCapacity(example('tenant-skew.json'));
    expect(split.assumptions.find((x) => x.id === 'closed-parents-not-billed')?.oneTimeUsd).toBeCloseTo(0.72, 9);
  });
});
