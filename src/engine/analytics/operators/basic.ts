/**
 * Stateless operators: filter (WHERE/HAVING), project (select list → [ROWTIME, …values]) and union.
 * Expression failures send the row to the error sink and drop it.
 */
import type { Evaluator } from '../compile-expr';
import type { EvalContext } from '../functions';
import type { Row } from '../types';
import { SqlRuntimeError } from '../values';
import type { ErrorSink } from './operator';
import { BaseOperator } from './operator';

export class FilterOperator extends BaseOperator {
  constructor(private readonly predicate: Evaluator, private readonly rowtimeIndex: number, private readonly errors: ErrorSink, private readonly ctx: EvalContext) {
    super();
  }
  process(row: Row): void {
    let keep: unknown;
    try {
      this.ctx.nowMs = row[this.rowtimeIndex] as number;
      keep = this.predicate(row);
    } catch (e) {
      if (!(e instanceof SqlRuntimeError)) throw e;
      this.errors(e, row, row[this.rowtimeIndex] as number);
      return;
    }
    if (keep === true) this.emit(row);
  }
}

export class ProjectOperator extends BaseOperator {
  constructor(private readonly items: readonly Evaluator[], private readonly rowtimeIndex: number, private readonly errors: ErrorSink, private readonly ctx: EvalContext) {
    super();
  }
  process(row: Row): void {
    const items = this.items;
    const n = items.length;
    const out: Row = new Array(n + 1);
    const rowtime = row[this.rowtimeIndex];
    out[0] = rowtime;
    try {
      this.ctx.nowMs = rowtime as number;
      for (let i = 0; i < n; i++) out[i + 1] = items[i](row);
    } catch (e) {
      if (!(e instanceof SqlRuntimeError)) throw e;
      this.errors(e, row, rowtime as number);
      return;
    }
    this.emit(out);
  }
}

/** UNION ALL: rows of every input, in the order they arrive (which is ROWTIME order). */
export class UnionOperator extends BaseOperator {
  process(row: Row): void {
    this.emit(row);
  }
}

/** Entry point of a stream inside a query: fans the stream's rows into the operator chain. */
export class SourceOperator extends BaseOperator {
  process(row: Row): void {
    this.emit(row);
  }
}
