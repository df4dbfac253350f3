import { describe, expect, it } from 'vitest';
import { soakBooks } from './soak-ledger';
import { World } from '../world/world';
import { runSoakHour, startSoak } from './soak-run';
import { SOAK_BIG_STREAM, SOAK_HOT_KEY } from './soak-scenario';
import { scheduleSoak } from './soak-schedule';

// The CI variant of `npm run soak`: one virtual hour of the same world, scaled down (40 shards,
// 8,000 records/s mean) so it stays a few seconds; the books must balance after every 5 minutes.
describe('soak (1-hour CI variant)', () => {
  it('accounts for every record through crashes, a Lambda with failures, a Firehose outage and a reshard', () => {
    const run = startSoak({ hours: 1, shards: 40, meanRecordsPerSec: 8000, outageAtHour: 0 });
    expect(run.modeReason).toContain('aggregate');
    const unbalanced: string[] = [];
    let downSteps = 0;
    const hour = runSoakHour(run, 1, 5, () => {
      const books = soakBooks(run.world);
      if (run.schedule.destinationDown()) downSteps++;
      if (!books.balanced) unbalanced.push(`at ${run.world.sim.elapsedMs / 60_000} min: ${JSON.stringify(books)}`);
    });
    for (const c of hour.books.consumers) {
      expect(c.accepted).toBeGreaterThan(0);
      expect(c.processed + c.expired + c.evicted + c.inFlight).toBe(c.accepted);
    }
    for (const d of hour.books.deliveryStreams) {
      expect(d.delivered + d.failedToErrorOutput + d.buffered + d.droppedByTransform + d.expired).toBe(d.recordsIn);
      // The destination was down all hour: nothing delivered yet, everything still held for retry.
      expect(d.delivered).toBe(0);
      expect(d.buffered).toBe(d.recordsIn);
      expect(d.recordsIn).toBeGreaterThan(0);
    }
    expect(unbalanced).toEqual([]);
    expect(hour.books.balanced).toBe(true);
    // Down from 0:00 to 1:00: every step inside the hour saw the outage; it ends as the hour does.
    expect(downSteps).toBe(11);
    expect(hour.destinationDown).toBe(false);
    // The KCL worker crash at 30 min sent leases back to their checkpoints.
    expect(hour.books.consumers.find((c) => c.consumer === 'enricher')!.redelivered).toBeGreaterThan(0);
    // UpdateShardCount at 59 min went through the Kinesis API: 40 → 44 shards.
    expect(run.schedule.reshards).toEqual([{ atHour: 1, operation: 'UpdateShardCount', target: 44, ok: true }]);
    expect(hour.openShards).toBe(44);
    const lambda = run.world.parts.streams.run.consumers.find((c) => c.name === 'order-fn')!.figures();
    expect(lambda.failedInvocations).toBeGreaterThan(0);
    expect(run.world.report().analytics.applications[0].rowsEmitted).toBeGreaterThan(0);
  }, 120_000);

  it('reshards every hour: UpdateShardCount until AWS refuses the 11th call in 24 hours, then splits and merges the hot shard', () => {
    // Only the big stream, idle: the schedule is what is under test.
    const world = World.build({ version: 1, name: 'reshard schedule', seed: 'reshards', streams: [{ name: SOAK_BIG_STREAM, shards: 4 }], producers: [], consumers: [] });
    const schedule = scheduleSoak(world, { baseShards: 4, hotKey: SOAK_HOT_KEY });
    world.sim.advanceBy(14 * 3_600_000);
    const calls = (op: string) => schedule.reshards.filter((r) => r.operation === op);
    expect(calls('UpdateShardCount').filter((r) => r.ok).map((r) => r.atHour)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const refused = calls('UpdateShardCount').filter((r) => !r.ok);
    expect(refused.map((r) => r.atHour)).toEqual([11, 12, 13, 14]);
    expect(refused[0].error).toMatch(/^LimitExceededException: .*10 per rolling 24 hours/);
    // Hours 11-14: split the hot key's shard, merge its two children back, and again; every call accepted.
    expect(calls('SplitShard').map((r) => [r.atHour, r.ok, r.target])).toEqual([[11, true, 5], [13, true, 5]]);
    expect(calls('MergeShards').map((r) => [r.atHour, r.ok, r.target])).toEqual([[12, true, 4], [14, true, 4]]);
    const stream = world.parts.streams.run.service.stream(SOAK_BIG_STREAM)!;
    expect(stream.openShards()).toHaveLength(4);
  });
});
