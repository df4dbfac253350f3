/**
 * Fuzz of the Kinesis JSON 1.1 protocol through the local server (HTTP, 127.0.0.1).
 * Invariants, for every generated call of every operation the SDK models:
 * - the server answers (no hang, no crash) with 200 or an error the operation documents in the
 *   AWS model, a common AWS error, or a protocol error (unreadable body, unknown operation);
 *   never InternalFailure (an engine throw);
 * - a failed call changes no state (engine fingerprint before = after).
 * Left out: SubscribeToShard (a long-lived event stream, covered by kinesis-sdk.test.ts), and
 * whether successful answers are right (the SDK tests cover that). Seeded: a failure prints
 * the seed and path to replay.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';
import { callTarget, expectFailedCallChangesNothing, implementedOperations, hostileValue, kinesisFields, operationBody, modelledOperations } from './fuzz-support';

const PKG = '@aws-sdk/client-kinesis';
let OPERATIONS: string[] = [];
let server: LocalApiServer;
let arn = '';

beforeAll(async () => {
  server = await startLocalApiServer({ transitionDelayMs: 0, seed: 1717 });
  await callTarget(server.endpoint, 'Kinesis_20131202.CreateStream', '{"StreamName":"fz","ShardCount":2}', 'application/x-amz-json-1.1');
  server.sim.runUntil(Date.now() + 1);
  for (let i = 0; i < 5; i++) {
    await callTarget(server.endpoint, 'Kinesis_20131202.PutRecord', JSON.stringify({ StreamName: 'fz', PartitionKey: `k${i}`, Data: Buffer.from(`r${i}`).toString('base64') }), 'application/x-amz-json-1.1');
  }
  arn = server.kinesis.stream('fz')!.arn;
  const { implemented, missing } = await implementedOperations(server.endpoint, 'Kinesis_20131202', modelledOperations(PKG).filter((op) => op !== 'SubscribeToShard'));
  OPERATIONS = implemented;
  console.info(`Kinesis operations modelled by the SDK but not served: ${missing.join(', ')}`);
});
afterAll(async () => {
  await server.close();
});

describe('Kinesis JSON 1.1 fuzz', () => {
  it('answers every call with a documented error or success, and failed calls change nothing', async () => {
    const blob = hostileValue(fc.oneof(fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('base64')), fc.constantFrom('!!!', '====', 'a')));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...OPERATIONS).chain((op) => fc.tuple(fc.constant(op), operationBody(PKG, op, kinesisFields(arn, blob)))), async ([operation, body]) => {
        await expectFailedCallChangesNothing(server, PKG, operation, () => callTarget(server.endpoint, `Kinesis_20131202.${operation}`, body, 'application/x-amz-json-1.1'));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});
