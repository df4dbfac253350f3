/**
 * Large records through @aws-sdk/client-kinesis against the local server: MaxRecordSizeInKiB on CreateStream
 * and UpdateMaxRecordSize (DescribeStreamSummary reports it), records up to the stream's maximum accepted and
 * read back intact, larger ones refused with AWS's ValidationException wording, the PutRecords request cap,
 * and the shard's write burst (one 10 MiB record passes an idle shard, a second right after is throttled).
 */
import {
  CreateStreamCommand, DescribeStreamSummaryCommand, GetRecordsCommand, GetShardIteratorCommand, PutRecordCommand, PutRecordsCommand,
  UpdateMaxRecordSizeCommand, type KinesisClient,
} from '@aws-sdk/client-kinesis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';
import { errorOf, kinesisClient, waitForStreamActive } from './sdk-test-support';

const MiB = 1_048_576;
let server: LocalApiServer;
let client: KinesisClient;
let strict: KinesisClient;

beforeAll(async () => {
  server = await startLocalApiServer({ transitionDelayMs: 0, seed: 18 });
  client = kinesisClient(server.endpoint, 'h2');
  strict = kinesisClient(server.endpoint, 'h2', 1);
});
afterAll(async () => {
  client.destroy();
  strict.destroy();
  await server.close();
});

function payload(bytes: number, seed: number): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) out[i] = (i * 31 + seed) & 0xff;
  return out;
}

describe('MaxRecordSizeInKiB', () => {
  it('defaults to 1,024 KiB and refuses a larger record with the ValidationException AWS gives', async () => {
    await client.send(new CreateStreamCommand({ StreamName: 'small', ShardCount: 1 }));
    await waitForStreamActive(client, 'small');
    const summary = (await client.send(new DescribeStreamSummaryCommand({ StreamName: 'small' }))).StreamDescriptionSummary!;
    expect(summary.MaxRecordSizeInKiB).toBe(1024);
    const e = await errorOf(strict.send(new PutRecordCommand({ StreamName: 'small', PartitionKey: 'k', Data: payload(MiB + 1, 1) })));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toBe("1 validation error detected: Value at 'data' failed to satisfy constraint: Member must have length less than or equal to 1048576");
    const batch = await errorOf(strict.send(new PutRecordsCommand({ StreamName: 'small', Records: [{ PartitionKey: 'a', Data: payload(10, 0) }, { PartitionKey: 'k', Data: payload(MiB + 1, 1) }] })));
    expect(batch.message).toContain("Value at 'records.2.member.data'");
  });

  it('takes a 10 MiB record on a 10,240 KiB stream and reads it back byte for byte', async () => {
    await client.send(new CreateStreamCommand({ StreamName: 'large', ShardCount: 1, MaxRecordSizeInKiB: 10_240 }));
    await waitForStreamActive(client, 'large');
    expect((await client.send(new DescribeStreamSummaryCommand({ StreamName: 'large' }))).StreamDescriptionSummary!.MaxRecordSizeInKiB).toBe(10_240);
    const data = payload(10 * MiB - 1, 7);
    const put = await client.send(new PutRecordCommand({ StreamName: 'large', PartitionKey: 'k', Data: data }));
    const it0 = (await client.send(new GetShardIteratorCommand({ StreamName: 'large', ShardId: put.ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    const got = await client.send(new GetRecordsCommand({ ShardIterator: it0 }));
    expect(got.Records).toHaveLength(1);
    expect(got.Records![0].SequenceNumber).toBe(put.SequenceNumber);
    expect(Buffer.from(got.Records![0].Data!).equals(Buffer.from(data))).toBe(true);
  });

  it('bursts one large record, then throttles until the tank refills at 1 MiB/s', async () => {
    await client.send(new CreateStreamCommand({ StreamName: 'burst', ShardCount: 1, MaxRecordSizeInKiB: 10_240 }));
    await waitForStreamActive(client, 'burst');
    server.sim.runUntil(server.sim.nowMs + 10_000); // an idle shard: the burst tank is full
    await client.send(new PutRecordCommand({ StreamName: 'burst', PartitionKey: 'k', Data: payload(9 * MiB, 1) }));
    const e = await errorOf(strict.send(new PutRecordCommand({ StreamName: 'burst', PartitionKey: 'k', Data: payload(2 * MiB, 2) })));
    expect(e.name).toBe('ProvisionedThroughputExceededException');
    server.sim.runUntil(server.sim.nowMs + 3_000);
    await client.send(new PutRecordCommand({ StreamName: 'burst', PartitionKey: 'k', Data: payload(2 * MiB, 3) }));
  });

  it('UpdateMaxRecordSize raises and lowers the limit; out of range is a ValidationException', async () => {
    await client.send(new CreateStreamCommand({ StreamName: 'grow', ShardCount: 2 }));
    await waitForStreamActive(client, 'grow');
    const arn = (await client.send(new DescribeStreamSummaryCommand({ StreamName: 'grow' }))).StreamDescriptionSummary!.StreamARN!;
    await client.send(new UpdateMaxRecordSizeCommand({ StreamARN: arn, MaxRecordSizeInKiB: 5_000 }));
    expect((await client.send(new DescribeStreamSummaryCommand({ StreamARN: arn }))).StreamDescriptionSummary!.MaxRecordSizeInKiB).toBe(5_000);
    await client.send(new PutRecordCommand({ StreamARN: arn, PartitionKey: 'k', Data: payload(4 * MiB, 4) }));
    const tooBig = await errorOf(strict.send(new PutRecordCommand({ StreamARN: arn, PartitionKey: 'k', Data: payload(5_000 * 1024 + 1, 4) })));
    expect(tooBig.message).toContain('less than or equal to 5120000');
    const range = await errorOf(client.send(new UpdateMaxRecordSizeCommand({ StreamARN: arn, MaxRecordSizeInKiB: 10_241 })));
    expect(range.name).toBe('ValidationException');
    expect(range.message).toContain("at 'maxRecordSizeInKiB' failed to satisfy constraint: Member must have value less than or equal to 10240");
  });

  it('caps a PutRecords request at 10 MiB on a large-record stream and 5 MiB otherwise', async () => {
    const four = (n: number) => Array.from({ length: n }, (_, i) => ({ PartitionKey: `k${i}`, Data: payload(MiB - 16, i) }));
    const small = await errorOf(strict.send(new PutRecordsCommand({ StreamName: 'small', Records: four(6) })));
    expect({ name: small.name, message: small.message }).toEqual({ name: 'InvalidArgumentException', message: 'Records size exceeds 5 MB limit' });
    const large = await errorOf(strict.send(new PutRecordsCommand({ StreamName: 'large', Records: [...four(6), { PartitionKey: 'x', Data: payload(5 * MiB, 9) }] })));
    expect(large.message).toBe('Records size exceeds 10 MB limit');
  });
});
