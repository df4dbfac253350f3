/**
 * The local server below the SDK: a plain fetch with the AWS CLI's headers (HTTP/1.1 JSON), a
 * hand-built CBOR 1.1 round trip as the Java SDK/KCL sends it, and errors in both encodings.
 */
import { decode as cborDecode, encode as cborEncode, Tag } from 'cbor-x';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CBOR_CONTENT_TYPE } from './cbor-codec';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';
import { waitUntil } from './sdk-test-support';

let server: LocalApiServer;
beforeAll(async () => {
  server = await startLocalApiServer({ transitionDelayMs: 0, seed: 3 });
});
afterAll(async () => {
  await server.close();
});

/** The headers the AWS CLI v2 sends for a Kinesis call. */
function cliHeaders(operation: string): Record<string, string> {
  return {
    'Accept-Encoding': 'identity',
    'Content-Type': 'application/x-amz-json-1.1',
    'X-Amz-Target': `Kinesis_20131202.${operation}`,
    'User-Agent': 'aws-cli/2.17.0 md/awscrt#0.20.11 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.11.8 cfg/retry-mode#standard md/command#kinesis.list-streams',
    'X-Amz-Date': '20260101T000000Z',
    Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000',
  };
}

/** `doc` is {} and `empty` true for an empty body (operations without output answer with one, as AWS does). */
async function json(operation: string, body: unknown): Promise<{ status: number; headers: Headers; doc: Record<string, unknown>; empty: boolean }> {
  const res = await fetch(`${server.endpoint}/`, { method: 'POST', headers: cliHeaders(operation), body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, doc: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>), empty: text === '' };
}

async function cbor(operation: string, body: unknown): Promise<{ status: number; headers: Headers; doc: Record<string, unknown> }> {
  const res = await fetch(`${server.endpoint}/`, {
    method: 'POST',
    headers: { ...cliHeaders(operation), 'Content-Type': CBOR_CONTENT_TYPE },
    body: new Uint8Array(cborEncode(body)),
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, doc: bytes.length === 0 ? {} : (cborDecode(bytes) as Record<string, unknown>) };
}

describe('HTTP/1.1 JSON as the AWS CLI sends it', () => {
  it('creates and lists a stream', async () => {
    const created = await json('CreateStream', { StreamName: 'cli', ShardCount: 1 });
    expect(created.status).toBe(200);
    expect(created.headers.get('x-amzn-requestid')).toBeTruthy();
    // CreateStream has no output shape: AWS answers 200 with an empty body, not "{}".
    expect(created.empty).toBe(true);
    expect(created.headers.get('content-length')).toBe('0');
    const listed = await json('ListStreams', {});
    expect(listed.doc.StreamNames).toContain('cli');
    const summary = await json('DescribeStreamSummary', { StreamName: 'cli' });
    expect(typeof (summary.doc.StreamDescriptionSummary as { StreamCreationTimestamp: unknown }).StreamCreationTimestamp).toBe('number');
  });

  it('answers errors with __type, message and x-amzn-ErrorType', async () => {
    const missing = await json('DescribeStream', { StreamName: 'nope' });
    expect(missing.status).toBe(400);
    expect(missing.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(missing.doc.__type).toBe('ResourceNotFoundException');
    expect(String(missing.doc.message)).toContain('nope');
    const unknown = await json('Frobnicate', {});
    expect(unknown.doc.__type).toBe('UnknownOperationException');
    const unsigned = await fetch(`${server.endpoint}/`, { method: 'POST', headers: { 'X-Amz-Target': 'Kinesis_20131202.ListStreams' }, body: '{}' });
    expect(((await unsigned.json()) as { __type: string }).__type).toBe('MissingAuthenticationTokenException');
  });
});

describe('CBOR 1.1 as the Java SDK and KCL send it', () => {
  it('round-trips blobs as byte strings and timestamps as tag 1', async () => {
    expect((await cbor('CreateStream', { StreamName: 'java', ShardCount: 1 })).status).toBe(200);
    await waitUntil('java ACTIVE', async () => {
      const d = await cbor('DescribeStreamSummary', { StreamName: 'java' });
      return (d.doc.StreamDescriptionSummary as { StreamStatus: string }).StreamStatus === 'ACTIVE';
    });
    const payload = new Uint8Array([0, 1, 2, 250, 251, 252]);
    const put = await cbor('PutRecord', { StreamName: 'java', PartitionKey: 'pk', Data: payload });
    expect(put.status).toBe(200);
    expect(put.headers.get('content-type')).toBe(CBOR_CONTENT_TYPE);
    const it1 = await cbor('GetShardIterator', {
      StreamName: 'java', ShardId: put.doc.ShardId, ShardIteratorType: 'AT_TIMESTAMP', Timestamp: new Tag(Date.now() - 60_000, 1),
    });
    const got = await cbor('GetRecords', { ShardIterator: it1.doc.ShardIterator, Limit: 100 });
    const records = got.doc.Records as Array<{ Data: Uint8Array; SequenceNumber: string; ApproximateArrivalTimestamp: Tag | Date }>;
    expect(records).toHaveLength(1);
    expect(records[0].Data).toBeInstanceOf(Uint8Array);
    expect(Array.from(records[0].Data)).toEqual(Array.from(payload));
    expect(records[0].SequenceNumber).toBe(put.doc.SequenceNumber);
    // cbor-x reads tag 1 as seconds; the Java SDK reads epoch milliseconds, which is what we send.
    const stamp = records[0].ApproximateArrivalTimestamp;
    const millis = stamp instanceof Date ? stamp.getTime() / 1000 : Number(stamp.value);
    expect(Math.abs(millis - Date.now())).toBeLessThan(60_000);
  });

  it('answers errors in CBOR', async () => {
    const missing = await cbor('DescribeStream', { StreamName: 'nope' });
    expect(missing.status).toBe(400);
    expect(missing.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(missing.doc.__type).toBe('ResourceNotFoundException');
  });
});
