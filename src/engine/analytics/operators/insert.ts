/**
 * The last operator of a pump: places a query's columns at their positions in the target
 * in-application stream, casting where the declared type differs; a failed cast goes to the
 * error stream instead of the target.
 */
import type { InAppStream } from '../in-app-stream';
import type { Row, SqlType, Value } from '../types';
import { castValue, SqlRuntimeError } from '../values';
import type { ErrorSink } from './operator';
import { BaseOperator } from './operator';

export class InsertOperator extends BaseOperator {
  constructor(private readonly target: InAppStream, private readonly positions: readonly number[], private readonly converters: readonly (((v: Value) => Value) | null)[], private readonly errors: ErrorSink) {
    super();
  }
  process(row: Row): void {
    const width = this.target.columns.length;
    const out: Row = new Array(width);
    out[0] = row[0];
    if (this.positions.length !== width - 1) for (let i = 1; i < width; i++) out[i] = null;
    try {
      for (let i = 0; i < this.positions.length; i++) {
        const conv = this.converters[i];
        out[this.positions[i]] = conv ? conv(row[i + 1]) : row[i + 1];
      }
    } catch (e) {
      if (!(e instanceof SqlRuntimeError)) throw e;
      this.errors(e, row, row[0] as number);
      return;
    }
    this.target.insert(out);
  }
}

/** A cast from the query's type to the column's, or null when the value fits as is. */
export function converter(from: SqlType, to: SqlType): ((v: Value) => Value) | null {
  if (from.kind === to.kind && to.kind !== 'VARCHAR' && to.kind !== 'CHAR' && to.kind !== 'DECIMAL') return null;
  if (from.kind === to.kind && to.kind === 'VARCHAR' && (to.length === undefined || (from.length !== undefined && from.length <= to.length))) return null;
  return (v) => castValue(v, from, to);
}
