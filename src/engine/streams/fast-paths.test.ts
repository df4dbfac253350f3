import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { applyUuidV4Bits, uuidKeyString, UUID_KEY_LENGTH } from '../hash/uuid-key';
import { applySplit } from './reshard';
import { KinesisService } from './service';
import { emptyReadPage } from './shard-reader';
import { PUT_SHARD_NOT_OPEN, PUT_THROTTLED, PUT_TOO_LARGE } from './put-outcome';

function setup(shards = 4, seed = 'fast-paths') {
  const sim = new Simulation({ seed });
  const service = new KinesisService(sim, { transitionDelayMs: 0 });
  const stream = service.createStream('s', 'PROVISIONED', shards);
  stream.status = 'ACTIVE';
  return { sim, service, stream };
}

describe('Stream.putUuidRecord (UUID key as words)', () => {
  it('routes, counts and stores exactly like putRecord with the key text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 60 }), (draws) => {
        const a = setup(5, 'a');
        const b = setup(5, 'b');
        const now = a.sim.nowMs;
        for (const raw of draws) {
          const w = applyUuidV4Bits(Uint32Array.from(raw));
          const text = uuidKeyString(w[0], w[1], w[2], w[3]);
          expect(a.stream.putUuidRecord(w[0], w[1], w[2], w[3], 7, now)).toBe(b.stream.putRecord(text, 7, undefined, now));
          expect(a.stream.lastSequenceCounter).toBe(b.stream.lastSequenceCounter);
        }
        // The words path holds no string: it books the key text's 16-byte header and 36 characters less.
        expect(a.service.memory.usedBytes).toBe(b.service.memory.usedBytes - draws.length * (16 + UUID_KEY_LENGTH));
        for (let n = 0; n < 5; n++) {
          const keysA: string[] = [];
          const keysB: string[] = [];
          a.stream.shared.read(n, 0, 10_000, Number.POSITIVE_INFINITY, now, emptyReadPage(), (_c, _t, key) => keysA.push(key));
          b.stream.shared.read(n, 0, 10_000, Number.POSITIVE_INFINITY, now, emptyReadPage(), (_c, _t, key) => keysB.push(key));
          expect(keysA).toEqual(keysB);
          expect(a.stream.shard(n)!.counters).toEqual(b.stream.shard(n)!.counters);
        }
      }),
      { seed: 1122, numRuns: 40 },
    );
  });

  it('counts the 36 key bytes toward the record and shard limits', () => {
    const { sim, stream } = setup(1);
    expect(stream.putUuidRecord(1, 0x4000, 0x80000000, 2, 1_048_576 - 35, sim.nowMs)).toBe(PUT_TOO_LARGE);
    expect(stream.putUuidRecord(1, 0x4000, 0x80000000, 2, 1_048_576 - 36, sim.nowMs)).toBe(0);
    expect(stream.putUuidRecord(1, 0x4000, 0x80000000, 3, 1, sim.nowMs)).toBe(PUT_THROTTLED);
    expect(stream.shard(0)!.counters.incomingBytesWithKeys).toBe(1_048_576);
  });

  it('frees the memory it booked when the record is evicted or trimmed', () => {
    const { sim, service, stream } = setup(1);
    stream.putUuidRecord(1, 0x4000, 0x80000000, 2, 10, sim.nowMs);
    expect(service.memory.usedBytes).toBeGreaterThan(0);
    stream.evictFrom(stream.shard(0)!, 1);
    expect(service.memory.usedBytes).toBe(0);
    expect(stream.shard(0)!.counters.evictedRecords).toBe(1);
  });
});

describe('Stream.putRecordToShard and shardMapVersion', () => {
  it('writes to the named open shard with the given key bytes, and refuses a closed one', () => {
    const { sim, stream } = setup(2);
    const version = stream.shardMapVersion;
    expect(stream.putRecordToShard(1, 'k', 1, 99, sim.nowMs)).toBe(1);
    expect(stream.shard(1)!.counters.incomingBytesWithKeys).toBe(100);
    const keys: string[] = [];
    stream.shared.read(1, 0, 10, Number.POSITIVE_INFINITY, sim.nowMs, emptyReadPage(), (_c, _t, key) => keys.push(key));
    expect(keys).toEqual(['k']);
    applySplit(stream, stream.shard(1)!, stream.shard(1)!.range.start + 1000n, sim.nowMs);
    stream.rebuildRouting();
    expect(stream.shardMapVersion).not.toBe(version);
    expect(stream.putRecordToShard(1, 'k', 1, 99, sim.nowMs)).toBe(PUT_SHARD_NOT_OPEN);
    expect(stream.putRecordToShard(3, 'k', 1, 99, sim.nowMs)).toBe(3);
    expect(stream.putRecordToShard(42, 'k', 1, 99, sim.nowMs)).toBe(PUT_SHARD_NOT_OPEN);
  });
});

