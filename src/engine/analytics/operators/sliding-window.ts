/**
 * Sliding windows (`OVER` / `WINDOW … RANGE INTERVAL … PRECEDING` / `ROWS n PRECEDING`): exactly one
 * output row per input row, emitted immediately: the input row followed by one value per windowed
 * aggregate. The frame ends at the current row; later rows (even with an equal ROWTIME) are not in it.
 */
import type { Accumulator } from '../aggregates';
import type { Evaluator } from '../compile-expr';
import type { EvalContext } from '../functions';
import type { Row, Value } from '../types';
import { SqlRuntimeError } from '../values';
import { encodeKey, evalAll } from './keys';
import type { ErrorSink } from './operator';
import { BaseOperator } from './operator';
import type { AggregateSlot } from './tumbling-window';

export interface SlidingFrame {
  readonly mode: 'RANGE' | 'ROWS';
  /** RANGE: ms before the current row; ROWS: rows before it. Infinity = UNBOUNDED PRECEDING. */
  readonly size: number;
}

export interface SlidingWindowSpec {
  readonly partitionBy: readonly Evaluator[];
  readonly frame: SlidingFrame;
  /** The time the frame is measured on (ROWTIME, or a Flink ORDER BY time attribute). */
  readonly orderTime: Evaluator;
  readonly aggs: readonly AggregateSlot[];
  /** Where each aggregate's result goes in the output row (after the input row's columns). */
  readonly outputIndices: number[];
}

interface Partition {
  readonly times: number[];
  readonly args: Value[][];
  head: number;
  readonly accs: Accumulator[];
}

class WindowState {
  private readonly partitions = new Map<unknown, Partition>();
  constructor(readonly spec: SlidingWindowSpec) {}

  /** Adds the row, evicts what fell out of the frame, writes the aggregate results into `out`. */
  apply(row: Row, out: Row): void {
    const spec = this.spec;
    const key = spec.partitionBy.length === 0 ? 0 : encodeKey(evalAll(spec.partitionBy, row));
    let p = this.partitions.get(key);
    if (!p) {
      p = { times: [], args: [], head: 0, accs: spec.aggs.map((a) => a.kind.create()) };
      this.partitions.set(key, p);
    }
    const t = spec.orderTime(row) as number;
    const args = new Array<Value>(spec.aggs.length);
    for (let i = 0; i < args.length; i++) {
      const a = spec.aggs[i].arg;
      args[i] = a === null ? 1 : a(row);
    }
    p.times.push(t);
    p.args.push(args);
    for (let i = 0; i < args.length; i++) p.accs[i].add(args[i], t);
    const { mode, size } = spec.frame;
    if (mode === 'RANGE') {
      const from = t - size;
      while (p.times[p.head] < from) this.evict(p);
    } else {
      while (p.times.length - p.head > size + 1) this.evict(p);
    }
    if (p.head > 4096 && p.head * 2 > p.times.length) {
      p.times.splice(0, p.head);
      p.args.splice(0, p.head);
      p.head = 0;
    }
    for (let i = 0; i < p.accs.length; i++) out[spec.outputIndices[i]] = p.accs[i].result();
  }

  private evict(p: Partition): void {
    const args = p.args[p.head];
    for (let i = 0; i < p.accs.length; i++) p.accs[i].remove(args[i]);
    p.head++;
  }
}

export class SlidingWindowOperator extends BaseOperator {
  private readonly states: WindowState[];

  constructor(specs: readonly SlidingWindowSpec[], private readonly inputWidth: number, private readonly rowtimeIndex: number, private readonly errors: ErrorSink, private readonly ctx: EvalContext) {
    super();
    this.states = specs.map((s) => new WindowState(s));
  }

  private get extra(): number {
    let n = 0;
    for (const s of this.states) n += s.spec.aggs.length;
    return n;
  }

  process(row: Row): void {
    const out: Row = row.slice(0, this.inputWidth);
    out.length = this.inputWidth + this.extra;
    try {
      this.ctx.nowMs = row[this.rowtimeIndex] as number;
      for (const s of this.states) s.apply(row, out);
    } catch (e) {
      if (!(e instanceof SqlRuntimeError)) throw e;
      this.errors(e, row, row[this.rowtimeIndex] as number);
      return;
    }
    this.emit(out);
  }
}
