/**
 * The contract between the engine and whoever runs a user's transformation function. The engine
 * never runs user code: it hands a Lambda-shaped request to a `TransformInvoker`, marks the batch
 * in flight, and applies the outcome when the promise resolves (on the virtual clock).
 *
 * Implementations:
 *  - `createInProcessInvoker(fn)` below: calls a JS function directly (tests, trusted code). It can
 *    time out an async function but cannot stop a synchronous infinite loop.
 *  - `src/cli/firehose-transform-node.ts`: runs source text in a `worker_threads` Worker with `vm`,
 *    and terminates the worker when the time limit passes (kills infinite loops).
 *  - the browser invoker (UI helper): a sandboxed iframe that owns a dedicated Worker. Message
 *    contract, by `kind` (structured-clone data only):
 *      host → sandbox  { kind: 'load', functionId, source }             (source defines `handler(event, context)`
 *                                                                      or assigns `exports.handler`)
 *      host → sandbox  { kind: 'invoke', invocationId, functionId, request: TransformRequest, timeLimitMs }
 *      sandbox → host  { kind: 'result', invocationId, response: unknown, durationMs }
 *      sandbox → host  { kind: 'error', invocationId, errorType: TransformErrorType, message, durationMs }
 *    On timeout the host terminates the Worker, answers `{kind:'error', errorType:'Timeout'}` and
 *    starts a fresh Worker for the next invocation. `response` is validated by the engine, not the sandbox.
 */

export interface TransformRequestRecord {
  readonly recordId: string;
  readonly approximateArrivalTimestamp: number;
  /** base64 of the record bytes. */
  readonly data: string;
  readonly kinesisRecordMetadata?: {
    readonly shardId: string;
    readonly partitionKey: string;
    readonly approximateArrivalTimestamp: number;
    readonly sequenceNumber: string;
    readonly subsequenceNumber: number;
  };
}

export interface TransformRequest {
  readonly invocationId: string;
  readonly deliveryStreamArn: string;
  readonly region: string;
  readonly records: readonly TransformRequestRecord[];
}

export type TransformResult = 'Ok' | 'Dropped' | 'ProcessingFailed';

export interface TransformResponseRecord {
  readonly recordId: string;
  readonly result: TransformResult;
  readonly data?: string;
  readonly metadata?: { readonly partitionKeys?: Readonly<Record<string, string>> };
}

export interface TransformResponse {
  readonly records: readonly TransformResponseRecord[];
}

export type TransformErrorType = 'Timeout' | 'FunctionError' | 'Throttled' | 'PayloadTooLarge' | 'InvalidFunction';

export type TransformOutcome =
  | { readonly kind: 'result'; readonly response: unknown; readonly durationMs: number }
  | { readonly kind: 'error'; readonly errorType: TransformErrorType; readonly message: string; readonly durationMs: number };

export interface TransformInvoker {
  /** Runs the function once. Must always resolve (never reject); `timeLimitMs` is the function timeout. */
  invoke(request: TransformRequest, timeLimitMs: number): Promise<TransformOutcome>;
}

export type TransformFunction = (event: TransformRequest) => unknown;

export interface InProcessInvokerOptions {
  /** Virtual duration reported per invocation (deterministic), default 50 ms. */
  readonly durationMs?: number;
}

/** Wraps a JS function as an invoker; throws become FunctionError, slow promises become Timeout. */
export function createInProcessInvoker(fn: TransformFunction, options: InProcessInvokerOptions = {}): TransformInvoker {
  const durationMs = options.durationMs ?? 50;
  return {
    async invoke(request, timeLimitMs) {
      if (durationMs > timeLimitMs) {
        return { kind: 'error', errorType: 'Timeout', message: `Task timed out after ${(timeLimitMs / 1000).toFixed(2)} seconds`, durationMs: timeLimitMs };
      }
      try {
        const response = await fn(structuredClone(request));
        return { kind: 'result', response, durationMs };
      } catch (e) {
        return { kind: 'error', errorType: 'FunctionError', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e), durationMs };
      }
    },
  };
}
