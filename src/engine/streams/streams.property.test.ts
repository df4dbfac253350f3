/**
 * Property tests of the streams engine under random command sequences (puts, bulk puts, clock advances,
 * splits, merges, UpdateShardCount), with and without a tight memory budget and with short retention.
 * Invariants checked:
 *  - nothing accepted is lost or duplicated: every record read was accepted once, and per shard
 *    accepted = readable + expired + evicted (records and bytes);
 *  - per-shard order: counters (and so sequence numbers) rise strictly in read order;
 *  - per-key order across splits and merges: reading shards parents-first yields each key's accepted records
 *    in put order, minus a prefix removed by retention or eviction;
 *  - open hash ranges tile 0…2^128−1 after every step, and every record sits in a shard whose range holds its hash;
 *  - write limits: no shard ever holds more than 1,000 records or 1 MiB (incl. keys) in one aligned second.
 * Left out: timing of control-plane transitions (delays are 0 here) and reads' own limits (covered elsewhere).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHashKeys, bigIntToHashKey } from '../hash/hash-key';
import { md5PartitionKey } from '../hash/md5';
import { Simulation } from '../simulation';
import { tilesKeySpace } from './hash-range';
import { applyMerge, applySplit, applyUniformScaling } from './reshard';
import { KinesisService } from './service';
import { emptyReadPage, readShard } from './shard-reader';
import type { Stream } from './stream';

type Command =
  | { kind: 'put'; key: number; size: number }
  | { kind: 'bulk'; key: number; count: number; size: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'split'; pick: number; fraction: number }
  | { kind: 'merge'; pick: number }
  | { kind: 'scale'; factor: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('put' as const), key: fc.nat(15), size: fc.integer({ min: 0, max: 200_000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('bulk' as const), key: fc.nat(15), count: fc.integer({ min: 1, max: 1500 }), size: fc.integer({ min: 0, max: 2000 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 30 * 60_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('split' as const), pick: fc.nat(), fraction: fc.double({ min: 0.01, max: 0.99, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('scale' as const), factor: fc.double({ min: 0.5, max: 2, noNaN: true }) }) },
);

interface Accepted {
  readonly id: number;
  readonly key: string;
  readonly shardNumber: number;
  readonly counter: number;
}

function runScenario(commands: Command[], options: { memoryBudgetBytes?: number; retentionHours?: number }) {
  const sim = new Simulation({ seed: 'streams-property' });
  const service = new KinesisService(sim, { transitionDelayMs: 0, memoryBudgetBytes: options.memoryBudgetBytes });
  const stream = service.createStream('p', 'PROVISIONED', 2);
  if (options.retentionHours) stream.retentionHours = options.retentionHours;
  const accepted: Accepted[] = [];
  const windows = new Map<string, { records: number; bytes: number }>();
  const put = (key: string, size: number) => {
    const r = stream.putRecord(key, size);
    if (r < 0) return;
    accepted.push({ id: accepted.length, key, shardNumber: r, counter: stream.lastSequenceCounter });
    const w = `${r}:${Math.floor(sim.nowMs / 1000)}`;
    const cur = windows.get(w) ?? { records: 0, bytes: 0 };
    cur.records++;
    cur.bytes += size + key.length;
    windows.set(w, cur);
    const shard = stream.shard(r)!;
    const hash = md5PartitionKey(key, new Uint32Array(4));
    expect(compareHashKeys(shard.startWords, hash) <= 0 && compareHashKeys(hash, shard.endWords) <= 0).toBe(true);
  };
  for (const c of commands) {
    const open = stream.openShards();
    switch (c.kind) {
      case 'put':
        put(`key-${c.key}`, c.size);
        break;
      case 'bulk':
        for (let i = 0; i < c.count; i++) put(`key-${c.key}`, c.size);
        break;
      case 'advance':
        sim.advanceBy(c.ms);
        break;
      case 'split': {
        const shard = open[c.pick % open.length];
        const width = shard.range.end - shard.range.start;
        const key = shard.range.start + 2n + BigInt(Math.floor(Number(width - 3n) * c.fraction));
        if (width > 4n && key < shard.range.end && open.length < 40) {
          applySplit(stream, shard, key, sim.nowMs);
          stream.rebuildRouting();
        }
        break;
      }
      case 'merge': {
        if (open.length < 2) break;
        const i = c.pick % (open.length - 1);
        applyMerge(stream, open[i], open[i + 1], sim.nowMs);
        stream.rebuildRouting();
        break;
      }
      case 'scale': {
        const target = Math.max(1, Math.min(40, Math.round(open.length * c.factor)));
        applyUniformScaling(stream, target, sim.nowMs);
        break;
      }
    }
    expect(tilesKeySpace(stream.openShards().map((s) => s.range))).toBe(true);
  }
  return { sim, stream, accepted, windows };
}

function readAll(stream: Stream, nowMs: number) {
  const read: { shardNumber: number; counter: number; key: string }[] = [];
  const page = emptyReadPage();
  // Children always have higher shard numbers than their parents, so number order reads parents first.
  for (const shard of stream.shards) {
    let position = shard.startCounter;
    let lastCounter = -1;
    for (;;) {
      readShard(shard, position, 10_000, Number.POSITIVE_INFINITY, nowMs, page, (counter, _t, key) => {
        expect(counter).toBeGreaterThan(lastCounter);
        lastCounter = counter;
        read.push({ shardNumber: shard.number, counter, key });
      });
      if (page.records === 0) break;
      position = page.nextCounter;
    }
  }
  return read;
}

function checkInvariants(stream: Stream, accepted: Accepted[], windows: Map<string, { records: number; bytes: number }>, nowMs: number) {
  const read = readAll(stream, nowMs);
  const idOf = new Map(accepted.map((a) => [`${a.shardNumber}:${a.counter}`, a]));
  const seen = new Set<number>();
  for (const r of read) {
    const a = idOf.get(`${r.shardNumber}:${r.counter}`);
    expect(a, 'every record read was accepted').toBeDefined();
    expect(a!.key).toBe(r.key);
    expect(seen.has(a!.id), 'no record is read twice').toBe(false);
    seen.add(a!.id);
  }
  for (const shard of stream.shards) {
    const c = shard.counters;
    expect(c.incomingRecords).toBe(shard.log.retainedRecords + c.expiredRecords + c.evictedRecords);
    expect(c.incomingBytes).toBeCloseTo(shard.log.retainedBytes + c.expiredBytes + c.evictedBytes, 3);
  }
  expect(read.length).toBe(stream.shards.reduce((n, s) => n + s.log.retainedRecords, 0));
  // Per key: what is readable is the accepted sequence minus a prefix.
  const byKeyAccepted = new Map<string, number[]>();
  for (const a of accepted) byKeyAccepted.set(a.key, [...(byKeyAccepted.get(a.key) ?? []), a.id]);
  const byKeyRead = new Map<string, number[]>();
  for (const r of read) {
    const a = idOf.get(`${r.shardNumber}:${r.counter}`)!;
    byKeyRead.set(a.key, [...(byKeyRead.get(a.key) ?? []), a.id]);
  }
  for (const [key, ids] of byKeyAccepted) {
    const got = byKeyRead.get(key) ?? [];
    expect(got).toEqual(ids.slice(ids.length - got.length));
  }
  for (const [, w] of windows) {
    expect(w.records).toBeLessThanOrEqual(1000);
    expect(w.bytes).toBeLessThanOrEqual(1_048_576);
  }
}

describe('streams engine properties', () => {
  const seed = Number(process.env.FC_SEED ?? 20261122);

  it(`keeps records, order, tiling and limits under random resharding (seed ${seed})`, () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        const { sim, stream, accepted, windows } = runScenario(commands, {});
        checkInvariants(stream, accepted, windows, sim.nowMs);
      }),
      { seed, numRuns: 60 },
    );
  });

  it(`accounts for expiry and eviction exactly: accepted = readable + expired + evicted (seed ${seed})`, () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), fc.integer({ min: 20_000, max: 400_000 }), (commands, budget) => {
        const { sim, stream, accepted, windows } = runScenario(commands, { memoryBudgetBytes: budget, retentionHours: 1 });
        checkInvariants(stream, accepted, windows, sim.nowMs);
      }),
      { seed, numRuns: 60 },
    );
  });

  it('tiles the key space after any split/merge/scale sequence (ranges only)', () => {
    fc.assert(
      fc.property(fc.array(command.filter((c) => c.kind === 'split' || c.kind === 'merge' || c.kind === 'scale'), { maxLength: 30 }), (commands) => {
        runScenario(commands, {});
      }),
      { seed, numRuns: 100 },
    );
    expect(bigIntToHashKey((1n << 128n) - 1n)[0]).toBe(0xffffffff);
  });
});
