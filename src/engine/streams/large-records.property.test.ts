/**
 * Large-record write burst (large-records.html: "burst up to 10 MiB while averaging 1 MiB per second").
 * Invariants, for any maximum record size and any sequence of writes on one shard:
 *  - over any run of whole seconds [s, e], admitted bytes ≤ (e − s + 1) × 1 MiB + the burst capacity;
 *  - a record of the maximum size is admitted once the shard has been idle long enough to refill.
 * Left out: the 1,000 records/s limit (unchanged by large records; tested elsewhere).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evenRanges } from './hash-range';
import { recordBytesMaxOf, WRITE_BYTES_PER_SEC_MAX, writeBurstBytesOf } from './limits';
import { Shard } from './shard';

const MiB = 1_048_576;

function shardWith(maxRecordKiB: number): Shard {
  const shard = new Shard(0, evenRanges(1)[0], 0, 1, undefined, undefined);
  shard.setBurstCapacity(writeBurstBytesOf(maxRecordKiB));
  return shard;
}

describe('large-record burst (seed 20261204)', () => {
  it('never admits more than 1 MiB per second plus the burst over any run of seconds', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1024, max: 10_240 }),
      fc.array(fc.record({ gapMs: fc.integer({ min: 0, max: 1500 }), bytes: fc.integer({ min: 1, max: 10 * MiB }) }), { maxLength: 200 }),
      (kib, writes) => {
        const shard = shardWith(kib);
        const max = recordBytesMaxOf(kib);
        const perSecond = new Map<number, number>();
        let t = 0;
        for (const w of writes) {
          t += w.gapMs;
          const bytes = Math.min(w.bytes, max);
          if (shard.admitWrite(1, bytes, t)) perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + bytes);
        }
        const seconds = [...perSecond.keys()].sort((a, b) => a - b);
        for (let i = 0; i < seconds.length; i++) {
          let sum = 0;
          for (let j = i; j < seconds.length; j++) {
            sum += perSecond.get(seconds[j])!;
            expect(sum).toBeLessThanOrEqual((seconds[j] - seconds[i] + 1) * WRITE_BYTES_PER_SEC_MAX + writeBurstBytesOf(kib));
          }
        }
      },
    ), { seed: 20261204, numRuns: 200 });
  });

  it('admits a record of the maximum size after the shard has refilled', () => {
    fc.assert(fc.property(fc.integer({ min: 1025, max: 10_240 }), fc.integer({ min: 0, max: 5 }), (kib, busySeconds) => {
      const shard = shardWith(kib);
      let t = 0;
      for (let s = 0; s < busySeconds; s++, t += 1000) shard.admitWrite(1, MiB, t);
      t += Math.ceil(recordBytesMaxOf(kib) / MiB) * 1000 + 1000;
      expect(shard.admitWrite(1, recordBytesMaxOf(kib), t)).toBe(true);
    }), { seed: 20261204, numRuns: 100 });
  });
});
