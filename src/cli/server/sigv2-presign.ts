/**
 * S3's older query-string authentication (Signature Version 2: `?AWSAccessKeyId=…&Expires=…&Signature=…`),
 * which the AWS CLI v1's `aws s3 presign` still produces unless `s3.signature_version = s3v4`.
 * String to sign: VERB \n Content-MD5 \n Content-Type \n Expires \n <x-amz-* headers> <resource>;
 * signature = base64(HMAC-SHA1(secret, string)).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html#RESTAuthenticationQueryStringAuth
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SignedRequest, SigV4Config, SigV4Result } from './sigv4';

/** Sub-resources and response overrides that belong to the signed resource (in this order, sorted). */
const SUB_RESOURCES = new Set([
  'acl', 'delete', 'lifecycle', 'location', 'logging', 'notification', 'partNumber', 'policy', 'requestPayment', 'tagging', 'torrent',
  'uploadId', 'uploads', 'versionId', 'versioning', 'versions', 'website', 'response-cache-control', 'response-content-disposition',
  'response-content-encoding', 'response-content-language', 'response-content-type', 'response-expires',
]);

export function isSigV2Presigned(query: URLSearchParams): boolean {
  return query.has('AWSAccessKeyId') && query.has('Signature') && query.has('Expires');
}

export function verifySigV2Presigned(req: SignedRequest, query: URLSearchParams, config: SigV4Config): SigV4Result {
  const accessKeyId = query.get('AWSAccessKeyId') as string;
  const secret = config.keys.get(accessKeyId);
  if (secret === undefined) return { ok: false, failure: { kind: 'unknown-key', accessKeyId, service: 's3' } };
  const expires = Number(query.get('Expires'));
  const nowMs = config.nowMs?.() ?? Date.now();
  const amz = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  if (!Number.isInteger(expires) || nowMs > expires * 1000) {
    return { ok: false, failure: { kind: 'expired-presign', service: 's3', requestTime: amz(expires * 1000), expiresSec: 0, serverTime: amz(nowMs) } };
  }
  const path = req.url.split('?')[0] || '/';
  const subs = [...query.entries()].filter(([k]) => SUB_RESOURCES.has(k)).sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => (v === '' ? k : `${k}=${v}`));
  const amzHeaders = [...req.headers.entries()].filter(([k]) => k.startsWith('x-amz-')).sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}:${v.map((x) => x.trim()).join(',')}\n`).join('');
  const first = (name: string) => req.headers.get(name)?.[0] ?? '';
  const stringToSign = `${req.method.toUpperCase()}\n${first('content-md5')}\n${first('content-type')}\n${expires}\n${amzHeaders}${path}${subs.length ? `?${subs.join('&')}` : ''}`;
  const expected = createHmac('sha1', secret).update(stringToSign).digest();
  const given = Buffer.from(query.get('Signature') as string, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, failure: { kind: 'mismatch', service: 's3', canonicalRequest: '', stringToSign, accessKeyId, signature: query.get('Signature') as string } };
  }
  return { ok: true, accessKeyId, service: 's3' };
}
