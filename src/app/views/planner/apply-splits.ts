/**
 * Applies a recommendation's targeted layout the way an operator would: the stream at its base shard
 * count, then each SplitShard call of the plan, in order, each waiting for the stream to be ACTIVE again
 * (a reshard keeps it UPDATING for about 30 s of simulated time, and SplitShard on an UPDATING stream is a
 * ResourceInUseException). The calls go through the console's typed control plane (`SplitShard` with the
 * plan's exact NewStartingHashKey), so the API validates them as it would any other caller's.
 * The sequencing is a pure async function over injected ports, so it is tested without a worker.
 */
import type { ControlResult } from '../../../worker/api/streams-api';
import { kinesisCall } from '../../stores/console-actions';
import { useConsole } from '../../stores/console-store';

/** What a call needs of the plan's SplitShard (the recommendation's settings carry these two fields). */
export interface SplitCall {
  readonly shardToSplit: string;
  readonly newStartingHashKey: string;
}

export interface SplitPorts {
  split(call: SplitCall): Promise<ControlResult>;
  /** Resolves once the stream is ACTIVE with `openShards` open shards. */
  waitActive(openShards: number): Promise<void>;
}

export type SplitOutcome = { readonly ok: true } | { readonly ok: false; readonly index: number; readonly error: string };

/** Runs the calls in order from a stream of `baseShards` open shards; `onStep(done)` after each. */
export async function runSplitCalls(calls: readonly SplitCall[], baseShards: number, ports: SplitPorts, onStep: (done: number) => void): Promise<SplitOutcome> {
  await ports.waitActive(baseShards);
  for (let i = 0; i < calls.length; i++) {
    const r = await ports.split(calls[i]);
    if (!r.ok) return { ok: false, index: i + 1, error: `${r.error.name}: ${r.error.message}` };
    // A split closes one shard and opens two: one more open shard per call.
    await ports.waitActive(baseShards + i + 1);
    onStep(i + 1);
  }
  return { ok: true };
}

/** The console's ports: SplitShard through the typed control plane, and the stream's status from the worker's frames. */
export function consoleSplitPorts(streamName: string): SplitPorts {
  return {
    split: (c) => kinesisCall('SplitShard', { StreamName: streamName, ShardToSplit: c.shardToSplit, NewStartingHashKey: c.newStartingHashKey }),
    waitActive: (openShards) =>
      new Promise<void>((resolve) => {
        const ready = () => {
          const s = useConsole.getState().frame?.streams.find((x) => x.name === streamName);
          return s !== undefined && s.status === 'ACTIVE' && s.openShards === openShards;
        };
        if (ready()) return resolve();
        const stop = useConsole.subscribe(() => {
          if (!ready()) return;
          stop();
          resolve();
        });
      }),
  };
}
