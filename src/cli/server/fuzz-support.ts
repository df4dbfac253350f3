/**
 * Shared pieces of the API fuzz tests (*.fuzz.test.ts beside this file), test-only:
 * - which errors an operation documents, read from the AWS SDK's own model as shipped in
 *   `dist-types/commands/<Op>Command.d.ts` (`@throws {@link Name}`), plus the errors every AWS
 *   JSON API may answer (https://docs.aws.amazon.com/kinesis/latest/APIReference/CommonErrors.html)
 *   and the two the JSON/CBOR protocol itself answers (unreadable body, unknown operation);
 * - fingerprints of engine state, to prove that a failed call changed nothing;
 * - generators of hostile request documents.
 * InternalFailure is deliberately not allowed: the dispatcher answers it when the engine throws,
 * which is a bug, and finding those is the point.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import type { LocalApiServer } from './local-api-server';

const require = createRequire(import.meta.url);

function commandsDir(pkg: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), 'dist-types', 'commands');
}

/** Every operation the SDK package models, e.g. ['AddTagsToStream', …]. */
export function modelledOperations(pkg: string): string[] {
  return readdirSync(commandsDir(pkg)).filter((f) => f.endsWith('Command.d.ts')).map((f) => f.slice(0, -'Command.d.ts'.length)).sort();
}

/** The top-level members of an operation's input shape (`export interface <Op>Input|Request { … }` in the SDK's models). */
export function inputMembers(pkg: string, operation: string): string[] {
  const modelsDir = join(dirname(commandsDir(pkg)), 'models');
  for (const file of readdirSync(modelsDir).filter((f) => f.startsWith('models_'))) {
    const text = readFileSync(join(modelsDir, file), 'utf8');
    const m = new RegExp(`export interface ${operation}(?:Input|Request) \\{([\\s\\S]*?)\\n\\}`).exec(text);
    if (m) return [...m[1].matchAll(/^ {4}(\w+)\??:/gm)].map((x) => x[1]);
  }
  return [];
}

