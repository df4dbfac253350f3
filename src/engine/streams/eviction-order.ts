/**
 * Memory-budget eviction order: repeatedly the shard whose oldest retained entry is the oldest of all (ties:
 * the first stream, then the lowest shard number), `batchEntries` entries at a time, while `over()` holds.
 * One pass builds a min-heap of the non-empty shards, so a round that evicts thousands of batches costs
 * O(shards + batches · log shards) instead of a walk over every shard per batch — which a day of hourly
 * resharding (tens of thousands of closed shards) made the soak's hottest loop. Same victims, same order.
 */
import type { Shard } from './shard';
import type { Stream } from './stream';

export function evictOldestWhile(streams: Iterable<Stream>, over: () => boolean, batchEntries: number): void {
  const owners: Stream[] = [];
  const shards: Shard[] = [];
  const oldest: number[] = [];
  for (const stream of streams) {
    for (const shard of stream.shards) {
      const t = shard.log.oldestArrivalMs();
      if (t === Number.POSITIVE_INFINITY) continue;
      owners.push(stream);
      shards.push(shard);
      oldest.push(t);
    }
  }
  // heap[k] indexes the arrays above; the index doubles as the walk order, which breaks ties as the walk did.
  const heap = oldest.map((_, i) => i);
  const less = (a: number, b: number) => oldest[a] < oldest[b] || (oldest[a] === oldest[b] && a < b);
  const siftDown = (from: number) => {
    let k = from;
    for (;;) {
      const l = 2 * k + 1;
      if (l >= heap.length) return;
      const r = l + 1;
      const m = r < heap.length && less(heap[r], heap[l]) ? r : l;
      if (!less(heap[m], heap[k])) return;
      [heap[k], heap[m]] = [heap[m], heap[k]];
      k = m;
    }
  };
  for (let k = (heap.length >> 1) - 1; k >= 0; k--) siftDown(k);
  while (heap.length > 0 && over()) {
    const victim = heap[0];
    owners[victim].evictFrom(shards[victim], batchEntries);
    const next = shards[victim].log.oldestArrivalMs();
    if (next === Number.POSITIVE_INFINITY) {
      const last = heap.pop()!;
      if (heap.length === 0) return;
      heap[0] = last;
    } else {
      oldest[victim] = next;
    }
    siftDown(0);
  }
}
