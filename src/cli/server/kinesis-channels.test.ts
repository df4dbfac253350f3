/**
 * Channels through @aws-sdk/client-kinesis against the local server: a stream's records delivered to a
 * general purpose bucket (key template, GZIP, dead-letter queue) and to an Iceberg table in S3 Tables
 * (Parquet data files read back with hyparquet, v2 metadata), with the lifecycle and the errors AWS documents.
 * The virtual clock is moved past DataFreshnessInSeconds instead of waiting five minutes.
 */
import * as K from '@aws-sdk/client-kinesis';
import { gunzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parquetReadObjects } from 'hyparquet';
import { zstdStoredFrameDecode } from '../../engine/channels/zstd-frame';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';
import { errorOf, kinesisClient, waitForStreamActive, waitUntil } from './sdk-test-support';

let server: LocalApiServer;
let client: K.KinesisClient;
let streamArn = '';
const ACCOUNT = '000000000000';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/channel-role`;
const utf8 = new TextEncoder();

beforeAll(async () => {
  server = await startLocalApiServer({ transitionDelayMs: 50, seed: 77, region: 'us-east-1' });
  client = kinesisClient(server.endpoint, 'h2', 1);
  await client.send(new K.CreateStreamCommand({ StreamName: 'events', StreamModeDetails: { StreamMode: 'ON_DEMAND' } }));
  advance(100);
  await waitForStreamActive(client, 'events');
  streamArn = (await client.send(new K.DescribeStreamSummaryCommand({ StreamName: 'events' }))).StreamDescriptionSummary!.StreamARN!;
});
afterAll(async () => {
  client.destroy();
  await server.close();
});

const store = () => server.firehose!.store;
const s3Destination = (bucket: string): K.S3DestinationConfiguration => ({
  StorageConfiguration: { BucketARN: `arn:aws:s3:::${bucket}`, ExpectedBucketOwner: ACCOUNT, CompressionType: 'GZIP' },
});

/** Moves the virtual clock on by `ms` (it may run ahead of wall time, so transitions are driven by hand). */
function advance(ms: number): void {
  server.sim.runUntil(server.sim.nowMs + ms);
}

async function waitChannelActive(ChannelARN: string): Promise<void> {
  await waitUntil('channel ACTIVE', async () => {
    advance(100);
    return (await client.send(new K.DescribeChannelCommand({ ChannelARN }))).ChannelDescription?.ChannelStatus === 'ACTIVE';
  });
}

describe('S3 delivery', () => {
  let channelArn = '';

  it('creates a channel in CREATING with the documented defaults, then ACTIVE', async () => {
    const out = await client.send(new K.CreateChannelCommand({
      ChannelName: 'to-s3', ServiceExecutionRoleARN: ROLE,
      StreamConfigurationList: [{ StreamARN: streamArn, RecordConfiguration: { RecordFormatType: 'JSON' } }],
      S3DestinationConfiguration: s3Destination('lake'),
    }));
    const d = out.ChannelDescription!;
    channelArn = d.ChannelARN!;
    expect(d.ChannelStatus).toBe('CREATING');
    expect(channelArn).toBe(`arn:aws:kinesis:us-east-1:${ACCOUNT}:channel/${d.ChannelId}`);
    expect(d.S3DestinationConfiguration!.DataFreshnessInSeconds).toBe(300);
    expect(d.S3DestinationConfiguration!.StorageConfiguration!.OutputKeyTemplate).toBe('kinesis-channel/!{channel-name}/!{channel-id}/!{yyyy}/!{MM}/!{dd}/!{HH}/!{channel-name}-!{channel-id}-!{yyyy}-!{MM}-!{dd}-!{HH}-!{mm}!{extension}');
    expect(d.S3DestinationConfiguration!.DeadLetterQueueS3Configuration).toEqual({ BucketARN: 'arn:aws:s3:::lake', ExpectedBucketOwner: ACCOUNT, ErrorOutputPrefix: `kinesis-channel/errors/to-s3/${d.ChannelId}/` });
    expect(d.LoggingConfiguration!.CloudWatchLogs).toEqual({ Enabled: false, LogGroupName: `/aws/kinesis/to-s3/${d.ChannelId}`, LogStreamName: 'DestinationDelivery' });
    await waitChannelActive(channelArn);
    expect((await client.send(new K.DescribeStreamSummaryCommand({ StreamName: 'events' }))).StreamDescriptionSummary!.ChannelCount).toBe(1);
  });

  it('delivers after the data freshness interval: valid records gzipped under the template, bad ones to the DLQ', async () => {
    await client.send(new K.PutRecordsCommand({
      StreamName: 'events',
      Records: [{ PartitionKey: 'a', Data: utf8.encode('{"n":1}') }, { PartitionKey: 'b', Data: utf8.encode('not json') }, { PartitionKey: 'c', Data: utf8.encode('{"n":2}') }],
    }));
    advance(200_000);
    expect(store().hasBucket('lake') ? store().listObjectsV2({ bucket: 'lake' }).keyCount : 0).toBe(0);
    advance(101_000);
    const id = channelArn.slice(channelArn.lastIndexOf('/') + 1);
    const objects = store().listObjectsV2({ bucket: 'lake', prefix: `kinesis-channel/to-s3/${id}/` }).contents;
    expect(objects).toHaveLength(1);
    expect(objects[0].key).toMatch(new RegExp(`^kinesis-channel/to-s3/${id}/\\d{4}/\\d{2}/\\d{2}/\\d{2}/to-s3-${id}-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-000001-[0-9a-f]{11}\\.json\\.gz$`));
    const lines = new TextDecoder().decode(gunzipSync(objects[0].body)).trim().split('\n').map((l) => JSON.parse(l) as { n: number });
    expect(lines.map((l) => l.n).sort()).toEqual([1, 2]);
    const dead = store().listObjectsV2({ bucket: 'lake', prefix: `kinesis-channel/errors/to-s3/${id}/` }).contents;
    expect(dead).toHaveLength(1);
    expect(JSON.parse(new TextDecoder().decode(dead[0].body).trim())).toMatchObject({ errorCode: 'InvalidJson', shardId: expect.stringMatching(/^shardId-/) });
  });

  it('updates only the freshness of its own destination kind, lists with a stream filter, refuses a second S3 channel', async () => {
    await client.send(new K.UpdateChannelCommand({ ChannelARN: channelArn, S3DestinationConfiguration: { DataFreshnessInSeconds: 600 } }));
    await waitChannelActive(channelArn);
    expect((await client.send(new K.DescribeChannelCommand({ ChannelARN: channelArn }))).ChannelDescription!.S3DestinationConfiguration!.DataFreshnessInSeconds).toBe(600);
    const wrongKind = await errorOf(client.send(new K.UpdateChannelCommand({ ChannelARN: channelArn, S3TablesDestinationConfiguration: { DataFreshnessInSeconds: 600 } })));
    expect(wrongKind.name).toBe('InvalidArgumentException');
    const list = await client.send(new K.ListChannelsCommand({ StreamFilter: [{ StreamARN: streamArn }] }));
    expect(list.ChannelSummaries!.map((c) => [c.ChannelName, c.ChannelDestinationType])).toEqual([['to-s3', 'S3']]);
    const second = await errorOf(client.send(new K.CreateChannelCommand({
      ChannelName: 'to-s3-again', ServiceExecutionRoleARN: ROLE,
      StreamConfigurationList: [{ StreamARN: streamArn, RecordConfiguration: { RecordFormatType: 'STRING' } }],
      S3DestinationConfiguration: s3Destination('lake2'),
    })));
    expect(second.name).toBe('LimitExceededException');
    expect((await errorOf(client.send(new K.DeleteStreamCommand({ StreamName: 'events' })))).name).toBe('ResourceInUseException');
  });
});

describe('S3 Tables delivery', () => {
  it('creates an Iceberg table with Parquet data files partitioned by hour', async () => {
    const out = await client.send(new K.CreateChannelCommand({
      ChannelName: 'to-table', ServiceExecutionRoleARN: ROLE,
      StreamConfigurationList: [{ StreamARN: streamArn, RecordConfiguration: { RecordFormatType: 'JSON', GSRSchemaARN: `arn:aws:glue:us-east-1:${ACCOUNT}:schema/reg/orders` } }],
      S3TablesDestinationConfiguration: {
        DeadLetterQueueS3Configuration: { BucketARN: 'arn:aws:s3:::table-dlq', ExpectedBucketOwner: ACCOUNT },
        S3TablesConfigurationList: [{
          TableBucketARN: `arn:aws:s3tables:us-east-1:${ACCOUNT}:bucket/tables`, Namespace: 'shop', TableName: 'orders', CompressionType: 'ZSTD',
          PartitionSpec: { PartitionFields: [{ Transform: 'TIME_HOUR', SourceName: 'ts' }] },
        }],
      },
    }));
    const arn = out.ChannelDescription!.ChannelARN!;
    await waitChannelActive(arn);
    const rows = [{ id: 1, ts: '2026-12-04T10:15:00Z', amount: 9.5 }, { id: 2, ts: '2026-12-04T11:01:00Z', amount: 3.25 }];
    await client.send(new K.PutRecordsCommand({ StreamName: 'events', Records: [...rows.map((r) => ({ PartitionKey: String(r.id), Data: utf8.encode(JSON.stringify(r)) })), { PartitionKey: 'x', Data: utf8.encode('{"id":3,"extra":true}') }] }));
    advance(301_000);
    const files = store().listObjectsV2({ bucket: 'tables', prefix: 'shop/orders/' }).contents.map((o) => o.key);
    const data = files.filter((k) => k.endsWith('.parquet'));
    expect(data.map((k) => k.split('/')[3]).sort()).toEqual(['ts_hour=2026-12-04-10', 'ts_hour=2026-12-04-11']);
    const body = store().getObject('tables', data.sort()[0]).body;
    const file = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
    const read = (await parquetReadObjects({ file, compressors: { ZSTD: (input) => zstdStoredFrameDecode(input) } })) as Record<string, unknown>[];
    expect(read).toHaveLength(1);
    expect(read[0]).toMatchObject({ id: 1n, amount: 9.5 });
    const metadataKey = files.find((k) => k.endsWith('.metadata.json'))!;
    const metadata = JSON.parse(new TextDecoder().decode(store().getObject('tables', metadataKey).body)) as Record<string, unknown>;
    expect(metadata['format-version']).toBe(2);
    expect((metadata.snapshots as { summary: Record<string, string> }[])[0].summary['added-records']).toBe('2');
    expect(store().listObjectsV2({ bucket: 'table-dlq' }).keyCount).toBe(1);
    await client.send(new K.DeleteChannelCommand({ ChannelARN: arn }));
    expect((await client.send(new K.DescribeChannelCommand({ ChannelARN: arn }))).ChannelDescription!.ChannelStatus).toBe('DELETING');
    advance(100);
    expect((await errorOf(client.send(new K.DescribeChannelCommand({ ChannelARN: arn })))).name).toBe('ResourceNotFoundException');
  });
});

describe('CreateChannel errors', () => {
  it('refuses provisioned streams, two destinations and a bad key template', async () => {
    await client.send(new K.CreateStreamCommand({ StreamName: 'prov', ShardCount: 1 }));
    advance(100);
    await waitForStreamActive(client, 'prov');
    const prov = (await client.send(new K.DescribeStreamSummaryCommand({ StreamName: 'prov' }))).StreamDescriptionSummary!.StreamARN!;
    const base = { ServiceExecutionRoleARN: ROLE, StreamConfigurationList: [{ StreamARN: prov, RecordConfiguration: { RecordFormatType: 'JSON' as const } }] };
    expect((await errorOf(client.send(new K.CreateChannelCommand({ ...base, ChannelName: 'p', S3DestinationConfiguration: s3Destination('bucket-one') })))).name).toBe('InvalidArgumentException');
    const both = await errorOf(client.send(new K.CreateChannelCommand({
      ...base, ChannelName: 'p2', S3DestinationConfiguration: s3Destination('bucket-one'),
      S3TablesDestinationConfiguration: { DeadLetterQueueS3Configuration: { BucketARN: 'arn:aws:s3:::dlq', ExpectedBucketOwner: ACCOUNT }, S3TablesConfigurationList: [{ TableBucketARN: `arn:aws:s3tables:us-east-1:${ACCOUNT}:bucket/tbucket`, Namespace: 'n', TableName: 't', CompressionType: 'NONE' }] },
    })));
    expect(both.message).toBe('You must specify either S3DestinationConfiguration or S3TablesDestinationConfiguration, but not both.');
    const template = await errorOf(client.send(new K.CreateChannelCommand({
      ...base, ChannelName: 'p3', S3DestinationConfiguration: { StorageConfiguration: { ...s3Destination('bucket-one').StorageConfiguration!, OutputKeyTemplate: 'data/!{bogus}/x' } },
    })));
    expect(template.name).toBe('InvalidArgumentException');
    expect((await errorOf(client.send(new K.CreateChannelCommand({ ...base, ChannelName: 'p4', S3DestinationConfiguration: { ...s3Destination('bucket-one'), DataFreshnessInSeconds: 60 } })))).name).toBe('ValidationException');
  });
});