describe('Stream.getRecords (in-engine GetRecords)', () => {
  it('applies 5 calls/s per shard and counts calls, throttles and outgoing records/bytes', () => {
    const { sim, stream } = setup(1);
    for (let i = 0; i < 3; i++) stream.putRecord(`k${i}`, 10);
    const page = emptyReadPage();
    for (let call = 0; call < 5; call++) expect(stream.shared.read(0, 0, 2, Number.POSITIVE_INFINITY, sim.nowMs, page)).toBe(true);
    expect(page.records).toBe(2);
    expect(stream.shared.read(0, 0, 2, Number.POSITIVE_INFINITY, sim.nowMs, page)).toBe(false);
    const c = stream.shard(0)!.counters;
    expect([c.readCalls, c.throttledReadCalls, c.outgoingRecords, c.outgoingBytes]).toEqual([5, 1, 10, 100]);
    sim.advanceBy(1000);
    expect(stream.shared.read(0, 0, 50_000, Number.POSITIVE_INFINITY, sim.nowMs, page)).toBe(true);
    expect(page.records).toBe(3);
    expect(stream.shared.read(99, 0, 1, Number.POSITIVE_INFINITY, sim.nowMs, page)).toBe(false);
  });
});

describe('Stream.route (prefix table)', () => {
  it('finds the open shard containing any hash key after arbitrary splits, including at prefix boundaries (property)', () => {
    const word = fc.integer({ min: 0, max: 0xffffffff });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.tuple(fc.nat(), fc.bigInt({ min: 1n, max: (1n << 128n) - 1n })), { maxLength: 12 }),
        fc.array(fc.tuple(word, word, word, word), { minLength: 1, maxLength: 40 }),
        (shardCount, splits, hashes) => {
          const { sim, stream } = setup(shardCount, 'route');
          for (const [pick, at] of splits) {
            const open = stream.openShards();
            const parent = open[pick % open.length];
            const size = parent.range.end - parent.range.start;
            if (size < 2n) continue;
            applySplit(stream, parent, parent.range.start + 1n + (at % (size - 1n)), sim.nowMs);
            stream.rebuildRouting();
          }
          const probes: Uint32Array[] = hashes.map((h) => Uint32Array.from(h));
          // Exact shard starts and their neighbours are the interesting keys.
          for (const s of stream.openShards()) {
            probes.push(Uint32Array.from(s.startWords));
            if (s.range.start > 0n) probes.push(bigIntWords(s.range.start - 1n));
          }
          for (const h of probes) {
            const shard = stream.route(h);
            const v = (BigInt(h[0]) << 96n) | (BigInt(h[1]) << 64n) | (BigInt(h[2]) << 32n) | BigInt(h[3]);
            expect(shard.isOpen).toBe(true);
            expect(v >= shard.range.start && v <= shard.range.end).toBe(true);
          }
        },
      ),
      { seed: 4096, numRuns: 150 },
    );
  });
});

function bigIntWords(v: bigint): Uint32Array {
  return Uint32Array.of(Number((v >> 96n) & 0xffffffffn), Number((v >> 64n) & 0xffffffffn), Number((v >> 32n) & 0xffffffffn), Number(v & 0xffffffffn));
}

describe('Stream.route at prefix-table boundaries', () => {
  it('splits exactly on, just after and just before a prefix boundary route every side correctly', () => {
    for (const at of [3n << 116n, (3n << 116n) + 1n, (3n << 116n) - 1n, 1n]) {
      const { sim, stream } = setup(1, 'edge');
      applySplit(stream, stream.shard(0)!, at, sim.nowMs);
      stream.rebuildRouting();
      expect(stream.route(bigIntWords(at)).range.start).toBe(at);
      expect(stream.route(bigIntWords(at - 1n)).range.end).toBe(at - 1n);
      expect(stream.route(bigIntWords(0n)).range.start).toBe(0n);
      expect(stream.route(bigIntWords((1n << 128n) - 1n)).range.start).toBe(at);
    }
  });
});

describe('memory budget with UUID-word keys', () => {
  it('stays within the budget by evicting the oldest, and accepted = retained + evicted per shard', () => {
    const sim = new Simulation({ seed: 'budget' });
    const service = new KinesisService(sim, { transitionDelayMs: 0, memoryBudgetBytes: 1_048_576 });
    const stream = service.createStream('s', 'PROVISIONED', 8);
    stream.status = 'ACTIVE';
    const words = new Uint32Array(4);
    let x = 1;
    for (let i = 0; i < 40_000; i++) {
      for (let k = 0; k < 4; k++) words[k] = x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      stream.putUuidRecord(words[0], (words[1] & 0xffff0fff) | 0x4000, ((words[2] & 0x3fffffff) | 0x80000000) >>> 0, words[3], 10, sim.nowMs);
      if (i % 4000 === 3999) sim.advanceBy(1000);
      expect(service.memory.usedBytes).toBeLessThanOrEqual(1_048_576);
    }
    let evicted = 0;
    for (const shard of stream.shards) {
      const c = shard.counters;
      expect(c.incomingRecords).toBe(shard.log.retainedRecords + c.evictedRecords + c.expiredRecords);
      evicted += c.evictedRecords;
    }
    expect(evicted).toBeGreaterThan(0);
  });
});
