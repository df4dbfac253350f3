/**
 * Starts one sandbox Worker per run and lends it the simulation worker's SDK door; Stop (or a new
 * run) terminates the Worker, whatever the learner's code is doing.
 */
import * as Comlink from 'comlink';
import { simulator } from '../../sim-client';
import type { SdkDoor } from './async-wire';
import type { LogLine, SandboxApi } from './playground.worker';

const door: SdkDoor = {
  sdkCall: (prefix, op, body) => simulator().sdkCall(prefix, op, body),
  sdkSubscribe: (body, sink) => simulator().sdkSubscribe(body, Comlink.proxy((signal) => void sink(signal))),
  sdkUnsubscribe: (id) => simulator().sdkUnsubscribe(id),
};

export interface Run {
  readonly done: Promise<{ ok: boolean; stopped?: boolean }>;
  stop(): void;
}

export function runInSandbox(source: string, onLog: (line: LogLine) => void): Run {
  const worker = new Worker(new URL('./playground.worker.ts', import.meta.url), { type: 'module', name: 'sdk-playground' });
  const sandbox = Comlink.wrap<SandboxApi>(worker);
  let stopped: (v: { ok: boolean; stopped: boolean }) => void = () => undefined;
  const stoppedP = new Promise<{ ok: boolean; stopped: boolean }>((resolve) => { stopped = resolve; });
  const done = Promise.race([
    sandbox.run(source, Comlink.proxy(door), Comlink.proxy(onLog)).catch((e: unknown) => {
      onLog({ level: 'error', text: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
      return { ok: false };
    }),
    stoppedP,
  ]).finally(() => worker.terminate());
  return {
    done,
    stop() {
      worker.terminate();
      stopped({ ok: false, stopped: true });
    },
  };
}
