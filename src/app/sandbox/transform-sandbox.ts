/**
 * Runs user transformation code in the browser, isolated from the console: one sandboxed iframe
 * (opaque origin, see sandbox-document.ts) per function, which owns a dedicated Worker. The page
 * keeps the time limit itself: when an invocation overruns (an infinite loop, a hung promise) it
 * answers Timeout and removes the iframe — ending its Worker — so the next invocation gets a fresh
 * one. Invocations of one function run one at a time, so a runaway call cannot starve the others'
 * time limits; different functions run in parallel in their own sandboxes.
 */
import type { TransformOutcome, TransformRequest } from '../../engine/firehose/transform-invoker';
import { sandboxDocument } from './sandbox-document';

type Reply = { kind: 'result'; invocationId: string; response: unknown; durationMs: number }
  | { kind: 'error'; invocationId: string; errorType: 'FunctionError' | 'InvalidFunction'; message: string; durationMs: number };

/** Time allowed for a fresh iframe to start its Worker before the call counts as failed. */
const START_LIMIT_MS = 5000;

let counter = 0;

export class TransformSandbox {
  private frame: HTMLIFrameElement | undefined;
  private port: MessagePort | undefined;
  private ready: Promise<boolean> | undefined;
  private loadedSource: string | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly pending = new Map<string, (reply: Reply) => void>();
  /** How many times a runaway invocation made the sandbox restart (shown in the UI). */
  restarts = 0;

  constructor(readonly functionId: string) {}

  invoke(source: string, request: TransformRequest, timeLimitMs: number): Promise<TransformOutcome> {
    const run = this.queue.then(() => this.run(source, request, timeLimitMs));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Removes the iframe (and so its Worker); the next invocation starts a fresh one. */
  dispose(): void {
    this.frame?.remove();
    this.port?.close();
    this.frame = undefined;
    this.port = undefined;
    this.ready = undefined;
    this.loadedSource = undefined;
    for (const resolve of this.pending.values()) resolve({ kind: 'error', invocationId: '', errorType: 'FunctionError', message: 'the sandbox was stopped', durationMs: 0 });
    this.pending.clear();
  }

  private async run(source: string, request: TransformRequest, timeLimitMs: number): Promise<TransformOutcome> {
    const started = performance.now();
    if (!(await this.start())) {
      this.dispose();
      return { kind: 'error', errorType: 'InvalidFunction', message: 'the transform sandbox did not start', durationMs: 0 };
    }
    const port = this.port!;
    if (this.loadedSource !== source) {
      port.postMessage({ kind: 'load', functionId: this.functionId, source });
      this.loadedSource = source;
    }
    const invocationId = `inv-${++counter}`;
    const answer = new Promise<Reply>((resolve) => this.pending.set(invocationId, resolve));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const overrun = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), timeLimitMs); });
    port.postMessage({ kind: 'invoke', invocationId, functionId: this.functionId, request, timeLimitMs });
    const reply = await Promise.race([answer, overrun]);
    clearTimeout(timer);
    this.pending.delete(invocationId);
    if (reply === 'timeout') {
      this.restarts++;
      this.dispose();
      return { kind: 'error', errorType: 'Timeout', message: `Task timed out after ${(timeLimitMs / 1000).toFixed(2)} seconds`, durationMs: Math.round(performance.now() - started) };
    }
    return reply.kind === 'result'
      ? { kind: 'result', response: reply.response, durationMs: reply.durationMs }
      : { kind: 'error', errorType: reply.errorType, message: reply.message, durationMs: reply.durationMs };
  }

  private start(): Promise<boolean> {
    if (this.ready) return this.ready;
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('aria-hidden', 'true');
    frame.title = `transform sandbox ${this.functionId}`;
    frame.dataset.transformSandbox = this.functionId;
    frame.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
    frame.srcdoc = sandboxDocument();
    const channel = new MessageChannel();
    // User code shares the Worker with the relay, so a message may be anything: accept only replies to pending calls.
    channel.port1.onmessage = (e: MessageEvent<unknown>) => {
      const reply = e.data as Reply | null;
      if (reply && typeof reply === 'object' && typeof reply.invocationId === 'string' && (reply.kind === 'result' || reply.kind === 'error')) {
        this.pending.get(reply.invocationId)?.(reply);
      }
    };
    this.frame = frame;
    this.port = channel.port1;
    this.ready = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => { window.removeEventListener('message', onReady); resolve(false); }, START_LIMIT_MS);
      const onReady = (e: MessageEvent) => {
        if (e.source !== frame.contentWindow || (e.data as { kind?: string } | null)?.kind !== 'sandbox-ready') return;
        window.removeEventListener('message', onReady);
        clearTimeout(timer);
        // The iframe's origin is opaque ("null"), so '*' is the only target origin that reaches it.
        frame.contentWindow?.postMessage({ kind: 'connect' }, '*', [channel.port2]);
        resolve(true);
      };
      window.addEventListener('message', onReady);
    });
    document.body.appendChild(frame);
    return this.ready;
  }
}

const sandboxes = new Map<string, TransformSandbox>();

/** The sandbox of one function (one per delivery stream, one more for the page's test runs). */
export function sandboxFor(functionId: string): TransformSandbox {
  let s = sandboxes.get(functionId);
  if (!s) sandboxes.set(functionId, (s = new TransformSandbox(functionId)));
  return s;
}
