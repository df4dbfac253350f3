import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { FakeSink } from './fake-sink';
import { aggregate, deaggregate } from './kpl-aggregation';
import { Producer } from './producer';
import { withProducerDefaults } from './producer-config';

function run(input: Parameters<typeof withProducerDefaults>[0], shards: number, seconds: number) {
  const sim = new Simulation({ seed: 'p' });
  const sink = new FakeSink('s', shards, () => sim.nowMs);
  const p = new Producer(sim, withProducerDefaults(input), sink);
  p.start();
  sim.advanceBy(seconds * 1000 - 1); // ticks in seconds 0…seconds−1 only
  return { sim, sink, p, totals: p.totals() };
}

describe('Producer (record mode)', () => {
  it('sends what the rate asks and counts attempted = accepted + throttled', () => {
    const { totals, sink } = run({ name: 'p', streamName: 's', rate: { kind: 'constant', recordsPerSec: 500 } }, 4, 10);
    expect(totals.accepted).toBeGreaterThan(4800); // the last linger window may still be unsent
    expect(totals.throttled).toBe(0);
    expect(totals.attempted).toBe(totals.accepted + totals.throttled);
    expect(sink.acceptedRecords.reduce((a, b) => a + b, 0)).toBe(totals.accepted);
  });

  it('throttles a hot key at 1,000 records/s whatever the shard count, and drops after retries', () => {
    for (const shards of [4, 64]) {
      const { totals } = run({ name: 'p', streamName: 's', rate: { kind: 'constant', recordsPerSec: 3000 }, keys: { kind: 'pool', keys: 1 }, retry: { maxRetries: 1 } }, shards, 20);
      const perSec = totals.accepted / 20;
      expect(perSec).toBeGreaterThan(950);
      expect(perSec).toBeLessThanOrEqual(1000);
      expect(totals.throttled).toBeGreaterThan(0);
      expect(totals.dropped).toBeGreaterThan(0);
      expect(totals.attempted).toBe(totals.accepted + totals.throttled);
    }
  });

  it('packs user records KPL-style and the sink sees fewer, bigger records', () => {
    const { totals, sink } = run({ name: 'p', streamName: 's', rate: { kind: 'constant', recordsPerSec: 5000 }, size: { kind: 'fixed', bytes: 100 }, aggregation: { enabled: true } }, 2, 5);
    const kinesisRecords = sink.acceptedRecords.reduce((a, b) => a + b, 0);
    expect(kinesisRecords).toBeLessThan(totals.userRecords / 100);
    expect(totals.userRecords).toBeGreaterThan(20_000);
  });

  it('is deterministic for a seed', () => {
    const input = { name: 'p', streamName: 's', rate: { kind: 'constant' as const, recordsPerSec: 2500 }, keys: { kind: 'pool' as const, keys: 50, distribution: 'zipf' as const, zipfExponent: 1.2 } };
    const a = run(input, 2, 10);
    const b = run(input, 2, 10);
    expect(a.totals).toEqual(b.totals);
    expect(Array.from(a.sink.acceptedRecords)).toEqual(Array.from(b.sink.acceptedRecords));
  });
});

describe('KPL aggregation format', () => {
  it('round-trips user records and falls back to a plain record on a bad digest', () => {
    const enc = new TextEncoder();
    const users = [
      { partitionKey: 'a', data: enc.encode('one') },
      { partitionKey: 'b', explicitHashKey: '12345', data: enc.encode('two') },
      { partitionKey: 'a', data: new Uint8Array(300).fill(7) },
    ];
    const blob = aggregate(users);
    expect(Array.from(blob.subarray(0, 4))).toEqual([0xf3, 0x89, 0x9a, 0xc2]);
    const out = deaggregate('a', blob);
    expect(out.map((r) => [r.partitionKey, r.explicitHashKey, r.data.length, r.subSequenceNumber])).toEqual([['a', undefined, 3, 0], ['b', '12345', 3, 1], ['a', undefined, 300, 2]]);
    const broken = blob.slice();
    broken[broken.length - 1] ^= 1;
    const plain = deaggregate('a', broken);
    expect(plain).toHaveLength(1);
    expect(plain[0].aggregated).toBe(false);
  });
});
