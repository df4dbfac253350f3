/** Loading scenarios, the clock, and frame subscription. */
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
      ctx.host.onFrame((frame) => listener(frame));
    },
  };
}
