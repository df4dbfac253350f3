import { describe, expect, it } from 'vitest';
import { runWorld } from '../../world/index';
import { comparisonRows, comparisonScenario, DEFAULT_COMPARISON } from './comparison';

describe('Kinesis vs SQS comparison', () => {
  it('runs the same workload on both and shows fan-out vs competing consumers and replay', () => {
    const p = DEFAULT_COMPARISON;
    const { world, report } = runWorld(comparisonScenario(p), 180_000);
    const snap = world.snapshot();
    const rows = comparisonRows(p, snap, 180);
    expect(rows.map((r) => r.point)).toEqual(['Ordering', 'Fan-out', 'A consumer crashes', 'Replay and retention', 'Throughput units and throttling', 'Latency', 'Monthly cost of this workload']);
    // Kinesis: every consumer sees (nearly) everything, the late one included.
    const kinesis = report.consumers.filter((c) => c.stream === 'compare-stream');
    for (const c of kinesis) expect(c.recordsProcessed).toBeGreaterThan(30_000);
    // SQS: the messages are split among consumers; the late one gets only what arrives after it starts.
    const q = report.queues.queues[0];
    const total = q.consumers.reduce((n, c) => n + c.processed, 0);
    expect(total).toBeLessThanOrEqual(q.totals.sent);
    expect(q.consumers.find((c) => c.name === 'replays')!.processed).toBeLessThan(total / 2);
    expect(rows[6].kinesis).toMatch(/\$\d/);
  });
});
