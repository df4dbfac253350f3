import { describe, expect, it } from 'vitest';
import {
  FirehoseClient, CreateDeliveryStreamCommand, DescribeDeliveryStreamCommand, ListDeliveryStreamsCommand, PutRecordCommand,
  PutRecordBatchCommand, UpdateDestinationCommand, TagDeliveryStreamCommand, UntagDeliveryStreamCommand,
  ListTagsForDeliveryStreamCommand, DeleteDeliveryStreamCommand, ResourceNotFoundException, InvalidArgumentException,
  ConcurrentModificationException, ServiceUnavailableException,
} from '@aws-sdk/client-firehose';
import { Simulation } from '../../simulation';
import { FirehoseService } from '../../firehose/firehose-service';
import { createFirehoseApi } from './firehose-api';
import type { JsonServiceApi } from '../result';

/** A tiny in-process HttpHandler: parses X-Amz-Target + JSON body, answers like the JSON 1.1 protocol. */
function inProcessHandler(api: JsonServiceApi) {
  return {
    async handle(request: { headers: Record<string, string>; body?: unknown }) {
      const target = request.headers['x-amz-target'] ?? request.headers['X-Amz-Target'];
      const operation = target.slice(api.targetPrefix.length + 1);
      const text = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body as Uint8Array);
      const result = api.handle(operation, text ? JSON.parse(text) : {});
      const doc = result.ok ? result.value : { __type: result.error.name, message: result.error.message };
      return {
        response: {
          statusCode: result.ok ? 200 : result.error.httpStatus,
          headers: { 'content-type': 'application/x-amz-json-1.1', ...(result.ok ? {} : { 'x-amzn-errortype': result.error.name }) },
          body: new TextEncoder().encode(JSON.stringify(doc)),
        },
      };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  };
}

function setup() {
  const sim = new Simulation({ seed: 'api-test' });
  const service = new FirehoseService(sim);
  const client = new FirehoseClient({
    region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    requestHandler: inProcessHandler(createFirehoseApi(service)) as never, maxAttempts: 1,
  });
  return { sim, service, client };
}

const s3Config = { RoleARN: 'arn:aws:iam::000000000000:role/r', BucketARN: 'arn:aws:s3:::api-bucket', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } };

