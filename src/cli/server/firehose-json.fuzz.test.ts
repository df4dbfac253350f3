/**
 * Fuzz of the Firehose JSON 1.1 protocol through the local server. Invariants, for every
 * generated call of every operation the SDK models and this server serves: the answer is 200 or
 * an error the operation documents in the AWS model (or a common/protocol error — never
 * InternalFailure), and a failed call changes no state (delivery streams, their record ledgers,
 * the object store). The buffer interval is 900 s so no flush lands inside a call by chance.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';
import { callTarget, expectFailedCallChangesNothing, hostileString, hostileValue, implementedOperations, modelledOperations, operationBody } from './fuzz-support';

const PKG = '@aws-sdk/client-firehose';
const JSON_TYPE = 'application/x-amz-json-1.1';
let OPERATIONS: string[] = [];
let server: LocalApiServer;

const ROLE = 'arn:aws:iam::000000000000:role/firehose';
const s3Config = fc.record({
  RoleARN: hostileString([ROLE]),
  BucketARN: hostileString(['arn:aws:s3:::lake', 'arn:aws:s3:::', 'lake']),
  Prefix: hostileString(['raw/', '!{timestamp:yyyy}/', '!{bad']),
  BufferingHints: hostileValue(fc.record({ SizeInMBs: fc.integer({ min: -1, max: 200 }), IntervalInSeconds: fc.integer({ min: -1, max: 1_000 }) }, { requiredKeys: [] })),
  CompressionFormat: hostileString(['GZIP', 'UNCOMPRESSED', 'Snappy', 'ZIP', 'HADOOP_SNAPPY']),
}, { requiredKeys: [] });
const blob = hostileValue(fc.oneof(fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('base64')), fc.constantFrom('!!', '=')));
const FIELDS: Record<string, fc.Arbitrary<unknown>> = {
  DeliveryStreamName: hostileValue(hostileString(['fh', 'missing'])),
  DeliveryStreamType: hostileValue(hostileString(['DirectPut', 'KinesisStreamAsSource', 'MSKAsSource'])),
  ExtendedS3DestinationConfiguration: hostileValue(s3Config),
  S3DestinationConfiguration: hostileValue(s3Config),
  ExtendedS3DestinationUpdate: hostileValue(s3Config),
  Record: hostileValue(fc.record({ Data: blob }, { requiredKeys: [] })),
  Records: hostileValue(fc.array(fc.record({ Data: blob }, { requiredKeys: [] }), { maxLength: 5 })),
  CurrentDeliveryStreamVersionId: hostileValue(hostileString(['1', '2', '0'])),
  DestinationId: hostileValue(hostileString(['destinationId-000000000001'])),
  Limit: hostileValue(fc.integer({ min: -1, max: 20_000 })),
  ExclusiveStartDeliveryStreamName: hostileValue(fc.string({ maxLength: 10 })),
  ExclusiveStartDestinationId: hostileValue(fc.string({ maxLength: 10 })),
  ExclusiveStartTagKey: hostileValue(fc.string({ maxLength: 10 })),
  Tags: hostileValue(fc.array(fc.record({ Key: fc.string({ maxLength: 6 }), Value: fc.string({ maxLength: 6 }) }, { requiredKeys: [] }), { maxLength: 3 })),
  TagKeys: hostileValue(fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 })),
  AllowForceDelete: hostileValue(fc.boolean()),
  DeliveryStreamEncryptionConfigurationInput: hostileValue(fc.record({ KeyType: hostileString(['AWS_OWNED_CMK', 'CUSTOMER_MANAGED_CMK']) }, { requiredKeys: [] })),
};

beforeAll(async () => {
  server = await startLocalApiServer({ transitionDelayMs: 0, seed: 1719 });
  await callTarget(server.endpoint, 'Firehose_20150804.CreateDeliveryStream', JSON.stringify({
    DeliveryStreamName: 'fh',
    ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::lake', BufferingHints: { SizeInMBs: 128, IntervalInSeconds: 900 } },
  }), JSON_TYPE);
  server.sim.runUntil(Date.now() + 1);
  OPERATIONS = (await implementedOperations(server.endpoint, 'Firehose_20150804', modelledOperations(PKG))).implemented;
});
afterAll(async () => {
  await server.close();
});

describe('Firehose JSON 1.1 fuzz', () => {
  it('answers every call with a documented error or success, and failed calls change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...OPERATIONS).chain((op) => fc.tuple(fc.constant(op), operationBody(PKG, op, FIELDS))), async ([operation, body]) => {
        await expectFailedCallChangesNothing(server, PKG, operation, () => callTarget(server.endpoint, `Firehose_20150804.${operation}`, body, JSON_TYPE));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 250) },
    );
  });
});
