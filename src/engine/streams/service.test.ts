import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { AwsServiceError } from '../api/result';
import { getRecords, getShardIterator } from './data-plane';
import { splitShard, updateShardCount } from './reshard';
import { KinesisService } from './service';
import { emptyReadPage } from './shard-reader';
import { decreaseRetention } from './stream-settings';

function setup(options: { delays?: object; shardLimit?: number } = {}) {
  const sim = new Simulation({ seed: 'service-test' });
  const zero = { createMs: 0, deleteMs: 0, updateMs: 0, reshardMs: 0, consumerMs: 0 };
  const service = new KinesisService(sim, { ...options, delays: { ...zero, ...options.delays } });
  return { sim, service };
}

function errorName(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AwsServiceError) return e.name;
    throw e;
  }
  return 'none';
}

describe('KinesisService control plane', () => {
  it('limits CREATING streams, the account shard quota and control-plane TPS', () => {
    const { service, sim } = setup({ delays: { createMs: 10_000 }, shardLimit: 10 });
    for (let i = 0; i < 5; i++) {
      service.createStream(`s${i}`, 'PROVISIONED', 1);
      sim.advanceBy(300); // stay under the 5-per-second CreateStream rate
    }
    expect(errorName(() => service.createStream('s5', 'PROVISIONED', 1))).toMatch(/LimitExceededException/);
    expect(() => service.createStream('s5', 'PROVISIONED', 1)).toThrow(/CREATING at once/);
    sim.advanceBy(10_000);
    expect(errorName(() => service.createStream('big', 'PROVISIONED', 6))).toBe('LimitExceededException');
    for (let i = 0; i < 10; i++) service.checkRate('DescribeStream');
    expect(errorName(() => service.checkRate('DescribeStream'))).toBe('LimitExceededException');
    sim.advanceBy(1000);
    expect(errorName(() => service.checkRate('DescribeStream'))).toBe('none');
  });

  it('deletes through DELETING, after which data calls find nothing', () => {
    const { service, sim } = setup({ delays: { deleteMs: 2000, createMs: 0 } });
    const stream = service.createStream('d', 'PROVISIONED', 1);
    const it0 = getShardIterator(service, stream, { shardId: 'shardId-000000000000', type: 'TRIM_HORIZON' });
    service.deleteStream(stream, false);
    expect(stream.status).toBe('DELETING');
    sim.advanceBy(2000);
    expect(service.stream('d')).toBeUndefined();
    expect(errorName(() => getRecords(service, it0, 10, () => {}))).toBe('ResourceNotFoundException');
    expect(stream.putRecord('k', 1)).toBeLessThan(0);
  });

  it('allows 10 UpdateShardCount calls per rolling 24 h', () => {
    const { service, sim } = setup();
    const stream = service.createStream('u', 'PROVISIONED', 4);
    for (let i = 0; i < 10; i++) {
      updateShardCount(service, stream, i % 2 === 0 ? 5 : 4);
      sim.advanceBy(1000);
    }
    expect(errorName(() => updateShardCount(service, stream, 5))).toBe('LimitExceededException');
    sim.advanceBy(24 * 3_600_000);
    expect(errorName(() => updateShardCount(service, stream, 5))).toBe('none');
  });

  it('refuses resharding of on-demand streams and while UPDATING', () => {
    const { service } = setup({ delays: { reshardMs: 5000, createMs: 0 } });
    const od = service.createStream('od', 'ON_DEMAND', undefined);
    expect(od.openShardCount).toBe(4);
    expect(errorName(() => splitShard(service, od, 'shardId-000000000000', 12345n))).toBe('ValidationException');
    const p = service.createStream('p', 'PROVISIONED', 1);
    splitShard(service, p, 'shardId-000000000000', 1n << 127n);
    expect(p.status).toBe('UPDATING');
    expect(errorName(() => updateShardCount(service, p, 2))).toBe('ResourceInUseException');
  });
});

