/**
 * TOP_K_ITEMS_TUMBLING and COUNT_DISTINCT_ITEMS_TUMBLING: ROWTIME-aligned tumbling windows (like
 * STEP) over one column of the cursor, emitted when the window closes with ROWTIME = window end.
 * Counts are exact (the service documents approximate sketches; exact answers are within them).
 */
import type { Row, Value } from '../types';
import { BaseOperator } from './operator';

abstract class TumblingItems extends BaseOperator {
  protected counts = new Map<Value, number>();
  private windowStart = NaN;

  constructor(protected readonly valueIndex: number, private readonly windowMs: number) {
    super();
  }

  process(row: Row): void {
    const t = row[0] as number;
    const start = Math.floor(t / this.windowMs) * this.windowMs;
    if (start !== this.windowStart) {
      this.close();
      this.windowStart = start;
    }
    const v = row[this.valueIndex];
    if (v === null) return;
    this.counts.set(v, (this.counts.get(v) ?? 0) + 1);
  }

  override onWatermark(ms: number): void {
    if (!Number.isNaN(this.windowStart) && this.windowStart + this.windowMs <= ms) this.close();
  }

  override flush(): void {
    this.close();
  }

  private close(): void {
    if (Number.isNaN(this.windowStart)) return;
    const end = this.windowStart + this.windowMs;
    const counts = this.counts;
    this.counts = new Map();
    this.windowStart = NaN;
    if (counts.size > 0) this.report(end, counts);
  }

  protected abstract report(endMs: number, counts: Map<Value, number>): void;
}

export class TopKItemsOperator extends TumblingItems {
  constructor(valueIndex: number, windowMs: number, private readonly k: number) {
    super(valueIndex, windowMs);
  }
  protected report(endMs: number, counts: Map<Value, number>): void {
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, this.k);
    for (const [value, count] of ranked) this.emit([endMs, value, count]);
  }
}

export class CountDistinctItemsOperator extends TumblingItems {
  protected report(endMs: number, counts: Map<Value, number>): void {
    this.emit([endMs, counts.size]);
  }
}
