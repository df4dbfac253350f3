import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evenSplitRange, evenSplitRanges, evenSplitShardOf, HASH_SPACE, planUpdateShardCount } from './reshard-path';

describe('UpdateShardCount path (spec §4.3)', () => {
  it('4 → 20 takes three calls', () => {
    expect(planUpdateShardCount(4, 20).steps).toEqual([8, 16, 20]);
  });
  it('20 → 3 takes three calls', () => {
    expect(planUpdateShardCount(20, 3).steps).toEqual([10, 5, 3]);
  });
  it('flags paths over 10 calls a day', () => {
    const plan = planUpdateShardCount(1, 4096);
    expect(plan.steps).toHaveLength(12);
    expect(plan.exceedsDailyCallLimit).toBe(true);
  });
  it('every step stays within [½·cur, 2·cur] and ends at the target', () => {
    // Invariant: each call is legal and the path reaches its target. Leaves out the 24 h window timing.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (from, to) => {
        const { steps } = planUpdateShardCount(from, to);
        let cur = from;
        for (const s of steps) {
          expect(s).toBeLessThanOrEqual(cur * 2);
          expect(s).toBeGreaterThanOrEqual(cur / 2);
          cur = s;
        }
        expect(cur).toBe(to);
      }),
      { seed: 42 },
    );
  });
});

describe('even split of the hash key space (spec §10)', () => {
  it('N = 2', () => {
    expect(evenSplitRanges(2).map((r) => [r.startingHashKey.toString(), r.endingHashKey.toString()])).toEqual([
      ['0', '170141183460469231731687303715884105727'],
      ['170141183460469231731687303715884105728', '340282366920938463463374607431768211455'],
    ]);
  });
  it('N = 3', () => {
    expect(evenSplitRanges(3).map((r) => [r.startingHashKey.toString(), r.endingHashKey.toString()])).toEqual([
      ['0', '113427455640312821154458202477256070484'],
      ['113427455640312821154458202477256070485', '226854911280625642308916404954512140969'],
      ['226854911280625642308916404954512140970', '340282366920938463463374607431768211455'],
    ]);
  });
  it('finds the shard whose range holds a key, at the range edges too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.bigInt({ min: 0n, max: HASH_SPACE - 1n }), (n, h) => {
        const i = evenSplitShardOf(h, n);
        const r = evenSplitRange(i, n);
        expect(h >= r.startingHashKey && h <= r.endingHashKey).toBe(true);
        expect(evenSplitShardOf(r.startingHashKey, n)).toBe(i);
        expect(evenSplitShardOf(r.endingHashKey, n)).toBe(i);
      }),
      { seed: 7 },
    );
  });
});
