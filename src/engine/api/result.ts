/**
 * How API outcomes cross boundaries (worker ↔ UI, engine ↔ HTTP server): as plain data.
 * Expected AWS errors are values, never throws; a throw means a bug.
 */

export interface ApiErrorShape {
  /** The AWS error type name, e.g. "ResourceNotFoundException". */
  readonly name: string;
  /** A message a person can act on: what was wrong, which limit, what to do. */
  readonly message: string;
  /** HTTP status the real service answers with (400 for most client errors, 500/503 for service faults). */
  readonly httpStatus: number;
  readonly retryable: boolean;
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiErrorShape };

/** An AWS service error; thrown inside an operation and turned into a Result at the API boundary. */
export class AwsServiceError extends Error {
  constructor(
    override readonly name: string,
    message: string,
    readonly httpStatus = 400,
    readonly retryable = false,
  ) {
    super(message);
  }

  toShape(): ApiErrorShape {
    return { name: this.name, message: this.message, httpStatus: this.httpStatus, retryable: this.retryable };
  }
}

/**
 * The value of an operation that has no output shape: the wire answers it with an empty body, not "{}"
 * (e.g. API_UpdateMaxRecordSize: "the service sends back an HTTP 200 response with an empty HTTP body").
 * Compared by identity.
 */
export const NO_OUTPUT: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: ApiErrorShape): ApiResult<T> {
  return { ok: false, error };
}

/** Runs an operation body, turning AwsServiceError throws into failed Results; other throws are bugs and propagate. */
export function capture<T>(body: () => T): ApiResult<T> {
  try {
    return ok(body());
  } catch (e) {
    if (e instanceof AwsServiceError) return fail(e.toShape());
    throw e;
  }
}

/**
 * A service's JSON API as the wire defines it: the operation name from `X-Amz-Target`
 * (without the service prefix) and the request document as parsed JSON 1.1 — blobs as base64
 * strings, timestamps as epoch seconds. The response is a JSON-ready document of the same kind.
 */
export interface JsonServiceApi {
  /** e.g. "Kinesis_20131202" or "Firehose_20150804". */
  readonly targetPrefix: string;
  handle(operation: string, body: Record<string, unknown>): ApiResult<Record<string, unknown>>;
}

export function invariant(condition: unknown, why: string): asserts condition {
  if (!condition) throw new Error(`invariant broken: ${why}`);
}
