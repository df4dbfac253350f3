/**
 * AWS Signature Version 4 verification for the local server (`npm run api -- --auth sigv4`): one
 * function, `verifySigV4`, applied by the HTTP layer to every request before dispatch, so every
 * protocol (JSON 1.1, CBOR, S3 REST with UNSIGNED-PAYLOAD / STREAMING-* / hashed payloads and
 * presigned URLs, REST-JSON, event-stream subscriptions) is checked the same way. It answers what
 * failed as data (`SigV4Failure`); sigv4-errors.ts turns that into each protocol's AWS error.
 * Algorithm: https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html and
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { isSigV2Presigned, verifySigV2Presigned } from './sigv2-presign';

export interface SigV4Config {
  /** Access key id → secret access key. */
  readonly keys: ReadonlyMap<string, string>;
  /** Wall-clock time in ms (tests inject it). */
  readonly nowMs?: () => number;
}

/** What the HTTP layer hands over: the request as it came off the wire. */
export interface SignedRequest {
  readonly method: string;
  /** The raw request target: path and query exactly as sent (still percent-encoded). */
  readonly url: string;
  /** Header name (lower case) → values in arrival order. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  readonly body: Uint8Array;
}

export type SigV4Failure =
  | { readonly kind: 'missing' }
  | { readonly kind: 'malformed'; readonly detail: string; readonly service?: string }
  | { readonly kind: 'unknown-key'; readonly accessKeyId: string; readonly service: string }
  | { readonly kind: 'mismatch'; readonly service: string; readonly canonicalRequest: string; readonly stringToSign: string; readonly accessKeyId: string; readonly signature: string }
  | { readonly kind: 'content-sha256-mismatch'; readonly claimed: string; readonly computed: string }
  | { readonly kind: 'skewed'; readonly service: string; readonly requestTime: string; readonly serverTime: string; readonly future: boolean; readonly skewMs: number }
  | { readonly kind: 'expired-presign'; readonly service: string; readonly requestTime: string; readonly expiresSec: number; readonly serverTime: string };

export type SigV4Result = { readonly ok: true; readonly accessKeyId: string; readonly service: string } | { readonly ok: false; readonly failure: SigV4Failure };

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** JSON services accept a request time within 5 minutes of theirs ("… - 5 min."); S3 allows 15 minutes (MaxAllowedSkewMilliseconds 900000). */
export const SKEW_MS_DEFAULT = 5 * 60_000;
export const SKEW_MS_S3 = 15 * 60_000;
/** A presigned URL lives at most 7 days (X-Amz-Expires 1–604800). */
export const PRESIGN_EXPIRES_SEC_MAX = 604_800;

interface AuthParts {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  readonly amzDate: string;
  readonly presigned: boolean;
  readonly expiresSec?: number;
}

export function verifySigV4(req: SignedRequest, config: SigV4Config): SigV4Result {
  const [rawPath, rawQuery = ''] = splitOnce(req.url, '?');
  const query = parseQuery(rawQuery);
  const params = new URLSearchParams(query);
  if (header(req, 'authorization') === undefined && isSigV2Presigned(params)) return verifySigV2Presigned(req, params, config);
  const parsed = parseAuth(req, query);
  if ('kind' in parsed) return { ok: false, failure: parsed };
  const secret = config.keys.get(parsed.accessKeyId);
  if (secret === undefined) return { ok: false, failure: { kind: 'unknown-key', accessKeyId: parsed.accessKeyId, service: parsed.service } };
  const isS3 = parsed.service === 's3';

  const time = checkTime(parsed, config.nowMs?.() ?? Date.now(), isS3);
  if (time) return { ok: false, failure: time };

  const claimed = header(req, 'x-amz-content-sha256');
  let payloadHash: string;
  if (claimed !== undefined) {
    payloadHash = claimed;
    if (/^[0-9a-f]{64}$/.test(claimed)) {
      const computed = sha256Hex(req.body);
      if (computed !== claimed) return { ok: false, failure: { kind: 'content-sha256-mismatch', claimed, computed } };
    }
  } else payloadHash = isS3 && parsed.presigned ? 'UNSIGNED-PAYLOAD' : sha256Hex(req.body);

  const canonicalHeaders = parsed.signedHeaders.map((h) => `${h}:${canonicalHeaderValue(req, h)}\n`).join('');
  const canonicalQuery = query.filter(([k]) => !(parsed.presigned && k === 'X-Amz-Signature'))
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`).join('&');
  const canonicalRequest = [
    req.method.toUpperCase(), canonicalUri(rawPath, isS3), canonicalQuery, canonicalHeaders, parsed.signedHeaders.join(';'), payloadHash,
  ].join('\n');
  const scope = `${parsed.date}/${parsed.region}/${parsed.service}/aws4_request`;
  const stringToSign = [ALGORITHM, parsed.amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  let key: Buffer = Buffer.from(`AWS4${secret}`);
  for (const part of [parsed.date, parsed.region, parsed.service, 'aws4_request']) key = hmac(key, part);
  const expected = hmac(key, stringToSign);
  const given = Buffer.from(parsed.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, failure: { kind: 'mismatch', service: parsed.service, canonicalRequest, stringToSign, accessKeyId: parsed.accessKeyId, signature: parsed.signature } };
  }
  return { ok: true, accessKeyId: parsed.accessKeyId, service: parsed.service };
}

function parseAuth(req: SignedRequest, query: readonly (readonly [string, string])[]): AuthParts | SigV4Failure {
  const q = new Map(query);
  const authorization = header(req, 'authorization');
  if (authorization === undefined && !q.has('X-Amz-Signature') && !q.has('X-Amz-Credential')) return { kind: 'missing' };
  let credential: string | undefined;
  let signed: string | undefined;
  let signature: string | undefined;
  let amzDate: string | undefined;
  let expiresSec: number | undefined;
  const presigned = authorization === undefined;
  if (authorization !== undefined) {
    // Anything but "AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…" lacks the parts AWS names.
    const fields = new Map<string, string>();
    if (authorization.startsWith(`${ALGORITHM} `)) {
      for (const part of authorization.slice(ALGORITHM.length + 1).split(',')) {
        const [k, v] = splitOnce(part.trim(), '=');
        if (v !== undefined) fields.set(k, v);
      }
    }
    credential = fields.get('Credential');
    signed = fields.get('SignedHeaders');
    signature = fields.get('Signature');
    amzDate = header(req, 'x-amz-date') ?? httpDateToAmz(header(req, 'date'));
    const missing = [['Credential', credential], ['Signature', signature], ['SignedHeaders', signed]].filter(([, v]) => v === undefined).map(([k]) => `Authorization header requires '${k}' parameter.`);
    if (amzDate === undefined) missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    if (missing.length) return { kind: 'malformed', detail: `${missing.join(' ')} Authorization=${authorization}` };
  } else {
    credential = q.get('X-Amz-Credential');
    signed = q.get('X-Amz-SignedHeaders');
    signature = q.get('X-Amz-Signature');
    amzDate = q.get('X-Amz-Date');
    const missing = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders'].filter((k) => !q.has(k));
    if (missing.length) return { kind: 'malformed', detail: `Query-string authentication requires the ${missing.join(', ')} parameter(s).` };
    if (q.get('X-Amz-Algorithm') !== ALGORITHM) return { kind: 'malformed', detail: `X-Amz-Algorithm only supports "${ALGORITHM}"` };
    if (q.has('X-Amz-Expires')) {
      expiresSec = Number(q.get('X-Amz-Expires'));
      if (!Number.isInteger(expiresSec) || expiresSec < 1 || expiresSec > PRESIGN_EXPIRES_SEC_MAX) {
        return { kind: 'malformed', detail: `X-Amz-Expires must be between 1 and ${PRESIGN_EXPIRES_SEC_MAX} seconds` };
      }
    }
  }
  const parts = (credential as string).split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request' || !/^\d{8}$/.test(parts[1])) {
    return { kind: 'malformed', detail: `Credential should be scoped to a valid region, and be of the form <access key>/YYYYMMDD/<region>/<service>/aws4_request. Credential=${credential as string}` };
  }
  if (!/^\d{8}T\d{6}Z$/.test(amzDate as string)) return { kind: 'malformed', detail: `X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'", got ${amzDate as string}`, service: parts[3] };
  if ((amzDate as string).slice(0, 8) !== parts[1]) {
    return { kind: 'malformed', service: parts[3], detail: `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parts[1]}' != '${(amzDate as string).slice(0, 8)}', from '${amzDate as string}'.` };
  }
  return {
    accessKeyId: parts[0], date: parts[1], region: parts[2], service: parts[3],
    signedHeaders: (signed as string).split(';').map((h) => h.trim().toLowerCase()).filter(Boolean),
    signature: signature as string, amzDate: amzDate as string, presigned, expiresSec,
  };
}

function checkTime(p: AuthParts, nowMs: number, isS3: boolean): SigV4Failure | undefined {
  const requestMs = amzToMs(p.amzDate);
  const serverTime = msToAmz(nowMs);
  if (p.presigned && p.expiresSec !== undefined) {
    if (nowMs > requestMs + p.expiresSec * 1000) return { kind: 'expired-presign', service: p.service, requestTime: p.amzDate, expiresSec: p.expiresSec, serverTime };
    // A presigned URL may be used long after signing, but not before it was signed (beyond the skew).
    if (requestMs - nowMs <= (isS3 ? SKEW_MS_S3 : SKEW_MS_DEFAULT)) return undefined;
  }
  const skewMs = isS3 ? SKEW_MS_S3 : SKEW_MS_DEFAULT;
  if (Math.abs(nowMs - requestMs) > skewMs) return { kind: 'skewed', service: p.service, requestTime: p.amzDate, serverTime, future: requestMs > nowMs, skewMs };
  return undefined;
}

/** S3 signs the path as sent; other services normalise it and encode each segment once more. */
function canonicalUri(rawPath: string, isS3: boolean): string {
  const path = rawPath === '' ? '/' : rawPath;
  if (isS3) return path;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  const normalised = out.join('/').replace(/\/+/g, '/') || '/';
  return normalised.split('/').map(rfc3986).join('/');
}

function canonicalHeaderValue(req: SignedRequest, name: string): string {
  const values = req.headers.get(name) ?? (name === 'host' ? req.headers.get(':authority') : undefined) ?? [];
  return values.map((v) => v.trim().replace(/\s+/g, ' ')).join(',');
}

function header(req: SignedRequest, name: string): string | undefined {
  const v = req.headers.get(name);
  return v === undefined ? undefined : v.join(',');
}

function parseQuery(raw: string): [string, string][] {
  if (raw === '') return [];
  return raw.split('&').filter(Boolean).map((pair) => {
    const [k, v = ''] = splitOnce(pair, '=');
    return [safeDecode(k), safeDecode(v)];
  });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, '%20'));
  } catch {
    return s;
  }
}

export function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function splitOnce(s: string, sep: string): [string, string?] {
  const i = s.indexOf(sep);
  return i < 0 ? [s] : [s.slice(0, i), s.slice(i + sep.length)];
}

const sha256Hex = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();

export function amzToMs(amz: string): number {
  return Date.UTC(+amz.slice(0, 4), +amz.slice(4, 6) - 1, +amz.slice(6, 8), +amz.slice(9, 11), +amz.slice(11, 13), +amz.slice(13, 15));
}

export function msToAmz(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function httpDateToAmz(date: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  const ms = Date.parse(date);
  return Number.isFinite(ms) ? msToAmz(ms) : undefined;
}
