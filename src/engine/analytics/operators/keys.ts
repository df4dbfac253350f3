/** Group/partition keys as Map keys: one value is used as is; several are encoded into a string. */
import type { Evaluator } from '../compile-expr';
import type { Row, Value } from '../types';

export function encodeKey(values: readonly Value[]): unknown {
  if (values.length === 1) {
    const v = values[0];
    return Array.isArray(v) ? JSON.stringify(v) : v;
  }
  let s = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    s += (i ? '\u0001' : '') + (v === null ? '\u0000' : typeof v === 'number' ? 'n' + v : typeof v === 'string' ? 's' + v : Array.isArray(v) ? 'a' + JSON.stringify(v) : 'b' + v);
  }
  return s;
}

export function evalAll(evals: readonly Evaluator[], row: Row): Value[] {
  const out = new Array<Value>(evals.length);
  for (let i = 0; i < evals.length; i++) out[i] = evals[i](row);
  return out;
}
