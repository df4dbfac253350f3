/**
 * `--auth sigv4` on the local server: the real SDK clients with the right keys pass on every
 * protocol (Kinesis JSON over h2 and HTTP/1.1, CBOR, SubscribeToShard's event stream, Firehose,
 * S3 with checksummed uploads and presigned GETs, REST-JSON paths), and each failure gets AWS's
 * error name: missing, malformed, unknown key, wrong secret, expired.
 */
import { createHash, createHmac } from 'node:crypto';
import { FirehoseClient, ListDeliveryStreamsCommand } from '@aws-sdk/client-firehose';
import {
  CreateStreamCommand, KinesisClient, ListShardsCommand, ListStreamsCommand, PutRecordCommand, RegisterStreamConsumerCommand, SubscribeToShardCommand,
} from '@aws-sdk/client-kinesis';
import { CreateBucketCommand, GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cborCodec } from './cbor-codec';
import { startLocalApiServer, type LocalApiServer } from './local-api-server';
import { errorOf, waitForConsumerActive, waitForStreamActive } from './sdk-test-support';

const GOOD = { accessKeyId: 'AKIDSANDBOX', secretAccessKey: 'right-secret' };
const WRONG_SECRET = { accessKeyId: 'AKIDSANDBOX', secretAccessKey: 'wrong-secret' };
const UNKNOWN = { accessKeyId: 'AKIDNOBODY', secretAccessKey: 'right-secret' };
const region = 'us-east-1';

let server: LocalApiServer;
beforeAll(async () => {
  server = await startLocalApiServer({ transitionDelayMs: 0, seed: 4, sigv4: { keys: new Map([[GOOD.accessKeyId, GOOD.secretAccessKey]]) } });
});
afterAll(async () => {
  await server.close();
});

/** node:crypto as the signer's hash (the interface @smithy/signature-v4 expects). */
class Sha256 {
  private readonly h;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.h = secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.h.update(toBytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.h.digest());
  }
}

