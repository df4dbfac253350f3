import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricStore, transferablesOf } from './metric-store';
import { RingSeries } from './ring-series';

describe('ring series', () => {
  it('keeps the newest `capacity` slots and reads gaps as NaN', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 50 }), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 200 }), (capacity, steps) => {
      // Invariant: after any sequence of writes with gaps, a slot reads its last written value when
      // it is within the newest `capacity` slots, NaN for a skipped slot, and NaN outside the window.
      const ring = new RingSeries(capacity);
      const model = new Map<number, number>();
      let slot = 0;
      for (const gap of steps) {
        slot += gap;
        ring.put(slot, slot * 10);
        model.set(slot, slot * 10);
        slot++;
      }
      for (let s = 0; s < slot; s++) {
        const expected = s >= slot - capacity && model.has(s) ? model.get(s)! : Number.NaN;
        expect(ring.at(s)).toBe(expected);
      }
      const copy = ring.copyWindow(slot - 5, slot + 2);
      expect(copy.length).toBe(7);
      expect(Number.isNaN(copy[6])).toBe(true);
    }));
  });
});

describe('metric store', () => {
  it('rolls seconds up to minutes by statistic and copies windows into fresh arrays', () => {
    const store = new MetricStore(0);
    const sum = store.series('stream', 's', 'IncomingRecords', 'Sum', 0);
    const max = store.series('stream', 's', 'GetRecords.IteratorAgeMilliseconds', 'Maximum', 0);
    for (let s = 0; s < 120; s++) {
      sum.put(s, 1);
      max.put(s, s);
    }
    const minutes = store.window(['stream:s:IncomingRecords', 'stream:s:GetRecords.IteratorAgeMilliseconds'], 0, 120_000, 'minute');
    expect(Array.from(minutes.series['stream:s:IncomingRecords'])).toEqual([60, 60]);
    expect(Array.from(minutes.series['stream:s:GetRecords.IteratorAgeMilliseconds'])).toEqual([59, 119]);
    const secs = store.window(['stream:s:IncomingRecords', 'stream:s:missing'], 110_000, 125_000);
    expect(secs.startMs).toBe(110_000);
    expect(Array.from(secs.series['stream:s:IncomingRecords']).slice(0, 10)).toEqual(new Array(10).fill(1));
    expect(Number.isNaN(secs.series['stream:s:missing'][0])).toBe(true);
    const buffers = transferablesOf(secs);
    expect(buffers).toHaveLength(2);
    expect(buffers[0]).not.toBe(sum.seconds.values.buffer);
  });
});
