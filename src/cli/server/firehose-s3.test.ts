/**
 * Firehose and S3 on the same local endpoint as Kinesis: a delivery stream created and fed through
 * @aws-sdk/client-firehose (HTTP/2 default handler), its size-triggered delivery listed and read
 * back through @aws-sdk/client-s3 (path-style), and routing by X-Amz-Target prefix.
 */
import { CreateDeliveryStreamCommand, DescribeDeliveryStreamCommand, FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { gunzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';
import { waitUntil } from './sdk-test-support';

const credentials = { accessKeyId: 'a', secretAccessKey: 'b' };
let server: LocalApiServer;
beforeAll(async () => {
  server = await startLocalApiServer({ transitionDelayMs: 0, seed: 9 });
});
afterAll(async () => {
  await server.close();
});

describe('Firehose and S3 beside Kinesis', () => {
  it('delivers a full buffer to the object store, readable over S3 REST', async () => {
    const firehose = new FirehoseClient({ endpoint: server.endpoint, region: 'us-east-1', credentials });
    const s3 = new S3Client({ endpoint: server.endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
    try {
      await firehose.send(new CreateDeliveryStreamCommand({
        DeliveryStreamName: 'to-s3',
        ExtendedS3DestinationConfiguration: {
          RoleARN: 'arn:aws:iam::000000000000:role/firehose', BucketARN: 'arn:aws:s3:::lake', Prefix: 'raw/',
          BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 }, CompressionFormat: 'GZIP',
        },
      }));
      await waitUntil('delivery stream ACTIVE', async () =>
        (await firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'to-s3' }))).DeliveryStreamDescription?.DeliveryStreamStatus === 'ACTIVE');
      const line = `${'x'.repeat(2047)}\n`;
      for (let i = 0; i < 3; i++) {
        const out = await firehose.send(new PutRecordBatchCommand({
          DeliveryStreamName: 'to-s3', Records: Array.from({ length: 250 }, () => ({ Data: new TextEncoder().encode(line) })),
        }));
        expect(out.FailedPutCount).toBe(0);
      }
      let key = '';
      await waitUntil('an object in s3://lake/raw/', async () => {
        const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'lake', Prefix: 'raw/' }));
        key = listed.Contents?.[0]?.Key ?? '';
        return key !== '';
      });
      expect(key).toMatch(/^raw\/\d{4}\/\d{2}\/\d{2}\/\d{2}\/to-s3-/);
      const object = await s3.send(new GetObjectCommand({ Bucket: 'lake', Key: key }));
      const text = new TextDecoder().decode(gunzipSync(await object.Body!.transformToByteArray()));
      expect(text.length % line.length).toBe(0);
      expect(text.startsWith(line)).toBe(true);
    } finally {
      firehose.destroy();
      s3.destroy();
    }
  });
});