function toBytes(data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array {
  if (typeof data === 'string') return data;
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

const signer = (service: string, credentials = GOOD) => new SignatureV4({ service, region, credentials, sha256: Sha256, uriEscapePath: service !== 's3' });

const kinesis = (credentials: typeof GOOD, extra: Record<string, unknown> = {}) => new KinesisClient({ endpoint: server.endpoint, region, credentials, maxAttempts: 1, ...extra });

async function rawPost(target: string, contentType: string, body: Uint8Array, sign: 'good' | 'wrong' | 'none' | 'malformed'): Promise<Response> {
  const url = new URL(server.endpoint);
  const request = {
    method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/', query: {},
    headers: { host: url.host, 'content-type': contentType, 'x-amz-target': target } as Record<string, string>, body,
  };
  let headers = request.headers;
  if (sign === 'good' || sign === 'wrong') headers = (await signer('kinesis', sign === 'good' ? GOOD : WRONG_SECRET).sign(request)).headers;
  if (sign === 'malformed') headers = { ...headers, authorization: `AWS4-HMAC-SHA256 Credential=${GOOD.accessKeyId}/20260101/${region}/kinesis/aws4_request` };
  return fetch(server.endpoint, { method: 'POST', headers, body: Buffer.from(body) });
}

describe('SigV4 on the JSON 1.1 and CBOR protocols', () => {
  it('passes the right keys over h2 and HTTP/1.1, refuses a wrong secret and an unknown key', async () => {
    for (const extra of [{}, { requestHandler: new NodeHttpHandler() }]) {
      const good = kinesis(GOOD, extra);
      const wrong = kinesis(WRONG_SECRET, extra);
      const unknown = kinesis(UNKNOWN, extra);
      try {
        expect((await good.send(new ListStreamsCommand({}))).StreamNames).toBeDefined();
        const bad = await errorOf(wrong.send(new ListStreamsCommand({})));
        expect(bad.name).toBe('InvalidSignatureException');
        expect(bad.message).toMatch(/^The request signature we calculated does not match the signature you provided/);
        expect((await errorOf(unknown.send(new ListStreamsCommand({})))).name).toBe('UnrecognizedClientException');
      } finally {
        good.destroy();
        wrong.destroy();
        unknown.destroy();
      }
    }
  });

  it('answers an expired request with "Signature expired"', async () => {
    const late = kinesis(GOOD, { systemClockOffset: -10 * 60_000 });
    try {
      const e = await errorOf(late.send(new ListStreamsCommand({})));
      expect(e.name).toBe('InvalidSignatureException');
      expect(e.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/);
    } finally {
      late.destroy();
    }
  });

  it('answers missing and malformed signatures, on JSON and on CBOR', async () => {
    const json = new TextEncoder().encode('{}');
    const missing = await rawPost('Kinesis_20131202.ListStreams', 'application/x-amz-json-1.1', json, 'none');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
    const malformed = await rawPost('Kinesis_20131202.ListStreams', 'application/x-amz-json-1.1', json, 'malformed');
    expect(malformed.headers.get('x-amzn-errortype')).toBe('IncompleteSignatureException');
    expect(((await malformed.json()) as { message: string }).message).toMatch(/Authorization header requires 'Signature' parameter/);

    const cbor = cborCodec.encode({}, undefined) as Uint8Array;
    const ok = await rawPost('Kinesis_20131202.ListStreams', cborCodec.contentType, cbor, 'good');
    expect(ok.status).toBe(200);
    expect(cborCodec.decode(new Uint8Array(await ok.arrayBuffer()))).toHaveProperty('StreamNames');
    const bad = await rawPost('Kinesis_20131202.ListStreams', cborCodec.contentType, cbor, 'wrong');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe(cborCodec.contentType);
    expect(cborCodec.decode(new Uint8Array(await bad.arrayBuffer()))).toMatchObject({ __type: 'InvalidSignatureException' });
  });

  it('checks the SubscribeToShard request of an event stream', async () => {
    const good = kinesis(GOOD);
    const wrong = kinesis(WRONG_SECRET);
    try {
      await good.send(new CreateStreamCommand({ StreamName: 'signed', ShardCount: 1 }));
      await waitForStreamActive(good, 'signed');
      const StreamARN = `arn:aws:kinesis:${server.kinesis.region}:${server.kinesis.accountId}:stream/signed`;
      const { Consumer } = await good.send(new RegisterStreamConsumerCommand({ StreamARN, ConsumerName: 'c' }));
      await waitForConsumerActive(good, Consumer!.ConsumerARN!);
      const { Shards } = await good.send(new ListShardsCommand({ StreamName: 'signed' }));
      const input = { ConsumerARN: Consumer!.ConsumerARN!, ShardId: Shards![0].ShardId!, StartingPosition: { Type: 'TRIM_HORIZON' as const } };
      const e = await errorOf(wrong.send(new SubscribeToShardCommand(input)));
      expect(e.name).toBe('InvalidSignatureException');
      await good.send(new PutRecordCommand({ StreamName: 'signed', PartitionKey: 'k', Data: new TextEncoder().encode('hi') }));
      const out = await good.send(new SubscribeToShardCommand(input));
      for await (const ev of out.EventStream!) {
        const records = ev.SubscribeToShardEvent?.Records ?? [];
        if (records.length) {
          expect(new TextDecoder().decode(records[0].Data)).toBe('hi');
          break;
        }
      }
    } finally {
      good.destroy();
      wrong.destroy();
    }
  });

  it('checks Firehose too', async () => {
    const good = new FirehoseClient({ endpoint: server.endpoint, region, credentials: GOOD, maxAttempts: 1 });
    const wrong = new FirehoseClient({ endpoint: server.endpoint, region, credentials: WRONG_SECRET, maxAttempts: 1 });
    try {
      expect((await good.send(new ListDeliveryStreamsCommand({}))).DeliveryStreamNames).toEqual([]);
      expect((await errorOf(wrong.send(new ListDeliveryStreamsCommand({})))).name).toBe('InvalidSignatureException');
    } finally {
      good.destroy();
      wrong.destroy();
    }
  });
});

describe('SigV4 on S3 and REST paths', () => {
  const s3 = (credentials: typeof GOOD, extra: Record<string, unknown> = {}) =>
    new S3Client({ endpoint: server.endpoint, region, credentials, forcePathStyle: true, maxAttempts: 1, ...extra });

  it('passes signed S3 calls (checksummed uploads included) and answers S3 errors for bad ones', async () => {
    const good = s3(GOOD);
    const wrong = s3(WRONG_SECRET);
    const unknown = s3(UNKNOWN);
    const late = s3(GOOD, { systemClockOffset: -20 * 60_000 });
    try {
      await good.send(new CreateBucketCommand({ Bucket: 'signed' }));
      await good.send(new PutObjectCommand({ Bucket: 'signed', Key: 'a b/c.txt', Body: 'payload' }));
      expect(await (await good.send(new GetObjectCommand({ Bucket: 'signed', Key: 'a b/c.txt' }))).Body?.transformToString()).toBe('payload');
      const bad = await errorOf(wrong.send(new ListBucketsCommand({})));
      expect(bad.name).toBe('SignatureDoesNotMatch');
      expect(bad.$metadata?.httpStatusCode).toBe(403);
      expect((await errorOf(unknown.send(new ListBucketsCommand({})))).name).toBe('InvalidAccessKeyId');
      expect((await errorOf(wrong.send(new PutObjectCommand({ Bucket: 'signed', Key: 'x', Body: 'y' })))).name).toBe('SignatureDoesNotMatch');
      expect((await errorOf(late.send(new ListBucketsCommand({})))).name).toBe('RequestTimeTooSkewed');
    } finally {
      for (const c of [good, wrong, unknown, late]) c.destroy();
    }
  });

  it('serves presigned GETs, refuses tampered and expired ones, and treats unsigned S3 calls as anonymous', async () => {
    const url = new URL(server.endpoint);
    // As @aws-sdk/s3-request-presigner does: the payload is UNSIGNED-PAYLOAD and that header is not sent.
    const request = {
      method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/signed/a%20b/c.txt', query: {},
      headers: { host: url.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    };
    const unhoistableHeaders = new Set(['x-amz-content-sha256']);
    const unsignableHeaders = unhoistableHeaders;
    const presigned = await signer('s3').presign(request, { expiresIn: 60, unhoistableHeaders, unsignableHeaders });
    const qs = new URLSearchParams(presigned.query as Record<string, string>).toString();
    const ok = await fetch(`${server.endpoint}${presigned.path}?${qs}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('payload');
    const tampered = await fetch(`${server.endpoint}/signed/a%20b/other.txt?${qs}`);
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    const old = await signer('s3').presign(request, { expiresIn: 60, unhoistableHeaders, unsignableHeaders, signingDate: new Date(Date.now() - 5 * 60_000) });
    const expired = await fetch(`${server.endpoint}${old.path}?${new URLSearchParams(old.query as Record<string, string>).toString()}`);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('<Message>Request has expired</Message>');
    const anonymous = await fetch(`${server.endpoint}/signed/a%20b/c.txt`);
    expect(anonymous.status).toBe(403);
    expect(await anonymous.text()).toContain('<Code>AccessDenied</Code>');
  });

  it('accepts the SigV2 query-string presigned URLs that aws s3 presign (CLI v1) produces', async () => {
    const expires = Math.floor(Date.now() / 1000) + 60;
    const sign = (path: string, secret: string) => createHmac('sha1', secret).update(`GET\n\n\n${expires}\n${path}`).digest('base64');
    const url = (path: string, secret: string) => `${server.endpoint}${path}?AWSAccessKeyId=${GOOD.accessKeyId}&Signature=${encodeURIComponent(sign(path, secret))}&Expires=${expires}`;
    const ok = await fetch(url('/signed/a%20b/c.txt', GOOD.secretAccessKey));
    expect(await ok.text()).toBe('payload');
    const bad = await fetch(url('/signed/a%20b/c.txt', 'nope'));
    expect(bad.status).toBe(403);
    expect(await bad.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('checks REST-JSON paths the same way (signature before routing)', async () => {
    const url = new URL(server.endpoint);
    const body = '{"StreamName":"v"}';
    const request = {
      method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/describeStream', query: {},
      headers: { host: url.host, 'content-type': 'application/json' }, body,
    };
    const bad = await signer('kinesisvideo', WRONG_SECRET).sign(request);
    const refused = await fetch(`${server.endpoint}/describeStream`, { method: 'POST', headers: bad.headers, body });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
    const good = await signer('kinesisvideo').sign(request);
    const passed = await fetch(`${server.endpoint}/describeStream`, { method: 'POST', headers: good.headers, body });
    expect(passed.headers.get('x-amzn-errortype')).not.toBe('InvalidSignatureException');
  });
});

describe('SigV4 on Kinesis Video Streams (REST-JSON, buffered and streamed)', () => {
  it('passes the right key and refuses a wrong secret on the control plane', async () => {
    const { KinesisVideoClient, ListStreamsCommand: ListVideoStreams } = await import('@aws-sdk/client-kinesis-video');
    const good = new KinesisVideoClient({ endpoint: server.endpoint, region, credentials: GOOD, maxAttempts: 1 });
    const wrong = new KinesisVideoClient({ endpoint: server.endpoint, region, credentials: WRONG_SECRET, maxAttempts: 1 });
    try {
      expect((await good.send(new ListVideoStreams({}))).StreamInfoList).toEqual([]);
      expect((await errorOf(wrong.send(new ListVideoStreams({})))).name).toBe('InvalidSignatureException');
    } finally {
      good.destroy();
      wrong.destroy();
    }
  });

  it('verifies a streamed PutMedia from its headers (unsigned payload) before reading the body', async () => {
    const url = new URL(`${server.endpoint}/putMedia`);
    const request = { method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: url.pathname, query: {},
      headers: { host: url.host, 'x-amzn-stream-name': 'nobody', 'x-amzn-fragment-timecode-type': 'RELATIVE' } };
    // As the SDK signs a streamed body: the payload hash is UNSIGNED-PAYLOAD, and no x-amz-content-sha256 header is sent.
    const answer = async (credentials: typeof GOOD): Promise<string> => {
      const signed = await signer('kinesisvideo', credentials).sign({ ...request, headers: { ...request.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
      const headers = { ...(signed.headers as Record<string, string>) };
      delete headers['x-amz-content-sha256'];
      const res = await fetch(url, { method: 'POST', headers, body: new Uint8Array(0) });
      return `${res.status} ${res.headers.get('x-amzn-errortype') ?? ''} ${await res.text()}`;
    };
    // The right key reaches the service (which then refuses the unknown stream); the wrong secret is stopped first.
    expect(await answer(GOOD)).toContain('ResourceNotFoundException');
    expect(await answer(WRONG_SECRET)).toContain('InvalidSignatureException');
  });
});
