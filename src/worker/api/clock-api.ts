/** Loading scenarios, the clock, the one frame subscription, and the run report. */
import * as Comlink from 'comlink';
import type { ClockCommand, FrameListener, LoadResult } from '../protocol';
import type { WorldReport } from '../../engine/world/world';
import type { WorldSnapshot } from '../runtime';
import type { WorkerContext } from './context';

export interface ClockApi {
  load(doc: unknown): Promise<LoadResult>;
  clock(cmd: ClockCommand): Promise<void>;
  onFrame(listener: FrameListener<WorldSnapshot>): Promise<void>;
  /** The loaded scenario document, with the console's edits written back into it. */
  currentDoc(): Promise<unknown>;
  /** The world's run report so far — the same figures `npm run sim -- --json` prints — or null before a load. */
  runReport(): Promise<WorldReport | null>;
}

export function clockApi(ctx: WorkerContext): ClockApi {
  return {
    async load(doc) {
      return ctx.host.load(doc);
    },
    async clock(cmd) {
      ctx.host.clock(cmd);
    },
    async currentDoc() {
      return ctx.world()?.doc ?? null;
    },
    async runReport() {
      return ctx.world()?.world.report() ?? null;
    },
    async onFrame(listener) {
      // One frame per publish, built for this listener: its typed arrays can be transferred, not copied.
      ctx.host.onFrame((frame) => {
        const transfer = frame.world ? ctx.host.current()?.transferables?.(frame.world) : undefined;
        listener(transfer?.length ? Comlink.transfer(frame, transfer) : frame);
      });
    },
  };
}
