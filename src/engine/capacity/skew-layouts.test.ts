/**
 * Issue 12, worked examples for skew: fixable skew gets a provisioned layout, salting that works, and
 * throttling stated for the whole stream. Expected values are derived by hand in the comments; MD5
 * placement is recomputed here with node:crypto (independent of the engine's MD5) and BigInt.
 * Property: targeted splits never leave fixable throttling and every SplitShard call is valid.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyWeights } from './key-weights';
import { planCapacity } from './plan';
import { planTargetedSplits } from './targeted-splits';
import { parseWorkload, type Workload } from './workload';

const SPACE = 1n << 128n;
const md5 = (key: string) => BigInt(`0x${createHash('md5').update(key, 'utf8').digest('hex')}`);
const evenShard = (key: string, n: number) => Number((md5(key) * BigInt(n)) / SPACE);
const root = join(import.meta.dirname, '../../..');

function example(name: string): Workload {
  const parsed = parseWorkload(JSON.parse(readFileSync(join(root, 'examples/workloads', name), 'utf8')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.workload;
}

describe('fixable skew gets a provisioned layout (examples/workloads/tenant-skew.json)', () => {
  // 3,000 records/s of 200 B; 'tenant-acme' 30% = 900 records/s (< 1,000: it fits a shard alone);
  // 20 other tenants share 2,100 records/s = 105 records/s each.
  // Load-based count: records bind, 3,000 / (1,000 × 0.8) = 3.75 → 4 shards.
  const plan = planCapacity(example('tenant-skew.json'));
  const acme = md5('tenant-acme');

  it('sees the hot shard an even split at 4 shards makes', () => {
    expect(evenShard('tenant-acme', 4)).toBe(3);
    const neighbours = Array.from({ length: 20 }, (_, i) => `tenant-${i}`).filter((k) => evenShard(k, 4) === 3);
    // Four tenants share shard 3: 900 + 4 × 105 = 1,320 records/s, 320 over the 1,000 limit.
    expect(neighbours).toEqual(['tenant-1', 'tenant-4', 'tenant-5', 'tenant-19']);
    expect(plan.layout.baseShards).toBe(4);
    expect(plan.layout.atBase.shards[3].recordsPerSec).toBeCloseTo(1320, 6);
    // Every record on shard 3 loses the same share: 320 refused of 3,000 = 10.67% of the stream.
    expect(plan.layout.atBase.throttledFraction).toBeCloseTo(320 / 3000, 9);
  });

  it('isolates the tenant with two SplitShard calls: 6 shards, no throttling', () => {
    // Cut at MD5(tenant-acme) and two above it: [start₃, h−1] holds tenant-1 and tenant-19 (hashes below h),
    // [h, h+1] holds tenant-acme alone (900 records/s = 90%), [h+2, end₃] holds tenant-4 and tenant-5.
    // Child ids follow the stream's counter: 4 and 5 from shard 3, then 6 and 7 from shard 5.
    expect(plan.layout.kind).toBe('targeted-splits');
    expect(plan.layout.shards).toBe(6);
    expect(plan.layout.splitCalls.map((c) => [c.shardToSplit, c.newStartingHashKey, ...c.children])).toEqual([
      ['shardId-000000000003', acme.toString(), 'shardId-000000000004', 'shardId-000000000005'],
      ['shardId-000000000005', (acme + 2n).toString(), 'shardId-000000000006', 'shardId-000000000007'],
    ]);
    const loads = plan.layout.evaluation.shards.map((s) => Math.round(s.recordsPerSec));
    // Shards 0–2 as before: 4, 6 and 6 tenants × 105; then 2 × 105, 900, 2 × 105.
    expect(loads).toEqual([420, 630, 630, 210, 900, 210]);
    expect(plan.layout.evaluation.throttledFraction).toBe(0);
  });

  it('no even count up to 6 isolates it, so splits are cheaper than UpdateShardCount', () => {
    const keys = [...Array.from({ length: 20 }, (_, i) => ({ key: `tenant-${i}`, rps: 105 })), { key: 'tenant-acme', rps: 900 }];
    const worst = (n: number) => {
      const per = new Array<number>(n).fill(0);
      for (const k of keys) per[evenShard(k.key, n)] += k.rps;
      return Math.max(...per);
    };
    for (let n = 4; n <= 6; n++) expect(worst(n)).toBeGreaterThan(1000);
  });

  it('recommends provisioned at about 3.6× less than on-demand', () => {
    // Provisioned: 6 × 730 × $0.015 = $65.70; PPU 3,000 × 2,628,000 s × 1 / 1e6 × $0.014 = $110.376 → $176.08.
    // On-demand Standard: 730 × $0.04 = $29.20; 209 B rounds to 1 KiB: 3,000 × 2,628,000 × 1,024 / 2³⁰ GiB
    // = 7,518.77 GiB × $0.08 = $601.50 → $630.70. Ratio 630.70 / 176.08 = 3.58.
    expect(plan.recommendation.settings).toMatchObject({ mode: 'provisioned', shardCount: 6, baseShards: 4 });
    expect(plan.recommendation.monthlyUsd).toBeCloseTo(176.076, 2);
    expect(plan.costs['on-demand-standard'].totalMonthlyUsd).toBeCloseTo(630.7, 1);
    expect(plan.recommendation.streamThrottledFraction).toBe(0);
  });
});

describe('salting that works and throttling stated for the whole stream (examples/workloads/hot-device-salting.json)', () => {
  // 2,000 records/s of 100 B; 'device-17' 60% = 1,200 records/s, over the 1,000 per-key limit;
  // 40 sensors share 800 records/s = 20 each. Load-based count: 2,000 / 800 = 2.5 → 3 shards.
  const plan = planCapacity(example('hot-device-salting.json'));

  it('states how much of the whole stream throttles, before and after isolating the key', () => {
    const perShard = [0, 0, 0];
    for (let i = 0; i < 40; i++) perShard[evenShard(`sensor-${i}`, 3)] += 20;
    // Sensors per shard 14, 12, 14 → 280, 240, 280 records/s; device-17 lands on shard 0.
    expect(perShard).toEqual([280, 240, 280]);
    expect(evenShard('device-17', 3)).toBe(0);
    // Even split: shard 0 takes 1,200 + 280 = 1,480, refusing 480 of 2,000 = 24% of the stream —
    // not the key's own 200 excess (10%).
    expect(plan.layout.atBase.throttledFraction).toBeCloseTo(480 / 2000, 9);
    // Isolated (two splits): only the key's own excess, 200 / 2,000 = 10%, and the reason says so.
    expect(plan.layout.shards).toBe(5);
    expect(plan.recommendation.streamThrottledFraction).toBeCloseTo(0.1, 9);
    expect(plan.recommendation.headline).toMatch(/10% of the stream's records are still refused: key 'device-17'/);
    expect(plan.findings.find((f) => f.code === 'key-skew')?.message).toMatch(/24% of the stream's records would be throttled/);
  });

  it('advises sub-keys checked on the shard each lands on, skipping collisions', () => {
    // Two sub-keys (the naive ceil(1.2 / 0.8)) carry 600 each: 600 + 280 = 880 > 800 (80% target) on
    // shards 0 and 2. Three carry 400: device-17#0 → shard 2 (280 + 400 = 680), #1 → shard 0 (680),
    // #2…#5 land on shards 0 or 2 again (collide), #6 → shard 1 (240 + 400 = 640).
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => evenShard(`device-17#${i}`, 3))).toEqual([2, 0, 0, 2, 0, 2, 1]);
    const salt = plan.salting[0];
    expect(salt.shardCount).toBe(3);
    expect(salt.naiveSubKeys).toBe(2);
    expect(salt.subKeys.map((s) => [s.name, s.shard])).toEqual([
      ['device-17#0', 2],
      ['device-17#1', 0],
      ['device-17#6', 1],
    ]);
    expect(salt.subKeys.map((s) => s.shardUtilizationAfter)).toEqual([0.68, 0.68, 0.64].map((x) => expect.closeTo(x, 9)));
    expect(salt.skipped.map((s) => s.name)).toEqual(['device-17#2', 'device-17#3', 'device-17#4', 'device-17#5']);
    expect(new Set(salt.subKeys.map((s) => s.shard)).size).toBe(salt.subKeys.length);
  });
});

describe('targeted splits (property)', () => {
  // Invariants: for any key set whose keys each fit a shard, the targeted layout refuses nothing; every
  // NewStartingHashKey lies strictly inside its parent (start + 1 < key < end). Leaves out: the tail spread.
  it('leave no fixable throttling and make only valid SplitShard calls', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 90 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (ws, base) => {
        const weights = keyWeights({ kind: 'explicit', weights: Object.fromEntries(ws.map((w, i) => [`k-${i}`, w])) });
        const total = ws.reduce((a, b) => a + b, 0);
        const r = total * 10; // key i writes 10·w_i ≤ 900 records/s
        const t = planTargetedSplits({ weights, baseShards: base, bytesPerSec: r * 100, recordsPerSec: r, targetUtilization: 0.8 });
        expect(t.evaluation.throttledFraction).toBeLessThanOrEqual(1e-9);
        const open = new Map<string, { start: bigint; end: bigint }>();
        for (let i = 0; i < base; i++) {
          open.set(`shardId-${String(i).padStart(12, '0')}`, { start: (BigInt(i) * SPACE) / BigInt(base), end: (BigInt(i + 1) * SPACE) / BigInt(base) - 1n });
        }
        for (const c of t.calls) {
          const parent = open.get(c.shardToSplit);
          expect(parent).toBeDefined();
          const at = BigInt(c.newStartingHashKey);
          expect(at > parent!.start + 1n && at < parent!.end).toBe(true);
          open.delete(c.shardToSplit);
          open.set(c.children[0], { start: parent!.start, end: at - 1n });
          open.set(c.children[1], { start: at, end: parent!.end });
        }
        expect(open.size).toBe(t.ranges.length);
      }),
      { numRuns: 60, seed: 12 },
    );
  });
});
