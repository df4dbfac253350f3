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
  /** Last row time + gap. */
  endMs: number;
  rows: Row[];
}

/** Session windows: a row opens [t, t + gap); overlapping sessions of a key merge; late rows are dropped. */
export class SessionWindowOperator extends BaseOperator {
  private readonly sessions = new Map<unknown, Session[]>();
  private watermarkMs = -Infinity;
  lateRowsDropped = 0;

  constructor(private readonly partitionBy: readonly Evaluator[], private readonly timeIndex: number, private readonly gapMs: number) {
    super();
  }

  process(row: Row): void {
    const t = row[this.timeIndex];
    if (typeof t !== 'number') return;
    if (t + this.gapMs <= this.watermarkMs) {
      this.lateRowsDropped++;
      return;
    }
    const key = this.partitionBy.length ? encodeKey(evalAll(this.partitionBy, row)) : 0;
    const list = this.sessions.get(key) ?? [];
    const merged: Session = { startMs: t, endMs: t + this.gapMs, rows: [row] };
    const keep: Session[] = [];
    for (const s of list) {
      if (s.startMs < merged.endMs && t < s.endMs) {
        merged.startMs = Math.min(merged.startMs, s.startMs);
        merged.endMs = Math.max(merged.endMs, s.endMs);
        merged.rows.push(...s.rows);
      } else keep.push(s);
    }
    keep.push(merged);
    keep.sort((a, b) => a.startMs - b.startMs);
    this.sessions.set(key, keep);
  }

  override onWatermark(ms: number): void {
    this.watermarkMs = Math.max(this.watermarkMs, ms);
    this.closeWhere((s) => s.endMs <= ms);
  }

  override flush(): void {
    this.closeWhere(() => true);
  }

  private closeWhere(test: (s: Session) => boolean): void {
    const closing: Session[] = [];
    for (const [key, list] of this.sessions) {
      const open = list.filter((s) => !test(s));
      closing.push(...list.filter(test));
      if (open.length) this.sessions.set(key, open);
      else this.sessions.delete(key);
    }
    closing.sort((a, b) => a.endMs - b.endMs);
    for (const s of closing) {
      s.rows.sort((a, b) => (a[this.timeIndex] as number) - (b[this.timeIndex] as number));
      for (const row of s.rows) this.emit([...row, s.startMs, s.endMs, s.endMs - 1]);
    }
  }
}
