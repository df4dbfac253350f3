/**
 * Binder + code generator for expressions: resolves names against a Scope, infers SQL types, and
 * compiles each node to a closure `(row) => value` (no `new Function`). Type rules that matter for
 * results live here: integer division truncates, DECIMAL keeps its scale, NULL propagates,
 * comparisons coerce strings to the other side's type.
 */
import type { BinaryExpr, Expr, FuncCall, IntervalLiteral, TimeUnit } from './ast';
import { assertNever } from './ast';
import { SqlBindError } from './diagnostics';
import type { EvalContext } from './functions';
import { AGGREGATE_FUNCTIONS, SCALAR_FUNCTIONS } from './functions';
import { compileArithmetic, compileLike, comparison } from './compile-operators';
import type { Scope } from './scope';
import { resolveColumn } from './scope';
import type { Row, SqlType, Value } from './types';
import { commonType, isInterval, isNumeric, isString, isTemporal, isUnknown, T, typeFromName, UNIT_MS } from './types';
import { castValue, compareValues, parseTime, parseTimestamp, SqlRuntimeError, valueToString } from './values';

export type Evaluator = (row: Row) => Value;

export interface Bound {
  readonly eval: Evaluator;
  readonly type: SqlType;
}

export interface CompileEnv {
  readonly scope: Scope;
  readonly ctx: EvalContext;
  /** Grouped and windowed queries replace sub-expressions (group keys, aggregates) by slots. */
  readonly substitute?: (e: Expr) => Bound | null;
}

export function compileExpr(e: Expr, env: CompileEnv): Bound {
  const sub = env.substitute?.(e);
  if (sub) return sub;
  switch (e.type) {
    case 'literal':
      return compileLiteral(e);
    case 'typed_literal': {
      const ms = e.kind === 'TIME' ? parseTime(e.value) : parseTimestamp(e.value);
      if (ms === null) throw new SqlBindError(`invalid ${e.kind} literal '${e.value}'`, e.range);
      return constant(e.kind === 'DATE' ? Math.floor(ms / 86_400_000) * 86_400_000 : ms, { kind: e.kind });
    }
    case 'interval_literal':
      return compileInterval(e);
    case 'column_ref': {
      const col = resolveColumn(env.scope, e.parts, e.range);
      const i = col.index;
      return { eval: (r) => r[i], type: col.type };
    }
    case 'star':
      throw new SqlBindError('* is only allowed in the select list or COUNT(*)', e.range);
    case 'unary_expr': {
      const operand = compileExpr(e.operand, env);
      const f = operand.eval;
      if (e.op === 'NOT') return { eval: (r) => { const v = f(r); return v === null ? null : !v; }, type: T.BOOLEAN };
      if (e.op === '+') return operand;
      return { eval: (r) => { const v = f(r); return v === null ? null : -(v as number); }, type: operand.type };
    }
    case 'binary_expr':
      return compileBinary(e, env);
    case 'is_expr': {
      const operand = compileExpr(e.operand, env).eval;
      const not = e.not;
      if (e.test === 'DISTINCT_FROM') {
        const right = compileExpr(e.right as Expr, env).eval;
        return { eval: (r) => { const a = operand(r); const b = right(r); const distinct = a === null || b === null ? a !== b : compareValues(a, b) !== 0; return not ? !distinct : distinct; }, type: T.BOOLEAN };
      }
      const target = e.test === 'TRUE' ? true : e.test === 'FALSE' ? false : null;
      return { eval: (r) => (operand(r) === target) !== not, type: T.BOOLEAN };
    }
    case 'like_expr':
      return compileLike(e, env);
    case 'between_expr': {
      const x = compileExpr(e.operand, env);
      const lo = coerceTo(compileExpr(e.low, env), x.type);
      const hi = coerceTo(compileExpr(e.high, env), x.type);
      const [fx, fl, fh, not] = [x.eval, lo.eval, hi.eval, e.not];
      return { eval: (r) => { const v = fx(r); const a = fl(r); const b = fh(r); if (v === null || a === null || b === null) return null; return (compareValues(v, a) >= 0 && compareValues(v, b) <= 0) !== not; }, type: T.BOOLEAN };
    }
    case 'in_expr': {
      const x = compileExpr(e.operand, env);
      const items = e.list.map((i) => coerceTo(compileExpr(i, env), x.type).eval);
      const [fx, not] = [x.eval, e.not];
      return { eval: (r) => { const v = fx(r); if (v === null) return null; let sawNull = false; for (const f of items) { const w = f(r); if (w === null) sawNull = true; else if (compareValues(v, w) === 0) return !not; } return sawNull ? null : not; }, type: T.BOOLEAN };
    }
    case 'case_expr':
      return compileCase(e, env);
    case 'cast_expr': {
      const operand = compileExpr(e.operand, env);
      const to = typeFromName(e.target);
      const from = operand.type;
      const f = operand.eval;
      return { eval: (r) => castValue(f(r), from, to), type: to };
    }
    case 'func_call':
      return compileCall(e, env);
    case 'interval_qualified': {
      const operand = compileExpr(e.operand, env);
      if (!isInterval(operand.type) && !isUnknown(operand.type)) throw new SqlBindError(`an interval qualifier needs a timestamp difference, not ${operand.type.kind}`, e.range);
      return { eval: operand.eval, type: { kind: 'INTERVAL_DAY_TIME', unit: e.unit } };
    }
    case 'field_access': {
      const operand = compileExpr(e.operand, env);
      const fields = operand.type.fields ?? [];
      const idx = fields.findIndex((f) => f.name.toUpperCase() === e.field.value.toUpperCase());
      if (idx < 0) throw new SqlBindError(`no field '${e.field.value}'${fields.length ? `; fields: ${fields.map((f) => f.name).join(', ')}` : ''}`, e.field.range);
      const f = operand.eval;
      return { eval: (r) => { const v = f(r); return Array.isArray(v) ? (v[idx] ?? null) : null; }, type: fields[idx].type };
    }
    case 'cursor_expr':
    case 'descriptor_expr':
    case 'table_arg':
      throw new SqlBindError(`${e.type.replace('_', ' ')} is only allowed as a table function argument`, e.range);
    default:
      return assertNever(e, 'expression');
  }
}

