/**
 * A TransformInvoker for Node: runs user transformation code (Lambda-style `handler(event, context)`)
 * in a `worker_threads` Worker inside a `vm` context, and terminates the Worker when an invocation
 * exceeds its time limit — which stops infinite loops, synchronous or not. The next invocation gets
 * a fresh Worker. Messages follow the contract documented in engine/firehose/transform-invoker.ts.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { TransformInvoker, TransformOutcome, TransformRequest } from '../engine/firehose/transform-invoker';

/** The worker's program (CommonJS, evaluated by `new Worker(…, {eval: true})`). */
const WORKER_SOURCE = String.raw`
const { parentPort } = require('node:worker_threads');
const vm = require('node:vm');
let handler;
let loadError;
parentPort.on('message', async (msg) => {
  if (msg.kind === 'load') {
    try {
      const module = { exports: {} };
      const context = vm.createContext({
        module, exports: module.exports, console: { log() {}, info() {}, warn() {}, error() {}, debug() {} },
        Buffer, TextEncoder, TextDecoder, atob, btoa, URL, structuredClone,
      });
      vm.runInContext(msg.source, context, { filename: 'transform.js', timeout: 5000 });
      handler = vm.runInContext('typeof handler === "function" ? handler : (module.exports && module.exports.handler) || exports.handler', context);
      if (typeof handler !== 'function') loadError = 'the source must define handler(event, context) or set exports.handler';
    } catch (e) {
      loadError = String(e && e.stack ? e.stack.split('\n')[0] : e);
    }
    return;
  }
  if (msg.kind !== 'invoke') return;
  const started = Date.now();
  if (loadError) {
    parentPort.postMessage({ kind: 'error', invocationId: msg.invocationId, errorType: 'InvalidFunction', message: loadError, durationMs: 0 });
    return;
  }
  try {
    const context = { awsRequestId: msg.invocationId, functionName: 'firehose-transform', getRemainingTimeInMillis: () => msg.timeLimitMs - (Date.now() - started) };
    const result = await handler(msg.request, context);
    parentPort.postMessage({ kind: 'result', invocationId: msg.invocationId, response: JSON.stringify(result === undefined ? null : result), durationMs: Date.now() - started });
  } catch (e) {
    const message = e && e.name ? e.name + ': ' + e.message : String(e);
    parentPort.postMessage({ kind: 'error', invocationId: msg.invocationId, errorType: 'FunctionError', message, durationMs: Date.now() - started });
  }
});
`;

/** Accepts `exports.handler = …`, a top-level `handler`, or ES-module `export … handler` / `export default`. */
export function normalizeSource(source: string): string {
  return source
    .replace(/^\s*export\s+default\s+/m, 'exports.handler = ')
    .replace(/^\s*export\s+(?=(async\s+)?function\s+handler|const\s+handler|let\s+handler|var\s+handler)/m, '');
}

type WorkerReply =
  | { kind: 'result'; invocationId: string; response: string; durationMs: number }
  | { kind: 'error'; invocationId: string; errorType: 'FunctionError' | 'InvalidFunction'; message: string; durationMs: number };

export interface NodeTransformInvoker extends TransformInvoker {
  /** Stops the worker (call when the stream or the server goes away). */
  close(): Promise<void>;
}

export function createNodeTransformInvoker(source: string): NodeTransformInvoker {
  const program = normalizeSource(source);
  let worker: Worker | undefined;
  let counter = 0;
  // One invocation at a time per worker keeps a runaway function from starving the others.
  let queue: Promise<unknown> = Promise.resolve();

  const ensureWorker = (): Worker => {
    if (!worker) {
      worker = new Worker(WORKER_SOURCE, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 128 } });
      worker.unref();
      worker.postMessage({ kind: 'load', source: program });
    }
    return worker;
  };

  const runOne = (request: TransformRequest, timeLimitMs: number): Promise<TransformOutcome> => new Promise((resolve) => {
    const w = ensureWorker();
    const invocationId = `${request.invocationId}#${++counter}`;
    const started = performance.now();
    const finish = (outcome: TransformOutcome) => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      resolve(outcome);
    };
    const onMessage = (reply: WorkerReply) => {
      if (reply.invocationId !== invocationId) return;
      if (reply.kind === 'result') finish({ kind: 'result', response: JSON.parse(reply.response), durationMs: reply.durationMs });
      else finish({ kind: 'error', errorType: reply.errorType, message: reply.message, durationMs: reply.durationMs });
    };
    const onError = (e: Error) => {
      worker = undefined;
      finish({ kind: 'error', errorType: 'FunctionError', message: `worker crashed: ${e.message}`, durationMs: performance.now() - started });
    };
    const timer = setTimeout(() => {
      // Terminating is the only way to stop code stuck in a loop; the next call starts a fresh worker.
      worker = undefined;
      void w.terminate();
      finish({ kind: 'error', errorType: 'Timeout', message: `Task timed out after ${(timeLimitMs / 1000).toFixed(2)} seconds`, durationMs: timeLimitMs });
    }, timeLimitMs);
    w.on('message', onMessage);
    w.on('error', onError);
    w.postMessage({ kind: 'invoke', invocationId, request, timeLimitMs });
  });

  return {
    invoke(request, timeLimitMs) {
      const next = queue.then(() => runOne(request, timeLimitMs));
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
