/**
 * Read limits under random call patterns. Invariants:
 *  - shared reads: at most 5 admitted GetRecords calls in any aligned second per shard, ≤ 10,000 records and
 *    ≤ 10 MiB per call, and over any run of k aligned seconds at most 2 MiB·k + 10 MiB (one call may return
 *    up to 10 MiB whatever was read before it that second; the debt then blocks reads until repaid);
 *  - enhanced fan-out: each consumer gets at most 2 MiB per aligned second per shard.
 * Left out: read latency and the GetShardIterator rate (unit-tested).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { KinesisService } from './service';
import { emptyReadPage } from './shard-reader';

const MiB = 1_048_576;

function filledStream(seconds: number, bytesPerRecord: number) {
  const sim = new Simulation({ seed: 'read-limits' });
  const service = new KinesisService(sim, { transitionDelayMs: 0 });
  const stream = service.createStream('r', 'PROVISIONED', 1);
  for (let s = 0; s < seconds; s++) {
    stream.putAggregate(0, Math.floor(MiB / bytesPerRecord), Math.floor(MiB / bytesPerRecord) * bytesPerRecord, sim.nowMs);
    sim.advanceBy(1000);
  }
  return { sim, service, stream };
}

const calls = fc.array(fc.record({ gapMs: fc.integer({ min: 0, max: 700 }), limit: fc.integer({ min: 1, max: 10_000 }) }), { minLength: 1, maxLength: 120 });

describe('read limits', () => {
  const seed = Number(process.env.FC_SEED ?? 20261122);

  it(`shared GetRecords stays within 5 calls/s and 2 MiB/s plus one 10 MiB call (seed ${seed})`, () => {
    fc.assert(fc.property(calls, fc.integer({ min: 100, max: 50_000 }), (pattern, recordBytes) => {
      const { sim, stream } = filledStream(60, recordBytes);
      const page = emptyReadPage();
      const perSecond = new Map<number, { calls: number; bytes: number }>();
      let position = 0;
      for (const c of pattern) {
        sim.advanceBy(c.gapMs);
        if (!stream.shared.read(0, position, c.limit, Number.POSITIVE_INFINITY, sim.nowMs, page)) continue;
        expect(page.records).toBeLessThanOrEqual(Math.min(c.limit, 10_000));
        expect(page.bytes).toBeLessThanOrEqual(10 * MiB);
        position = page.nextCounter;
        const sec = Math.floor(sim.nowMs / 1000);
        const w = perSecond.get(sec) ?? { calls: 0, bytes: 0 };
        w.calls++;
        w.bytes += page.bytes;
        perSecond.set(sec, w);
      }
      const seconds = [...perSecond.keys()].sort((a, b) => a - b);
      for (const s of seconds) expect(perSecond.get(s)!.calls).toBeLessThanOrEqual(5);
      if (seconds.length === 0) return;
      const first = seconds[0];
      const last = seconds[seconds.length - 1];
      for (let a = first; a <= last; a++) {
        let total = 0;
        for (let b = a; b <= last; b++) {
          total += perSecond.get(b)?.bytes ?? 0;
          expect(total).toBeLessThanOrEqual(2 * MiB * (b - a + 1) + 10 * MiB + 1e-6);
        }
      }
    }), { seed, numRuns: 60 });
  });

  it(`enhanced fan-out gives each consumer at most 2 MiB per second per shard (seed ${seed})`, () => {
    fc.assert(fc.property(calls, fc.integer({ min: 100, max: 50_000 }), (pattern, recordBytes) => {
      const { sim, service, stream } = filledStream(30, recordBytes);
      const a = service.consumers.register(stream, 'a');
      const b = service.consumers.register(stream, 'b');
      const page = emptyReadPage();
      const positions = new Map([[a, 0], [b, 0]]);
      const perSecond = new Map<string, number>();
      pattern.forEach((c, i) => {
        sim.advanceBy(c.gapMs);
        const consumer = i % 2 === 0 ? a : b;
        consumer.read(0, positions.get(consumer)!, c.limit, Number.POSITIVE_INFINITY, sim.nowMs, page);
        positions.set(consumer, page.nextCounter);
        const key = `${consumer.name}:${Math.floor(sim.nowMs / 1000)}`;
        perSecond.set(key, (perSecond.get(key) ?? 0) + page.bytes);
      });
      for (const bytes of perSecond.values()) expect(bytes).toBeLessThanOrEqual(2 * MiB + 1e-6);
    }), { seed, numRuns: 60 });
  });
});
