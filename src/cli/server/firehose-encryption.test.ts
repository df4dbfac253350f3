/**
 * Firehose server-side encryption and configuration validation through @aws-sdk/client-firehose
 * against the local server: ENABLING → ENABLED → DISABLING → DISABLED on the (wall-time driven)
 * virtual clock, `Encrypted` in put answers, AWS's errors for bad keys and Kinesis-sourced streams,
 * and the destination rules with AWS's messages.
 */
import {
  CreateDeliveryStreamCommand, DescribeDeliveryStreamCommand, FirehoseClient, InvalidArgumentException, PutRecordBatchCommand,
  PutRecordCommand, StartDeliveryStreamEncryptionCommand, StopDeliveryStreamEncryptionCommand,
  type ExtendedS3DestinationConfiguration,
} from '@aws-sdk/client-firehose';
import { CreateStreamCommand } from '@aws-sdk/client-kinesis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';
import { errorOf, kinesisClient, sleep, waitForStreamActive } from './sdk-test-support';

const credentials = { accessKeyId: 'a', secretAccessKey: 'b' };
const ROLE = 'arn:aws:iam::000000000000:role/firehose';
let server: LocalApiServer;
let firehose: FirehoseClient;
beforeAll(async () => {
  server = await startLocalApiServer({ transitionDelayMs: 300, seed: 18 });
  firehose = new FirehoseClient({ endpoint: server.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
});
afterAll(async () => {
  firehose.destroy();
  await server.close();
});

const s3 = (extra: Partial<ExtendedS3DestinationConfiguration> = {}): ExtendedS3DestinationConfiguration => ({
  RoleARN: ROLE, BucketARN: 'arn:aws:s3:::sse-bucket', ...extra,
});

/** Firehose's control plane allows 5 calls per second per operation: stay under it. */
async function describeSse(name: string) {
  await sleep(210);
  const d = await firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name }));
  return d.DeliveryStreamDescription!;
}

async function waitUntil(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 40; i++) if (await check()) return;
  throw new Error(`timed out waiting for ${what}`);
}

async function waitActive(name: string): Promise<void> {
  await waitUntil(`${name} ACTIVE`, async () => (await describeSse(name)).DeliveryStreamStatus === 'ACTIVE');
}

async function waitSse(name: string, status: string): Promise<void> {
  await waitUntil(`${name} encryption ${status}`, async () => (await describeSse(name)).DeliveryStreamEncryptionConfiguration?.Status === status);
}

const data = new TextEncoder().encode('{"n":1}\n');

describe('Firehose server-side encryption', () => {
  it('enables and disables an AWS-owned key through ENABLING and DISABLING, and reports Encrypted on puts', async () => {
    await firehose.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 'sse-owned', ExtendedS3DestinationConfiguration: s3() }));
    await waitActive('sse-owned');
    expect((await describeSse('sse-owned')).DeliveryStreamEncryptionConfiguration).toEqual({ Status: 'DISABLED' });
    expect((await firehose.send(new PutRecordCommand({ DeliveryStreamName: 'sse-owned', Record: { Data: data } }))).Encrypted).toBe(false);

    await sleep(210);
    await firehose.send(new StartDeliveryStreamEncryptionCommand({ DeliveryStreamName: 'sse-owned', DeliveryStreamEncryptionConfigurationInput: { KeyType: 'AWS_OWNED_CMK' } }));
    expect((await describeSse('sse-owned')).DeliveryStreamEncryptionConfiguration).toEqual({ KeyType: 'AWS_OWNED_CMK', Status: 'ENABLING' });
    // While ENABLING the records are not yet encrypted.
    expect((await firehose.send(new PutRecordCommand({ DeliveryStreamName: 'sse-owned', Record: { Data: data } }))).Encrypted).toBe(false);
    await waitSse('sse-owned', 'ENABLED');
    expect((await firehose.send(new PutRecordCommand({ DeliveryStreamName: 'sse-owned', Record: { Data: data } }))).Encrypted).toBe(true);
    expect((await firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: 'sse-owned', Records: [{ Data: data }] }))).Encrypted).toBe(true);

    await firehose.send(new StopDeliveryStreamEncryptionCommand({ DeliveryStreamName: 'sse-owned' }));
    expect((await describeSse('sse-owned')).DeliveryStreamEncryptionConfiguration?.Status).toBe('DISABLING');
    await waitSse('sse-owned', 'DISABLED');
    expect((await firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: 'sse-owned', Records: [{ Data: data }] }))).Encrypted).toBe(false);
  });

  it('takes a customer-managed key (KeyARN required) at creation and on Start', async () => {
    const keyArn = 'arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    await firehose.send(new CreateDeliveryStreamCommand({
      DeliveryStreamName: 'sse-cmk', ExtendedS3DestinationConfiguration: s3(),
      DeliveryStreamEncryptionConfigurationInput: { KeyType: 'CUSTOMER_MANAGED_CMK', KeyARN: keyArn },
    }));
    await waitActive('sse-cmk');
    expect((await describeSse('sse-cmk')).DeliveryStreamEncryptionConfiguration).toEqual({ KeyARN: keyArn, KeyType: 'CUSTOMER_MANAGED_CMK', Status: 'ENABLED' });

    const missing = await errorOf(firehose.send(new StartDeliveryStreamEncryptionCommand({
      DeliveryStreamName: 'sse-cmk', DeliveryStreamEncryptionConfigurationInput: { KeyType: 'CUSTOMER_MANAGED_CMK' },
    })));
    expect(missing).toBeInstanceOf(InvalidArgumentException);
    expect(missing.message).toBe('KeyARN has to be specified when KeyType is CUSTOMER_MANAGED_CMK');
    const owned = await errorOf(firehose.send(new StartDeliveryStreamEncryptionCommand({
      DeliveryStreamName: 'sse-cmk', DeliveryStreamEncryptionConfigurationInput: { KeyType: 'AWS_OWNED_CMK', KeyARN: keyArn },
    })));
    expect(owned.message).toBe('KeyARN cannot be specified when KeyType is AWS_OWNED_CMK');
  });

  it('refuses SSE on a Kinesis-sourced stream with AWS error', async () => {
    const kinesis = kinesisClient(server.endpoint, 'http1');
    try {
      await kinesis.send(new CreateStreamCommand({ StreamName: 'sse-src', ShardCount: 1 }));
      await waitForStreamActive(kinesis, 'sse-src');
    } finally {
      kinesis.destroy();
    }
    const KinesisStreamARN = `arn:aws:kinesis:${server.kinesis.region}:${server.kinesis.accountId}:stream/sse-src`;
    await firehose.send(new CreateDeliveryStreamCommand({
      DeliveryStreamName: 'sse-kds', DeliveryStreamType: 'KinesisStreamAsSource',
      KinesisStreamSourceConfiguration: { KinesisStreamARN, RoleARN: ROLE }, ExtendedS3DestinationConfiguration: s3(),
    }));
    await waitActive('sse-kds');
    const e = await errorOf(firehose.send(new StartDeliveryStreamEncryptionCommand({ DeliveryStreamName: 'sse-kds' })));
    expect(e).toBeInstanceOf(InvalidArgumentException);
    expect(e.message).toBe('Server side encryption from firehose is only allowed for direct put delivery streams and database as a source delivery streams');
  });
});

