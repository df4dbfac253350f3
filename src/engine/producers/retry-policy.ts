/**
 * Retries on throttling: exponential backoff with jitter (the AWS SDK's "full jitter" by default),
 * bounded by a maximum number of attempts and a maximum record age; past either the record is
 * dropped by the producer and counted as such. Pure kernels; the producer keeps the queue.
 */
import type { Prng } from '../random/prng';

export interface RetryPolicy {
  /** Retries after the first attempt (0 = never retry). */
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A record older than this (since it was created) is dropped instead of retried. */
  readonly maxRecordAgeMs: number;
  /** 'full': uniform in [0, backoff]; 'equal': backoff/2 + uniform in [0, backoff/2]; 'none'. */
  readonly jitter: 'full' | 'equal' | 'none';
}

/** SDK-like defaults: 3 attempts in total, 100 ms base, 20 s cap; KPL's RecordTtl of 30 s as max age. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, baseDelayMs: 100, maxDelayMs: 20_000, maxRecordAgeMs: 30_000, jitter: 'full' };

/** Delay before retry number `retry` (1-based). */
export function backoffDelayMs(policy: RetryPolicy, retry: number, prng: Prng): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  switch (policy.jitter) {
    case 'none':
      return cap;
    case 'equal':
      return cap / 2 + prng.next() * (cap / 2);
    case 'full':
      return prng.next() * cap;
  }
}

export type RetryDecision = { readonly kind: 'retry'; readonly atMs: number } | { readonly kind: 'drop'; readonly reason: 'maxRetries' | 'maxAge' };

/**
 * What to do with a record whose attempt number `attempts` (1-based, just failed) was throttled
 * at `nowMs`; `createdMs` is when the producer first made it.
 */
export function decideRetry(policy: RetryPolicy, attempts: number, createdMs: number, nowMs: number, prng: Prng): RetryDecision {
  if (attempts > policy.maxRetries) return { kind: 'drop', reason: 'maxRetries' };
  const atMs = nowMs + backoffDelayMs(policy, attempts, prng);
  if (atMs - createdMs > policy.maxRecordAgeMs) return { kind: 'drop', reason: 'maxAge' };
  return { kind: 'retry', atMs };
}
