import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './latency-histogram';

function exactQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

describe('latency histogram', () => {
  it('answers quantiles within one log bucket (≈9%) of the exact order statistic', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0.1, max: 60_000, noNaN: true }), { minLength: 1, maxLength: 300 }), fc.constantFrom(0.5, 0.9, 0.99, 1), (values, q) => {
      const h = new LatencyHistogram();
      for (const v of values) h.record(v);
      const exact = exactQuantile(values, q);
      const got = h.quantileMs(q);
      // Invariant: the reported quantile lies in the exact value's bucket (relative error under 2^(1/8)).
      expect(got / exact).toBeGreaterThan(2 ** (-1 / 8) - 1e-9);
      expect(got / exact).toBeLessThan(2 ** (1 / 8) + 1e-9);
      expect(got).toBeGreaterThanOrEqual(h.minMs);
      expect(got).toBeLessThanOrEqual(h.maxMs);
    }), { seed: 20261122 });
  });

  it('reports a constant latency exactly, weights count as calls, merge and reset work', () => {
    const h = new LatencyHistogram();
    expect(h.quantileMs(0.99)).toBe(0);
    h.record(25, 1000);
    expect(h.quantileMs(0.5)).toBe(25);
    expect(h.quantileMs(0.99)).toBe(25);
    expect(h.meanMs()).toBe(25);
    const slow = new LatencyHistogram();
    slow.record(400, 20); // 2% of calls are slow: the p99 moves, the median does not
    h.merge(slow);
    expect(h.count).toBe(1020);
    expect(h.quantileMs(0.5)).toBe(25);
    expect(h.quantileMs(0.99)).toBeGreaterThan(370);
    expect(h.maxMs).toBe(400);
    h.reset();
    expect(h.count).toBe(0);
    expect(h.quantileMs(0.99)).toBe(0);
  });
});
