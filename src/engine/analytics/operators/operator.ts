/**
 * The one operator contract (after Arroyo's ArrowOperator): `process` is required; watermarks
 * close windows and `flush` closes everything at the end of a finite replay. Rows are arrays with
 * the scope's layout; operators never read wall time.
 */
import type { Row } from '../types';
import { SqlRuntimeError } from '../values';

export type Emit = (row: Row) => void;

/** Receives rows that failed at runtime (they go to error_stream). */
export type ErrorSink = (error: SqlRuntimeError, row: Row, rowtimeMs: number) => void;

export interface Operator {
  process(row: Row, port: number): void;
  onWatermark(ms: number): void;
  flush(): void;
}

export abstract class BaseOperator implements Operator {
  emit: Emit = () => {};
  abstract process(row: Row, port: number): void;
  onWatermark(_ms: number): void {}
  flush(): void {}
}

/** Runs `body`, sending SqlRuntimeErrors to the sink; anything else is a bug and propagates. */
export function guarded(sink: ErrorSink, row: Row, rowtimeMs: number, body: () => void): void {
  try {
    body();
  } catch (e) {
    if (e instanceof SqlRuntimeError) sink(e, row, rowtimeMs);
    else throw e;
  }
}
