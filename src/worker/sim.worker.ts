/// <reference lib="webworker" />
/**
 * The simulation worker: a thin Comlink facade over SimulatorHost. Nothing here simulates.
 */
import * as Comlink from 'comlink';
import type { ClockCommand, FrameListener, LoadResult } from './protocol';
import { SimulatorHost } from './simulator-host';
import { createRuntime, type WorldSnapshot } from './runtime';

// setTimeout(0) is clamped to 4 ms after a few nestings; a MessageChannel hop is not.
const channel = new MessageChannel();
const immediate: Array<() => void> = [];
channel.port1.onmessage = () => immediate.shift()?.();

const host = new SimulatorHost<WorldSnapshot>(createRuntime, {
  wallNowMs: () => performance.now(),
  later: (fn, ms) => {
    if (ms <= 0) {
      immediate.push(fn);
      channel.port2.postMessage(0);
    } else {
      setTimeout(fn, ms);
    }
  },
});

export interface SimulatorApi {
  load(doc: unknown): Promise<LoadResult>;
  clock(cmd: ClockCommand): Promise<void>;
  onFrame(listener: FrameListener<WorldSnapshot>): Promise<void>;
}

const api: SimulatorApi = {
  async load(doc) {
    return host.load(doc);
  },
  async clock(cmd) {
    host.clock(cmd);
  },
  async onFrame(listener) {
    host.onFrame((frame) => listener(frame));
  },
};

Comlink.expose(api);
