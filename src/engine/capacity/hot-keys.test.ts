import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeHotKeys, hotShardClosedForm, probabilityDistinctShards, shardOfKey } from './hot-keys';
import { keyWeights } from './key-weights';
import { MIB } from './units';

describe('MD5 placement on 4 even shards (spec §10)', () => {
  it.each([
    ['user-1', 3],
    ['tenant-42', 2],
    ['a', 0],
    ['pk-0', 3],
    ['pk-1', 3],
    ['pk-2', 3],
    ['pk-3', 0],
  ])('%s → shard %i', (key, shard) => {
    expect(shardOfKey(key, 4)).toBe(shard);
  });

  it('pk-0…pk-3 crowd three of four keys onto shard 3', () => {
    const a = analyzeHotKeys({ weights: keyWeights({ kind: 'uniform', count: 4, prefix: 'pk-' }), shardCount: 4, bytesPerSec: 2 * MIB, recordsPerSec: 100, targetUtilization: 0.8 });
    expect(a.shards.map((s) => s.listedKeys)).toEqual([1, 0, 0, 3]);
    expect(a.hotShardIndex).toBe(3);
    // Shard 3 gets 1.5 MiB/s: a third of its traffic is refused, a quarter of all.
    expect(a.shards[3].throttledFraction).toBeCloseTo(1 / 3, 9);
    expect(a.throttledFraction).toBeCloseTo(0.25, 9);
    expect(a.keysOverLimit).toHaveLength(0);
  });
});

describe('one hot key plus a uniform remainder (example 3)', () => {
  it.each([
    [2, 1.6, 0.6, 0.375],
    [4, 1.4, 0.4, 0.286],
    [8, 1.3, 0.3, 0.231],
    [16, 1.25, 0.25, 0.2],
    [1000, 1.2008, 0.2008, 0.167],
  ])('N = %i', (n, load, throttled, share) => {
    const f = hotShardClosedForm(0.6, 2 * MIB, n);
    expect(f.hotShardLoad / MIB).toBeCloseTo(load, 4);
    expect(f.throttled / MIB).toBeCloseTo(throttled, 4);
    expect(f.throttledShareOfHotShard).toBeCloseTo(share, 3);
  });

  it('flags the key as over the per-key limit at any shard count', () => {
    const weights = keyWeights({ kind: 'hot-key', hotKey: 'device-17', share: 0.6, otherKeys: 5000, prefix: 'sensor-' });
    for (const n of [2, 8, 64]) {
      const a = analyzeHotKeys({ weights, shardCount: n, bytesPerSec: 2 * MIB, recordsPerSec: 1000, targetUtilization: 0.8 });
      expect(a.hottestKey.key).toBe('device-17');
      expect(a.hottestKey.shardsWorth).toBeCloseTo(1.2, 9);
      expect(a.hottestKey.fitsOneShard).toBe(false);
      expect(a.keysOverLimit.map((k) => k.key)).toEqual(['device-17']);
      expect(a.hottestKey.excessBytesPerSec / MIB).toBeCloseTo(0.2, 9);
      // 0.2 of the key's 1.2 MiB/s is refused whatever N is: 0.6 × 1/6 = 10% of all records.
      expect(a.unfixableFraction).toBeCloseTo(0.1, 9);
      expect(a.throttledFraction).toBeGreaterThanOrEqual(a.unfixableFraction - 1e-12);
    }
  });

  it('P(4 sub-keys on 4 distinct shards of 8) = 0.41', () => {
    expect(probabilityDistinctShards(4, 8)).toBeCloseTo((8 * 7 * 6 * 5) / 8 ** 4, 12);
    expect(probabilityDistinctShards(4, 8)).toBeCloseTo(0.41, 2);
  });
});

describe('key weights', () => {
  it('Zipf shares sum to 1 including the estimated tail', () => {
    const w = keyWeights({ kind: 'zipf', count: 1_000_000, exponent: 1.1, prefix: 'k' }, 1000);
    const listed = w.keys.reduce((s, k) => s + k.share, 0);
    expect(listed + w.remainderShare).toBeCloseTo(1, 12);
    expect(w.keys[0].share).toBeGreaterThan(w.keys[1].share);
    expect(w.remainderKeyCount).toBe(999_000);
  });
  it('a small exact Zipf has no remainder', () => {
    const w = keyWeights({ kind: 'zipf', count: 3, exponent: 1, prefix: 'k' });
    expect(w.keys.map((k) => k.share)).toEqual([6 / 11, 3 / 11, 2 / 11].map((x) => expect.closeTo(x, 12)));
    expect(w.remainderShare).toBe(0);
  });
});

describe('hot-key analysis invariants (property)', () => {
  // Invariants: per-shard loads add up to the stream's load; throttling is at least the per-key excess
  // and at most everything. Leaves out aggregation and explicit hash keys.
  it('conserves load and bounds throttling', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0.01, max: 8, noNaN: true }),
        (shards, keys, exponent, mib) => {
          const weights = keyWeights({ kind: 'zipf', count: keys, exponent, prefix: 'k-' });
          const a = analyzeHotKeys({ weights, shardCount: shards, bytesPerSec: mib * MIB, recordsPerSec: mib * 1000, targetUtilization: 0.8 });
          const total = a.shards.reduce((s, x) => s + x.bytesPerSec, 0);
          expect(total).toBeCloseTo(mib * MIB, 3);
          expect(a.throttledFraction).toBeGreaterThanOrEqual(a.unfixableFraction - 1e-9);
          expect(a.throttledFraction).toBeLessThanOrEqual(1);
          expect(a.skewThrottledFraction).toBeLessThanOrEqual(a.throttledFraction + 1e-9);
        },
      ),
      { seed: 99, numRuns: 100 },
    );
  });
});

describe('a hot key whose name is also one of the generated names', () => {
  it('adds both shares into one key (one name, one hash value)', () => {
    // The producer's table is ['device-17', 'device-0', …, 'device-4999']: 'device-17' is drawn 60% of the
    // time as the hot key plus 0.4 / 5,000 = 0.008% as an ordinary key → 60.008%.
    const weights = keyWeights({ kind: 'hot-key', hotKey: 'device-17', share: 0.6, otherKeys: 5000, prefix: 'device-' });
    expect(weights.keys.filter((k) => k.key === 'device-17')).toEqual([{ key: 'device-17', share: 0.6 + 0.4 / 5000 }]);
    expect(weights.keys).toHaveLength(5000);
  });
});
