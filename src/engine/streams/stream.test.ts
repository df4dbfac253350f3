import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { md5PartitionKey } from '../hash/md5';
import { compareHashKeys } from '../hash/hash-key';
import { KinesisService } from './service';
import { PUT_THROTTLED, PUT_TOO_LARGE } from './put-outcome';
import { emptyReadPage } from './shard-reader';

function setup(shards = 4, options = {}) {
  const sim = new Simulation({ seed: 'stream-test' });
  const service = new KinesisService(sim, { transitionDelayMs: 0, ...options });
  const stream = service.createStream('s', 'PROVISIONED', shards);
  return { sim, service, stream };
}

describe('Stream fast path', () => {
  it('routes by MD5 to the open shard whose range contains the hash', () => {
    const { stream } = setup(4);
    for (let i = 0; i < 200; i++) {
      const key = `key-${i}`;
      const shardNumber = stream.putRecord(key, 10);
      const hash = md5PartitionKey(key, new Uint32Array(4));
      // A refusal would be a negative code with no shard behind it.
      const shard = stream.shard(shardNumber);
      if (!shard) throw new Error(`putRecord(${key}) gave ${shardNumber}, not a shard`);
      expect(compareHashKeys(shard.startWords, hash)).toBeLessThanOrEqual(0);
      expect(compareHashKeys(hash, shard.endWords)).toBeLessThanOrEqual(0);
    }
  });

  it('puts pk-0…pk-3 three of four on shard 3 of a 4-shard stream (capacity spec test vector)', () => {
    const { stream } = setup(4);
    const shards = ['pk-0', 'pk-1', 'pk-2', 'pk-3'].map((k) => stream.putRecord(k, 1));
    expect(shards.filter((s) => s === 3)).toHaveLength(3);
  });

  it('gives strictly increasing counters per shard and throttles beyond 1,000 records/s', () => {
    const { sim, stream } = setup(1);
    let accepted = 0;
    let throttled = 0;
    let last = -1;
    for (let i = 0; i < 1500; i++) {
      const r = stream.putRecord(`k${i}`, 1);
      if (r === PUT_THROTTLED) throttled++;
      else {
        accepted++;
        expect(stream.lastSequenceCounter).toBeGreaterThan(last);
        last = stream.lastSequenceCounter;
      }
    }
    expect(accepted).toBe(1000);
    expect(throttled).toBe(500);
    expect(stream.shard(0)!.counters.throttledWriteRecords).toBe(500);
    sim.advanceBy(1000);
    expect(stream.putRecord('again', 1)).toBe(0);
  });

  it('throttles by bytes including the partition key (1 MiB/s)', () => {
    const { stream } = setup(1);
    const big = 1_048_576 - 1; // + 1-byte key = exactly 1 MiB
    expect(stream.putRecord('k', big)).toBe(0);
    expect(stream.putRecord('k', 0)).toBe(PUT_THROTTLED);
    expect(stream.putRecord('kk', big)).toBe(PUT_TOO_LARGE);
  });

  it('aggregate writes admit up to the per-second limits and read back in aggregate', () => {
    const { sim, stream } = setup(1);
    const now = sim.nowMs;
    expect(stream.putAggregate(0, 1500, 150_000, now)).toBe(1000);
    expect(stream.putAggregate(0, 10, 1000, now)).toBe(0);
    expect(stream.shard(0)!.counters.throttledWriteRecords).toBe(510);
    sim.advanceBy(1000);
    expect(stream.putAggregate(0, 200, 20_000, sim.nowMs)).toBe(200);
    const page = emptyReadPage();
    expect(stream.shared.read(0, 0, 700, Number.POSITIVE_INFINITY, sim.nowMs, page)).toBe(true);
    expect(page.records).toBe(700);
    expect(page.bytes).toBeCloseTo(70_000);
    expect(page.millisBehindLatest).toBe(1000);
    expect(stream.shared.read(0, page.nextCounter, 10_000, Number.POSITIVE_INFINITY, sim.nowMs, page)).toBe(true);
    expect(page.records).toBe(500);
    expect(page.millisBehindLatest).toBe(0);
  });

  it('evicts the oldest records over the memory budget and counts them', () => {
    const { sim, stream, service } = setup(2, { memoryBudgetBytes: 200_000 });
    for (let s = 0; s < 20; s++) {
      for (let i = 0; i < 400; i++) stream.putRecord(`key-${s}-${i}`, new Uint8Array(50));
      sim.advanceBy(1000);
    }
    expect(service.memory.usedBytes).toBeLessThanOrEqual(200_000);
    let accepted = 0;
    let retained = 0;
    let evicted = 0;
    for (const shard of stream.shards) {
      accepted += shard.counters.incomingRecords;
      retained += shard.log.retainedRecords;
      evicted += shard.counters.evictedRecords;
    }
    expect(evicted).toBeGreaterThan(0);
    expect(accepted).toBe(retained + evicted);
  });

  it('expires records after the retention period', () => {
    const { sim, stream } = setup(1);
    stream.putRecord('a', 5);
    sim.advanceBy(24 * 3_600_000 - 1000);
    stream.putRecord('b', 5);
    sim.advanceBy(2000);
    const shard = stream.shard(0)!;
    expect(shard.counters.expiredRecords).toBe(1);
    expect(shard.log.retainedRecords).toBe(1);
  });
});

describe('retention passes', () => {
  it('drop each record one second after it passes retention and unlist an emptied closed shard then, walking shards only when something is due', () => {
    const { sim, stream } = setup(1);
    stream.retentionHours = 24;
    stream.putRecord('a', 10);
    sim.advanceBy(1_800_000);
    stream.putRecord('b', 10);
    const shard = stream.shard(0)!;
    // Due a second after the first record's 24 hours.
    sim.advanceBy(24 * 3_600_000 - 1_800_000);
    expect(shard.log.retainedRecords).toBe(2);
    expect(stream.nextTrimMs).toBe(shard.log.oldestArrivalMs() + 24 * 3_600_000 + 1);
    sim.advanceBy(1000);
    expect([shard.log.retainedRecords, shard.counters.expiredRecords]).toEqual([1, 1]);
    sim.advanceBy(1_800_000);
    expect([shard.log.retainedRecords, shard.counters.expiredRecords]).toEqual([0, 2]);
    // Between passes nothing is walked: the next one is a retention period after the last.
    expect(stream.nextTrimMs).toBe(sim.nowMs + 24 * 3_600_000);
    // A shorter retention is due at once.
    stream.putRecord('c', 10);
    sim.advanceBy(2 * 3_600_000);
    stream.retentionHours = 1;
    sim.advanceBy(1000);
    expect(shard.counters.expiredRecords).toBe(3);
  });
});
