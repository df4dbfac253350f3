import { describe, expect, it } from 'vitest';
import { runSplitCalls, type SplitPorts } from './apply-splits';

// The Apply button's sequence for a targeted layout: wait for the base stream, then each SplitShard in the
// plan's order with its exact hash key, each after the stream is ACTIVE again with one more open shard.

const calls = [
  { shardToSplit: 'shardId-000000000003', newStartingHashKey: '313652927440707531620352662432382167235' },
  { shardToSplit: 'shardId-000000000005', newStartingHashKey: '313652927440707531620352662432382167237' },
];

function fakePorts(failAt?: number): { ports: SplitPorts; log: string[] } {
  const log: string[] = [];
  let n = 0;
  return {
    log,
    ports: {
      split: async (c) => {
        n++;
        log.push(`split ${c.shardToSplit} at ${c.newStartingHashKey}`);
        return n === failAt
          ? { ok: false, error: { name: 'InvalidArgumentException', message: 'NewStartingHashKey is not within the shard', httpStatus: 400, retryable: false } }
          : { ok: true, value: {} };
      },
      waitActive: async (open) => {
        log.push(`wait ACTIVE with ${open} open`);
      },
    },
  };
}

describe('applying targeted splits', () => {
  it('runs the plan’s SplitShard calls in order, each after the stream is ACTIVE with one more open shard', async () => {
    const { ports, log } = fakePorts();
    const steps: number[] = [];
    const outcome = await runSplitCalls(calls, 4, ports, (d) => steps.push(d));
    expect(outcome).toEqual({ ok: true });
    expect(steps).toEqual([1, 2]);
    expect(log).toEqual([
      'wait ACTIVE with 4 open',
      `split shardId-000000000003 at ${calls[0].newStartingHashKey}`,
      'wait ACTIVE with 5 open',
      `split shardId-000000000005 at ${calls[1].newStartingHashKey}`,
      'wait ACTIVE with 6 open',
    ]);
  });

  it('stops at the first refused call and names it with the AWS error', async () => {
    const { ports, log } = fakePorts(2);
    const outcome = await runSplitCalls(calls, 4, ports, () => {});
    expect(outcome).toEqual({ ok: false, index: 2, error: 'InvalidArgumentException: NewStartingHashKey is not within the shard' });
    expect(log.filter((l) => l.startsWith('split'))).toHaveLength(2);
  });
});
