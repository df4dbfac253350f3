import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load';
import type { ScenarioDoc } from '../scenario/schema';
import { Simulation } from '../simulation';
import { splitShard } from '../streams/reshard';
import type { KclApp } from './kcl-app';
import type { LambdaEsm } from './lambda-esm';

const doc = (consumers: ScenarioDoc['consumers'], over: Partial<ScenarioDoc> = {}): ScenarioDoc => ({
  version: 1,
  seed: 'consumers',
  streams: [{ name: 's', shards: 2 }],
  producers: [{ name: 'p', stream: 's', rate: { kind: 'constant', recordsPerSec: 800 }, keys: { kind: 'pool', keys: 200 } }],
  consumers,
  ...over,
});

describe('KCL application', () => {
  it('reads parents to SHARD_END before starting their children after a split, losing nothing', () => {
    const sim = new Simulation({ seed: 1 });
    const run = loadScenario(sim, doc([{ type: 'kcl', name: 'app', stream: 's', initialPosition: 'TRIM_HORIZON', checkpointEveryRecords: 100 }]));
    sim.advanceBy(10_000);
    splitShard(run.service, run.service.stream('s')!, 'shardId-000000000000', 1n << 126n);
    sim.advanceBy(60_000);
    run.producers[0].stop();
    sim.advanceBy(5_000);
    const app = run.consumers[0] as KclApp;
    const table = app.leaseTable();
    expect(table.map((l) => [l.shardNumber, l.state])).toEqual([[0, 'ended'], [1, 'active'], [2, 'active'], [3, 'active']]);
    const accepted = run.producers[0].totals().accepted;
    const f = app.figures();
    expect(f.recordsProcessed).toBe(accepted);
    expect(f.lagRecords).toBe(0);
  });

  it('re-delivers records after the checkpoint when a worker crashes, and counts them', () => {
    const sim = new Simulation({ seed: 2 });
    const run = loadScenario(sim, doc([{ type: 'kcl', name: 'app', stream: 's', initialPosition: 'TRIM_HORIZON', workers: 2, checkpointEveryMs: 5_000, crashes: [{ atSec: 12.5, worker: 0 }] }]));
    sim.advanceBy(40_000);
    const f = (run.consumers[0] as KclApp).figures();
    expect(f.recordsRedelivered).toBeGreaterThan(0);
    // At most one checkpoint interval (5 s) of the crashed worker's shard comes again.
    expect(f.recordsRedelivered).toBeLessThanOrEqual(5 * 800);
    expect(f.recordsProcessed).toBeGreaterThanOrEqual(run.producers[0].totals().accepted - 800);
    // Both leases end up on the surviving worker after failover.
    expect(new Set((run.consumers[0] as KclApp).leaseTable().map((l) => l.owner))).toEqual(new Set([1]));
  });

  it('builds lag when processing is slower than the write rate', () => {
    const sim = new Simulation({ seed: 3 });
    const run = loadScenario(sim, doc([{ type: 'kcl', name: 'slow', stream: 's', initialPosition: 'TRIM_HORIZON', maxRecords: 100, processing: { perBatchMs: 0, perRecordMs: 5 } }]));
    sim.advanceBy(30_000);
    const f = (run.consumers[0] as KclApp).figures();
    expect(f.lagRecords).toBeGreaterThan(10_000);
    expect(f.iteratorAgeMsMax).toBeGreaterThan(10_000);
  });
});

describe('enhanced fan-out and Lambda', () => {
  it('an EFO consumer keeps up without touching the shared read limits', () => {
    const sim = new Simulation({ seed: 4 });
    const consumers = [
      ...Array.from({ length: 6 }, (_, i) => ({ type: 'kcl' as const, name: `poll-${i}`, stream: 's' })),
      { type: 'efo' as const, name: 'push', stream: 's', initialPosition: 'TRIM_HORIZON' as const },
    ];
    const run = loadScenario(sim, doc(consumers));
    sim.advanceBy(20_000);
    const push = run.consumers[6].figures();
    expect(push.readThrottled).toBe(0);
    expect(push.recordsProcessed).toBeGreaterThan(run.producers[0].totals().accepted - 200);
    expect(push.iteratorAgeMsMax).toBeLessThan(1000);
    expect(run.consumers.slice(0, 6).reduce((s, c) => s + c.figures().readThrottled, 0)).toBeGreaterThan(0);
  });

  it('Lambda retries failing batches, bisects, and sends what exhausts its retries to the destination', () => {
    const sim = new Simulation({ seed: 5 });
    const run = loadScenario(sim, doc([{ type: 'lambda', name: 'fn', stream: 's', initialPosition: 'TRIM_HORIZON', batchSize: 100, parallelizationFactor: 3, errorRate: 0.3, maxRetries: 1, bisectOnError: true, onFailureDestination: true, duration: { perBatchMs: 10, perRecordMs: 0.1 } }]));
    sim.advanceBy(30_000);
    run.producers[0].stop();
    sim.advanceBy(30_000);
    const f = (run.consumers[0] as LambdaEsm).figures();
    expect(f.failedInvocations).toBeGreaterThan(0);
    expect(f.recordsToDestination).toBeGreaterThan(0);
    // Every record is either processed or sent to the destination.
    expect(f.recordsProcessed + f.recordsToDestination!).toBe(run.producers[0].totals().accepted);
  });
});