function constant(v: Value, type: SqlType): Bound {
  return { eval: () => v, type };
}

function compileLiteral(e: Extract<Expr, { type: 'literal' }>): Bound {
  if (e.kind === 'null') return constant(null, T.NULL);
  if (e.kind === 'boolean') return constant(e.value as boolean, T.BOOLEAN);
  if (e.kind === 'string') return constant(e.value as string, T.varchar(Math.max(1, (e.value as string).length)));
  const text = e.value as string;
  const n = Number(text);
  if (/[eE]/.test(text)) return constant(n, T.DOUBLE);
  if (text.includes('.')) {
    const scale = text.length - text.indexOf('.') - 1;
    return constant(n, T.decimal(Math.max(text.replace('.', '').length, scale), scale));
  }
  return constant(n, Math.abs(n) <= 2147483647 ? T.INTEGER : T.BIGINT);
}

/** Interval literal → ms (day-time) or months (year-month). */
export function intervalValue(e: IntervalLiteral): { value: number; type: SqlType } {
  const sign = e.negative ? -1 : 1;
  const parts = e.value.trim().split(/[^0-9.]+/).filter((p) => p !== '').map(Number);
  if (parts.length === 0 || parts.some((p) => Number.isNaN(p))) throw new SqlBindError(`invalid interval value '${e.value}'`, e.range);
  const negativeText = e.value.trim().startsWith('-') ? -1 : 1;
  if (e.unit === 'YEAR' || e.unit === 'MONTH' || e.unit === 'QUARTER') {
    const months = e.unit === 'YEAR' ? parts[0] * 12 + (parts[1] ?? 0) : e.unit === 'QUARTER' ? parts[0] * 3 : parts[0];
    return { value: sign * negativeText * months, type: { kind: 'INTERVAL_YEAR_MONTH', unit: e.unit } };
  }
  const order: TimeUnit[] = ['DAY', 'HOUR', 'MINUTE', 'SECOND'];
  let unitIdx = order.indexOf(e.unit);
  let ms = 0;
  if (unitIdx < 0) ms = parts[0] * UNIT_MS[e.unit];
  else {
    for (const p of parts) {
      if (unitIdx >= order.length) throw new SqlBindError(`invalid interval value '${e.value}' for ${e.unit}${e.toUnit ? ' TO ' + e.toUnit : ''}`, e.range);
      ms += p * UNIT_MS[order[unitIdx++]];
    }
  }
  return { value: Math.round(sign * negativeText * ms), type: { kind: 'INTERVAL_DAY_TIME', unit: e.unit } };
}

function compileInterval(e: IntervalLiteral): Bound {
  const { value, type } = intervalValue(e);
  return constant(value, type);
}

/** Makes `b` comparable with values of type `target` (string literals against numbers or timestamps). */
export function coerceTo(b: Bound, target: SqlType): Bound {
  if (isString(b.type) && (isNumeric(target) || isTemporal(target) || target.kind === 'BOOLEAN')) {
    const f = b.eval;
    const from = b.type;
    const to = isNumeric(target) ? T.DOUBLE : target;
    return { eval: (r) => castValue(f(r), from, to), type: to };
  }
  return b;
}

