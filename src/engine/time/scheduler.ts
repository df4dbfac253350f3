/**
 * The virtual clock and its event scheduler. Engine code reads `clock.nowMs` and schedules
 * with `at`/`after`/`every`; nothing in the engine looks at wall time. Events that fall on the
 * same millisecond run in the order they were scheduled, which keeps runs deterministic.
 */

export type EventHandler = (nowMs: number) => void;

export interface ScheduledEvent {
  readonly atMs: number;
  readonly seq: number;
  readonly handler: EventHandler;
  cancelled: boolean;
}

export interface Cancellable {
  cancel(): void;
}

/** Binary min-heap ordered by (atMs, seq). */
class EventHeap {
  private items: ScheduledEvent[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): ScheduledEvent | undefined {
    return this.items[0];
  }

  push(ev: ScheduledEvent): void {
    const items = this.items;
    items.push(ev);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): ScheduledEvent | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && before(items[l], items[m])) m = l;
        if (r < items.length && before(items[r], items[m])) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m], items[i]];
        i = m;
      }
    }
    return top;
  }

  clear(): void {
    this.items = [];
  }
}

function before(a: ScheduledEvent, b: ScheduledEvent): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq);
}

export class Scheduler {
  private heap = new EventHeap();
  private seq = 0;
  private now: number;

  constructor(startMs = 0) {
    this.now = startMs;
  }

  /** Current virtual time in epoch milliseconds. */
  get nowMs(): number {
    return this.now;
  }

  get pendingCount(): number {
    return this.heap.size;
  }

  /** Runs `handler` at virtual time `atMs` (or now, if `atMs` is in the past). */
  at(atMs: number, handler: EventHandler): Cancellable {
    const ev: ScheduledEvent = { atMs: Math.max(atMs, this.now), seq: this.seq++, handler, cancelled: false };
    this.heap.push(ev);
    return { cancel: () => { ev.cancelled = true; } };
  }

  after(delayMs: number, handler: EventHandler): Cancellable {
    return this.at(this.now + delayMs, handler);
  }

  /** Runs `handler` every `periodMs`, first at `firstAtMs` (default: one period from now). */
  every(periodMs: number, handler: EventHandler, firstAtMs = this.now + periodMs): Cancellable {
    if (!(periodMs > 0)) throw new RangeError(`period must be positive, got ${periodMs}`);
    let current: Cancellable | undefined;
    let stopped = false;
    const fire = (t: number) => {
      if (stopped) return;
      handler(t);
      if (!stopped) current = this.at(t + periodMs, fire);
    };
    current = this.at(firstAtMs, fire);
    return { cancel: () => { stopped = true; current?.cancel(); } };
  }

  /** The time of the next pending event, or undefined when none is pending. */
  nextEventMs(): number | undefined {
    this.dropCancelled();
    return this.heap.peek()?.atMs;
  }

  /**
   * Runs every event due at or before `untilMs`, then sets the clock to `untilMs`.
   * Returns the number of events run.
   */
  runUntil(untilMs: number): number {
    let count = 0;
    for (;;) {
      const top = this.heap.peek();
      if (!top || top.atMs > untilMs) break;
      this.heap.pop();
      if (top.cancelled) continue;
      this.now = top.atMs;
      top.handler(this.now);
      count++;
    }
    if (untilMs > this.now) this.now = untilMs;
    return count;
  }

  /** Drops every pending event and moves the clock (used by reset). */
  reset(startMs: number): void {
    this.heap.clear();
    this.now = startMs;
  }

  private dropCancelled(): void {
    while (this.heap.peek()?.cancelled) this.heap.pop();
  }
}