describe('Firehose destination validation, in AWS words', () => {
  const refuse = async (name: string, config: ExtendedS3DestinationConfiguration): Promise<string> => {
    await sleep(210);
    const e = await errorOf(firehose.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: name, ExtendedS3DestinationConfiguration: config })));
    expect(e).toBeInstanceOf(InvalidArgumentException);
    return e.message;
  };
  const dp = { Enabled: true };
  const extraction = (query: string) => ({
    Enabled: true,
    Processors: [{ Type: 'MetadataExtraction' as const, Parameters: [
      { ParameterName: 'MetadataExtractionQuery' as const, ParameterValue: query }, { ParameterName: 'JsonParsingEngine' as const, ParameterValue: 'JQ-1.6' },
    ] }],
  });

  it('needs both buffering hints when one is given', async () => {
    expect(await refuse('v1', s3({ BufferingHints: { SizeInMBs: 5 } }))).toMatch(/SizeInMBs and IntervalInSeconds must be specified together/);
  });

  it('applies the prefix rules', async () => {
    expect(await refuse('v2', s3({ Prefix: 'y=!{timestamp:yyyy}/' }))).toBe('ErrorOutputPrefix cannot be null or empty when Prefix contains expressions');
    expect(await refuse('v3', s3({ Prefix: 'y=!{timestamp:yyyy}/', ErrorOutputPrefix: 'err/!{timestamp:yyyy}/' })))
      .toBe('ErrorOutputPrefix must contain at least one occurrence of !{firehose:error-output-type}');
    expect(await refuse('v4', s3({ Prefix: '!{firehose:error-output-type}/', ErrorOutputPrefix: 'e/!{firehose:error-output-type}/' })))
      .toBe('Prefix must not contain any occurrence of !{firehose:error-output-type}');
  });

  it('applies the dynamic partitioning rules', async () => {
    const errors = 'err/!{firehose:error-output-type}/';
    const keyed = 'c=!{partitionKeyFromQuery:c}/';
    expect(await refuse('v5', s3({ DynamicPartitioningConfiguration: dp, Prefix: keyed, ErrorOutputPrefix: errors, BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 60 }, ProcessingConfiguration: extraction('{c: .c}') })))
      .toBe('BufferingHints.SizeInMBs must be at least 64 when Dynamic Partitioning is enabled.');
    expect(await refuse('v6', s3({ DynamicPartitioningConfiguration: dp, Prefix: 'y=!{timestamp:yyyy}/', ErrorOutputPrefix: errors, BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 } })))
      .toBe('S3 Prefix should contain Dynamic Partitioning namespaces when Dynamic Partitioning is enabled');
    expect(await refuse('v7', s3({ DynamicPartitioningConfiguration: dp, Prefix: keyed, ErrorOutputPrefix: errors, BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 }, ProcessingConfiguration: extraction('{c: .c, d: .d}') })))
      .toBe("MetaDataExtraction JQ Query can't contain keys that are not present in the S3 Prefix expression");
    expect(await refuse('v8', s3({ Prefix: keyed, ErrorOutputPrefix: errors })))
      .toBe('Dynamic Partitioning Namespaces can only be part of a prefix expression when Dynamic Partitioning is enabled.');
    expect(await refuse('v9', s3({ ErrorOutputPrefix: `${errors}!{partitionKeyFromQuery:c}/` })))
      .toBe("Dynamic Partitioning Namespaces can't be part of an error prefix expression");
  });
});
