/**
 * The JSON API under random call sequences (PutRecords batches, clock advances, SplitShard, MergeShards,
 * UpdateShardCount). Invariants, all observed through wire documents only:
 *  - ListShards AT_LATEST ranges tile 0…2^128−1 after every step;
 *  - reading every listed shard parents-first (TRIM_HORIZON iterators, NextShardIterator until it ends or
 *    catches up) returns each accepted record exactly once, and each key's records in put order;
 *  - sequence numbers rise within a shard; FailedRecordCount equals the entries with an ErrorCode.
 * Left out: control-plane delays (0 here) and retention (runs are shorter than 24 h).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../simulation';
import { KinesisService } from '../../streams/service';
import { encodeBase64 } from './base64';
import { createKinesisApi } from './index';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

type Step =
  | { kind: 'put'; keys: number[]; size: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'split'; pick: number; fraction: number }
  | { kind: 'merge'; pick: number }
  | { kind: 'scale'; factor: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('put' as const), keys: fc.array(fc.nat(11), { minLength: 1, maxLength: 500 }), size: fc.integer({ min: 0, max: 3000 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 5000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('split' as const), pick: fc.nat(), fraction: fc.double({ min: 0.05, max: 0.95, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('scale' as const), factor: fc.double({ min: 0.5, max: 2, noNaN: true }) }) },
);

function run(steps: Step[]) {
  const sim = new Simulation({ seed: 'api-property' });
  const api = createKinesisApi(new KinesisService(sim, { transitionDelayMs: 0, enforceControlPlaneRates: false }));
  const ok = (op: string, body: Doc): Doc => {
    const r = api.handle(op, body);
    if (!r.ok) throw new Error(`${op}: ${r.error.name}: ${r.error.message}`);
    return r.value;
  };
  const tryOp = (op: string, body: Doc) => api.handle(op, body);
  ok('CreateStream', { StreamName: 's', ShardCount: 2 });
  const openShards = () => ok('ListShards', { StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } }).Shards as Doc[];
  const accepted = new Map<string, string[]>(); // key → payload ids in put order
  let nextId = 0;
  for (const s of steps) {
    if (s.kind === 'put') {
      const ids = s.keys.map(() => `r${nextId++}`);
      const records = s.keys.map((k, i) => {
        const text = ids[i].padEnd(Math.max(ids[i].length, Math.floor(s.size / 10)), '.');
        return { PartitionKey: `key-${k}`, Data: encodeBase64(new TextEncoder().encode(text)) };
      });
      const out = ok('PutRecords', { StreamName: 's', Records: records });
      expect(out.FailedRecordCount).toBe((out.Records as Doc[]).filter((r) => r.ErrorCode).length);
      (out.Records as Doc[]).forEach((r, i) => {
        if (r.ErrorCode) return;
        const key = `key-${s.keys[i]}`;
        accepted.set(key, [...(accepted.get(key) ?? []), ids[i]]);
      });
    } else if (s.kind === 'advance') {
      sim.advanceBy(s.ms);
    } else if (s.kind === 'split') {
      const open = openShards();
      const shard = open[s.pick % open.length];
      const start = BigInt(shard.HashKeyRange.StartingHashKey);
      const end = BigInt(shard.HashKeyRange.EndingHashKey);
      const key = start + 2n + ((end - start - 3n) * BigInt(Math.floor(s.fraction * 1e6))) / 1_000_000n;
      if (open.length < 24) tryOp('SplitShard', { StreamName: 's', ShardToSplit: shard.ShardId, NewStartingHashKey: key.toString() });
    } else if (s.kind === 'merge') {
      const open = openShards().sort((a, b) => (BigInt(a.HashKeyRange.StartingHashKey) < BigInt(b.HashKeyRange.StartingHashKey) ? -1 : 1));
      if (open.length < 2) continue;
      const i = s.pick % (open.length - 1);
      ok('MergeShards', { StreamName: 's', ShardToMerge: open[i].ShardId, AdjacentShardToMerge: open[i + 1].ShardId });
    } else {
      const n = openShards().length;
      const target = Math.max(1, Math.min(24, Math.round(n * s.factor)));
      tryOp('UpdateShardCount', { StreamName: 's', TargetShardCount: target, ScalingType: 'UNIFORM_SCALING' });
    }
    const ranges = openShards().map((sh) => [BigInt(sh.HashKeyRange.StartingHashKey), BigInt(sh.HashKeyRange.EndingHashKey)] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    let next = 0n;
    for (const [a, b] of ranges) {
      expect(a).toBe(next);
      next = b + 1n;
    }
    expect(next).toBe(1n << 128n);
  }
  sim.advanceBy(1000);
  return { ok, sim, accepted };
}

function readEverything(ok: (op: string, body: Doc) => Doc, sim: Simulation): Map<string, string[]> {
  const shards = ok('ListShards', { StreamName: 's' }).Shards as Doc[]; // shard-id order = parents before children
  const seen = new Map<string, string[]>();
  for (const shard of shards) {
    let iterator: string | undefined = ok('GetShardIterator', { StreamName: 's', ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
    let lastSeq = -1n;
    while (iterator) {
      sim.advanceBy(250); // stay under 5 GetRecords calls per second per shard
      const page = ok('GetRecords', { ShardIterator: iterator, Limit: 10_000 });
      for (const r of page.Records as Doc[]) {
        const seq = BigInt(r.SequenceNumber);
        expect(seq > lastSeq).toBe(true);
        lastSeq = seq;
        const id = new TextDecoder().decode(Uint8Array.from(atob(r.Data), (c) => c.charCodeAt(0))).replace(/\.+$/, '');
        seen.set(r.PartitionKey, [...(seen.get(r.PartitionKey) ?? []), id]);
      }
      iterator = page.Records.length === 0 && page.MillisBehindLatest === 0 ? undefined : page.NextShardIterator;
    }
  }
  return seen;
}

describe('Kinesis JSON API properties', () => {
  const seed = Number(process.env.FC_SEED ?? 20261122);

  it(`delivers every accepted record once, in per-key order, across resharding (seed ${seed})`, () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const { ok, sim, accepted } = run(steps);
        const seen = readEverything(ok, sim);
        expect(new Map([...seen].sort())).toEqual(new Map([...accepted].sort()));
      }),
      { seed, numRuns: 25 },
    );
  });
});
