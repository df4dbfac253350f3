/**
 * Building the worker API's one answer type (`WorkerResult`, in ../protocol): successes, AWS errors as
 * data (the engine's ApiResult, e.g. from `capture`, is already one), and the console's own validation
 * failures with the field path they are about. A throw across Comlink keeps only name, message and
 * stack and always means a bug, so expected failures go through here.
 */
import type { WorkerError, WorkerResult } from '../protocol';

export type { WorkerError, WorkerResult } from '../protocol';

type Failure = { readonly ok: false; readonly error: WorkerError };

export function done<T>(value: T): WorkerResult<T> {
  return { ok: true, value };
}

/** Success of a call with nothing to answer. */
export const DONE: WorkerResult = Object.freeze({ ok: true, value: undefined });

export function failure(error: WorkerError): Failure {
  return { ok: false, error };
}

/** Asked of a world before any scenario is loaded. */
export const NO_SCENARIO: Failure = failure({ name: 'ResourceNotFoundException', message: 'No scenario is loaded.', httpStatus: 400, retryable: false });

export function notFound(message: string): Failure {
  return failure({ name: 'ResourceNotFoundException', message, httpStatus: 400, retryable: false });
}

/** The field path a problem line starts with ("producer.rate.recordsPerSec must be ≥ 0" → "producer.rate.recordsPerSec"). */
export function pathOf(problem: string): string | undefined {
  return /^([A-Za-z_$][\w$]*(?:\[\d+\]|\.[\w$]+)+):?\s/.exec(problem)?.[1];
}

/** A document or form that failed validation: every problem, the first one's field as the path. */
export function invalid(problems: readonly string[]): Failure {
  const path = pathOf(problems[0] ?? '');
  return failure({ name: 'ValidationException', message: problems.join('; '), ...(path ? { path } : {}), problems });
}
