/**
 * Stagger windows (`WINDOWED BY STAGGER (PARTITION BY … RANGE INTERVAL …)`): a window opens per
 * partition key at the ROWTIME of its first row and closes RANGE later; one output row at close
 * with ROWTIME = open + RANGE. Output rows: [ROWTIME, ...partition keys, ...aggregate results].
 */
import type { Accumulator } from '../aggregates';
import type { Evaluator } from '../compile-expr';
import type { EvalContext } from '../functions';
import type { Row, Value } from '../types';
import { SqlRuntimeError } from '../values';
import { encodeKey } from './keys';
import type { ErrorSink } from './operator';
import { BaseOperator } from './operator';
import type { AggregateSlot } from './tumbling-window';

interface OpenWindow {
  readonly closeMs: number;
  readonly keys: Value[];
  readonly accs: Accumulator[];
}

export class StaggerWindowOperator extends BaseOperator {
  /** Insertion order = opening order = closing order, since every window has the same range. */
  private readonly open = new Map<unknown, OpenWindow>();

  constructor(
    private readonly partitionBy: readonly Evaluator[],
    private readonly rangeMs: number,
    private readonly aggs: readonly AggregateSlot[],
    private readonly rowtimeIndex: number,
    private readonly errors: ErrorSink,
    private readonly ctx: EvalContext,
  ) {
    super();
  }

  process(row: Row): void {
    const rowtime = row[this.rowtimeIndex] as number;
    this.onWatermark(rowtime);
    let keys: Value[];
    const args = new Array<Value>(this.aggs.length);
    try {
      this.ctx.nowMs = rowtime;
      keys = this.partitionBy.map((k) => k(row));
      for (let i = 0; i < args.length; i++) {
        const a = this.aggs[i].arg;
        args[i] = a === null ? 1 : a(row);
      }
    } catch (e) {
      if (!(e instanceof SqlRuntimeError)) throw e;
      this.errors(e, row, rowtime);
      return;
    }
    const key = encodeKey(keys);
    let w = this.open.get(key);
    if (!w) {
      w = { closeMs: rowtime + this.rangeMs, keys, accs: this.aggs.map((a) => a.kind.create()) };
      this.open.set(key, w);
    }
    for (let i = 0; i < args.length; i++) w.accs[i].add(args[i], rowtime);
  }

  override onWatermark(ms: number): void {
    for (const [key, w] of this.open) {
      if (w.closeMs > ms) break;
      this.open.delete(key);
      this.emitWindow(w);
    }
  }

  override flush(): void {
    for (const w of this.open.values()) this.emitWindow(w);
    this.open.clear();
  }

  private emitWindow(w: OpenWindow): void {
    this.emit([w.closeMs, ...w.keys, ...w.accs.map((a) => a.result())]);
  }
}
