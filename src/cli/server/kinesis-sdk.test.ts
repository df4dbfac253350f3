/**
 * Every Kinesis operation through the real @aws-sdk/client-kinesis against the local server on an
 * ephemeral port, once with the default (HTTP/2) client and once with an HTTP/1.1 NodeHttpHandler:
 * shapes, blobs and timestamps survive the wire, and errors reach the SDK by their AWS name.
 */
import {
  AddTagsToStreamCommand, CreateStreamCommand, DecreaseStreamRetentionPeriodCommand, DeleteStreamCommand,
  DeregisterStreamConsumerCommand, DescribeLimitsCommand, DescribeStreamCommand, DescribeStreamConsumerCommand,
  DescribeStreamSummaryCommand, DisableEnhancedMonitoringCommand, EnableEnhancedMonitoringCommand, GetRecordsCommand,
  GetShardIteratorCommand, IncreaseStreamRetentionPeriodCommand, ListShardsCommand, ListStreamConsumersCommand,
  ListStreamsCommand, ListTagsForResourceCommand, ListTagsForStreamCommand, MergeShardsCommand, PutRecordCommand,
  PutRecordsCommand, RegisterStreamConsumerCommand, RemoveTagsFromStreamCommand, SplitShardCommand,
  StartStreamEncryptionCommand, StopStreamEncryptionCommand, SubscribeToShardCommand, TagResourceCommand,
  UntagResourceCommand, UpdateShardCountCommand, UpdateStreamModeCommand, type KinesisClient,
} from '@aws-sdk/client-kinesis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';
import {
  errorOf, kinesisClient, waitForConsumerActive, waitForStreamActive, waitForStreamGone, type Transport,
} from './sdk-test-support';

const utf8 = new TextEncoder();

