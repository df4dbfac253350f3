/**
 * Failures from a live endpoint as data: the AWS error name (as the SDK reports it, from
 * x-amzn-ErrorType / __type), its message, and which advice applies. A browser hides a CORS refusal
 * or an unreachable host behind a bare TypeError, so both become `NetworkOrCors`.
 * Error names: https://docs.aws.amazon.com/kinesis/latest/APIReference/CommonErrors.html and each
 * operation's Errors section (e.g. https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetRecords.html).
 */

export type LiveAdvice =
  | 'credentials'      // UnrecognizedClientException, InvalidSignatureException, ExpiredToken…
  | 'permissions'      // AccessDenied(Exception)
  | 'not-found'        // ResourceNotFoundException
  | 'throttled'        // ProvisionedThroughputExceededException, LimitExceededException
  | 'in-use'           // ResourceInUseException
  | 'invalid'          // InvalidArgumentException, ValidationException
  | 'unsupported'      // UnknownOperationException (an emulator without the operation)
  | 'network'          // fetch failed: CORS refusal, host down, mixed content, CSP
  | 'other';

export interface LiveError {
  readonly name: string;
  readonly message: string;
  readonly advice: LiveAdvice;
  readonly httpStatus?: number;
}

const ADVICE: Readonly<Record<string, LiveAdvice>> = {
  UnrecognizedClientException: 'credentials',
  InvalidSignatureException: 'credentials',
  SignatureDoesNotMatch: 'credentials',
  IncompleteSignature: 'credentials',
  MissingAuthenticationToken: 'credentials',
  ExpiredToken: 'credentials',
  ExpiredTokenException: 'credentials',
  InvalidClientTokenId: 'credentials',
  RequestTimeTooSkewed: 'credentials',
  AccessDenied: 'permissions',
  AccessDeniedException: 'permissions',
  KMSAccessDeniedException: 'permissions',
  ResourceNotFoundException: 'not-found',
  ProvisionedThroughputExceededException: 'throttled',
  LimitExceededException: 'throttled',
  ThrottlingException: 'throttled',
  ResourceInUseException: 'in-use',
  InvalidArgumentException: 'invalid',
  ValidationException: 'invalid',
  UnknownOperationException: 'unsupported',
};

/** True for the errors after which a reader should wait and retry (never give up the page). */
export function isThrottle(e: LiveError): boolean {
  return e.advice === 'throttled';
}

export function toLiveError(e: unknown): LiveError {
  const err = e as { name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number }; Code?: unknown };
  const httpStatus = err?.$metadata?.httpStatusCode;
  let name = typeof err?.name === 'string' ? err.name : 'Error';
  const message = typeof err?.message === 'string' ? err.message : String(e);
  // fetch() rejects with a TypeError ("Failed to fetch", "fetch failed", "NetworkError …") when the
  // browser refuses the response (CORS), the host is unreachable, or the page's CSP blocks it.
  if (httpStatus === undefined && (name === 'TypeError' || /failed to fetch|fetch failed|networkerror|ECONNREFUSED|ENOTFOUND|socket hang up/i.test(message))) {
    name = 'NetworkOrCors';
    return { name, message, advice: 'network' };
  }
  if (name === 'Error' && typeof err?.Code === 'string') name = err.Code;
  return { name, message, advice: ADVICE[name] ?? 'other', ...(httpStatus !== undefined ? { httpStatus } : {}) };
}
