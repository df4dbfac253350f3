/**
 * `npm run api -- --scenario …` serves the engine world of a scenario: the same loader as the console
 * and `npm run sim`, so an SDK client sees the scenario's streams with its producers' live records and
 * its delivery streams, next to whatever the client creates itself.
 */
import { FirehoseClient, ListDeliveryStreamsCommand } from '@aws-sdk/client-firehose';
import { GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';
import { kinesisClient, waitUntil } from './sdk-test-support';

const DOC = {
  version: 1, name: 'api world', seed: 5,
  streams: [{ name: 'clicks', shards: 2 }],
  producers: [{ name: 'web', stream: 'clicks', rate: { kind: 'constant', recordsPerSec: 50 }, template: '{"page":"{{random.arrayElement(["a","b"])}}"}' }],
  firehose: [{
    DeliveryStreamName: 'clicks-archive', DeliveryStreamType: 'KinesisStreamAsSource', KinesisStreamSourceConfiguration: { StreamName: 'clicks' },
    ExtendedS3DestinationConfiguration: { BucketARN: 'arn:aws:s3:::archive', RoleARN: 'arn:aws:iam::000000000000:role/fh', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } },
  }],
};

let server: LocalApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the local API serves a scenario world', () => {
  it("lists the scenario's streams and delivery streams, and GetRecords returns its producers' records", async () => {
    server = await startLocalApiServer({ port: 0, scenario: DOC });
    const kinesis = kinesisClient(server.endpoint, 'h2');
    const firehose = new FirehoseClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    expect((await kinesis.send(new ListStreamsCommand({}))).StreamNames).toEqual(['clicks']);
    expect((await firehose.send(new ListDeliveryStreamsCommand({}))).DeliveryStreamNames).toEqual(['clicks-archive']);
    const shards = (await kinesis.send(new ListShardsCommand({ StreamName: 'clicks' }))).Shards ?? [];
    expect(shards).toHaveLength(2);
    const iterators = await Promise.all(shards.map(async (s) => (await kinesis.send(new GetShardIteratorCommand({ StreamName: 'clicks', ShardId: s.ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator));
    let pages: string[] = [];
    await waitUntil('records from the scenario producer', async () => {
      pages = [];
      for (const it of iterators) {
        const out = await kinesis.send(new GetRecordsCommand({ ShardIterator: it }));
        pages.push(...(out.Records ?? []).map((r) => new TextDecoder().decode(r.Data)));
      }
      return pages.length > 0;
    }, 5_000);
    for (const p of pages) expect(JSON.parse(p)).toEqual({ page: expect.stringMatching(/^[ab]$/) });
    kinesis.destroy();
    firehose.destroy();
  });
});
