/**
 * The agents and queues parts in one world: field-path validation, and runs that report
 * agent flows and queue traffic (competing consumers, a crash and redeliveries, a DLQ).
 */
import { describe, expect, it } from 'vitest';
import { runWorld, validateWorld } from '../../world/index';

const base = { version: 1, seed: 5, streams: [{ name: 's', shards: 1 }], producers: [] };

describe('queues and agents in the world', () => {
  it('names bad fields with their paths', () => {
    const v = validateWorld({
      ...base,
      queues: [{ name: 'bad name' }, { name: 'q', consumers: [{ name: 'c', maxMessages: 11 }] }],
      agents: [{ name: 'a', config: { flows: [{ filePattern: '/x/y.log', kinesisStream: 'missing', maxBufferAgeMillis: 1 }] } }],
    });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors).toEqual(expect.arrayContaining([
      'queues[0].name must be 1-80 of A-Z a-z 0-9 _ - (FIFO queues end in .fifo)',
      'queues[1].consumers[0].maxMessages must be a whole number from 1 to 10',
      'agents[0].config.flows[0].maxBufferAgeMillis: maxBufferAgeMillis is 1, outside the valid range [1000, 900000]',
    ]));
  });

  it('runs competing consumers with a crash: every message processed, the crashed worker\'s in-flight ones redelivered', () => {
    const doc = {
      ...base,
      queues: [
        { name: 'jobs-dlq' },
        {
          name: 'jobs',
          attributes: { VisibilityTimeout: '5', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:us-east-1:000000000000:jobs-dlq', maxReceiveCount: 5 }) },
          producers: [{ name: 'p', rate: { kind: 'constant', recordsPerSec: 50 } }],
          consumers: [
            { name: 'steady', pollers: 2, processingMs: 5 },
            { name: 'crashy', pollers: 2, processingMs: 5, crashAtSec: 20, restartAfterSec: 10 },
          ],
        },
      ],
    };
    const { report } = runWorld(doc, 60_000);
    const q = report.queues.queues.find((x) => x.name === 'jobs')!;
    expect(q.totals.sent).toBe(3_000);
    const processed = q.consumers.reduce((n, c) => n + c.processed, 0);
    expect(processed + q.visible + q.inFlight).toBe(3_000);
    expect(processed).toBeGreaterThan(2_900);
    expect(q.consumers.every((c) => c.processed > 0)).toBe(true);
    expect(q.monthlyCostUsd).toBeGreaterThan(0);
  });

  it('a FIFO queue keeps order per group across competing consumers', () => {
    const doc = {
      ...base,
      queues: [{
        name: 'orders.fifo',
        attributes: { ContentBasedDeduplication: 'false' },
        producers: [{ name: 'p', rate: { kind: 'constant', recordsPerSec: 40 }, groups: 4 }],
        consumers: [{ name: 'a', pollers: 3, processingMs: 20 }, { name: 'b', pollers: 3, processingMs: 20 }],
      }],
    };
    const { report } = runWorld(doc, 30_000);
    const q = report.queues.queues[0];
    expect(q.fifo).toBe(true);
    expect(q.consumers.reduce((n, c) => n + c.processed, 0)).toBeGreaterThan(1_100);
    expect(q.consumers.reduce((n, c) => n + c.outOfOrder, 0)).toBe(0);
  });

  it('the same seed gives the same report', () => {
    const doc = { ...base, queues: [{ name: 'q', producers: [{ name: 'p', rate: { kind: 'constant', recordsPerSec: 20 } }], consumers: [{ name: 'c', failureRate: 0.1, processingMs: 30 }] }] };
    expect(runWorld(doc, 20_000).report.queues).toEqual(runWorld(doc, 20_000).report.queues);
  });
});
