/**
 * Shards are booked in the memory budget (SHARD_MEMORY_BYTES each), so the closed shards a day of resharding
 * leaves shrink the room for records instead of growing the heap; records keep a quarter of the budget.
 * Closed shards keep nothing once their records are gone. Leaves out: the heap itself (the soak measures it).
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { applyUniformScaling } from './reshard';
import { KinesisService } from './service';
import { SHARD_MEMORY_BYTES } from './stream-storage';

describe('shard memory in the budget', () => {
  it('books every shard, closed ones included, and leaves records at least a quarter of the budget', () => {
    const sim = new Simulation({ seed: 'shard-memory' });
    const budget = 200_000;
    const service = new KinesisService(sim, { transitionDelayMs: 0, memoryBudgetBytes: budget });
    const stream = service.createStream('s', 'PROVISIONED', 4);
    expect(service.memory.budgetBytes).toBe(budget - 4 * SHARD_MEMORY_BYTES);
    applyUniformScaling(stream, 8, sim.nowMs);
    expect(stream.shards.length).toBe(12);
    expect(service.memory.budgetBytes).toBe(budget - 12 * SHARD_MEMORY_BYTES);
    for (let i = 0; i < 10; i++) applyUniformScaling(stream, i % 2 ? 8 : 16, sim.nowMs);
    expect(stream.shards.length * SHARD_MEMORY_BYTES).toBeGreaterThan(budget * 0.75);
    expect(service.memory.budgetBytes).toBe(budget / 4);
    // Deleting the stream gives the shards' share back.
    stream.release();
    expect(service.memory.budgetBytes).toBe(budget);
  });

  it('keeps the books when closed shards crowd records out: accepted = retained + evicted, usage within the record budget', () => {
    const sim = new Simulation({ seed: 'shard-memory-evict' });
    const service = new KinesisService(sim, { transitionDelayMs: 0, memoryBudgetBytes: 400_000 });
    const stream = service.createStream('s', 'PROVISIONED', 2);
    const payload = new Uint8Array(100);
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 600; i++) {
        stream.putRecord(`k${round}-${i}`, payload);
        sim.advanceBy(5);
      }
      applyUniformScaling(stream, round % 2 ? 2 : 4, sim.nowMs);
      expect(service.memory.usedBytes).toBeLessThanOrEqual(service.memory.budgetBytes);
    }
    let accepted = 0;
    let retained = 0;
    let evicted = 0;
    for (const shard of stream.shards) {
      accepted += shard.counters.incomingRecords;
      retained += shard.log.retainedRecords;
      evicted += shard.counters.evictedRecords;
    }
    expect(evicted).toBeGreaterThan(0);
    expect(retained + evicted).toBe(accepted);
    // A closed shard whose records were all evicted holds no storage.
    const emptyClosed = stream.shards.filter((s) => !s.isOpen && s.log.isEmpty && s.counters.incomingRecords > 0);
    expect(emptyClosed.length).toBeGreaterThan(0);
    for (const s of emptyClosed) expect((s.log as unknown as { chunks: unknown[] }).chunks).toEqual([]);
  });
});
