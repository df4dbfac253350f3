/**
 * Tumbling GROUP BY (KDA `STEP`/`FLOOR` on ROWTIME, Flink window TVF `window_end`, or no time key
 * at all). Groups of a window are emitted together, in first-seen order, once the watermark (the
 * ROWTIME of a later row, or an explicit bound) reaches the window end; output ROWTIME = window end.
 * Output rows: [ROWTIME, ...group keys, ...aggregate results].
 */
import type { AggregateKind, Accumulator } from '../aggregates';
import type { Evaluator } from '../compile-expr';
import type { EvalContext } from '../functions';
import type { Row, Value } from '../types';
import { SqlRuntimeError } from '../values';
import { encodeKey } from './keys';
import type { ErrorSink } from './operator';
import { BaseOperator } from './operator';

export interface AggregateSlot {
  readonly kind: AggregateKind;
  /** Argument evaluator; null for COUNT(*). */
  readonly arg: Evaluator | null;
}

export interface TimeKey {
  /** Position of the key among the GROUP BY keys. */
  readonly keyIndex: number;
  /** Window end for a key value; NaN when the expression's windows have no known end. */
  readonly endOf: (value: number) => number;
}

export interface TumblingConfig {
  readonly keys: readonly Evaluator[];
  readonly timeKeys: readonly TimeKey[];
  readonly aggs: readonly AggregateSlot[];
  readonly rowtimeIndex: number;
  /** Flink: rows whose window already closed are late and dropped. */
  readonly dropLate: boolean;
  readonly errors: ErrorSink;
  readonly ctx: EvalContext;
}

interface Group {
  readonly keys: Value[];
  readonly accs: Accumulator[];
}
interface Window {
  readonly end: number;
  readonly groups: Map<unknown, Group>;
}

export class TumblingWindowOperator extends BaseOperator {
  private readonly windows = new Map<unknown, Window>();
  private readonly otherKeyIdx: number[];
  private watermarkMs = -Infinity;
  private lastRowtimeMs = -Infinity;
  lateRowsDropped = 0;

  constructor(private readonly cfg: TumblingConfig) {
    super();
    const timeIdx = new Set(cfg.timeKeys.map((t) => t.keyIndex));
    this.otherKeyIdx = cfg.keys.map((_, i) => i).filter((i) => !timeIdx.has(i));
  }

  process(row: Row): void {
    const cfg = this.cfg;
    const rowtime = row[cfg.rowtimeIndex] as number;
    this.lastRowtimeMs = rowtime;
    const keys = new Array<Value>(cfg.keys.length);
    const args = new Array<Value>(cfg.aggs.length);
    try {
      cfg.ctx.nowMs = rowtime;
      for (let i = 0; i < keys.length; i++) keys[i] = cfg.keys[i](row);
      for (let i = 0; i < args.length; i++) {
        const a = cfg.aggs[i].arg;
        args[i] = a === null ? 1 : a(row);
      }
    } catch (e) {
      if (!(e instanceof SqlRuntimeError)) throw e;
      cfg.errors(e, row, rowtime);
      return;
    }
    let windowId: unknown = 0;
    let end = NaN;
    const tk = cfg.timeKeys;
    if (tk.length === 1) {
      const v = keys[tk[0].keyIndex];
      if (v === null) return;
      windowId = v;
      end = tk[0].endOf(v as number);
    } else if (tk.length > 1) {
      const vals: Value[] = [];
      for (const t of tk) {
        const v = keys[t.keyIndex];
        if (v === null) return;
        vals.push(v);
        const e = t.endOf(v as number);
        if (!(e >= end)) end = Number.isNaN(end) ? e : Math.min(end, e);
      }
      windowId = encodeKey(vals);
    }
    if (cfg.dropLate && end <= this.watermarkMs) {
      this.lateRowsDropped++;
      return;
    }
    let w = this.windows.get(windowId);
    if (!w) {
      // A monotonic key without a known end closes its window when the key changes.
      if (tk.length > 0 && Number.isNaN(end)) this.closeWhere((other) => Number.isNaN(other.end), rowtime);
      w = { end, groups: new Map() };
      this.windows.set(windowId, w);
    }
    const groupKey = this.otherKeyIdx.length === 0 ? 0 : encodeKey(this.otherKeyIdx.map((i) => keys[i]));
    let g = w.groups.get(groupKey);
    if (!g) {
      g = { keys, accs: cfg.aggs.map((a) => a.kind.create()) };
      w.groups.set(groupKey, g);
    }
    const accs = g.accs;
    for (let i = 0; i < accs.length; i++) accs[i].add(args[i], rowtime);
  }

  override onWatermark(ms: number): void {
    if (ms <= this.watermarkMs) return;
    this.watermarkMs = ms;
    this.closeWhere((w) => w.end <= ms, ms);
  }

  override flush(): void {
    this.closeWhere(() => true, Math.max(this.lastRowtimeMs, this.watermarkMs));
  }

  private closeWhere(test: (w: Window) => boolean, fallbackRowtimeMs: number): void {
    const closing: Window[] = [];
    for (const [id, w] of this.windows) {
      if (test(w)) {
        closing.push(w);
        this.windows.delete(id);
      }
    }
    if (closing.length > 1) closing.sort((a, b) => (Number.isNaN(a.end) ? 1 : Number.isNaN(b.end) ? -1 : a.end - b.end));
    for (const w of closing) {
      const rowtime = Number.isNaN(w.end) ? fallbackRowtimeMs : w.end;
      for (const g of w.groups.values()) {
        const out: Row = new Array(1 + g.keys.length + g.accs.length);
        out[0] = rowtime;
        for (let i = 0; i < g.keys.length; i++) out[1 + i] = g.keys[i];
        for (let i = 0; i < g.accs.length; i++) out[1 + g.keys.length + i] = g.accs[i].result();
        this.emit(out);
      }
    }
  }
}
