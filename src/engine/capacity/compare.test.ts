import { describe, expect, it } from 'vitest';
import { compareWithSimulation, type SimulatedOutcome } from './compare';
import { parseWorkload, type Workload } from './workload';

function workload(json: Record<string, unknown>): Workload {
  const r = parseWorkload({ name: 'w', ...json });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.workload;
}

const hotKey = workload({
  traffic: {
    recordsPerSecond: { average: 2048 },
    recordSize: { kind: 'fixed', bytes: 1014 },
    partitionKeyBytes: 10,
    keys: { kind: 'hot-key', hotKey: 'device-17', share: 0.6, otherKeys: 10_000 },
  },
  consumers: [{ kind: 'polling', name: 'app' }],
});

const base: SimulatedOutcome = {
  kind: 'simulated-outcome',
  shardCount: 8,
  durationSeconds: 600,
  writeThrottledPercent: 0,
  droppedRecords: 0,
  recordsOffered: 2048 * 600,
  p99PutLatencyMs: 40,
  maxIteratorAgeMs: 1000,
  peakShardUtilization: 0.3,
};

describe('plan vs simulation', () => {
  it('agrees when the simulation matches the hot-key prediction within 2 points', () => {
    // At 8 shards the hot key's shard refuses ≈ 1/6 of the key's records: ≈ 10% of all records, plus collateral.
    const predicted = compareWithSimulation(hotKey, base).rows.find((r) => r.metric === 'write-throttled')!.predicted!;
    expect(predicted).toBeGreaterThan(10);
    const c = compareWithSimulation(hotKey, { ...base, writeThrottledPercent: predicted + 1.5, peakShardUtilization: 1 });
    const row = c.rows.find((r) => r.metric === 'write-throttled')!;
    expect(row.verdict).toBe('agree');
    expect(c.rows.find((r) => r.metric === 'peak-shard-utilization')!.verdict).toBe('agree');
  });

  it('blames skew when the hot shard throttles more than predicted', () => {
    const c = compareWithSimulation(hotKey, { ...base, writeThrottledPercent: 25, peakShardUtilization: 1 });
    const row = c.rows.find((r) => r.metric === 'write-throttled')!;
    expect(row).toMatchObject({ verdict: 'differs', cause: 'skew' });
    expect(c.summary).toMatch(/write-throttled \(skew\)/);
  });

  it('blames bursts for throttling on a uniform load near the limit', () => {
    const uniform = workload({ traffic: { recordsPerSecond: { average: 3600 }, recordSize: { kind: 'fixed', bytes: 1000 }, keys: { kind: 'uniform', count: 100_000 } } });
    const c = compareWithSimulation(uniform, { ...base, shardCount: 4, writeThrottledPercent: 5, peakShardUtilization: 0.9 });
    expect(c.rows.find((r) => r.metric === 'write-throttled')).toMatchObject({ predicted: 0, verdict: 'differs', cause: 'bursts' });
  });

  it('explains dropped records by the per-key limit', () => {
    const c = compareWithSimulation(hotKey, { ...base, droppedRecords: 1000 });
    expect(c.rows.find((r) => r.metric === 'dropped-records')).toMatchObject({ verdict: 'differs', cause: 'skew' });
    expect(c.rows.find((r) => r.metric === 'dropped-records')!.explanation).toMatch(/device-17/);
  });

  it('flags iterator age beyond what consumer speed implies', () => {
    const c = compareWithSimulation(hotKey, { ...base, maxIteratorAgeMs: 120_000 });
    expect(c.rows.find((r) => r.metric === 'max-iterator-age')).toMatchObject({ verdict: 'differs', cause: 'consumer-speed' });
    expect(compareWithSimulation(hotKey, base).rows.find((r) => r.metric === 'max-iterator-age')!.verdict).toBe('agree');
  });

  it('is JSON-able', () => {
    const c = compareWithSimulation(hotKey, base);
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });
});
