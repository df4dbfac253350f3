import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkOnDemandRamp } from './on-demand-ramp';
import { planCapacity } from './plan';
import { renderPlanText } from './report-text';
import { sizeShards } from './shard-sizing';
import { MIB } from './units';
import { parseWorkload, type Workload } from './workload';

function workload(json: Record<string, unknown>): Workload {
  const r = parseWorkload({ name: 't', ...json });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.workload;
}

const tenKiB = {
  traffic: {
    recordsPerSecond: { average: 10_240 },
    recordSize: { kind: 'fixed', bytes: 1014 },
    partitionKeyBytes: 10,
    keys: { kind: 'uniform', count: 100_000 },
  },
};

describe('planCapacity', () => {
  it('reproduces example 4 end to end and recommends provisioned', () => {
    const plan = planCapacity(workload({ ...tenKiB, consumers: [{ kind: 'polling', name: 'a' }, { kind: 'polling', name: 'b' }] }));
    expect(plan.sizing.shards).toBe(13);
    expect(plan.sizing.binding.constraint).toBe('write-records');
    expect(plan.costs.provisioned.totalMonthlyUsd).toBeCloseTo(519.1, 2);
    expect(plan.costs['on-demand-standard'].totalMonthlyUsd).toBeCloseTo(4135.45, 2);
    expect(plan.costs['on-demand-advantage'].totalMonthlyUsd).toBeCloseTo(3079.69, 2);
    expect(plan.recommendation.settings).toEqual({ mode: 'provisioned', streamMode: 'PROVISIONED', shardCount: 13, retentionHours: 24, efoConsumers: 0 });
    expect(plan.recommendation.runnerUp.mode).toBe('on-demand-advantage');
    expect(plan.recommendation.headline).toMatch(/^13 shards, provisioned \(\$519\.10\/month\): writes need 12\.8 shards at peak/);
    expect(plan.hotKeys.throttledFraction).toBe(0);
    expect(JSON.parse(JSON.stringify(plan)).kind).toBe('capacity-plan');
  });

  it('names a hot key that no shard count can carry (example 3)', () => {
    const plan = planCapacity(
      workload({
        traffic: {
          recordsPerSecond: { average: 2048 },
          recordSize: { kind: 'fixed', bytes: 1014 },
          partitionKeyBytes: 10,
          keys: { kind: 'hot-key', hotKey: 'device-17', share: 0.6, otherKeys: 10_000 },
        },
      }),
    );
    expect(plan.hotKeys.keysOverLimit[0]).toMatchObject({ key: 'device-17' });
    expect(plan.hotKeys.keysOverLimit[0].shardsWorth).toBeCloseTo(1.2288, 4);
    // 2,048 records/s × 1,024 B = 2 MiB/s; device-17 writes 1,228.8 records/s: its own excess is
    // (1,228.8 − 1,000) / 1,228.8 = 18.6% of its records, × 60% = 11.2% of the stream, in every mode.
    expect(plan.recommendation.headline).toMatch(/of the stream's records are still refused: key 'device-17' needs 1\.23 shards' worth on one hash value \(its own excess is 11% of all records/);
    expect(plan.recommendation.unfixableThrottling).toBeCloseTo((0.6 * (1228.8 - 1000)) / 1228.8, 9);
    expect(plan.recommendation.flags).toContain('hot key → no mode fixes it');
    expect(plan.findings.some((f) => f.code === 'hot-key' && f.severity === 'critical')).toBe(true);
    expect(plan.recommendation.unfixableThrottling).toBeGreaterThan(0);
  });

  it('finds more shards when few heavy keys collide on an even split', () => {
    // pk-0…pk-3 crowd three keys into the top of the hash space (spec §10): each key is 0.4 MiB/s and 400 records/s,
    // so 2 shards suffice by volume but only 6 separate the crowded keys (at most two per shard).
    const plan = planCapacity(
      workload({
        targetUtilization: 1,
        traffic: { recordsPerSecond: { average: 1600 }, recordSize: { kind: 'fixed', bytes: 1044 }, partitionKeyBytes: 4, keys: { kind: 'uniform', count: 4, prefix: 'pk-' } },
      }),
    );
    expect(plan.sizing.terms.find((t) => t.constraint === 'write-bytes')?.shards).toBe(2);
    // On 2 even shards pk-1, pk-2 and pk-0 share the upper half (1,200 records/s). Filling left to right at
    // 1,000 records/s (u = 1): pk-1 + pk-2 (hashes ce13…, eb70…) = 800 fit, pk-0 (effc…) starts a new
    // shard: one SplitShard at MD5(pk-0) gives 3 shards, cheaper than the 6 an even split needs.
    expect(plan.sizing.binding.constraint).toBe('key-skew');
    expect(plan.sizing.shards).toBe(3);
    expect(plan.layout.kind).toBe('targeted-splits');
    expect(plan.layout.splitCalls.map((c) => c.newStartingHashKey)).toEqual([BigInt('0xeffc8e8920e4ee5505b7f963c5d72f6d').toString()]);
    expect(plan.layout.evaluation.throttledFraction).toBe(0);
    expect(Math.max(...plan.layout.evaluation.shards.map((s) => s.utilization))).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('flags a GetRecords call rate no shard count fixes', () => {
    const plan = planCapacity(workload({ ...tenKiB, consumers: [{ kind: 'polling', name: 'p', count: 6 }] }));
    expect(plan.sizing.getRecordsFeasible).toBe(false);
    expect(plan.findings.map((f) => f.code)).toContain('get-records-tps');
  });

  it('renders a readable report', () => {
    const text = renderPlanText(planCapacity(workload({ ...tenKiB, firehose: { source: 'kinesis-stream' }, analytics: { kind: 'legacy-sql', kpus: 2 } })));
    expect(text).toMatch(/Recommendation: /);
    expect(text).toMatch(/\[price \d{4}-\d{2}-\d{2}\]/);
    expect(text).toMatch(/Firehose 'delivery-stream'/);
    expect(text).toMatch(/legacy \/ discontinued/);
    expect(text).toMatch(/shared-read/);
  });
});

describe('on-demand ramp (example 9)', () => {
  it('1 → 10 MiB/s on a new stream throttles ≈ 6 MiB/s until capacity catches up', () => {
    const c = checkOnDemandRamp({ previousPeakBytesPerSec: MIB, previousPeakRecordsPerSec: 1024, demandBytesPerSec: 10 * MIB, demandRecordsPerSec: 10_240 });
    expect(c.safe).toBe(false);
    expect(c.capacityBytesPerSec).toBe(4 * MIB);
    expect(c.throttledBytesPerSec).toBe(6 * MIB);
    expect(c.throttledSeconds).toBe(900);
    expect(c.recommendedWarmThroughputMiBps).toBe(11);
    const warm = checkOnDemandRamp({ previousPeakBytesPerSec: MIB, previousPeakRecordsPerSec: 1000, demandBytesPerSec: 10 * MIB, demandRecordsPerSec: 10_000, warmThroughputBytesPerSec: 10 * MIB });
    expect(warm.safe).toBe(true);
  });
  it('the FAQ anchor: after a 40 MiB/s peak, 80 MiB/s is absorbed at once', () => {
    expect(checkOnDemandRamp({ previousPeakBytesPerSec: 40 * MIB, previousPeakRecordsPerSec: 0, demandBytesPerSec: 80 * MIB, demandRecordsPerSec: 0 }).safe).toBe(true);
    expect(checkOnDemandRamp({ previousPeakBytesPerSec: 40 * MIB, previousPeakRecordsPerSec: 0, demandBytesPerSec: 81 * MIB, demandRecordsPerSec: 0 }).safe).toBe(false);
  });
  it('the planner recommends warm throughput or provisioned when a launch ramps past 2× the trailing peak', () => {
    const plan = planCapacity(workload({ ...tenKiB, traffic: { ...tenKiB.traffic, recordsPerSecond: { average: 10_240, previousPeak: 1024 } } }));
    expect(plan.onDemandRamp.standard.safe).toBe(false);
    expect(plan.findings.find((f) => f.code === 'on-demand-ramp')?.message).toMatch(/Pre-warm: Advantage warm throughput ≥ 11 MiB\/s/);
    expect(plan.recommendation.predictedFixableThrottling['on-demand-standard']).toBeGreaterThan(0.5);
  });
});

describe('shards needed is monotonic in rate and size (property)', () => {
  // Invariant: raising records/s or record size never lowers the shard count. Leaves out key skew.
  it('holds for random loads and consumer mixes', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 1, max: 4, noNaN: true }),
        fc.double({ min: 1, max: 4, noNaN: true }),
        fc.integer({ min: 0, max: 5 }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        (rps, bytes, rf, bf, shared, u) => {
          const consumers = Array.from({ length: shared }, (_, i) => ({ name: `c${i}`, source: 'polling' as const, readMode: 'shared' as const, pollsPerSecondPerShard: 1, processingRecordsPerSecPerShard: 500 }));
          const a = sizeShards({ recordsPerSecPeak: rps, bytesPerSecPeak: rps * bytes, targetUtilization: u, consumers });
          const b = sizeShards({ recordsPerSecPeak: rps * rf, bytesPerSecPeak: rps * rf * bytes * bf, targetUtilization: u, consumers });
          expect(b.shards).toBeGreaterThanOrEqual(a.shards);
        },
      ),
      { seed: 1122, numRuns: 300 },
    );
  });
});

describe('plan extras', () => {
  it('adds the UpdateShardCount path from the current shard count', () => {
    const plan = planCapacity(workload({ ...tenKiB, currentShards: 4 }));
    expect(plan.recommendation.settings.shardCount).toBe(13);
    expect(plan.reshard?.steps).toEqual([8, 13]);
    expect(plan.findings.find((f) => f.code === 'reshard')?.message).toMatch(/2 UpdateShardCount calls \(8 → 13\)/);
  });
  it('flags records above the maximum record size', () => {
    const plan = planCapacity(workload({ maxRecordSizeBytes: 4096, traffic: { recordsPerSecond: { average: 10 }, recordSize: { kind: 'lognormal', medianBytes: 2048, sigma: 1 }, keys: { kind: 'uniform', count: 10 } } }));
    // P(X > 2·median) for σ = 1 is 1 − Φ(ln 2) ≈ 24.4%.
    expect(plan.traffic.oversizeFraction).toBeCloseTo(0.244, 2);
    expect(plan.findings.map((f) => f.code)).toContain('oversize-records');
  });
});
