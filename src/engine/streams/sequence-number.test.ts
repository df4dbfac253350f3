import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evenRanges, planUniformScaling, splitKeyProblem, tilesKeySpace } from './hash-range';
import { parseSequenceNumber, renderSequenceNumber, shardIdOf, shardNumberOf } from './sequence-number';

describe('sequence numbers', () => {
  it('render to 56 digits starting 49 and parse back (property)', () => {
    fc.assert(fc.property(fc.nat(9_999_999_999), fc.maxSafeNat(), fc.nat(999_999), (epoch, counter, shard) => {
      const text = renderSequenceNumber(epoch, counter, shard);
      expect(text).toMatch(/^49\d{54}$/);
      expect(parseSequenceNumber(text)).toEqual({ streamEpochSec: epoch, counter, shardNumber: shard });
    }));
  });

  it('compare as big integers in counter order within a shard (property)', () => {
    fc.assert(fc.property(fc.maxSafeNat(), fc.maxSafeNat(), fc.nat(5000), (a, b, shard) => {
      const x = BigInt(renderSequenceNumber(1767225600, a, shard));
      const y = BigInt(renderSequenceNumber(1767225600, b, shard));
      expect(x < y).toBe(a < b);
    }));
  });

  it('refuses numbers it did not render', () => {
    for (const bad of ['0', '1'.repeat(56), '49' + 'x'.repeat(54), '49' + '9'.repeat(60)]) expect(parseSequenceNumber(bad)).toBeUndefined();
  });

  it('formats shard ids with 12 digits', () => {
    expect(shardIdOf(7)).toBe('shardId-000000000007');
    expect(shardNumberOf('shardId-000000000007')).toBe(7);
    expect(shardNumberOf('nope')).toBeUndefined();
  });
});

describe('hash ranges', () => {
  it('split evenly as the spec test vectors say', () => {
    expect(evenRanges(2).map((r) => [r.start.toString(), r.end.toString()])).toEqual([
      ['0', '170141183460469231731687303715884105727'],
      ['170141183460469231731687303715884105728', '340282366920938463463374607431768211455'],
    ]);
    expect(evenRanges(3)[1]).toEqual({ start: 113427455640312821154458202477256070485n, end: 226854911280625642308916404954512140969n });
  });

  it('need a split key strictly inside, above start + 1', () => {
    const r = { start: 10n, end: 20n };
    expect(splitKeyProblem(r, 11n)).toBeDefined();
    expect(splitKeyProblem(r, 12n)).toBeUndefined();
    expect(splitKeyProblem(r, 20n)).toBeDefined();
  });

  it('plan UNIFORM_SCALING between any counts with ≤ 2 parents per child and a tiling result (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 64 }), fc.double({ min: 0.5, max: 2, noNaN: true }), (from, factor) => {
      const to = Math.max(1, Math.round(from * factor));
      let ranges = evenRanges(from);
      for (const step of planUniformScaling(ranges, to)) {
        if (step.kind === 'split') {
          expect(ranges).toContainEqual(step.range);
          ranges = ranges.filter((r) => r !== step.range && !(r.start === step.range.start && r.end === step.range.end));
          ranges.push({ start: step.range.start, end: step.newStart - 1n }, { start: step.newStart, end: step.range.end });
        } else {
          expect(step.left.end + 1n).toBe(step.right.start);
          ranges = ranges.filter((r) => !(r.start === step.left.start && r.end === step.left.end) && !(r.start === step.right.start && r.end === step.right.end));
          ranges.push({ start: step.left.start, end: step.right.end });
        }
        expect(tilesKeySpace(ranges)).toBe(true);
      }
      // Even ranges, each boundary within 2^32 keys of its exact place (kept at an existing boundary that close).
      const sorted = [...ranges].sort((a, b) => (a.start < b.start ? -1 : 1));
      const even = evenRanges(to);
      expect(sorted).toHaveLength(to);
      sorted.forEach((r, i) => {
        const off = r.start - even[i].start;
        expect(off <= 1n << 32n && off >= -(1n << 32n)).toBe(true);
      });
    }), { numRuns: 200 });
  });

  it('doubles with one split per shard and halves with one merge per pair, as AWS recommends', () => {
    for (const n of [3, 7, 1000]) {
      const up = planUniformScaling(evenRanges(n), 2 * n);
      expect([up.filter((s) => s.kind === 'split').length, up.filter((s) => s.kind === 'merge').length]).toEqual([n, 0]);
      const down = planUniformScaling(evenRanges(2 * n), n);
      expect([down.filter((s) => s.kind === 'split').length, down.filter((s) => s.kind === 'merge').length]).toEqual([0, n]);
    }
  });
});
