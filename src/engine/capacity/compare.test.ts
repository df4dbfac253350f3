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

describe('p99 put latency is compared, not a fixed verdict (issue 12)', () => {
  // 2,500 records/s, PutRecords, 100 ms ticks → 250 records per call. Model (engine defaults):
  // (20 ms + 0.02 ms × 250) × e^{2.3263 × 0.25} = 25 × 1.7889 = 44.72 ms.
  const w = workload({
    traffic: { recordsPerSecond: { average: 2500 }, recordSize: { kind: 'fixed', bytes: 500 }, keys: { kind: 'uniform', count: 1000 } },
    putLatency: { baseMs: 20, perRecordMs: 0.02, sigma: 0.25, recordsPerCall: 250 },
  });
  const row = (p99: number) => compareWithSimulation(w, { ...base, shardCount: 4, p99PutLatencyMs: p99 }).rows.find((r) => r.metric === 'p99-put-latency')!;

  it('predicts the p99 of one call from the latency model', () => {
    expect(row(44).predicted).toBeCloseTo(25 * Math.exp(2.3263478740408408 * 0.25), 9);
    expect(25 * Math.exp(2.3263478740408408 * 0.25)).toBeCloseTo(44.72, 2);
  });

  it('agrees within 25% and differs beyond, either way', () => {
    expect(row(44).verdict).toBe('agree');
    expect(row(54).verdict).toBe('agree'); // 54 ≤ 1.25 × 44.72 = 55.9
    expect(row(60)).toMatchObject({ verdict: 'differs', cause: 'bursts' });
    expect(row(30)).toMatchObject({ verdict: 'differs', cause: 'model-gap' });
    expect(row(0)).toMatchObject({ verdict: 'differs' });
  });
});