/** A JSON body for `operation`: its own members (valid or hostile), sometimes a stray one, or no JSON object at all. */
export function operationBody(pkg: string, operation: string, fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<string> {
  const own: Record<string, fc.Arbitrary<unknown>> = {};
  for (const name of inputMembers(pkg, operation)) own[name] = fields[name] ?? hostileValue(fc.string({ maxLength: 10 }));
  return fc.oneof(
    { arbitrary: fc.record(own).map((doc) => JSON.stringify(doc)), weight: 6 },
    { arbitrary: fc.record(own, { requiredKeys: [] }).map((doc) => JSON.stringify(doc)), weight: 3 },
    { arbitrary: hostileJsonBody(fields), weight: 1 },
  );
}

/** The error names the model documents for one operation (`@throws {@link X}`), without the service's base exception. */
export function documentedErrors(pkg: string, operation: string): Set<string> {
  const text = readFileSync(join(commandsDir(pkg), `${operation}Command.d.ts`), 'utf8');
  const names = new Set<string>();
  for (const m of text.matchAll(/@throws \{@link (\w+)\}/g)) if (!m[1].endsWith('ServiceException')) names.add(m[1]);
  return names;
}

/** Errors any AWS JSON API may answer (CommonErrors), by the names the JSON protocols use. */
export const COMMON_JSON_ERRORS = new Set([
  'AccessDeniedException', 'IncompleteSignature', 'InvalidAction', 'InvalidClientTokenId', 'MissingAuthenticationTokenException',
  'NotAuthorized', 'OptInRequired', 'RequestExpired', 'ServiceUnavailable', 'ThrottlingException', 'ValidationException',
  // The protocol layer: a body that is not a readable document.
  'SerializationException',
]);

/**
 * The modelled operations this server implements: the rest answer UnknownOperationException to
 * any body (a known gap, listed by the fuzz tests) and are left out of the properties, which then
 * do not allow UnknownOperationException at all.
 */
export async function implementedOperations(endpoint: string, prefix: string, operations: readonly string[]): Promise<{ implemented: string[]; missing: string[] }> {
  const implemented: string[] = [];
  const missing: string[] = [];
  for (const op of operations) {
    const a = await callTarget(endpoint, `${prefix}.${op}`, '{}', 'application/x-amz-json-1.1');
    (a.errorType === 'UnknownOperationException' ? missing : implemented).push(op);
  }
  return { implemented, missing };
}

/** The errors allowed for `operation`: documented by its model, or common to the API. */
export function allowedErrors(pkg: string, operation: string): Set<string> {
  return new Set([...documentedErrors(pkg, operation), ...COMMON_JSON_ERRORS]);
}

/** Everything a Kinesis or Firehose call could change, as text (time-dependent metrics left out). */
export function engineFingerprint(server: LocalApiServer): string {
  const streams = server.kinesis.allStreams().map((s) => ({
    name: s.name, status: s.status, mode: s.mode, retention: s.retentionHours, maxRecordKiB: s.maxRecordSizeKiB,
    encryption: s.encryptionType, keyId: s.keyId, tags: [...s.tags], metrics: [...s.shardLevelMetrics], deleted: s.deleted,
    shards: s.shards.map((sh) => ({ id: sh.id, next: sh.nextCounter, closed: sh.closedAtMs, end: sh.endCounter, children: [...sh.childNumbers], records: sh.counters.incomingRecords })),
    // A consumer by its own fields; its stream (by name: the stream's own state is above, and its internal
    // bookkeeping, such as when the next retention pass is due, moves with the clock).
    consumers: server.kinesis.consumers.forStream(s).map((c) => JSON.stringify(c, (k, v: unknown) => (k === 'stream' && typeof v === 'object' && v !== null ? (v as { name: string }).name : typeof v === 'bigint' ? String(v) : v))),
  }));
  const firehose = server.firehose
    ? server.firehose.streamNames().map((n) => {
      const snap = server.firehose!.snapshot(n);
      return { name: snap.name, status: snap.status, version: snap.version, ledger: snap.ledger };
    })
    : [];
  const objects = server.firehose
    ? server.firehose.store.listBuckets().map((b) => ({ bucket: b.name, keys: server.firehose!.store.objectsUnder(b.name, '').map((o) => `${o.key}:${o.body.byteLength}`) }))
    : [];
  return JSON.stringify({ streams, firehose, objects });
}

/** A string that is sometimes valid, sometimes empty, over-long, or full of odd characters. */
export function hostileString(valid: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...valid), weight: 12 },
    { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
    { arbitrary: fc.constantFrom('', ' ', '../..', '\u0000', 'é'.repeat(300), 'a'.repeat(129), '__proto__', 'constructor'), weight: 1 },
  );
}

/** A value of the wrong JSON type, or the right one. */
export function hostileValue(right: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: right, weight: 40 },
    { arbitrary: fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.constant([]), fc.constant({}), fc.string({ maxLength: 8 })), weight: 1 },
  );
}

/** A JSON body: a (possibly partial) document from `fields`, or bytes that are no JSON object at all. */
export function hostileJsonBody(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.record(fields, { requiredKeys: [] }).map((doc) => JSON.stringify(doc)), weight: 8 },
    { arbitrary: fc.constantFrom('', '{', 'null', '[]', '"x"', '{"a":1}}', '\u00ff\u00fe', '{"__proto__":{"x":1}}'), weight: 1 },
    { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
  );
}

export const AUTH_HEADER = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0';

export interface WireAnswer { status: number; errorType: string | undefined; body: Uint8Array }

/** One JSON/CBOR call over HTTP to the local server. */
export async function callTarget(endpoint: string, target: string, body: string | Uint8Array<ArrayBuffer>, contentType: string): Promise<WireAnswer> {
  const res = await fetch(`${endpoint}/`, { method: 'POST', headers: { 'x-amz-target': target, authorization: AUTH_HEADER, 'content-type': contentType }, body });
  const errorType = res.headers.get('x-amzn-errortype')?.split(':', 1)[0];
  return { status: res.status, errorType: errorType || undefined, body: new Uint8Array(await res.arrayBuffer()) };
}

