/**
 * Flink window table-valued functions. TUMBLE, HOP and CUMULATE assign each row to its windows
 * and append window_start, window_end, window_time (= end − 1 ms); SESSION buffers rows per
 * partition until the gap passes the watermark. The downstream GROUP BY window_start, window_end
 * closes windows when the watermark reaches window_end.
 */
import type { Evaluator } from '../compile-expr';
import type { Row } from '../types';
import { encodeKey, evalAll } from './keys';
import { BaseOperator } from './operator';

export type WindowAssigner =
  | { readonly kind: 'TUMBLE'; readonly sizeMs: number; readonly offsetMs: number }
  | { readonly kind: 'HOP'; readonly slideMs: number; readonly sizeMs: number }
  | { readonly kind: 'CUMULATE'; readonly stepMs: number; readonly maxMs: number };

export class WindowAssignOperator extends BaseOperator {
  constructor(private readonly assigner: WindowAssigner, private readonly timeIndex: number) {
    super();
  }

  process(row: Row): void {
    const t = row[this.timeIndex];
    if (typeof t !== 'number') return;
    const a = this.assigner;
    if (a.kind === 'TUMBLE') {
      const start = Math.floor((t - a.offsetMs) / a.sizeMs) * a.sizeMs + a.offsetMs;
      this.out(row, start, start + a.sizeMs);
    } else if (a.kind === 'HOP') {
      const last = Math.floor(t / a.slideMs) * a.slideMs;
      const starts: number[] = [];
      for (let s = last; s > t - a.sizeMs; s -= a.slideMs) starts.push(s);
      for (let i = starts.length - 1; i >= 0; i--) this.out(row, starts[i], starts[i] + a.sizeMs);
    } else {
      const start = Math.floor(t / a.maxMs) * a.maxMs;
      for (let end = start + a.stepMs; end <= start + a.maxMs; end += a.stepMs) if (end > t) this.out(row, start, end);
    }
  }

  private out(row: Row, start: number, end: number): void {
    this.emit([...row, start, end, end - 1]);
  }
}

interface Session {
  startMs: number;
  lastMs: number;
  rows: Row[];
}

export class SessionWindowOperator extends BaseOperator {
  private readonly sessions = new Map<unknown, Session>();

  constructor(private readonly partitionBy: readonly Evaluator[], private readonly timeIndex: number, private readonly gapMs: number) {
    super();
  }

  process(row: Row): void {
    const t = row[this.timeIndex];
    if (typeof t !== 'number') return;
    const key = this.partitionBy.length ? encodeKey(evalAll(this.partitionBy, row)) : 0;
    const s = this.sessions.get(key);
    if (s && t < s.lastMs + this.gapMs && t > s.startMs - this.gapMs) {
      s.startMs = Math.min(s.startMs, t);
      s.lastMs = Math.max(s.lastMs, t);
      s.rows.push(row);
      return;
    }
    if (s) this.close(key, s);
    this.sessions.set(key, { startMs: t, lastMs: t, rows: [row] });
  }

  override onWatermark(ms: number): void {
    for (const [key, s] of this.sessions) if (s.lastMs + this.gapMs <= ms) this.close(key, s);
  }

  override flush(): void {
    for (const [key, s] of this.sessions) this.close(key, s);
  }

  private close(key: unknown, s: Session): void {
    this.sessions.delete(key);
    const end = s.lastMs + this.gapMs;
    for (const row of s.rows) this.emit([...row, s.startMs, end, end - 1]);
  }
}
