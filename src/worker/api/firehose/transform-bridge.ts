/**
 * The simulation worker has no DOM, so user transformation code cannot run here: the page
 * registers a callback (a Comlink proxy) that forwards each invocation to the browser sandbox
 * (src/app/sandbox). This module holds that callback and wraps it as the engine's
 * TransformInvoker. Without a registered page every invocation fails as InvalidFunction.
 */
import type { TransformInvoker, TransformOutcome, TransformRequest } from '../../../engine/firehose/transform-invoker';

export interface TransformCall {
  /** Stable per delivery stream; the sandbox reloads the function when `source` changes. */
  readonly functionId: string;
  readonly source: string;
  readonly request: TransformRequest;
  /** Wall-clock limit in the sandbox. */
  readonly timeLimitMs: number;
}

export type MainThreadTransform = (call: TransformCall) => Promise<TransformOutcome>;

let mainThread: MainThreadTransform | null = null;

export function setMainThreadTransform(fn: MainThreadTransform | null): void {
  mainThread = fn;
}

export function hasMainThreadTransform(): boolean {
  return mainThread !== null;
}

/** Extra wall time allowed for the postMessage hops before the worker gives up on an answer. */
const RELAY_GRACE_MS = 5000;

export function bridgedInvoker(functionId: string, spec: () => { source: string; timeoutMs: number }): TransformInvoker {
  return {
    async invoke(request, timeLimitMs) {
      const target = mainThread;
      const { source, timeoutMs } = spec();
      if (!target) {
        return { kind: 'error', errorType: 'InvalidFunction', message: 'no browser sandbox is attached to run the transformation (open the Firehose page)', durationMs: 0 };
      }
      const limitMs = Math.min(timeLimitMs, timeoutMs);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const giveUp = new Promise<TransformOutcome>((resolve) => {
        timer = setTimeout(() => resolve({ kind: 'error', errorType: 'Timeout', message: `Task timed out after ${(limitMs / 1000).toFixed(2)} seconds (no answer from the sandbox)`, durationMs: limitMs }), limitMs + RELAY_GRACE_MS);
      });
      try {
        return await Promise.race([
          target({ functionId, source, request, timeLimitMs: limitMs }).catch((e: unknown): TransformOutcome => ({
            kind: 'error', errorType: 'FunctionError', message: `sandbox relay failed: ${e instanceof Error ? e.message : String(e)}`, durationMs: 0,
          })),
          giveUp,
        ]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
