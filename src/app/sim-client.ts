/**
 * The one place the UI talks to the simulation worker: wraps it with Comlink and writes each
 * published frame into the stores — the clock and the Firehose/Analytics slices into the sim
 * store, the Data Streams slice into the console store — one setState each.
 */
import * as Comlink from 'comlink';
import type { SimulatorApi } from '../worker/sim.worker';
import type { ClockCommand, SnapshotFrame } from '../worker/protocol';
import type { WorldSnapshot } from '../worker/runtime';
import { useSim } from './stores/sim-store';
import { useConsole } from './stores/console-store';

let remote: Comlink.Remote<SimulatorApi> | null = null;

export function simulator(): Comlink.Remote<SimulatorApi> {
  if (!remote) {
    const worker = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
    remote = Comlink.wrap<SimulatorApi>(worker);
    void remote.onFrame(
      Comlink.proxy((frame: SnapshotFrame<WorldSnapshot>) => {
        useSim.getState().receiveFrame(frame);
        if (frame.world) useConsole.getState().receive(frame.world.streams);
      }),
    );
  }
  return remote;
}

export async function loadScenario(doc: unknown): Promise<void> {
  const result = await simulator().load(doc);
  useSim.getState().setLoadResult(result);
}

export async function sendClock(cmd: ClockCommand): Promise<void> {
  await simulator().clock(cmd);
}
