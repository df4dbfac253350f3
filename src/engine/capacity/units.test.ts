import { describe, expect, it } from 'vitest';
import { aggregationShape, firehoseBilledBytes, onDemandBilledBytes, putPayloadUnits } from './units';
import { discretizeSizes, expectation, inverseStandardNormal, meanBytes } from './record-size';

describe('per-record accounting (spec §2, §10)', () => {
  it.each([
    [1, 1],
    [25_600, 1],
    [25_601, 2],
    [35_840, 2],
    // AWS's "1 MB = 40 units" counts decimal 1,000,000 B; 1 MiB is 41 units.
    [1_048_576, 41],
    [1_000_000, 40],
  ])('PPU of %i bytes is %i', (bytes, units) => {
    expect(putPayloadUnits(bytes)).toBe(units);
  });

  it('rounds on-demand records up to 1 KiB', () => {
    expect(onDemandBilledBytes(4608)).toBe(5120);
    expect(onDemandBilledBytes(1024)).toBe(1024);
    expect(onDemandBilledBytes(1)).toBe(1024);
  });

  it('rounds Firehose records up to 5 KiB', () => {
    expect(firehoseBilledBytes(3 * 1024)).toBe(5 * 1024);
    expect(firehoseBilledBytes(12 * 1024)).toBe(15 * 1024);
    expect(firehoseBilledBytes(42 * 1024)).toBe(45 * 1024);
  });

  it('packs 117 user records of 210 B into one aggregate under 25 KiB (example 2)', () => {
    const shape = aggregationShape(210);
    expect(shape.userRecordsPerAggregate).toBe(117);
    expect(shape.aggregateBytes).toBeLessThanOrEqual(25_600);
    expect(putPayloadUnits(shape.aggregateBytes)).toBe(1);
  });
});

describe('record size distributions', () => {
  it('averages rounding per record, not on the mean size', () => {
    // Half 100 B, half 2000 B: mean 1050 B would bill 2 KiB, but per record it is (1 + 2) / 2 KiB.
    const sizes = discretizeSizes({ kind: 'histogram', buckets: [{ bytes: 100, weight: 1 }, { bytes: 2000, weight: 1 }] });
    expect(meanBytes(sizes)).toBe(1050);
    expect(expectation(sizes, onDemandBilledBytes)).toBe(1536);
  });

  it('enumerates small uniform ranges exactly', () => {
    const sizes = discretizeSizes({ kind: 'uniform', minBytes: 1, maxBytes: 2048 });
    expect(sizes).toHaveLength(2048);
    expect(meanBytes(sizes)).toBeCloseTo(1024.5, 9);
    expect(expectation(sizes, onDemandBilledBytes)).toBe(1536);
  });

  it('places log-normal quantiles around the median and clips to the record limit', () => {
    const sizes = discretizeSizes({ kind: 'lognormal', medianBytes: 1000, sigma: 0.5 }, 2000);
    const below = sizes.filter((s) => s.bytes < 1000).reduce((s, x) => s + x.probability, 0);
    expect(below).toBeGreaterThan(0.49);
    expect(below).toBeLessThan(0.51);
    expect(Math.max(...sizes.map((s) => s.bytes))).toBe(2000);
    expect(inverseStandardNormal(0.975)).toBeCloseTo(1.959964, 5);
  });
});
