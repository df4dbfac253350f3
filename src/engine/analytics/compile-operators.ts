/**
 * Operator code generation for the expression compiler: comparisons, numeric arithmetic with SQL
 * result types (integer division truncates, DECIMAL keeps its scale), temporal arithmetic
 * (timestamp ± interval, timestamp − timestamp) and LIKE / SIMILAR TO.
 */
import type { BinaryExpr, Expr } from './ast';
import type { Bound, CompileEnv, Evaluator } from './compile-expr';
import { coerceTo, compileExpr } from './compile-expr';
import { SqlBindError } from './diagnostics';
import { printExpr } from './printer';
import type { SqlType } from './types';
import { isInteger, isInterval, isNumeric, isString, isTemporal, isUnknown, numericResult, T } from './types';
import { addMonths, compareValues, roundHalfUp, SqlRuntimeError } from './values';

export function comparison(op: string, l: Evaluator, r: Evaluator, numeric: boolean): Evaluator {
  if (numeric) {
    switch (op) {
      case '=': return (row) => { const a = l(row); if (a === null) return null; const b = r(row); return b === null ? null : a === b; };
      case '<>': return (row) => { const a = l(row); if (a === null) return null; const b = r(row); return b === null ? null : a !== b; };
      case '<': return (row) => { const a = l(row); if (a === null) return null; const b = r(row); return b === null ? null : (a as number) < (b as number); };
      case '>': return (row) => { const a = l(row); if (a === null) return null; const b = r(row); return b === null ? null : (a as number) > (b as number); };
      case '<=': return (row) => { const a = l(row); if (a === null) return null; const b = r(row); return b === null ? null : (a as number) <= (b as number); };
      default: return (row) => { const a = l(row); if (a === null) return null; const b = r(row); return b === null ? null : (a as number) >= (b as number); };
    }
  }
  const test: (c: number) => boolean =
    op === '=' ? (c) => c === 0 : op === '<>' ? (c) => c !== 0 : op === '<' ? (c) => c < 0 : op === '>' ? (c) => c > 0 : op === '<=' ? (c) => c <= 0 : (c) => c >= 0;
  return (row) => { const a = l(row); if (a === null) return null; const b = r(row); return b === null ? null : test(compareValues(a, b)); };
}

export function compileArithmetic(e: BinaryExpr, left: Bound, right: Bound): Bound {
  const op = e.op as '+' | '-' | '*' | '/' | '%';
  const [lt, rt] = [left.type, right.type];
  const [l, r] = [left.eval, right.eval];
  // Temporal arithmetic: timestamp ± interval, timestamp − timestamp, interval × number.
  if (isTemporal(lt) || isTemporal(rt) || isInterval(lt) || isInterval(rt)) return temporalArithmetic(e, left, right);
  const numericOk = (t: SqlType) => isNumeric(t) || isUnknown(t) || isString(t);
  if (!numericOk(lt) || !numericOk(rt)) throw new SqlBindError(`cannot apply '${op}' to ${lt.kind} and ${rt.kind}`, e.range);
  const lc = isString(lt) ? coerceTo(left, T.DOUBLE).eval : l;
  const rc = isString(rt) ? coerceTo(right, T.DOUBLE).eval : r;
  const type = numericResult(isString(lt) ? T.DOUBLE : lt, isString(rt) ? T.DOUBLE : rt, op);
  const integral = isInteger(type);
  const scale = type.kind === 'DECIMAL' && op !== '/' ? (type.scale ?? 0) : -1;
  const wrap = (f: (a: number, b: number) => number): Evaluator => {
    if (scale >= 0) return (row) => { const a = lc(row); if (a === null) return null; const b = rc(row); return b === null ? null : roundHalfUp(f(a as number, b as number), scale); };
    return (row) => { const a = lc(row); if (a === null) return null; const b = rc(row); return b === null ? null : f(a as number, b as number); };
  };
  const divZero = () => {
    throw new SqlRuntimeError('Divide by zero', `division by zero in ${printExpr(e)}`);
  };
  switch (op) {
    case '+': return { eval: wrap((a, b) => a + b), type };
    case '-': return { eval: wrap((a, b) => a - b), type };
    case '*': return { eval: wrap((a, b) => a * b), type };
    case '/':
      if (integral) return { eval: wrap((a, b) => (b === 0 ? divZero() : Math.trunc(a / b) || 0)), type };
      if (type.kind === 'DECIMAL') return { eval: wrap((a, b) => (b === 0 ? divZero() : roundHalfUp(a / b, type.scale ?? 6))), type };
      return { eval: wrap((a, b) => (b === 0 ? divZero() : a / b)), type };
    default:
      return { eval: wrap((a, b) => (b === 0 ? divZero() : a % b)), type };
  }
}

