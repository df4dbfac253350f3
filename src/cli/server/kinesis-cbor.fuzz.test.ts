/**
 * Fuzz of the Kinesis CBOR 1.1 protocol (what the Java SDK and the KCL speak) through the local
 * server. Same invariants as kinesis-json.fuzz.test.ts — every answer is 200 or an error the
 * operation documents (or a common/protocol error, never InternalFailure), and a failed call
 * changes no state — with the documents CBOR-encoded (blobs as byte strings, as the SDKs send
 * them) and, one time in five, raw bytes that are no CBOR map at all.
 */
import { Encoder } from 'cbor-x';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';
import { callTarget, expectFailedCallChangesNothing, hostileValue, implementedOperations, kinesisFields, modelledOperations, operationBody } from './fuzz-support';

const PKG = '@aws-sdk/client-kinesis';
const CBOR = 'application/x-amz-cbor-1.1';
const encoder = new Encoder({ useRecords: false, tagUint8Array: false, mapsAsObjects: true });
let OPERATIONS: string[] = [];
let server: LocalApiServer;
let arn = '';

/** The JSON document re-encoded as CBOR, with base64 `Data` turned back into bytes. */
function toCbor(json: string): Uint8Array<ArrayBuffer> {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return new Uint8Array(Buffer.from(json, 'latin1'));
  }
  const bytesOf = (v: unknown): unknown => (typeof v === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(v) ? Buffer.from(v, 'base64') : v);
  if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
    const d = doc as Record<string, unknown>;
    if ('Data' in d) d.Data = bytesOf(d.Data);
    if (Array.isArray(d.Records)) d.Records = d.Records.map((r) => (r && typeof r === 'object' && 'Data' in r ? { ...r, Data: bytesOf((r as { Data: unknown }).Data) } : r));
  }
  return new Uint8Array(encoder.encode(doc));
}

beforeAll(async () => {
  server = await startLocalApiServer({ transitionDelayMs: 0, seed: 1718 });
  await callTarget(server.endpoint, 'Kinesis_20131202.CreateStream', toCbor('{"StreamName":"fz","ShardCount":2}'), CBOR);
  server.sim.runUntil(Date.now() + 1);
  arn = server.kinesis.stream('fz')!.arn;
  OPERATIONS = (await implementedOperations(server.endpoint, 'Kinesis_20131202', modelledOperations(PKG).filter((op) => op !== 'SubscribeToShard'))).implemented;
});
afterAll(async () => {
  await server.close();
});

describe('Kinesis CBOR 1.1 fuzz', () => {
  it('answers every call with a documented error or success, and failed calls change nothing', async () => {
    const blob = hostileValue(fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('base64')));
    const rawBytes = fc.uint8Array({ maxLength: 40 }).map((b) => new Uint8Array(b));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...OPERATIONS).chain((op) => fc.tuple(fc.constant(op), fc.oneof(
          { arbitrary: operationBody(PKG, op, kinesisFields(arn, blob)).map(toCbor), weight: 4 },
          { arbitrary: rawBytes, weight: 1 },
        ))),
        async ([operation, body]) => {
          await expectFailedCallChangesNothing(server, PKG, operation, () => callTarget(server.endpoint, `Kinesis_20131202.${operation}`, body, CBOR));
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 250) },
    );
  });
});