describe('Firehose JSON API through @aws-sdk/client-firehose', () => {
  it('creates, describes, lists, puts and delivers', async () => {
    const { sim, service, client } = setup();
    const created = await client.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 'orders', ExtendedS3DestinationConfiguration: s3Config }));
    expect(created.DeliveryStreamARN).toBe('arn:aws:firehose:us-east-1:000000000000:deliverystream/orders');
    const d = await client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'orders' }));
    expect(d.DeliveryStreamDescription?.DeliveryStreamStatus).toBe('ACTIVE');
    expect(d.DeliveryStreamDescription?.VersionId).toBe('1');
    expect(d.DeliveryStreamDescription?.CreateTimestamp).toBeInstanceOf(Date);
    expect(d.DeliveryStreamDescription?.Destinations?.[0].ExtendedS3DestinationDescription?.BufferingHints).toEqual({ SizeInMBs: 1, IntervalInSeconds: 60 });
    const list = await client.send(new ListDeliveryStreamsCommand({}));
    expect(list).toMatchObject({ DeliveryStreamNames: ['orders'], HasMoreDeliveryStreams: false });
    const put = await client.send(new PutRecordCommand({ DeliveryStreamName: 'orders', Record: { Data: new TextEncoder().encode('hello\n') } }));
    expect(put.RecordId).toMatch(/^\d+$/);
    const batch = await client.send(new PutRecordBatchCommand({
      DeliveryStreamName: 'orders', Records: [{ Data: new TextEncoder().encode('a\n') }, { Data: new TextEncoder().encode('b\n') }],
    }));
    expect(batch.FailedPutCount).toBe(0);
    expect(batch.RequestResponses).toHaveLength(2);
    sim.advanceBy(61_000);
    const [object] = service.store.listObjectsV2({ bucket: 'api-bucket' }).contents;
    expect(new TextDecoder().decode(object.body)).toBe('hello\na\nb\n');
  });

  it('answers the AWS errors: not found, bad sizes, stale version, throttling', async () => {
    const { service, client } = setup();
    await expect(client.send(new PutRecordCommand({ DeliveryStreamName: 'nope', Record: { Data: new Uint8Array(1) } }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await client.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 's', ExtendedS3DestinationConfiguration: s3Config }));
    await expect(client.send(new PutRecordCommand({ DeliveryStreamName: 's', Record: { Data: new Uint8Array(1_024_001) } })))
      .rejects.toThrow(/1,000 KiB/);
    await expect(client.send(new PutRecordBatchCommand({ DeliveryStreamName: 's', Records: Array.from({ length: 501 }, () => ({ Data: new Uint8Array(1) })) })))
      .rejects.toBeInstanceOf(InvalidArgumentException);
    await expect(client.send(new UpdateDestinationCommand({
      DeliveryStreamName: 's', CurrentDeliveryStreamVersionId: '7', DestinationId: 'destinationId-000000000001',
      ExtendedS3DestinationUpdate: { BufferingHints: { SizeInMBs: 2, IntervalInSeconds: 60 } },
    }))).rejects.toBeInstanceOf(ConcurrentModificationException);
    service.setQuota('s', { recordsPerSecMax: 2, requestsPerSecMax: 100, bytesPerSecMax: 1 << 20 });
    const batch = await client.send(new PutRecordBatchCommand({ DeliveryStreamName: 's', Records: [1, 2, 3].map(() => ({ Data: new Uint8Array(1) })) }));
    expect(batch.FailedPutCount).toBe(1);
    expect(batch.RequestResponses?.[2]).toMatchObject({ ErrorCode: 'ServiceUnavailableException', ErrorMessage: 'Slow down.' });
    await expect(client.send(new PutRecordCommand({ DeliveryStreamName: 's', Record: { Data: new Uint8Array(1) } }))).rejects.toBeInstanceOf(ServiceUnavailableException);
    expect(service.snapshot('s').counters.ThrottledRecords).toBe(2);
  });

  it('updates the destination with version and destination id checks, and manages tags', async () => {
    const { client } = setup();
    await client.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 'u', ExtendedS3DestinationConfiguration: s3Config, Tags: [{ Key: 'team', Value: 'a' }] }));
    await expect(client.send(new UpdateDestinationCommand({
      DeliveryStreamName: 'u', CurrentDeliveryStreamVersionId: '1', DestinationId: 'destinationId-000000000009', ExtendedS3DestinationUpdate: {},
    }))).rejects.toBeInstanceOf(InvalidArgumentException);
    await client.send(new UpdateDestinationCommand({
      DeliveryStreamName: 'u', CurrentDeliveryStreamVersionId: '1', DestinationId: 'destinationId-000000000001',
      ExtendedS3DestinationUpdate: { CompressionFormat: 'GZIP', BufferingHints: { SizeInMBs: 3, IntervalInSeconds: 120 } },
    }));
    const d = await client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'u' }));
    expect(d.DeliveryStreamDescription?.VersionId).toBe('2');
    expect(d.DeliveryStreamDescription?.Destinations?.[0].ExtendedS3DestinationDescription).toMatchObject({ CompressionFormat: 'GZIP', BucketARN: 'arn:aws:s3:::api-bucket' });
    await client.send(new TagDeliveryStreamCommand({ DeliveryStreamName: 'u', Tags: [{ Key: 'env', Value: 'dev' }] }));
    await client.send(new UntagDeliveryStreamCommand({ DeliveryStreamName: 'u', TagKeys: ['team'] }));
    const tags = await client.send(new ListTagsForDeliveryStreamCommand({ DeliveryStreamName: 'u' }));
    expect(tags).toMatchObject({ Tags: [{ Key: 'env', Value: 'dev' }], HasMoreTags: false });
    await client.send(new DeleteDeliveryStreamCommand({ DeliveryStreamName: 'u' }));
    await expect(client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'u' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('refuses direct puts on a KinesisStreamAsSource stream with the exact AWS message', async () => {
    const { client } = setup();
    await client.send(new CreateDeliveryStreamCommand({
      DeliveryStreamName: 'k', DeliveryStreamType: 'KinesisStreamAsSource',
      KinesisStreamSourceConfiguration: { KinesisStreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/src', RoleARN: 'arn:aws:iam::000000000000:role/r' },
      ExtendedS3DestinationConfiguration: s3Config,
    }));
    await expect(client.send(new PutRecordCommand({ DeliveryStreamName: 'k', Record: { Data: new Uint8Array(1) } })))
      .rejects.toThrow('This operation is not permitted on KinesisStreamAsSource delivery stream type.');
    const d = await client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'k' }));
    expect(d.DeliveryStreamDescription?.Source?.KinesisStreamSourceDescription?.KinesisStreamARN).toContain('stream/src');
  });
});
