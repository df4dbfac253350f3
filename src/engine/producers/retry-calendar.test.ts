import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng } from '../random/prng';
import { Simulation } from '../simulation';
import { AggregateProducer } from './aggregate-producer';
import { FakeSink } from './fake-sink';
import { withProducerDefaults } from './producer-config';
import { backoffTickShares, RetryCalendar } from './retry-calendar';
import type { RetryPolicy } from './retry-policy';

const policy = (over: Partial<RetryPolicy>): RetryPolicy => ({ maxRetries: 5, baseDelayMs: 100, maxDelayMs: 20_000, maxRecordAgeMs: 600_000, jitter: 'full', ...over });

describe('retry calendar', () => {
  it('spreads a refused group over the ticks the backoff reaches, conserving every record', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom<RetryPolicy['jitter']>('full', 'equal', 'none'), fc.integer({ min: 50, max: 5000 }),
      (count, level, jitter, baseDelayMs) => {
        // Invariant: scheduled + dropped = refused; nothing lands earlier than the shortest possible delay.
        const p = policy({ jitter, baseDelayMs, maxDelayMs: 8000 });
        const cal = new RetryCalendar(p, 5, 3, 20, new Prng(`cal/${count}/${level}`));
        const dropped = cal.schedule(0, 0, 1, level, count, 0);
        expect(dropped).toBe(0);
        expect(cal.backlog).toBe(count);
        let seen = 0;
        const cap = Math.min(8000, baseDelayMs * 2 ** (level - 1));
        const earliest = jitter === 'full' ? 0 : jitter === 'equal' ? cap / 2 : cap;
        for (let t = 1; t < cal.horizon; t++) {
          const cell = cal.due(t);
          const n = cell ? cal.countAt(cell, level, 1) : 0;
          if (n > 0) expect(t * 1000).toBeGreaterThanOrEqual(earliest + 20);
          seen += n;
        }
        expect(seen).toBe(count);
      },
    ), { seed: 1122, numRuns: 60 });
  });

  it('backoff shares sum to 1 and drop what would be due past the maximum record age', () => {
    const shares = backoffTickShares(policy({ baseDelayMs: 4000, maxDelayMs: 4000 }), 1, 20, 7);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // Uniform over 0…4 s after a 20 ms answer: tick 1 catches delays up to 980 ms, tick 5 the last 20 ms.
    expect(Array.from(shares.subarray(1, 6), (v) => Math.round(v * 1000) / 1000)).toEqual([0.245, 0.25, 0.25, 0.25, 0.005]);
    const cal = new RetryCalendar(policy({ baseDelayMs: 2000, maxDelayMs: 2000, jitter: 'none', maxRecordAgeMs: 2500 }), 3, 1, 20, new Prng('age'));
    // Created 1 s ago, retried 2.02 s from now: 3.02 s old by then, over the 2.5 s limit; a fresh one is 2.02 s old.
    expect(cal.schedule(0, 10_000, 0, 1, 50, 9_000)).toBe(50);
    expect(cal.backlog).toBe(0);
    expect(cal.schedule(0, 10_000, 0, 1, 50, 10_000)).toBe(0);
    expect(cal.drain()).toBe(50);
  });
});

