/**
 * Worked examples of spec capacity-and-cost.md §9, recomputed from the formulas and the default
 * price table; totals are checked to the cent where the spec states them.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cents } from './cost-line';
import { analyticsCost, firehoseCost } from './cost-firehose';
import { onDemandAdvantageCost, onDemandStandardCost, provisionedCost, type StreamCostInput } from './cost-streams';
import { DEFAULT_PRICE_TABLE as P, withPriceOverrides } from './price-table';
import { sizeShards } from './shard-sizing';
import type { ConsumerFigures } from './traffic';
import { aggregationShape, KIB, MIB, onDemandBilledBytes, putPayloadUnits } from './units';
import type { FirehoseSpec } from './workload';

const shared = (name: string): ConsumerFigures => ({ name, source: 'polling', readMode: 'shared', pollsPerSecondPerShard: 1 });
const efo = (name: string): ConsumerFigures => ({ name, source: 'efo', readMode: 'efo', pollsPerSecondPerShard: 0 });

function streamInput(partial: Partial<StreamCostInput> & Pick<StreamCostInput, 'shards' | 'recordsPerSecAverage'>, recordBytes: number): StreamCostInput {
  return {
    hoursPerMonth: 730,
    bytesPerSecAverage: partial.recordsPerSecAverage * recordBytes,
    ppuPerRecordMean: putPayloadUnits(recordBytes),
    onDemandBilledBytesPerRecordMean: onDemandBilledBytes(recordBytes),
    retentionHours: 24,
    sharedConsumers: 0,
    efoConsumers: 0,
    longTermReadGiBPerMonth: 0,
    efoCountsTowardCommitment: true,
    ...partial,
  };
}

const byId = (lines: readonly { id: string; monthlyUsd: number }[], id: string) => lines.find((l) => l.id === id)?.monthlyUsd ?? NaN;

describe('example 1: 100 rec/s × 35 KiB', () => {
  const sizing = sizeShards({ recordsPerSecPeak: 100, bytesPerSecPeak: 100 * 35 * KIB, targetUtilization: 1, consumers: [shared('app')] });
  it('needs 4 shards, bound by write bytes', () => {
    expect(sizing.shards).toBe(4);
    expect(sizing.binding.constraint).toBe('write-bytes');
    expect(sizing.binding.exactShards).toBeCloseTo(3.418, 3);
    expect(sizing.terms.find((t) => t.constraint === 'write-records')?.shards).toBe(1);
    expect(sizing.terms.find((t) => t.constraint === 'shared-read')?.shards).toBe(2);
  });
  it('costs $1.44 + $0.2419 = $1.68 per day', () => {
    const c = provisionedCost(streamInput({ hoursPerMonth: 24, shards: 4, recordsPerSecAverage: 100 }, 35 * KIB), P);
    expect(cents(byId(c.lines, 'provisioned.shardHours'))).toBe(1.44);
    expect(byId(c.lines, 'provisioned.ppu')).toBeCloseTo(0.24192, 5);
    expect(cents(c.totalMonthlyUsd)).toBe(1.68);
  });
});

describe('example 2: 20,000 rec/s × 210 B, and aggregation', () => {
  it('is records-bound at 20 shards and costs $954.84 a month', () => {
    const sizing = sizeShards({ recordsPerSecPeak: 20_000, bytesPerSecPeak: 20_000 * 210, targetUtilization: 1, consumers: [] });
    expect(sizing.shards).toBe(20);
    expect(sizing.binding.constraint).toBe('write-records');
    expect(sizing.terms.find((t) => t.constraint === 'write-bytes')?.shards).toBe(5);
    const c = provisionedCost(streamInput({ shards: 20, recordsPerSecAverage: 20_000 }, 210), P);
    expect(cents(byId(c.lines, 'provisioned.shardHours'))).toBe(219);
    expect(cents(byId(c.lines, 'provisioned.ppu'))).toBe(735.84);
    expect(cents(c.totalMonthlyUsd)).toBe(954.84);
  });
  it('aggregated: 5 shards and $61.04 a month', () => {
    const shape = aggregationShape(210);
    const aggPerSec = 20_000 / shape.userRecordsPerAggregate;
    const sizing = sizeShards({ recordsPerSecPeak: aggPerSec, bytesPerSecPeak: aggPerSec * shape.aggregateBytes, targetUtilization: 1, consumers: [] });
    expect(sizing.shards).toBe(5);
    expect(sizing.terms.find((t) => t.constraint === 'write-records')?.shards).toBe(1);
    const c = provisionedCost(streamInput({ shards: 5, recordsPerSecAverage: aggPerSec }, shape.aggregateBytes), P);
    expect(cents(byId(c.lines, 'provisioned.shardHours'))).toBe(54.75);
    expect(cents(byId(c.lines, 'provisioned.ppu'))).toBe(6.29);
    expect(cents(c.totalMonthlyUsd)).toBe(61.04);
  });
});

describe('example 4: 10 MiB/s of 1 KiB records, 2 shared consumers', () => {
  const consumers = [shared('a'), shared('b')];
  const input = streamInput({ shards: 13, recordsPerSecAverage: 10_240, sharedConsumers: 2 }, 1024);
  it('needs 11 shards at u = 1 (records-bound) and 13 at u = 0.8', () => {
    const exact = sizeShards({ recordsPerSecPeak: 10_240, bytesPerSecPeak: 10 * MIB, targetUtilization: 1, consumers });
    expect(exact.shards).toBe(11);
    expect(exact.binding.constraint).toBe('write-records');
    expect(exact.terms.find((t) => t.constraint === 'write-bytes')?.shards).toBe(10);
    expect(exact.terms.find((t) => t.constraint === 'shared-read')?.shards).toBe(10);
    expect(sizeShards({ recordsPerSecPeak: 10_240, bytesPerSecPeak: 10 * MIB, targetUtilization: 0.8, consumers }).shards).toBe(13);
  });
  it('EFO consumers add no shared-read term', () => {
    const withEfo = sizeShards({ recordsPerSecPeak: 10_240, bytesPerSecPeak: 10 * MIB, targetUtilization: 0.8, consumers: [...consumers, efo('x'), efo('y'), efo('z')] });
    expect(withEfo.shards).toBe(13);
    expect(withEfo.efoConsumers).toBe(3);
    expect(withEfo.terms.find((t) => t.constraint === 'shared-read')?.exactShards).toBeCloseTo(12.5, 9);
  });
  it('provisioned $519.10', () => {
    const c = provisionedCost(input, P);
    expect(cents(byId(c.lines, 'provisioned.shardHours'))).toBe(142.35);
    expect(cents(byId(c.lines, 'provisioned.ppu'))).toBe(376.75);
    expect(cents(c.totalMonthlyUsd)).toBe(519.1);
  });
  it('on-demand Standard $4,135.45', () => {
    const c = onDemandStandardCost(input, P);
    expect(c.lines.find((l) => l.id === 'standard.dataIn')?.quantity).toBeCloseTo(25_664.0625, 6);
    expect(cents(byId(c.lines, 'standard.streamHours'))).toBe(29.2);
    expect(cents(c.totalMonthlyUsd)).toBe(4135.45);
  });
  it('on-demand Advantage $3,079.69 with the 25 MiB/s floor on ingest and retrieval', () => {
    const c = onDemandAdvantageCost(input, P);
    expect(c.lines.find((l) => l.id === 'advantage.dataIn')?.quantity).toBeCloseTo(64_160.156, 3);
    expect(cents(byId(c.lines, 'advantage.dataIn'))).toBe(2053.13);
    expect(cents(byId(c.lines, 'advantage.dataOut'))).toBe(1026.56);
    expect(cents(c.totalMonthlyUsd)).toBe(3079.69);
  });
});

describe('example 5: three EFO consumers on example 4', () => {
  const input = streamInput({ shards: 13, recordsPerSecAverage: 10_240, sharedConsumers: 2, efoConsumers: 3 }, 1024);
  it('provisioned EFO $1,427.95', () => {
    const c = provisionedCost(input, P);
    expect(cents(byId(c.lines, 'provisioned.efoShardHours'))).toBe(427.05);
    expect(cents(byId(c.lines, 'provisioned.efoData'))).toBe(1000.9);
  });
  it('Standard EFO data $3,849.61', () => {
    expect(cents(byId(onDemandStandardCost(input, P).lines, 'standard.efoData'))).toBe(3849.61);
  });
  it('Advantage: EFO priced like retrieval, or on its own line when not counted toward the commitment', () => {
    const counted = onDemandAdvantageCost(input, P);
    // 2 shared + 3 EFO = 5 × 25,664 GiB, above the 64,160 GiB floor.
    expect(byId(counted.lines, 'advantage.dataOut')).toBeCloseTo(5 * 25_664.0625 * 0.016, 6);
    const separate = onDemandAdvantageCost({ ...input, efoCountsTowardCommitment: false }, P);
    expect(cents(byId(separate.lines, 'advantage.efoData'))).toBe(1231.88);
  });
});

describe('example 6: retention', () => {
  it('7-day retention on 13 shards adds $189.80 flat', () => {
    for (const hours of [48, 168]) {
      const c = provisionedCost(streamInput({ shards: 13, recordsPerSecAverage: 10_240, retentionHours: hours }, 1024), P);
      expect(cents(byId(c.lines, 'provisioned.extendedRetention'))).toBe(189.8);
      expect(c.lines.some((l) => l.id === 'provisioned.longTermStorage')).toBe(false);
    }
  });
  it('30-day retention at 10 MiB/s stores 19,406 GB older than 7 days: $446.34', () => {
    const c = provisionedCost(streamInput({ shards: 13, recordsPerSecAverage: 10_240, retentionHours: 720 }, 1024), P);
    expect(c.lines.find((l) => l.id === 'provisioned.longTermStorage')?.quantity).toBeCloseTo(19_406.25, 2);
    expect(cents(byId(c.lines, 'provisioned.longTermStorage'))).toBe(446.34);
  });
});

describe('example 7: Firehose 5 KB rounding', () => {
  const spec: FirehoseSpec = {
    name: 'fh',
    source: 'direct-put',
    recordsPerSecond: 1000,
    recordSize: { kind: 'fixed', bytes: 1024 },
    recordsPerEntry: 1,
    bufferSizeMiB: 64,
    bufferIntervalSeconds: 300,
    formatConversion: false,
  };
  it('bills 12,531.3 GB for 2,506.3 GB of data: $363.41, batched $72.68', () => {
    const c = firehoseCost(spec, P);
    expect(c.billedGiB).toBeCloseTo(12_531.3, 1);
    expect(c.dataGiB).toBeCloseTo(2_506.3, 1);
    expect(cents(c.totalMonthlyUsd)).toBe(363.41);
    expect(c.batchingAlternative?.recordsPerEntry).toBe(5);
    expect(cents(c.batchingAlternative?.totalMonthlyUsd ?? NaN)).toBe(72.68);
    expect(c.notes.join(' ')).toMatch(/5 KB rounding tax/);
  });
  it('format conversion +$225.56, dynamic partitioning +$250.63 and 40,100 objects (+$0.20)', () => {
    const c = firehoseCost({ ...spec, formatConversion: true, dynamicPartitioning: { partitions: 1, jqHoursPerMonth: 0 } }, P);
    expect(cents(byId(c.lines, 'firehose.formatConversion'))).toBe(225.56);
    expect(cents(byId(c.lines, 'firehose.dpData'))).toBe(250.63);
    expect(Math.round(c.objectsPerMonth)).toBe(40_100);
    expect(cents(byId(c.lines, 'firehose.dpObjects'))).toBe(0.2);
  });
  it('applies the lower tiers past 500 TB', () => {
    const c = firehoseCost({ ...spec, recordsPerSecond: 100_000 }, P);
    expect(c.billedGiB).toBeGreaterThan(1_000_000);
    expect(c.lines.map((l) => l.id)).toEqual(['firehose.ingestT1', 'firehose.ingestT2']);
    expect(byId(c.lines, 'firehose.ingestT1')).toBeCloseTo(500_000 * 0.029, 6);
  });
});

describe('example 8: analytics', () => {
  it('Managed Flink parallelism 4: 5 KPUs $401.50 + $20 storage', () => {
    const c = analyticsCost({ kind: 'flink', parallelism: 4, parallelismPerKpu: 1, studio: false }, P);
    expect(c.kpus).toBe(5);
    expect(cents(byId(c.lines, 'analytics.kpuHours'))).toBe(401.5);
    expect(cents(byId(c.lines, 'analytics.storage'))).toBe(20);
  });
  it('legacy KDA SQL 2 KPUs: $160.60 with a badge and a Flink equivalent', () => {
    const c = analyticsCost({ kind: 'legacy-sql', kpus: 2 }, P);
    expect(cents(c.totalMonthlyUsd)).toBe(160.6);
    expect(c.badge).toMatch(/legacy/);
    expect(c.flinkEquivalent?.kpus).toBe(3);
  });
});

describe('price table', () => {
  it('overrides change the figure, are marked and dated', () => {
    const t = withPriceOverrides(P, { shardHour: 0.03 }, '2026-12-01');
    expect(t.rows.shardHour).toMatchObject({ value: 0.03, overridden: true, asOf: '2026-12-01' });
    const c = provisionedCost(streamInput({ shards: 1, recordsPerSecAverage: 1 }, 100), t);
    expect(byId(c.lines, 'provisioned.shardHours')).toBeCloseTo(730 * 0.03, 9);
    expect(() => withPriceOverrides(P, { shardHour: -1 })).toThrow(/shardHour/);
  });
  it('every row carries unit, date and source', () => {
    for (const row of Object.values(P.rows)) {
      expect(row.unit.length).toBeGreaterThan(0);
      expect(row.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.source.length).toBeGreaterThan(0);
    }
    expect(P.asOf).toBe('2025-06-01');
  });
});

describe('cost is monotonic in volume (property)', () => {
  // Invariant: more records per second never lowers any mode's monthly total. Leaves out shard count changes.
  it('for every mode', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 1e5, noNaN: true }), fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (rps, factor, bytes, sh, ef) => {
        const a = streamInput({ shards: 10, recordsPerSecAverage: rps, sharedConsumers: sh, efoConsumers: ef, retentionHours: 500 }, bytes);
        const b = streamInput({ shards: 10, recordsPerSecAverage: rps * factor, sharedConsumers: sh, efoConsumers: ef, retentionHours: 500 }, bytes);
        for (const f of [provisionedCost, onDemandStandardCost, onDemandAdvantageCost]) {
          expect(f(b, P).totalMonthlyUsd).toBeGreaterThanOrEqual(f(a, P).totalMonthlyUsd - 1e-9);
        }
      }),
      { seed: 2026, numRuns: 200 },
    );
  });
});
