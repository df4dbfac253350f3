/**
 * Records waiting for a retry, bucketed by the producer tick they become due in (a record answered
 * at t with a backoff of d is due in tick ⌈(t+d)/tickMs⌉), so each tick hands back what is due
 * without scanning everything that waits.
 */
import type { PendingRecord } from './record-batch';

export class RetryQueue {
  private readonly byTick = new Map<number, PendingRecord[]>();
  private count = 0;

  constructor(private readonly tickMs: number) {}

  /** Records waiting. */
  get size(): number {
    return this.count;
  }

  add(r: PendingRecord, dueMs: number): void {
    const dueTick = Math.ceil(dueMs / this.tickMs);
    let list = this.byTick.get(dueTick);
    if (!list) this.byTick.set(dueTick, (list = []));
    list.push(r);
    this.count++;
  }

  /** Hands every record due by `nowMs` to `send`, oldest bucket first. */
  takeDue(nowMs: number, send: (r: PendingRecord) => void): void {
    if (this.count === 0) return;
    const nowTick = Math.floor(nowMs / this.tickMs);
    // Buckets are visited in insertion order; a bucket is keyed by the tick it becomes due in.
    for (const [tick, list] of this.byTick) {
      if (tick > nowTick) continue;
      this.byTick.delete(tick);
      this.count -= list.length;
      for (const r of list) send(r);
    }
  }

  /** Empties the queue; returns the user records it held (counted as dropped by a stopping producer). */
  dropAll(): number {
    let users = 0;
    for (const list of this.byTick.values()) for (const r of list) users += r.userRecords;
    this.byTick.clear();
    this.count = 0;
    return users;
  }
}
