/**
 * How AWS answers a request whose signature does not verify, per protocol:
 * - JSON 1.1 / CBOR (Kinesis, Firehose, SQS JSON) and REST-JSON (Video Streams):
 *   MissingAuthenticationTokenException, IncompleteSignatureException, UnrecognizedClientException,
 *   InvalidSignatureException (wrong signature, or "Signature expired: … - 5 min."), HTTP 400.
 * - S3 REST XML: AccessDenied (anonymous, or an expired presigned URL), AuthorizationHeaderMalformed /
 *   AuthorizationQueryParametersError, InvalidAccessKeyId, SignatureDoesNotMatch, XAmzContentSHA256Mismatch,
 *   RequestTimeTooSkewed — https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
 * Common errors of the JSON services: https://docs.aws.amazon.com/kinesis/latest/APIReference/CommonErrors.html
 */
import { errorResponse as wireError, jsonCodec } from '../../engine/api/wire/wire-dispatch';
import type { BodyCodec } from '../../engine/api/wire/wire-types';
import { errorResponse as s3Error } from './s3-xml';
import { amzToMs, type SigV4Failure } from './sigv4';

export type AuthProtocol = { readonly kind: 'wire'; readonly codec: BodyCodec } | { readonly kind: 's3' } | { readonly kind: 'rest-json' };

export interface AuthErrorResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array | string;
}

const MISMATCH_JSON = 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

function jsonError(failure: SigV4Failure): { name: string; message: string } {
  switch (failure.kind) {
    case 'missing':
      return { name: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' };
    case 'malformed':
      return { name: 'IncompleteSignatureException', message: failure.detail };
    case 'unknown-key':
      return { name: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' };
    case 'mismatch':
      return {
        name: 'InvalidSignatureException',
        message: `${MISMATCH_JSON}\n\nThe Canonical String for this request should have been\n'${failure.canonicalRequest}'\n\nThe String-to-Sign should have been\n'${failure.stringToSign}'\n`,
      };
    case 'content-sha256-mismatch':
      return { name: 'InvalidSignatureException', message: MISMATCH_JSON };
    case 'skewed': {
      const minutes = failure.skewMs / 60_000;
      const now = amzToMs(failure.serverTime);
      return failure.future
        ? { name: 'InvalidSignatureException', message: `Signature not yet current: ${failure.requestTime} is still later than ${amz(now + failure.skewMs)} (${failure.serverTime} + ${minutes} min.)` }
        : { name: 'InvalidSignatureException', message: `Signature expired: ${failure.requestTime} is now earlier than ${amz(now - failure.skewMs)} (${failure.serverTime} - ${minutes} min.)` };
    }
    case 'expired-presign':
      return { name: 'InvalidSignatureException', message: `Signature expired: ${failure.requestTime} is now earlier than ${amz(amzToMs(failure.serverTime) - failure.expiresSec * 1000)} (${failure.serverTime} - ${failure.expiresSec} sec.)` };
  }
}

function s3ErrorFor(failure: SigV4Failure, method: string): AuthErrorResponse {
  const id = `SANDBOXAUTH${Math.floor(Math.random() * 0xffffff).toString(16).toUpperCase()}`;
  const answer = (status: number, code: string, message: string, extra: Record<string, string> = {}) => {
    const r = s3Error(method, status, code, message, id, extra);
    return { status: r.status, headers: { ...(r.headers ?? {}) }, body: r.body ?? '' };
  };
  switch (failure.kind) {
    case 'missing':
      return answer(403, 'AccessDenied', 'Access Denied');
    case 'malformed':
      return answer(400, 'AuthorizationHeaderMalformed', `The authorization header is malformed; ${failure.detail}`);
    case 'unknown-key':
      return answer(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', { AWSAccessKeyId: failure.accessKeyId });
    case 'mismatch':
      return answer(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.', {
        AWSAccessKeyId: failure.accessKeyId, StringToSign: failure.stringToSign, SignatureProvided: failure.signature, CanonicalRequest: failure.canonicalRequest,
      });
    case 'content-sha256-mismatch':
      return answer(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", {
        ClientComputedContentSHA256: failure.claimed, S3ComputedContentSHA256: failure.computed,
      });
    case 'skewed':
      return answer(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', {
        RequestTime: failure.requestTime, ServerTime: iso(failure.serverTime), MaxAllowedSkewMilliseconds: String(failure.skewMs),
      });
    case 'expired-presign':
      return answer(403, 'AccessDenied', 'Request has expired', {
        'X-Amz-Expires': String(failure.expiresSec), Expires: iso(amz(amzToMs(failure.requestTime) + failure.expiresSec * 1000)), ServerTime: iso(failure.serverTime),
      });
  }
}

export function authErrorResponse(failure: SigV4Failure, protocol: AuthProtocol, method: string): AuthErrorResponse {
  if (protocol.kind === 's3') return s3ErrorFor(failure, method);
  const { name, message } = jsonError(failure);
  if (protocol.kind === 'rest-json') {
    return { status: 400, headers: { 'content-type': 'application/json', 'x-amzn-errortype': name }, body: JSON.stringify({ message }) };
  }
  const wire = wireError(protocol.codec, undefined, name, message, 400);
  return { status: wire.status, headers: { ...wire.headers }, body: wire.body };
}

/** The JSON codec for requests whose body type is not known (e.g. no Content-Type). */
export const defaultWireCodec = jsonCodec;

function amz(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function iso(amzTime: string): string {
  return new Date(amzToMs(amzTime)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
