/**
 * The producer's fast paths (UUID keys as words through `putUuid`, pool keys pre-routed through `putToShard`)
 * must leave exactly what the plain `put` path leaves: same totals, same records in the same shards, also
 * under throttling (retried UUID records get their text) and across a reshard (routes cached per version).
 */
import { describe, expect, it } from 'vitest';
import { StreamSinkAdapter } from '../scenario/stream-adapters';
import { Simulation } from '../simulation';
import { emptyReadPage } from '../streams/shard-reader';
import { applySplit } from '../streams/reshard';
import { KinesisService } from '../streams/service';
import type { Stream } from '../streams/stream';
import type { KeyStrategy } from './key-strategy';
import { Producer } from './producer';
import { withProducerDefaults } from './producer-config';
import type { ProducerSink } from './producer-sink';

/** The adapter without its optional fast paths: every record goes through `put`/`putHashed`. */
function plainSink(inner: StreamSinkAdapter): ProducerSink {
  return {
    streamName: inner.streamName,
    put: (k, d, e) => inner.put(k, d, e),
    putHashed: (k, d, h) => inner.putHashed(k, d, h),
    hashOf: (k) => inner.hashOf(k),
    shardSlots: () => inner.shardSlots(),
    shardOf: (k, e) => inner.shardOf(k, e),
    openShardShares: () => inner.openShardShares(),
    shardMapVersion: () => inner.shardMapVersion(),
    putAggregate: (s, r, b) => inner.putAggregate(s, r, b),
  };
}

function contents(stream: Stream, nowMs: number): string[][] {
  return stream.shards.map((s) => {
    const keys: string[] = [];
    stream.shared.read(s.number, 0, 10_000, Number.POSITIVE_INFINITY, nowMs, emptyReadPage(), (counter, _t, key, bytes) => keys.push(`${counter}:${key}:${bytes}`));
    return keys;
  });
}

function run(keys: KeyStrategy, recordsPerSec: number, shards: number, fast: boolean, splitAtMs?: number) {
  const sim = new Simulation({ seed: 'sink-fast-paths' });
  const service = new KinesisService(sim, { transitionDelayMs: 0 });
  const stream = service.createStream('s', 'PROVISIONED', shards);
  stream.status = 'ACTIVE';
  const adapter = new StreamSinkAdapter(stream, () => sim.nowMs);
  const p = new Producer(sim, withProducerDefaults({ name: 'p', streamName: 's', rate: { kind: 'constant', recordsPerSec }, size: { kind: 'uniform', minBytes: 1, maxBytes: 400 }, keys, retry: { maxRetries: 3 } }), fast ? adapter : plainSink(adapter));
  p.start();
  if (splitAtMs !== undefined) {
    sim.scheduler.at(sim.nowMs + splitAtMs, (now) => {
      const open = stream.openShards()[0];
      applySplit(stream, open, open.range.start + (open.range.end - open.range.start) / 2n, now);
      stream.rebuildRouting();
    });
  }
  sim.advanceBy(4_000);
  return { totals: p.totals(), contents: contents(stream, sim.nowMs) };
}

describe('Producer sink fast paths', () => {
  it('UUID keys as words: same totals and stored records as the string path, with throttling and retries', () => {
    const fast = run({ kind: 'uuid' }, 3_000, 2, true);
    const plain = run({ kind: 'uuid' }, 3_000, 2, false);
    expect(fast.totals.throttled).toBeGreaterThan(0);
    expect(fast.totals.retried).toBeGreaterThan(0);
    expect(fast.totals).toEqual(plain.totals);
    expect(fast.contents).toEqual(plain.contents);
    expect(fast.contents[0][0]).toMatch(/^\d+:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}:\d+$/);
  });

  it('pre-routed pool keys: same result as routing every record, across a shard split', () => {
    const keys: KeyStrategy = { kind: 'pool', keys: 50, distribution: 'zipf', zipfExponent: 1.1 };
    const fast = run(keys, 1_500, 3, true, 1_500);
    const plain = run(keys, 1_500, 3, false, 1_500);
    expect(fast.totals).toEqual(plain.totals);
    expect(fast.contents).toEqual(plain.contents);
    // The split's children received records after the split.
    expect(fast.contents[3].length + fast.contents[4].length).toBeGreaterThan(0);
  });
});