describe.each<Transport>(['h2', 'http1'])('Kinesis over %s', (transport) => {
  let server: LocalApiServer;
  let client: KinesisClient;
  const name = `orders-${transport}`;
  let streamArn = '';

  beforeAll(async () => {
    server = await startLocalApiServer({ transitionDelayMs: 50, seed: 7, region: 'eu-west-3', shardLimit: 40 });
    client = kinesisClient(server.endpoint, transport);
    await client.send(new CreateStreamCommand({ StreamName: name, ShardCount: 2, Tags: { team: 'a' } }));
    await waitForStreamActive(client, name);
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
  });

  it('describes, lists and pages streams and shards', async () => {
    const d = (await client.send(new DescribeStreamCommand({ StreamName: name }))).StreamDescription!;
    streamArn = d.StreamARN!;
    expect(streamArn).toBe(`arn:aws:kinesis:eu-west-3:000000000000:stream/${name}`);
    expect(d.Shards!.map((s) => s.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    expect(d.Shards![1].HashKeyRange!.EndingHashKey).toBe('340282366920938463463374607431768211455');
    expect(d.StreamCreationTimestamp).toBeInstanceOf(Date);
    expect(Math.abs(d.StreamCreationTimestamp!.getTime() - Date.now())).toBeLessThan(60_000);
    const summary = (await client.send(new DescribeStreamSummaryCommand({ StreamARN: streamArn }))).StreamDescriptionSummary!;
    expect(summary.OpenShardCount).toBe(2);
    expect(summary.RetentionPeriodHours).toBe(24);
    const list = await client.send(new ListStreamsCommand({}));
    expect(list.StreamNames).toContain(name);
    expect(list.StreamSummaries?.find((s) => s.StreamName === name)?.StreamStatus).toBe('ACTIVE');
    const page1 = await client.send(new ListShardsCommand({ StreamName: name, MaxResults: 1 }));
    expect(page1.Shards).toHaveLength(1);
    const page2 = await client.send(new ListShardsCommand({ NextToken: page1.NextToken }));
    expect(page2.Shards![0].ShardId).toBe('shardId-000000000001');
    const limits = await client.send(new DescribeLimitsCommand({}));
    expect(limits.ShardLimit).toBe(40);
    expect(limits.OpenShardCount).toBe(2);
  });

  it('puts and gets records with bytes and timestamps intact', async () => {
    const before = new Date(Date.now() - 1000);
    const one = await client.send(new PutRecordCommand({ StreamName: name, PartitionKey: 'k1', Data: utf8.encode('hello') }));
    expect(one.ShardId).toMatch(/^shardId-\d{12}$/);
    expect(one.SequenceNumber).toMatch(/^\d+$/);
    const binary = new Uint8Array([0, 255, 1, 254, 10, 13]);
    const many = await client.send(new PutRecordsCommand({
      StreamName: name,
      Records: [
        { PartitionKey: 'k1', Data: binary },
        { PartitionKey: 'x', Data: utf8.encode('to shard 0'), ExplicitHashKey: '0' },
        { PartitionKey: 'y', Data: new Uint8Array(0), ExplicitHashKey: '340282366920938463463374607431768211455' },
      ],
    }));
    expect(many.FailedRecordCount).toBe(0);
    expect(many.Records!.map((r) => r.ShardId)).toEqual([one.ShardId, 'shardId-000000000000', 'shardId-000000000001']);
    const it1 = await client.send(new GetShardIteratorCommand({ StreamName: name, ShardId: one.ShardId, ShardIteratorType: 'AT_TIMESTAMP', Timestamp: before }));
    const got = await client.send(new GetRecordsCommand({ ShardIterator: it1.ShardIterator }));
    const mine = got.Records!.filter((r) => r.PartitionKey === 'k1');
    expect(mine.map((r) => Array.from(r.Data!))).toEqual([Array.from(utf8.encode('hello')), Array.from(binary)]);
    expect(mine[0].SequenceNumber).toBe(one.SequenceNumber);
    expect(mine[0].ApproximateArrivalTimestamp).toBeInstanceOf(Date);
    expect(mine[0].ApproximateArrivalTimestamp!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(got.NextShardIterator).toBeTruthy();
    expect(got.MillisBehindLatest).toBe(0);
    const after = await client.send(new GetShardIteratorCommand({ StreamName: name, ShardId: one.ShardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: one.SequenceNumber }));
    const rest = await client.send(new GetRecordsCommand({ ShardIterator: after.ShardIterator, Limit: 10 }));
    expect(rest.Records!.map((r) => r.SequenceNumber)).not.toContain(one.SequenceNumber);
  });

  it('manages tags, retention, monitoring and encryption', async () => {
    await client.send(new AddTagsToStreamCommand({ StreamName: name, Tags: { env: 'dev', owner: 'me' } }));
    await client.send(new RemoveTagsFromStreamCommand({ StreamName: name, TagKeys: ['owner'] }));
    const tags = await client.send(new ListTagsForStreamCommand({ StreamName: name }));
    expect(tags.Tags).toEqual(expect.arrayContaining([{ Key: 'team', Value: 'a' }, { Key: 'env', Value: 'dev' }]));
    expect(tags.Tags).toHaveLength(2);
    expect(tags.HasMoreTags).toBe(false);
    await client.send(new TagResourceCommand({ ResourceARN: streamArn, Tags: { cost: 'x:y' } }));
    await client.send(new UntagResourceCommand({ ResourceARN: streamArn, TagKeys: ['env'] }));
    const byArn = await client.send(new ListTagsForResourceCommand({ ResourceARN: streamArn }));
    expect(byArn.Tags?.map((t) => t.Key).sort()).toEqual(['cost', 'team']);

    await client.send(new IncreaseStreamRetentionPeriodCommand({ StreamName: name, RetentionPeriodHours: 48 }));
    await waitForStreamActive(client, name);
    expect((await client.send(new DescribeStreamSummaryCommand({ StreamName: name }))).StreamDescriptionSummary!.RetentionPeriodHours).toBe(48);
    await client.send(new DecreaseStreamRetentionPeriodCommand({ StreamName: name, RetentionPeriodHours: 24 }));
    await waitForStreamActive(client, name);

    const on = await client.send(new EnableEnhancedMonitoringCommand({ StreamName: name, ShardLevelMetrics: ['IncomingBytes', 'OutgoingRecords'] }));
    expect(on.DesiredShardLevelMetrics?.sort()).toEqual(['IncomingBytes', 'OutgoingRecords']);
    const off = await client.send(new DisableEnhancedMonitoringCommand({ StreamName: name, ShardLevelMetrics: ['IncomingBytes'] }));
    expect(off.DesiredShardLevelMetrics).toEqual(['OutgoingRecords']);

    await client.send(new StartStreamEncryptionCommand({ StreamName: name, EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }));
    await waitForStreamActive(client, name);
    const encrypted = (await client.send(new DescribeStreamSummaryCommand({ StreamName: name }))).StreamDescriptionSummary!;
    expect(encrypted.EncryptionType).toBe('KMS');
    expect(encrypted.KeyId).toBe('alias/aws/kinesis');
    const put = await client.send(new PutRecordCommand({ StreamName: name, PartitionKey: 'e', Data: utf8.encode('secret') }));
    expect(put.EncryptionType).toBe('KMS');
    await client.send(new StopStreamEncryptionCommand({ StreamName: name, EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }));
    await waitForStreamActive(client, name);
    expect((await client.send(new DescribeStreamSummaryCommand({ StreamName: name }))).StreamDescriptionSummary!.EncryptionType).toBe('NONE');
  });

  it('reshards: split, merge, update shard count, stream mode', async () => {
    const resh = `${name}-reshard`;
    await client.send(new CreateStreamCommand({ StreamName: resh, ShardCount: 1 }));
    await waitForStreamActive(client, resh);
    await client.send(new SplitShardCommand({ StreamName: resh, ShardToSplit: 'shardId-000000000000', NewStartingHashKey: (2n ** 127n).toString() }));
    await waitForStreamActive(client, resh);
    const afterSplit = (await client.send(new ListShardsCommand({ StreamName: resh }))).Shards!;
    expect(afterSplit.map((s) => s.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002']);
    expect(afterSplit[1].ParentShardId).toBe('shardId-000000000000');
    expect(afterSplit[0].SequenceNumberRange?.EndingSequenceNumber).toBeTruthy();
    await client.send(new MergeShardsCommand({ StreamName: resh, ShardToMerge: 'shardId-000000000001', AdjacentShardToMerge: 'shardId-000000000002' }));
    await waitForStreamActive(client, resh);
    const merged = (await client.send(new ListShardsCommand({ StreamName: resh }))).Shards!.at(-1)!;
    expect(merged).toMatchObject({ ShardId: 'shardId-000000000003', ParentShardId: 'shardId-000000000001', AdjacentParentShardId: 'shardId-000000000002' });
    const scaled = await client.send(new UpdateShardCountCommand({ StreamName: resh, TargetShardCount: 2, ScalingType: 'UNIFORM_SCALING' }));
    expect(scaled).toMatchObject({ CurrentShardCount: 1, TargetShardCount: 2, StreamName: resh });
    await waitForStreamActive(client, resh);
    expect((await client.send(new DescribeStreamSummaryCommand({ StreamName: resh }))).StreamDescriptionSummary!.OpenShardCount).toBe(2);
    const arn = (await client.send(new DescribeStreamSummaryCommand({ StreamName: resh }))).StreamDescriptionSummary!.StreamARN!;
    await client.send(new UpdateStreamModeCommand({ StreamARN: arn, StreamModeDetails: { StreamMode: 'ON_DEMAND' } }));
    await waitForStreamActive(client, resh);
    expect((await client.send(new DescribeStreamSummaryCommand({ StreamName: resh }))).StreamDescriptionSummary!.StreamModeDetails?.StreamMode).toBe('ON_DEMAND');
    await client.send(new DeleteStreamCommand({ StreamName: resh }));
    await waitForStreamGone(client, resh);
  });

  it('registers a consumer and streams records with SubscribeToShard', async () => {
    const reg = await client.send(new RegisterStreamConsumerCommand({ StreamARN: streamArn, ConsumerName: 'efo' }));
    const consumerArn = reg.Consumer!.ConsumerARN!;
    expect(consumerArn).toMatch(new RegExp(`^${streamArn}/consumer/efo:\\d+$`));
    expect(reg.Consumer!.ConsumerCreationTimestamp).toBeInstanceOf(Date);
    await waitForConsumerActive(client, consumerArn);
    const listed = await client.send(new ListStreamConsumersCommand({ StreamARN: streamArn }));
    expect(listed.Consumers?.map((c) => c.ConsumerName)).toEqual(['efo']);
    const byName = await client.send(new DescribeStreamConsumerCommand({ StreamARN: streamArn, ConsumerName: 'efo' }));
    expect(byName.ConsumerDescription?.ConsumerARN).toBe(consumerArn);

    const sub = await client.send(new SubscribeToShardCommand({ ConsumerARN: consumerArn, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'LATEST' } }));
    const payloads: string[] = [];
    const put = client.send(new PutRecordsCommand({
      StreamName: name,
      Records: ['a', 'b', 'c'].map((s) => ({ PartitionKey: s, Data: utf8.encode(`efo-${s}`), ExplicitHashKey: '1' })),
    }));
    for await (const ev of sub.EventStream!) {
      const e = ev.SubscribeToShardEvent;
      expect(e).toBeDefined();
      expect(typeof e!.ContinuationSequenceNumber).toBe('string');
      for (const r of e!.Records ?? []) {
        expect(r.ApproximateArrivalTimestamp).toBeInstanceOf(Date);
        payloads.push(new TextDecoder().decode(r.Data));
      }
      if (payloads.length >= 3) break;
    }
    await put;
    expect(payloads).toEqual(['efo-a', 'efo-b', 'efo-c']);

    await client.send(new DeregisterStreamConsumerCommand({ ConsumerARN: consumerArn }));
  });

  it('reports errors by their AWS names', async () => {
    const named = async (call: Promise<unknown>) => {
      const e = await errorOf(call);
      expect(e.$metadata?.httpStatusCode).toBe(400);
      return e.name;
    };
    expect(await named(client.send(new DescribeStreamCommand({ StreamName: 'nope' })))).toBe('ResourceNotFoundException');
    expect(await named(client.send(new CreateStreamCommand({ StreamName: 'bad name!', ShardCount: 1 })))).toBe('ValidationException');
    expect(await named(client.send(new CreateStreamCommand({ StreamName: name, ShardCount: 1 })))).toBe('ResourceInUseException');
    expect(await named(client.send(new PutRecordsCommand({ StreamName: name, Records: [] })))).toBe('ValidationException');
    expect(await named(client.send(new PutRecordCommand({ StreamName: name, PartitionKey: 'k', Data: new Uint8Array(1), ExplicitHashKey: '-1' })))).toBe('ValidationException');
    expect(await named(client.send(new GetShardIteratorCommand({ StreamName: name, ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_SEQUENCE_NUMBER' })))).toBe('InvalidArgumentException');
    expect(await named(client.send(new GetRecordsCommand({ ShardIterator: 'AAAAnot-an-iterator' })))).toBe('InvalidArgumentException');
    expect(await named(client.send(new GetShardIteratorCommand({ StreamName: name, ShardId: 'shardId-000000000099', ShardIteratorType: 'LATEST' })))).toBe('ResourceNotFoundException');
    expect(await named(client.send(new DecreaseStreamRetentionPeriodCommand({ StreamName: name, RetentionPeriodHours: 48 })))).toBe('InvalidArgumentException');
    expect(await named(client.send(new CreateStreamCommand({ StreamName: `${name}-huge`, ShardCount: 1000 })))).toBe('LimitExceededException');
  });

  it('throttles writes over 1 MiB/s per shard, per record and per call', async () => {
    const hot = `${name}-hot`;
    await client.send(new CreateStreamCommand({ StreamName: hot, ShardCount: 1 }));
    await waitForStreamActive(client, hot);
    const strict = kinesisClient(server.endpoint, transport, 1);
    try {
      const big = new Uint8Array(10 * 1024);
      const out = await strict.send(new PutRecordsCommand({ StreamName: hot, Records: Array.from({ length: 300 }, (_, i) => ({ PartitionKey: `p${i}`, Data: big })) }));
      expect(out.FailedRecordCount).toBeGreaterThan(150);
      const failed = out.Records!.find((r) => r.ErrorCode)!;
      expect(failed.ErrorCode).toBe('ProvisionedThroughputExceededException');
      expect(failed.ErrorMessage).toContain(hot);
      // PutRecord throws instead; a few half-MiB records exceed 1 MiB/s even if a second boundary passes.
      const half = new Uint8Array(512 * 1024);
      let thrown: Error | undefined;
      for (let i = 0; i < 6 && !thrown; i++) {
        thrown = await strict.send(new PutRecordCommand({ StreamName: hot, PartitionKey: 'p', Data: half })).then(() => undefined, (e: Error) => e);
      }
      expect(thrown?.name).toBe('ProvisionedThroughputExceededException');
    } finally {
      strict.destroy();
    }
  });
});
