import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Prng } from './prng';
import { ZipfSampler } from './zipf';

describe('Prng', () => {
  it('reproduces the same sequence from the same seed', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    for (let i = 0; i < 1000; i++) expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it('gives different sequences for different seeds and forks', () => {
    const root = new Prng('demo');
    const x = root.fork('producer:a');
    const y = root.fork('producer:b');
    expect(x.nextUint32()).not.toBe(y.nextUint32());
    expect(new Prng(1).nextUint32()).not.toBe(new Prng(2).nextUint32());
  });

  it('forks are independent of draws already made on the parent', () => {
    const a = new Prng(7);
    const b = new Prng(7);
    a.next();
    a.next();
    expect(a.fork('x').nextUint32()).toBe(b.fork('x').nextUint32());
  });

  it('keeps draws within their ranges', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (seed, min, span) => {
        const p = new Prng(seed);
        for (let i = 0; i < 50; i++) {
          const v = p.intInclusive(min, min + span);
          if (v < min || v > min + span || !Number.isInteger(v)) return false;
          const u = p.next();
          if (u < 0 || u >= 1) return false;
        }
        return true;
      }),
    );
  });

  it('has a mean near 0.5 and normal draws near their mean', () => {
    const p = new Prng('stats');
    let sum = 0;
    let sumN = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      sum += p.next();
      sumN += p.normal(10, 2);
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sumN / n).toBeCloseTo(10, 1);
  });

  it('makes well-formed v4 UUIDs', () => {
    const p = new Prng(3);
    for (let i = 0; i < 100; i++) expect(p.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('ZipfSampler', () => {
  it('matches its probabilities empirically', () => {
    const z = new ZipfSampler(100, 1.1);
    const p = new Prng('zipf');
    const counts = new Array(100).fill(0);
    const n = 200_000;
    for (let i = 0; i < n; i++) counts[z.sample(p)]++;
    expect(counts[0] / n).toBeCloseTo(z.probability(0), 2);
    expect(counts[1] / n).toBeCloseTo(z.probability(1), 2);
    expect(counts[0]).toBeGreaterThan(counts[10]);
  });

  it('is uniform with exponent 0', () => {
    const z = new ZipfSampler(4, 0);
    expect(z.probability(0)).toBeCloseTo(0.25, 10);
    expect(z.probability(3)).toBeCloseTo(0.25, 10);
  });
});

describe('Prng.fillUint32', () => {
  it('yields exactly the nextUint32 sequence and leaves the generator where nextUint32 would', () => {
    const a = new Prng('fill');
    const b = new Prng('fill');
    const out = new Uint32Array(10);
    a.fillUint32(out, 3, 7);
    const expected = Array.from({ length: 7 }, () => b.nextUint32());
    expect(Array.from(out.subarray(3))).toEqual(expected);
    expect(Array.from(out.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(a.nextUint32()).toBe(b.nextUint32());
  });
});
