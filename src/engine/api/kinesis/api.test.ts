import { describe, expect, it } from 'vitest';
import { Simulation } from '../../simulation';
import { KinesisService } from '../../streams/service';
import { createKinesisApi } from './index';
import type { SubscribeToShardSignal } from './index';

function setup(delayMs = 0) {
  const sim = new Simulation({ seed: 'api-test' });
  const service = new KinesisService(sim, { transitionDelayMs: delayMs });
  const api = createKinesisApi(service);
  const call = (op: string, body: Record<string, unknown> = {}) => api.handle(op, body);
  const ok = (op: string, body: Record<string, unknown> = {}) => {
    const r = call(op, body);
    if (!r.ok) throw new Error(`${op} failed: ${r.error.name}: ${r.error.message}`);
    return r.value as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const err = (op: string, body: Record<string, unknown> = {}) => {
    const r = call(op, body);
    if (r.ok) throw new Error(`${op} unexpectedly succeeded`);
    return r.error;
  };
  return { sim, service, api, ok, err };
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('Kinesis JSON API', () => {
  it('creates a stream that goes CREATING → ACTIVE on the virtual clock, with even hash ranges', () => {
    const { sim, ok } = setup(500);
    ok('CreateStream', { StreamName: 'orders', ShardCount: 3 });
    expect(ok('DescribeStreamSummary', { StreamName: 'orders' }).StreamDescriptionSummary.StreamStatus).toBe('CREATING');
    sim.advanceBy(500);
    const d = ok('DescribeStream', { StreamName: 'orders' }).StreamDescription;
    expect(d.StreamStatus).toBe('ACTIVE');
    expect(d.StreamARN).toBe('arn:aws:kinesis:us-east-1:000000000000:stream/orders');
    expect(d.Shards.map((s: any) => s.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002']); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(d.Shards[0].HashKeyRange.EndingHashKey).toBe('113427455640312821154458202477256070484');
    expect(d.Shards[1].HashKeyRange.EndingHashKey).toBe('226854911280625642308916404954512140969');
    expect(d.Shards[2].HashKeyRange.EndingHashKey).toBe('340282366920938463463374607431768211455');
    expect(typeof d.StreamCreationTimestamp).toBe('number');
  });

  it('validates requests like the AWS model', () => {
    const { err } = setup();
    const e1 = err('CreateStream', { StreamName: 'bad name!', ShardCount: 0 });
    expect(e1.name).toBe('ValidationException');
    expect(e1.message).toMatch(/^2 validation errors detected: /);
    expect(e1.message).toContain("at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    expect(e1.message).toContain("Value '0' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1");
    expect(err('CreateStream', {}).message).toContain("Value null at 'streamName' failed to satisfy constraint: Member must not be null");
    expect(err('CreateStream', { StreamName: 5 }).name).toBe('SerializationException');
    expect(err('Nope', {}).name).toBe('UnknownOperationException');
    expect(err('DescribeStream', { StreamName: 'missing' }).name).toBe('ResourceNotFoundException');
  });

  it('puts and gets records with base64 data, sequence numbers and iterators', () => {
    const { ok, err, sim } = setup();
    ok('CreateStream', { StreamName: 's', ShardCount: 2 });
    const put = ok('PutRecord', { StreamName: 's', PartitionKey: 'k1', Data: b64('hello') });
    expect(put.ShardId).toMatch(/^shardId-00000000000[01]$/);
    expect(put.SequenceNumber).toMatch(/^49\d{54}$/);
    expect(put.EncryptionType).toBe('NONE');
    const puts = ok('PutRecords', {
      StreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/s',
      Records: [{ PartitionKey: 'k1', Data: b64('a') }, { PartitionKey: 'k1', Data: b64('b') }, { PartitionKey: 'x', Data: b64('c'), ExplicitHashKey: '0' }],
    });
    expect(puts.FailedRecordCount).toBe(0);
    expect(puts.Records[2].ShardId).toBe('shardId-000000000000');
    const it1 = ok('GetShardIterator', { StreamName: 's', ShardId: put.ShardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
    sim.advanceBy(100);
    const got = ok('GetRecords', { ShardIterator: it1 });
    const mine = got.Records.filter((r: any) => r.PartitionKey === 'k1'); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(mine.map((r: any) => Buffer.from(r.Data, 'base64').toString())).toEqual(['hello', 'a', 'b']); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(mine[0].SequenceNumber).toBe(put.SequenceNumber);
    expect(typeof got.NextShardIterator).toBe('string');
    expect(got.MillisBehindLatest).toBe(0);
    const after = ok('GetShardIterator', { StreamName: 's', ShardId: put.ShardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: put.SequenceNumber }).ShardIterator;
    expect(ok('GetRecords', { ShardIterator: after }).Records.filter((r: any) => r.PartitionKey === 'k1')).toHaveLength(2); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(err('GetRecords', { ShardIterator: 'garbage' }).message).toBe('Invalid ShardIterator.');
    expect(err('GetShardIterator', { StreamName: 's', ShardId: put.ShardId, ShardIteratorType: 'AT_SEQUENCE_NUMBER' }).name).toBe('InvalidArgumentException');
    sim.advanceBy(300_001);
    expect(err('GetRecords', { ShardIterator: it1 }).name).toBe('ExpiredIteratorException');
  });

  it('rejects ExplicitHashKey outside 0…2^128−1 and oversized PutRecords', () => {
    const { ok, err } = setup();
    ok('CreateStream', { StreamName: 's', ShardCount: 1 });
    expect(err('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: '', ExplicitHashKey: '340282366920938463463374607431768211456' }).name).toBe('InvalidArgumentException');
    expect(err('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: '', ExplicitHashKey: '-1' }).name).toBe('ValidationException');
    const big = Buffer.alloc(1_048_000).toString('base64');
    const records = Array.from({ length: 6 }, () => ({ PartitionKey: 'k', Data: big }));
    expect(err('PutRecords', { StreamName: 's', Records: records }).name).toBe('InvalidArgumentException');
    expect(err('PutRecords', { StreamName: 's', Records: [] }).name).toBe('ValidationException');
  });

  it('reports per-record throttling in PutRecords and throws it from PutRecord', () => {
    const { ok, err } = setup();
    ok('CreateStream', { StreamName: 's', ShardCount: 1 });
    let failed = 0;
    for (let i = 0; i < 3; i++) {
      const r = ok('PutRecords', { StreamName: 's', Records: Array.from({ length: 500 }, (_, j) => ({ PartitionKey: `k${j}`, Data: b64('x') })) });
      failed += r.FailedRecordCount;
      if (r.FailedRecordCount > 0) expect(r.Records.find((x: any) => x.ErrorCode).ErrorCode).toBe('ProvisionedThroughputExceededException'); // eslint-disable-line @typescript-eslint/no-explicit-any
    }
    expect(failed).toBe(500);
    expect(err('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64('x') }).name).toBe('ProvisionedThroughputExceededException');
  });

  it('splits and merges with lineage, and GetRecords returns ChildShards at a closed shard end', () => {
    const { ok, err, sim } = setup(1000);
    ok('CreateStream', { StreamName: 's', ShardCount: 1 });
    sim.advanceBy(1000);
    ok('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64('before') });
    ok('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '170141183460469231731687303715884105728' });
    expect(err('SplitShard', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '5' }).name).toBe('ResourceInUseException');
    sim.advanceBy(1000);
    const shards = ok('ListShards', { StreamName: 's' }).Shards;
    expect(shards.map((s: any) => [s.ShardId, s.ParentShardId])).toEqual([ // eslint-disable-line @typescript-eslint/no-explicit-any
      ['shardId-000000000000', undefined], ['shardId-000000000001', 'shardId-000000000000'], ['shardId-000000000002', 'shardId-000000000000'],
    ]);
    expect(shards[0].SequenceNumberRange.EndingSequenceNumber).toBeDefined();
    expect(ok('ListShards', { StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } }).Shards).toHaveLength(2);
    const it0 = ok('GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
    const end = ok('GetRecords', { ShardIterator: it0 });
    expect(end.Records).toHaveLength(1);
    expect(end.NextShardIterator).toBeUndefined();
    expect(end.ChildShards.map((c: any) => c.ShardId)).toEqual(['shardId-000000000001', 'shardId-000000000002']); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(err('MergeShards', { StreamName: 's', ShardToMerge: 'shardId-000000000000', AdjacentShardToMerge: 'shardId-000000000001' }).message).toContain('has already been merged or split');
    ok('MergeShards', { StreamName: 's', ShardToMerge: 'shardId-000000000001', AdjacentShardToMerge: 'shardId-000000000002' });
    sim.advanceBy(1000);
    const merged = ok('ListShards', { StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } }).Shards[0];
    expect(merged).toMatchObject({ ShardId: 'shardId-000000000003', ParentShardId: 'shardId-000000000001', AdjacentParentShardId: 'shardId-000000000002' });
  });

  it('UpdateShardCount enforces [½, 2×] and ends with equal-width open shards', () => {
    const { ok, err, sim } = setup(0);
    ok('CreateStream', { StreamName: 's', ShardCount: 3 });
    expect(err('UpdateShardCount', { StreamName: 's', TargetShardCount: 7, ScalingType: 'UNIFORM_SCALING' }).name).toBe('LimitExceededException');
    expect(ok('UpdateShardCount', { StreamName: 's', TargetShardCount: 5, ScalingType: 'UNIFORM_SCALING' })).toMatchObject({ CurrentShardCount: 3, TargetShardCount: 5 });
    sim.advanceBy(10);
    const open = ok('ListShards', { StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } }).Shards;
    expect(open).toHaveLength(5);
    const width = (2n ** 128n) / 5n;
    open.sort((a: any, b: any) => (BigInt(a.HashKeyRange.StartingHashKey) < BigInt(b.HashKeyRange.StartingHashKey) ? -1 : 1)); // eslint-disable-line @typescript-eslint/no-explicit-any
    open.forEach((s: any, i: number) => expect(BigInt(s.HashKeyRange.StartingHashKey)).toBe(width * BigInt(i))); // eslint-disable-line @typescript-eslint/no-explicit-any
    ok('UpdateShardCount', { StreamName: 's', TargetShardCount: 3, ScalingType: 'UNIFORM_SCALING' });
    expect(ok('ListShards', { StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } }).Shards).toHaveLength(3);
  });

  it('pages ListShards with NextToken alone and refuses NextToken with StreamName', () => {
    const { ok, err } = setup();
    ok('CreateStream', { StreamName: 's', ShardCount: 5 });
    const p1 = ok('ListShards', { StreamName: 's', MaxResults: 2 });
    expect(p1.Shards).toHaveLength(2);
    const p2 = ok('ListShards', { NextToken: p1.NextToken });
    expect(p2.Shards.map((s: any) => s.ShardId)).toEqual(['shardId-000000000002', 'shardId-000000000003']); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(err('ListShards', { StreamName: 's', NextToken: p1.NextToken }).name).toBe('InvalidArgumentException');
  });

  it('manages retention, tags, encryption, monitoring, limits and listing', () => {
    const { ok, err } = setup();
    ok('CreateStream', { StreamName: 'a', ShardCount: 1, Tags: { team: 'data' } });
    ok('CreateStream', { StreamName: 'b', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    expect(err('IncreaseStreamRetentionPeriod', { StreamName: 'a', RetentionPeriodHours: 8761 }).name).toBe('InvalidArgumentException');
    expect(err('DecreaseStreamRetentionPeriod', { StreamName: 'a', RetentionPeriodHours: 48 }).name).toBe('InvalidArgumentException');
    ok('IncreaseStreamRetentionPeriod', { StreamName: 'a', RetentionPeriodHours: 48 });
    ok('AddTagsToStream', { StreamName: 'a', Tags: { env: 'dev' } });
    expect(ok('ListTagsForStream', { StreamName: 'a' }).Tags).toEqual([{ Key: 'env', Value: 'dev' }, { Key: 'team', Value: 'data' }]);
    ok('UntagResource', { ResourceARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/a', TagKeys: ['env'] });
    expect(ok('ListTagsForResource', { ResourceARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/a' }).Tags).toEqual([{ Key: 'team', Value: 'data' }]);
    ok('StartStreamEncryption', { StreamName: 'a', EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' });
    expect(ok('PutRecord', { StreamName: 'a', PartitionKey: 'k', Data: '' }).EncryptionType).toBe('KMS');
    expect(ok('EnableEnhancedMonitoring', { StreamName: 'a', ShardLevelMetrics: ['ALL'] }).DesiredShardLevelMetrics).toHaveLength(7);
    expect(ok('DescribeLimits')).toMatchObject({ ShardLimit: 20000, OpenShardCount: 5, OnDemandStreamCount: 1, OnDemandStreamCountLimit: 50 });
    const list = ok('ListStreams', { Limit: 1 });
    expect(list).toMatchObject({ StreamNames: ['a'], HasMoreStreams: true });
    expect(ok('ListStreams', { NextToken: list.NextToken }).StreamNames).toEqual(['b']);
    expect(ok('DescribeStreamSummary', { StreamName: 'a' }).StreamDescriptionSummary).toMatchObject({ RetentionPeriodHours: 48, EncryptionType: 'KMS', OpenShardCount: 1 });
    expect(err('CreateStream', { StreamName: 'a', ShardCount: 1 }).name).toBe('ResourceInUseException');
  });

  it('registers consumers and pushes SubscribeToShard events on the virtual clock', () => {
    const { ok, err, sim, api } = setup(100);
    ok('CreateStream', { StreamName: 's', ShardCount: 1 });
    sim.advanceBy(100);
    const arn = 'arn:aws:kinesis:us-east-1:000000000000:stream/s';
    const consumer = ok('RegisterStreamConsumer', { StreamARN: arn, ConsumerName: 'app' }).Consumer;
    expect(consumer.ConsumerStatus).toBe('CREATING');
    const body = { ConsumerARN: consumer.ConsumerARN, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'TRIM_HORIZON' } };
    const early = api.subscribeToShard(body, () => {});
    expect(early.ok ? 'ok' : early.error.name).toBe('ResourceInUseException');
    sim.advanceBy(100);
    expect(ok('DescribeStreamConsumer', { ConsumerARN: consumer.ConsumerARN }).ConsumerDescription.ConsumerStatus).toBe('ACTIVE');
    const events: SubscribeToShardSignal[] = [];
    const sub = api.subscribeToShard(body, (ev) => events.push(ev));
    expect(sub.ok).toBe(true);
    const again = api.subscribeToShard(body, () => {});
    expect(again.ok ? 'ok' : again.error.name).toBe('ResourceInUseException');
    ok('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: b64('pushed') });
    sim.advanceBy(300);
    const withRecords = events.filter((e) => e.kind === 'event' && (e.event.Records as unknown[]).length > 0);
    expect(withRecords).toHaveLength(1);
    sim.advanceBy(5 * 60_000);
    expect(events[events.length - 1].kind).toBe('end');
    expect(ok('ListStreamConsumers', { StreamARN: arn }).Consumers).toHaveLength(1);
    expect(err('DeleteStream', { StreamName: 's' }).name).toBe('ResourceInUseException');
  });
});
