/// <reference lib="webworker" />
/**
 * The simulation worker: exposes the simulator API (simulator-api.ts) through Comlink, with the
 * worker's wall clock and timers. Nothing here simulates.
 */
import * as Comlink from 'comlink';
import { createSimulatorApi } from './simulator-api';

export type { SimulatorApi } from './simulator-api';

// setTimeout(0) is clamped to 4 ms after a few nestings; a MessageChannel hop is not.
const channel = new MessageChannel();
const immediate: Array<() => void> = [];
channel.port1.onmessage = () => immediate.shift()?.();

Comlink.expose(createSimulatorApi({
  wallNowMs: () => performance.now(),
  later: (fn, ms) => {
    if (ms <= 0) {
      immediate.push(fn);
      channel.port2.postMessage(0);
    } else {
      setTimeout(fn, ms);
    }
  },
}));
