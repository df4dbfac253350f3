import { describe, expect, it } from 'vitest';
import { createSimulatorApi } from '../../simulator-api';
import { joinShardIdentity, type ConsoleFrameWire, type ShardIdentity } from './console-types';

const doc = {
  version: 1, seed: 'console-test', name: 'console test',
  streams: [{ name: 'base', shards: 2 }],
  producers: [{ name: 'steady', stream: 'base', rate: { kind: 'constant', recordsPerSec: 200 } }],
  consumers: [{ type: 'kcl', name: 'reader', stream: 'base', initialPosition: 'TRIM_HORIZON' }],
};

function setup() {
  // The API the worker exposes; its methods act synchronously, so the test needs no awaits to step.
  const api = createSimulatorApi({ wallNowMs: () => 0, later: () => {} });
  void api.load(doc);
  const frames: ConsoleFrameWire[] = [];
  void api.onFrame((f) => frames.push(f.world!.streams));
  const advance = (ms: number) => void api.clock({ kind: 'step', ms });
  return { api, frames, advance, last: () => frames[frames.length - 1] };
}

describe('streams api', () => {
  it('creates a stream through the Kinesis API and shows a hot shard that a split relieves', async () => {
    const { api, advance, last } = setup();
    const created = await api.kinesis('CreateStream', { StreamName: 'skewed', ShardCount: 2 });
    expect(created.ok).toBe(true);
    const bad = await api.kinesis('CreateStream', { StreamName: 'skewed', ShardCount: 2 });
    expect(bad.ok ? '' : bad.error.name).toBe('ResourceInUseException');
    advance(11_000);
    // Four explicit hash keys, all in the lower half of the key space: shard 0 takes everything.
    const lower = ['1', String(2n ** 125n), String(2n ** 126n), String(3n * 2n ** 125n)];
    const saved = await api.saveProducer(null, { name: 'skew', stream: 'skewed', rate: { kind: 'constant', recordsPerSec: 1600 }, keys: { kind: 'explicitHash', hashKeys: lower } });
    expect(saved).toEqual({ ok: true });
    await api.watch({ stream: 'skewed', heatmap: true, seriesWindowSec: 60 });
    advance(10_000);
    const d = last().detail!;
    expect(d.openShards).toBe(2);
    expect(d.throttledPerSec).toBeGreaterThan(300);
    expect(d.findings[0].title).toMatch(/Shard shardId-000000000000 is hot/);
    expect(d.heat!.rows).toBe(2);
    expect(d.heat!.values[59]).toBeGreaterThan(1);
    const mid = (2n ** 126n).toString();
    const split = await api.kinesis('SplitShard', { StreamName: 'skewed', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: mid });
    expect(split.ok).toBe(true);
    advance(40_000);
    const after = last().detail!;
    expect(after.openShards).toBe(3);
    expect(after.throttledPerSec).toBe(0);
    const wrong = await api.kinesis('SplitShard', { StreamName: 'skewed', ShardToSplit: 'shardId-000000000001', NewStartingHashKey: '5' });
    expect(wrong.ok ? '' : wrong.error.name).toBe('InvalidArgumentException');
  });

  it('sends the shard identity only when the shard set changes, and the page joins every frame by revision', async () => {
    const { api, advance, frames } = setup();
    await api.watch({ stream: 'base' });
    advance(3000);
    const watched = frames.filter((f) => f.detail?.name === 'base');
    const first = watched[0].detail!;
    expect(first.identity?.bandIds).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    // Later frames of the same shard set name the revision but carry no ids.
    const later = watched.slice(1).map((f) => f.detail!);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((d) => d.identity === undefined && d.identityRevision === first.identityRevision)).toBe(true);
    let known: ShardIdentity | undefined = first.identity;
    const joined = joinShardIdentity(later[later.length - 1], known)!;
    expect(joined.bandIds).toBe(first.identity!.bandIds);
    expect(joined.shardIds).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    expect(Array.from(joined.bandEnd)).toEqual([0.5, 1]);
    // A split changes the set: the next frame brings the new identity under a new revision.
    const count = frames.length;
    expect((await api.kinesis('SplitShard', { StreamName: 'base', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: (2n ** 126n).toString() })).ok).toBe(true);
    advance(40_000);
    const changed = frames.slice(count).map((f) => f.detail!).find((d) => d.identity)!;
    expect(changed.identityRevision).not.toBe(first.identityRevision);
    known = changed.identity;
    const afterSplit = joinShardIdentity(frames[frames.length - 1].detail!, known)!;
    expect(afterSplit.bandIds).toEqual(['shardId-000000000002', 'shardId-000000000003', 'shardId-000000000001']);
    expect(afterSplit.shardIds).toHaveLength(4);
    // A detail whose revision the page has not received does not join with a stale identity.
    expect(joinShardIdentity(later[0], changed.identity)).toBeNull();
  });

  it('explains that a key over one shard limit cannot be fixed by resharding', async () => {
    const { api, advance, last } = setup();
    const r = await api.saveProducer(null, { name: 'hot', stream: 'base', rate: { kind: 'constant', recordsPerSec: 2000 }, keys: { kind: 'hotKey', hotKey: 'vip', hotPercent: 80, otherKeys: 100 } });
    expect(r.ok).toBe(true);
    await api.watch({ stream: 'base' });
    advance(5000);
    const f = last().detail!.findings[0];
    expect(f.title).toMatch(/“vip” alone needs 1,600 records\/s/);
    expect(f.text).toMatch(/No split, merge, shard count/);
  });

  it('validates scenario documents for the main thread, naming the bad fields', async () => {
    const { api } = setup();
    expect(await api.validateScenarioDoc(doc)).toMatchObject({ ok: true });
    const bad = { ...doc, streams: [{ name: 'base', shards: -1 }], producers: [{ ...doc.producers[0], template: '{{nope.nothing}}' }] };
    const r = await api.validateScenarioDoc(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.name).toBe('ValidationException');
      expect(r.error.path).toBe('streams[0].shards');
      expect(r.error.problems!.join('\n')).toMatch(/streams\[0\]\.shards/);
      expect(r.error.problems!.join('\n')).toMatch(/producers\[0\]\.template/);
    }
  });

  it('validates producer edits with field names and applies consumer edits live', async () => {
    const { api, advance, last } = setup();
    const bad = await api.saveProducer('steady', { name: 'steady', stream: 'base', rate: { kind: 'constant', recordsPerSec: -5 } });
    expect(bad.ok ? [] : bad.error.problems).toEqual([expect.stringMatching(/^producer\.rate\.recordsPerSec/)]);
    expect(bad.ok ? null : [bad.error.name, bad.error.path]).toEqual(['ValidationException', 'producer.rate.recordsPerSec']);
    expect((await api.saveConsumer(null, { type: 'lambda', name: 'fn', stream: 'base', batchSize: 10 })).ok).toBe(true);
    await api.watch({ stream: null, consumers: true });
    advance(5000);
    expect(last().consumers.map((c) => c.name)).toEqual(['reader', 'fn']);
    expect(last().consumerSeries!.map((c) => c.name)).toEqual(['reader', 'fn']);
    expect((await api.removeConsumer('fn')).ok).toBe(true);
    expect((await api.actorConfigs()).consumers).toHaveLength(1);
  });

  it('creates on-demand streams, switches modes and deletes streams, and frames follow', async () => {
    const { api, advance, last } = setup();
    expect((await api.kinesis('CreateStream', { StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } })).ok).toBe(true);
    advance(11_000);
    const od = last().streams.find((s) => s.name === 'od')!;
    expect(od).toMatchObject({ mode: 'ON_DEMAND', status: 'ACTIVE', openShards: 4 });
    expect((await api.switchCapacityMode('base', 'ON_DEMAND')).ok).toBe(true);
    const retention = await api.kinesis('DecreaseStreamRetentionPeriod', { StreamName: 'base', RetentionPeriodHours: 48 });
    // The mode switch left the stream UPDATING: further changes wait, as on AWS.
    expect(retention.ok ? '' : retention.error.name).toBe('ResourceInUseException');
    expect((await api.kinesis('DeleteStream', { StreamName: 'od' })).ok).toBe(true);
    advance(10_000);
    expect(last().streams.map((s) => s.name)).toEqual(['base']);
    // Only the console's control-plane operations pass (the data plane goes through the viewer).
    const refused = await api.kinesis('GetRecords' as 'DeleteStream', { StreamName: 'x' });
    expect(refused.ok ? '' : refused.error.name).toBe('UnknownOperationException');
    expect((await api.switchCapacityMode('nope', 'PROVISIONED')).ok).toBe(false);
  });

  it('pages records with real GetRecords calls', async () => {
    const { api, advance } = setup();
    advance(3000);
    const first = await api.readRecords({ stream: 'base', shardId: 'shardId-000000000000', iteratorType: 'TRIM_HORIZON', limit: 5 });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.records).toHaveLength(5);
    expect(first.value.nextIterator).toBeTruthy();
    const second = await api.readRecords({ stream: 'base', shardId: 'shardId-000000000000', iterator: first.value.nextIterator!, limit: 5 });
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.records[0].sequenceNumber > first.value.records[4].sequenceNumber).toBe(true);
    const missing = await api.readRecords({ stream: 'base', shardId: 'shardId-000000000009' });
    expect(missing.ok ? '' : missing.error.name).toBe('ResourceNotFoundException');
  });

  it('says how many records of the shard the memory budget evicted, so an emptied position is not a mystery', async () => {
    const api = createSimulatorApi({ wallNowMs: () => 0, later: () => {} });
    void api.load({
      ...doc, settings: { memoryBudgetMiB: 1 }, consumers: [],
      producers: [{ name: 'flood', stream: 'base', rate: { kind: 'constant', recordsPerSec: 1500 }, size: { kind: 'fixed', bytes: 400 } }],
    });
    void api.clock({ kind: 'step', ms: 20_000 });
    const page = await api.readRecords({ stream: 'base', shardId: 'shardId-000000000000', iteratorType: 'TRIM_HORIZON', limit: 5 });
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.removed?.evicted).toBeGreaterThan(1000);
    expect(page.value.removed?.expired).toBe(0);
    expect(page.value.removed?.memoryBudgetBytes).toBeLessThan(1_048_576);
    // TRIM_HORIZON starts at the oldest record still held: the ones before it were evicted.
    expect(page.value.records).toHaveLength(5);
  });
});