describe('GetRecords metrics', () => {
  it('shard-level iterator age follows the lagging shard; latency grows with the bytes a call returns', () => {
    const sim = new Simulation({ seed: 6 });
    // A slow reader on 2 shards: iterator age climbs on both; shard series carry it as Maximum.
    const run = loadScenario(sim, doc([{ type: 'kcl', name: 'slow', stream: 's', initialPosition: 'TRIM_HORIZON', maxRecords: 100, processing: { perBatchMs: 0, perRecordMs: 5 } }], { settings: { shardLevelMetrics: true } }));
    sim.advanceBy(20_000);
    const store = run.metrics;
    const shardKeys = store.keys('shard:s/').filter((k) => k.endsWith(':IteratorAgeMilliseconds'));
    expect(shardKeys).toHaveLength(2);
    const streamAge = store.get('stream:s:GetRecords.IteratorAgeMilliseconds')!;
    const last = streamAge.seconds.endSlot - 1;
    const shardAges = shardKeys.map((k) => store.get(k)!.seconds.at(last));
    expect(Math.min(...shardAges)).toBeGreaterThan(5_000);
    // The stream's Maximum is the largest shard's (a shard without a call that second keeps its last age, never more).
    expect(streamAge.seconds.at(last)).toBeLessThanOrEqual(Math.max(...shardAges));
    const latency = store.get('stream:s:GetRecords.Latency')!.seconds.at(last);
    // 100 records of ~1 KiB per call: just above the 8 ms base.
    expect(latency).toBeGreaterThan(8);
    expect(latency).toBeLessThan(12);
  });

  it('a full 10,000-record page costs more latency than a small one', () => {
    const latencyOf = (maxRecords: number): number => {
      const sim = new Simulation({ seed: 7 });
      const run = loadScenario(sim, doc([{ type: 'kcl', name: 'r', stream: 's', initialPosition: 'TRIM_HORIZON', maxRecords, pollIntervalMs: 5000 }], { producers: [{ name: 'p', stream: 's', rate: { kind: 'constant', recordsPerSec: 1800 }, size: { kind: 'fixed', bytes: 1000 } }] }));
      sim.advanceBy(30_000);
      const s = run.metrics.get('stream:s:GetRecords.Latency')!;
      let max = 0;
      for (let i = s.seconds.startSlot; i < s.seconds.endSlot; i++) max = Math.max(max, s.seconds.at(i) || 0);
      return max;
    };
    expect(latencyOf(10_000)).toBeGreaterThan(latencyOf(10) + 50);
  });
});

describe('enhanced fan-out propagation', () => {
  it('holds every record back ~70 ms of virtual time before the subscriber sees it', () => {
    const sim = new Simulation({ seed: 8 });
    const run = loadScenario(sim, doc([{ type: 'efo', name: 'push', stream: 's', initialPosition: 'TRIM_HORIZON' }]));
    const acceptedAt: number[] = [];
    for (let step = 0; step < 500; step++) {
      sim.advanceBy(10);
      acceptedAt.push(run.producers[0].totals().accepted);
      const processed = run.consumers[0].figures().recordsProcessed;
      // Invariant: what the subscriber processed by now had all been accepted by now − 70 ms.
      const back = step - 7;
      expect(processed).toBeLessThanOrEqual(back >= 0 ? acceptedAt[back] : 0);
    }
    // It still keeps up: everything accepted up to a few push ticks before the end has arrived.
    expect(run.consumers[0].figures().recordsProcessed).toBeGreaterThanOrEqual(acceptedAt[500 - 1 - 7 - 10]);
  });
});
