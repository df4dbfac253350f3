import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { FakeSink } from './fake-sink';
import { aggregate, deaggregate } from './kpl-aggregation';
import { AggregateProducer } from './aggregate-producer';
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

describe('Producer.stop', () => {
  const started = (input: Parameters<typeof withProducerDefaults>[0], seconds: number) => {
    const sim = new Simulation({ seed: 'stop' });
    const sink = new FakeSink('s', 2, () => sim.nowMs);
    const p = new Producer(sim, withProducerDefaults(input), sink);
    p.start();
    sim.advanceBy(seconds * 1000 + 300);
    return { sim, sink, p };
  };

  it('flushes the last partly filled batch: nothing the generator produced is lost', () => {
    const { sink, p } = started({ name: 'p', streamName: 's', rate: { kind: 'constant', recordsPerSec: 100 }, batch: { maxRecords: 500, lingerMs: 5_000 } }, 2);
    const before = p.figures();
    expect(before.backlogRecords).toBeGreaterThan(100); // still lingering in the open batch
    const produced = before.total.accepted + before.backlogRecords;
    p.stop();
    const after = p.figures();
    expect(after.backlogRecords).toBe(0);
    expect(after.total.accepted).toBe(produced);
    expect(after.total.dropped).toBe(0);
    expect(sink.acceptedRecords.reduce((a, b) => a + b, 0)).toBe(produced);
  });

  it('counts records still waiting for a retry, and refused ones of the final flush, as dropped', () => {
    const { p } = started({ name: 'p', streamName: 's', rate: { kind: 'constant', recordsPerSec: 3000 }, keys: { kind: 'pool', keys: 1 }, retry: { maxRetries: 8, baseDelayMs: 4_000, maxDelayMs: 20_000, maxRecordAgeMs: 60_000, jitter: 'none' } }, 2);
    const before = p.figures();
    expect(before.backlogRecords).toBeGreaterThan(1000);
    const produced = before.total.accepted + before.total.dropped + before.backlogRecords;
    p.stop();
    const t = p.totals();
    expect(p.figures().backlogRecords).toBe(0);
    expect(t.accepted + t.dropped).toBe(produced);
    expect(t.attempted).toBe(t.accepted + t.throttled);
  });
});

describe('AggregateProducer.stop', () => {
  it('counts records waiting for their backoff as dropped', () => {
    const sim = new Simulation({ seed: 'stop-agg' });
    const sink = new FakeSink('s', 1, () => sim.nowMs);
    const p = new AggregateProducer(sim, withProducerDefaults({ name: 'p', streamName: 's', rate: { kind: 'constant', recordsPerSec: 1500 }, retry: { maxRetries: 3, baseDelayMs: 5000, maxDelayMs: 5000, jitter: 'none' } }), sink);
    p.start();
    sim.advanceBy(2500);
    const waiting = p.figures().backlogRecords;
    expect(waiting).toBeGreaterThan(900);
    const droppedBefore = p.totals().dropped;
    p.stop();
    expect(p.totals().dropped).toBe(droppedBefore + waiting);
    expect(p.figures().backlogRecords).toBe(0);
  });
});