describe('reads', () => {
  it('allows 5 GetRecords calls per second per shard and blocks ~5 s after a 10 MiB answer', () => {
    const { service, sim } = setup();
    const stream = service.createStream('r', 'PROVISIONED', 1);
    const page = emptyReadPage();
    for (let i = 0; i < 5; i++) expect(stream.shared.read(0, 0, 100, Number.POSITIVE_INFINITY, sim.nowMs, page)).toBe(true);
    expect(stream.shared.read(0, 0, 100, Number.POSITIVE_INFINITY, sim.nowMs, page)).toBe(false);
    expect(stream.shard(0)!.counters.throttledReadCalls).toBe(1);
    // Fill 10 seconds of data at 1 MiB/s, then read 10 MiB in one call.
    for (let s = 0; s < 10; s++) {
      stream.putAggregate(0, 1000, 1_048_576, sim.nowMs);
      sim.advanceBy(1000);
    }
    expect(stream.shared.read(0, 0, 10_000, Number.POSITIVE_INFINITY, sim.nowMs, page)).toBe(true);
    expect(page.bytes).toBe(10 * 1_048_576);
    const blockedFrom = sim.nowMs;
    let firstAllowedMs = -1;
    for (let t = 0; t < 8000 && firstAllowedMs < 0; t += 250) {
      sim.advanceBy(250);
      if (stream.shared.read(0, page.nextCounter, 1, Number.POSITIVE_INFINITY, sim.nowMs, emptyReadPage())) firstAllowedMs = sim.nowMs - blockedFrom;
    }
    expect(firstAllowedMs).toBeGreaterThanOrEqual(4000);
    expect(firstAllowedMs).toBeLessThanOrEqual(5000);
  });

  it('positions AT_TIMESTAMP, hides data when retention decreases, and drops drained closed shards after retention', () => {
    const { service, sim } = setup();
    const stream = service.createStream('t', 'PROVISIONED', 1);
    stream.retentionHours = 48;
    stream.putRecord('a', 1);
    sim.advanceBy(30 * 3_600_000);
    const mid = sim.nowMs;
    stream.putRecord('b', 1);
    const pos = getShardIterator(service, stream, { shardId: 'shardId-000000000000', type: 'AT_TIMESTAMP', timestampMs: mid });
    const keys: string[] = [];
    getRecords(service, pos, 10, (_c, _t, key) => keys.push(key));
    expect(keys).toEqual(['b']);
    decreaseRetention(service, stream, 24);
    expect(stream.shard(0)!.counters.expiredRecords).toBe(1);
    splitShard(service, stream, 'shardId-000000000000', 1n << 127n);
    expect(stream.listedShards()).toHaveLength(3);
    sim.advanceBy(24 * 3_600_000 + 1000);
    expect(stream.listedShards().map((s) => s.id)).toEqual(['shardId-000000000001', 'shardId-000000000002']);
  });

  it('throttles GetShardIterator beyond 5 calls per second per shard', () => {
    const { service } = setup();
    const stream = service.createStream('g', 'PROVISIONED', 1);
    for (let i = 0; i < 5; i++) getShardIterator(service, stream, { shardId: 'shardId-000000000000', type: 'LATEST' });
    expect(errorName(() => getShardIterator(service, stream, { shardId: 'shardId-000000000000', type: 'LATEST' }))).toBe('ProvisionedThroughputExceededException');
  });
});

describe('on-demand capacity', () => {
  it('splits shards that run hot, so capacity follows a ramp above the initial 4,000 records/s', () => {
    const { service, sim } = setup({ delays: { reshardMs: 30_000 } });
    const stream = service.createStream('od', 'ON_DEMAND', undefined);
    let throttledLate = 0;
    // ~6,000 records/s over 400 keys: above the initial 4 shards' 4,000 records/s.
    for (let s = 0; s < 600; s++) {
      for (let i = 0; i < 6000; i++) {
        const r = stream.putRecord(`key-${i % 400}`, 10, undefined, sim.nowMs + Math.floor(i / 6));
        if (r < 0 && s >= 500) throttledLate++;
      }
      sim.advanceBy(1000);
    }
    expect(stream.openShardCount).toBeGreaterThan(6);
    expect(throttledLate).toBe(0);
  });
});