/** Fields of Kinesis requests, hostile or valid, for a stream `fz` that exists (and `missing`, which does not). */
export function kinesisFields(streamArn: string, blob: fc.Arbitrary<unknown>): Record<string, fc.Arbitrary<unknown>> {
  const shardIds = ['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000099', 'shard-0'];
  return {
    StreamName: hostileValue(hostileString(['fz', 'missing'])),
    StreamARN: hostileValue(hostileString([streamArn, streamArn.replace('fz', 'missing'), 'arn:aws:kinesis:nowhere'])),
    ShardCount: hostileValue(fc.integer({ min: -2, max: 12 })),
    Data: blob,
    PartitionKey: hostileValue(fc.oneof(fc.string({ maxLength: 8 }), fc.constant('k'.repeat(257)))),
    ExplicitHashKey: hostileValue(fc.oneof(fc.bigInt({ min: -1n, max: 2n ** 129n }).map(String), fc.string({ maxLength: 5 }))),
    SequenceNumberForOrdering: hostileValue(fc.string({ maxLength: 60 })),
    Records: hostileValue(fc.array(fc.record({ Data: blob, PartitionKey: hostileValue(fc.string({ maxLength: 6 })) }, { requiredKeys: [] }), { maxLength: 4 })),
    ShardId: hostileValue(hostileString(shardIds)),
    ShardToSplit: hostileValue(hostileString(shardIds)),
    NewStartingHashKey: hostileValue(fc.bigInt({ min: 0n, max: 2n ** 128n }).map(String)),
    ShardToMerge: hostileValue(hostileString(shardIds)),
    AdjacentShardToMerge: hostileValue(hostileString(shardIds)),
    ShardIteratorType: hostileValue(hostileString(['TRIM_HORIZON', 'LATEST', 'AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER', 'AT_TIMESTAMP'])),
    StartingSequenceNumber: hostileValue(fc.string({ maxLength: 60 })),
    Timestamp: hostileValue(fc.double({ min: -1e12, max: 1e12, noNaN: true })),
    ShardIterator: hostileValue(fc.oneof(fc.string({ maxLength: 60 }), fc.base64String({ maxLength: 200 }))),
    Limit: hostileValue(fc.integer({ min: -5, max: 20_000 })),
    RetentionPeriodHours: hostileValue(fc.integer({ min: 0, max: 9_000 })),
    TargetShardCount: hostileValue(fc.integer({ min: -1, max: 20 })),
    ScalingType: hostileValue(hostileString(['UNIFORM_SCALING'])),
    StreamModeDetails: hostileValue(fc.record({ StreamMode: hostileString(['ON_DEMAND', 'PROVISIONED']) })),
    Tags: hostileValue(fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 })),
    TagKeys: hostileValue(fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 })),
    ConsumerName: hostileValue(hostileString(['c1', 'missing'])),
    ConsumerARN: hostileValue(hostileString([`${streamArn}/consumer/c1:1`, 'arn:bad'])),
    ExclusiveStartShardId: hostileValue(hostileString(shardIds)),
    NextToken: hostileValue(fc.string({ maxLength: 40 })),
    MaxResults: hostileValue(fc.integer({ min: -1, max: 20_000 })),
    ShardLevelMetrics: hostileValue(fc.array(hostileString(['IncomingBytes', 'ALL']), { maxLength: 3 })),
    EncryptionType: hostileValue(hostileString(['KMS', 'NONE'])),
    KeyId: hostileValue(hostileString(['alias/aws/kinesis'])),
    MaxRecordSizeInKiB: hostileValue(fc.integer({ min: 0, max: 20_000 })),
    ResourceARN: hostileValue(hostileString([streamArn])),
    EnforceConsumerDeletion: hostileValue(fc.boolean()),
  };
}

/** Snapshot, call, compare: on any error, the error must be allowed for the operation and the state unchanged. */
export async function expectFailedCallChangesNothing(
  server: LocalApiServer, pkg: string, operation: string, call: () => Promise<WireAnswer>,
): Promise<WireAnswer> {
  // Apply transitions that earlier successful calls scheduled for "now", so they are not mistaken for this call's.
  server.sim.runUntil(Math.max(server.sim.nowMs, Date.now()));
  const before = engineFingerprint(server);
  const answer = await call();
  if (answer.status === 200) return answer;
  const allowed = allowedErrors(pkg, operation);
  if (answer.errorType === undefined || !allowed.has(answer.errorType)) {
    throw new Error(`${operation} answered ${answer.status} ${answer.errorType ?? '(no error type)'}, which it does not document (allowed: ${[...allowed].join(', ')}); body: ${Buffer.from(answer.body).toString('latin1').slice(0, 300)}`);
  }
  const after = engineFingerprint(server);
  if (after !== before) throw new Error(`${operation} failed with ${answer.errorType} but changed state:\nbefore ${before}\nafter  ${after}`);
  return answer;
}