function temporalArithmetic(e: BinaryExpr, left: Bound, right: Bound): Bound {
  const [lt, rt, l, r] = [left.type, right.type, left.eval, right.eval];
  const nn = (f: (a: number, b: number) => number): Evaluator => (row) => { const a = l(row); if (a === null) return null; const b = r(row); return b === null ? null : f(a as number, b as number); };
  const op = e.op;
  if (isTemporal(lt) && isInterval(rt) && (op === '+' || op === '-')) {
    const sign = op === '+' ? 1 : -1;
    if (rt.kind === 'INTERVAL_YEAR_MONTH') return { eval: nn((a, b) => addMonths(a, sign * b)), type: lt };
    return { eval: nn((a, b) => a + sign * b), type: lt };
  }
  if (isInterval(lt) && isTemporal(rt) && op === '+') {
    if (lt.kind === 'INTERVAL_YEAR_MONTH') return { eval: nn((a, b) => addMonths(b, a)), type: rt };
    return { eval: nn((a, b) => a + b), type: rt };
  }
  if (isTemporal(lt) && isTemporal(rt) && op === '-') return { eval: nn((a, b) => a - b), type: { kind: 'INTERVAL_DAY_TIME', unit: 'SECOND' } };
  if (isInterval(lt) && isInterval(rt) && (op === '+' || op === '-')) return { eval: nn((a, b) => (op === '+' ? a + b : a - b)), type: lt };
  if (isInterval(lt) && isNumeric(rt) && (op === '*' || op === '/')) return { eval: nn((a, b) => (op === '*' ? a * b : a / b)), type: lt };
  if (isNumeric(lt) && isInterval(rt) && op === '*') return { eval: nn((a, b) => a * b), type: rt };
  // Timestamps as epoch numbers (BIGINT arithmetic on ROWTIME is a common KDA idiom after UNIX_TIMESTAMP).
  throw new SqlBindError(`cannot apply '${op}' to ${lt.kind} and ${rt.kind}${isTemporal(lt) && isNumeric(rt) ? ': add an INTERVAL instead of a number' : ''}`, e.range);
}

function likeToRegex(pattern: string, escape: string | null, similar: boolean): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (escape && ch === escape && i + 1 < pattern.length) {
      out += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      continue;
    }
    if (ch === '%') out += '[\\s\\S]*';
    else if (ch === '_') out += '[\\s\\S]';
    else if (similar && '|*+?()[]{}'.includes(ch)) out += ch;
    else out += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^(?:${out})$`);
}

export function compileLike(e: Extract<Expr, { type: 'like_expr' }>, env: CompileEnv): Bound {
  const operand = compileExpr(e.operand, env).eval;
  const pattern = compileExpr(e.pattern, env).eval;
  const escape = e.escape ? compileExpr(e.escape, env).eval : null;
  const cache = new Map<string, RegExp>();
  const { not, similar } = e;
  return {
    eval: (r) => {
      const s = operand(r);
      const p = pattern(r);
      if (s === null || p === null) return null;
      const esc = escape ? (escape(r) as string | null) : null;
      const key = `${esc ?? ''}\u0000${String(p)}`;
      let re = cache.get(key);
      if (!re) {
        try {
          re = likeToRegex(String(p), esc, similar);
        } catch {
          throw new SqlRuntimeError('Pattern error', `invalid pattern '${String(p)}'`);
        }
        if (cache.size < 256) cache.set(key, re);
      }
      return re.test(String(s)) !== not;
    },
    type: T.BOOLEAN,
  };
}