function compileBinary(e: BinaryExpr, env: CompileEnv): Bound {
  let left = compileExpr(e.left, env);
  let right = compileExpr(e.right, env);
  if (e.op === 'AND' || e.op === 'OR') {
    const [l, r] = [left.eval, right.eval];
    if (e.op === 'AND') return { eval: (row) => { const a = l(row); if (a === false) return false; const b = r(row); if (b === false) return false; return a === null || b === null ? null : true; }, type: T.BOOLEAN };
    return { eval: (row) => { const a = l(row); if (a === true) return true; const b = r(row); if (b === true) return true; return a === null || b === null ? null : false; }, type: T.BOOLEAN };
  }
  if (e.op === '||') {
    const [l, r, lt, rt] = [left.eval, right.eval, left.type, right.type];
    return { eval: (row) => { const a = l(row); if (a === null) return null; const b = r(row); if (b === null) return null; return (typeof a === 'string' ? a : valueToString(a, lt)) + (typeof b === 'string' ? b : valueToString(b, rt)); }, type: T.VARCHAR };
  }
  if (e.op === '=' || e.op === '<>' || e.op === '<' || e.op === '>' || e.op === '<=' || e.op === '>=') {
    left = coerceTo(left, right.type);
    right = coerceTo(right, left.type);
    return { eval: comparison(e.op, left.eval, right.eval, isNumeric(left.type) && isNumeric(right.type)), type: T.BOOLEAN };
  }
  return compileArithmetic(e, left, right);
}

function compileCase(e: Extract<Expr, { type: 'case_expr' }>, env: CompileEnv): Bound {
  const subject = e.operand ? compileExpr(e.operand, env) : null;
  const whens = e.whens.map((w) => {
    const cond = subject ? coerceTo(compileExpr(w.when, env), subject.type).eval : compileExpr(w.when, env).eval;
    return { cond, then: compileExpr(w.then, env) };
  });
  const otherwise = e.otherwise ? compileExpr(e.otherwise, env) : null;
  const type = commonType([...whens.map((w) => w.then.type), ...(otherwise ? [otherwise.type] : [])]);
  const thens = whens.map((w) => w.then.eval);
  const conds = whens.map((w) => w.cond);
  const other = otherwise ? otherwise.eval : () => null;
  const s = subject?.eval;
  if (s) {
    return { eval: (r) => { const v = s(r); if (v !== null) for (let i = 0; i < conds.length; i++) { const w = conds[i](r); if (w !== null && compareValues(v, w) === 0) return thens[i](r); } return other(r); }, type };
  }
  return { eval: (r) => { for (let i = 0; i < conds.length; i++) if (conds[i](r) === true) return thens[i](r); return other(r); }, type };
}

function compileCall(e: FuncCall, env: CompileEnv): Bound {
  if (AGGREGATE_FUNCTIONS.has(e.name) || e.over) {
    throw new SqlBindError(`aggregate ${e.name}(…)${e.over ? ' OVER' : ''} is not allowed here (aggregates belong in the select list or HAVING of a grouped, windowed or OVER query)`, e.range);
  }
  if (e.name === 'MONOTONIC') {
    if (e.args.length !== 1) throw new SqlBindError('MONOTONIC takes one argument', e.range);
    return compileExpr(e.args[0], env);
  }
  const def = SCALAR_FUNCTIONS[e.name];
  if (!def) throw new SqlBindError(`unknown function ${e.name}`, e.range);
  if (e.args.length < def.minArgs || e.args.length > def.maxArgs) {
    const arity = def.minArgs === def.maxArgs ? `${def.minArgs}` : `${def.minArgs}–${def.maxArgs}`;
    throw new SqlBindError(`${e.name} takes ${arity} argument${def.maxArgs === 1 ? '' : 's'}, got ${e.args.length}`, e.range);
  }
  const args = e.args.map((a) => compileExpr(a, env));
  const types = args.map((a) => a.type);
  const type = def.returns(types, e);
  const evals = args.map((a) => a.eval);
  const { ctx } = env;
  const nullSafe = def.nullSafe === true;
  const run = (values: Value[]): Value => {
    try {
      return def.evaluate(values, types, e, ctx);
    } catch (err) {
      if (err instanceof SqlRuntimeError) throw err;
      throw new SqlRuntimeError('Function error', `${e.name}: ${(err as Error).message}`);
    }
  };
  return {
    eval: (r) => {
      const values = new Array<Value>(evals.length);
      for (let i = 0; i < evals.length; i++) {
        const v = evals[i](r);
        if (v === null && !nullSafe) return null;
        values[i] = v;
      }
      return run(values);
    },
    type,
  };
}
