/** Loading scenarios, the clock, and frame subscription. */
import type { ClockCommand, FrameListener, LoadResult } from '../protocol';
import type { WorldSnapshot } from '../runtime';
import type { WorkerContext } from './context';

export interface ClockApi {
  load(doc: unknown): Promise<LoadResult>;
  clock(cmd: ClockCommand): Promise<void>;
  onFrame(listener: FrameListener<WorldSnapshot>): Promise<void>;
  /** The loaded scenario document, with the console's edits written back into it. */
  currentDoc(): Promise<unknown>;
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
    async onFrame(listener) {
      ctx.host.onFrame((frame) => listener(frame));
    },
  };
}