describe('retry calendar rehoming', () => {
  it('moves records waiting on a closed shard to the open shards by weight, keeping their creation time', () => {
    const cal = new RetryCalendar(policy({ baseDelayMs: 500, maxDelayMs: 500, jitter: 'none' }), 3, 1, 20, new Prng('rehome'));
    cal.schedule(0, 1000, 0, 1, 101, 400);
    // The one shard closed; its two children are the new slots 1 and 2 (slot 0 is an unrelated open shard).
    expect(cal.remap(3, Int32Array.from([-1]), Int32Array.from([1, 2]), Float64Array.from([0.5, 0.5]))).toBe(0);
    expect(cal.slotCount).toBe(3);
    const cell = cal.due(1)!;
    expect([cal.countAt(cell, 1, 0), cal.countAt(cell, 1, 1) + cal.countAt(cell, 1, 2)]).toEqual([0, 101]);
    expect(Math.abs(cal.countAt(cell, 1, 1) - cal.countAt(cell, 1, 2))).toBeLessThanOrEqual(1);
    expect(cal.createdAvgAt(cell, 1, 2)).toBeCloseTo(400, 9);
    expect(cal.backlog).toBe(101);
  });

  it('keeps records of shards that stay open in their new slots, and hands back those with nowhere to go', () => {
    const cal = new RetryCalendar(policy({ baseDelayMs: 500, maxDelayMs: 500, jitter: 'none' }), 2, 2, 20, new Prng('remap'));
    cal.schedule(0, 1000, 0, 1, 7, 400);
    cal.schedule(0, 1000, 1, 1, 5, 600);
    // Slot 0 stays open and becomes slot 1; slot 1 closes with no open target.
    expect(cal.remap(2, Int32Array.from([1, -1]), new Int32Array(0), new Float64Array(0))).toBe(5);
    const cell = cal.due(1)!;
    expect([cal.countAt(cell, 1, 0), cal.countAt(cell, 1, 1)]).toEqual([0, 7]);
    expect(cal.createdAvgAt(cell, 1, 1)).toBeCloseTo(400, 9);
    expect(cal.backlog).toBe(7);
  });
});

describe('aggregate producer retries', () => {
  const burst = (retry: Partial<RetryPolicy>) => {
    const sim = new Simulation({ seed: 'agg-retry' });
    const sink = new FakeSink('s', 1, () => sim.nowMs);
    const p = new AggregateProducer(sim, withProducerDefaults({ name: 'p', streamName: 's', rate: { kind: 'step', steps: [{ atSec: 0, recordsPerSec: 2000 }, { atSec: 1, recordsPerSec: 0 }] }, retry }), sink);
    p.start();
    const retriedBySecond: number[] = [];
    for (let s = 0; s < 8; s++) {
      sim.advanceBy(1000);
      retriedBySecond.push(p.totals().retried);
    }
    return { p, retriedBySecond };
  };

  it('waits the backoff before retrying instead of the next second', () => {
    const { p, retriedBySecond } = burst({ maxRetries: 3, baseDelayMs: 3000, maxDelayMs: 3000, jitter: 'none', maxRecordAgeMs: 60_000 });
    // ~1,000 refused at 0 s are answered ~20 ms later and wait 3 s: the first tick at or after that is
    // 4 s (sampled after advancing to 1, 2, 3, 4 s, so index 3).
    expect(retriedBySecond.slice(0, 3)).toEqual([0, 0, 0]);
    expect(retriedBySecond[3]).toBeGreaterThan(900);
    const t = p.totals();
    expect(t.dropped).toBe(0);
    expect(t.accepted).toBe(t.attempted - t.throttled);
    expect(p.figures().backlogRecords).toBe(0);
  });

  it('drops and counts records older than the maximum record age', () => {
    const { p } = burst({ maxRetries: 10, baseDelayMs: 3000, maxDelayMs: 3000, jitter: 'none', maxRecordAgeMs: 2000 });
    const t = p.totals();
    expect(t.retried).toBe(0);
    expect(t.dropped).toBeGreaterThan(900);
    expect(t.accepted + t.dropped).toBe(Math.round(t.accepted + t.dropped)); // whole records
  });

  it('is deterministic for a seed', () => {
    const a = burst({ maxRetries: 4, baseDelayMs: 700, maxDelayMs: 5000, jitter: 'full' });
    const b = burst({ maxRetries: 4, baseDelayMs: 700, maxDelayMs: 5000, jitter: 'full' });
    expect(a.retriedBySecond).toEqual(b.retriedBySecond);
    expect(a.p.totals()).toEqual(b.p.totals());
  });
});
