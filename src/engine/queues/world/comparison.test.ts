import { describe, expect, it } from 'vitest';
import { runWorld } from '../../world/index';
import { comparisonFacts, comparisonScenario, DEFAULT_COMPARISON } from './comparison';

describe('Kinesis vs SQS comparison', () => {
  it('runs the same workload on both and shows fan-out vs competing consumers and replay', () => {
    const p = DEFAULT_COMPARISON;
    const { world, report } = runWorld(comparisonScenario(p), 180_000);
    const snap = world.snapshot();
    const facts = comparisonFacts(p, snap, 180);
    expect(facts.kinesisConsumers.map((c) => c.name)).toEqual(['steady', 'crashes', 'replays']);
    expect(facts.queueConsumers?.map((c) => c.name)).toEqual(['steady', 'crashes', 'replays']);
    // Kinesis: every consumer sees (nearly) everything, the late one included.
    const kinesis = report.consumers.filter((c) => c.stream === 'compare-stream');
    for (const c of kinesis) expect(c.recordsProcessed).toBeGreaterThan(30_000);
    // SQS: the messages are split among consumers; the late one gets only what arrives after it starts.
    const q = report.queues.queues[0];
    const total = q.consumers.reduce((n, c) => n + c.processed, 0);
    expect(total).toBeLessThanOrEqual(q.totals.sent);
    expect(q.consumers.find((c) => c.name === 'replays')!.processed).toBeLessThan(total / 2);
    expect(facts.replayMessages).toBe(q.consumers.find((c) => c.name === 'replays')!.processed);
    // The crashing consumer restarts from its last checkpoint, so it processes some records twice.
    expect(facts.crashRedelivered).toBeGreaterThan(0);
    expect(facts.kinesisMonthlyUsd).toBeGreaterThan(0);
    expect(facts.sqsMonthlyUsd).toBeGreaterThan(0);
  });
});
