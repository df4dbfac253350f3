import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evenRanges, splitKeyProblem, splitRange } from './hash-range';
import { midpointHashKey } from './midpoint';

const MAX = 2n ** 128n - 1n;

describe('midpointHashKey', () => {
  it('halves the whole key space at 2^127', () => {
    expect(midpointHashKey({ start: 0n, end: MAX })).toBe(2n ** 127n);
  });

  it('is a valid split key whose children differ in size by at most one (property)', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: MAX - 1n }), fc.bigInt({ min: 1n, max: MAX }), (a, span) => {
      const start = a;
      const end = a + span > MAX ? MAX : a + span;
      // AWS refuses a split key that is not above start + 1 and below end: tiny ranges cannot split at all.
      fc.pre(end - start >= 3n);
      const range = { start, end };
      const mid = midpointHashKey(range);
      expect(splitKeyProblem(range, mid)).toBeUndefined();
      const [lo, hi] = splitRange(range, mid);
      const sizeLo = lo.end - lo.start + 1n;
      const sizeHi = hi.end - hi.start + 1n;
      expect(sizeLo - sizeHi === 0n || sizeLo - sizeHi === 1n || sizeHi - sizeLo === 1n).toBe(true);
    }));
  });

  it('splits each of four even shards in its own middle', () => {
    for (const r of evenRanges(4)) {
      const mid = midpointHashKey(r);
      expect(mid > r.start && mid <= r.end).toBe(true);
    }
  });
});
