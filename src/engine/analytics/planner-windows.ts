/**
 * Planning of aggregating query shapes: tumbling GROUP BY (window keys recognised from
 * STEP/FLOOR on ROWTIME, Flink window columns or legacy TUMBLE), stagger windows and sliding OVER
 * windows. Select items are re-bound over the operator's output row: group keys and aggregates
 * become slots, ROWTIME becomes the emitted row's ROWTIME.
 */
import type { Expr, FuncCall, Identifier, NamedWindow, SelectQuery, WindowSpec } from './ast';
import { resolveAggregate } from './aggregates';
import type { Bound, CompileEnv } from './compile-expr';
import { compileExpr, intervalValue } from './compile-expr';
import { SqlBindError } from './diagnostics';
import { AGGREGATE_FUNCTIONS } from './functions';
import { FilterOperator } from './operators/basic';
import type { SlidingFrame, SlidingWindowSpec } from './operators/sliding-window';
import { SlidingWindowOperator } from './operators/sliding-window';
import { StaggerWindowOperator } from './operators/stagger-window';
import type { AggregateSlot, TimeKey } from './operators/tumbling-window';
import { TumblingWindowOperator } from './operators/tumbling-window';
import type { ExpandedItem } from './planner';
import type { BuildContext, StreamRelation } from './planner-context';
import { exprKey, pipe, register, walkExpr } from './planner-context';
import { printExpr, printWindow } from './printer';
import type { Scope } from './scope';
import { resolveColumn } from './scope';
import { T } from './types';
import { addUnit } from './values';

type Finish = (items: readonly ExpandedItem[], bound: readonly Bound[], rel: StreamRelation, ctx: BuildContext, rowtimeIndex?: number) => StreamRelation;

/** over: undefined = any aggregate; false = plain aggregates only; true = OVER aggregates only. */
export function hasAggregate(e: Expr, over?: boolean): boolean {
  let found = false;
  walkExpr(e, (x) => {
    if (x.type === 'func_call' && AGGREGATE_FUNCTIONS.has(x.name) && (over === undefined || (x.over !== null) === over)) found = true;
    if (x.type === 'func_call' && x.name === 'ROW_NUMBER' && over !== false) found = true;
  });
  return found;
}

function constantNumber(e: Expr, ctx: BuildContext, what: string): number {
  if (e.type === 'interval_literal') return intervalValue(e).value;
  const b = compileExpr(e, { scope: { columns: [], width: 0, rowtimeIndex: -1 }, ctx: ctx.ctx });
  const v = b.eval([]);
  if (typeof v !== 'number') throw new SqlBindError(`${what} must be a constant number or interval`, e.range);
  return v;
}

function aggregateSlot(call: FuncCall, env: CompileEnv, ctx: BuildContext): AggregateSlot {
  const star = call.args.length === 0 || call.args[0].type === 'star';
  if (star && call.name !== 'COUNT') throw new SqlBindError(`${call.name}(*) is not allowed; only COUNT(*)`, call.range);
  const arg = star ? null : compileExpr(call.args[0], env);
  const param = call.name === 'EXP_AVG' && call.args[1] ? constantNumber(call.args[1], ctx, 'the EXP_AVG half-life') : null;
  const kind = resolveAggregate(call.name, arg?.type ?? null, call.distinct, star, param);
  if (typeof kind === 'string') throw new SqlBindError(kind, call.range);
  return { kind, arg: arg?.eval ?? null };
}

/** Environment over a group row [ROWTIME, ...keys, ...aggregates]. */
function groupEnv(inputScope: Scope, keyExprs: readonly Expr[], keyBounds: readonly Bound[], aggs: AggregateSlot[], aggTypes: Bound['type'][], ctx: BuildContext, extra?: (e: Expr) => Bound | null): { env: CompileEnv; aggOffset: () => number } {
  const input: CompileEnv = { scope: inputScope, ctx: ctx.ctx };
  const keyIds = keyExprs.map((k) => exprKey(k, inputScope));
  const aggIds: string[] = [];
  const K = keyExprs.length;
  const substitute = (e: Expr): Bound | null => {
    if (e.type === 'literal' || e.type === 'interval_literal' || e.type === 'typed_literal') return null;
    const id = exprKey(e, inputScope);
    const k = keyIds.indexOf(id);
    if (k >= 0) {
      const i = 1 + k;
      return { eval: (r) => r[i], type: keyBounds[k].type };
    }
    const special = extra?.(e);
    if (special) return special;
    if (e.type === 'func_call' && AGGREGATE_FUNCTIONS.has(e.name)) {
      if (e.over) throw new SqlBindError('OVER windows cannot be combined with GROUP BY in one query: use a sub-query', e.range);
      let j = aggIds.indexOf(id);
      if (j < 0) {
        const slot = aggregateSlot(e, input, ctx);
        aggs.push(slot);
        aggTypes.push(slot.kind.resultType);
        aggIds.push(id);
        j = aggs.length - 1;
      }
      const i = 1 + K + j;
      return { eval: (r) => r[i], type: aggTypes[j] };
    }
    if (e.type === 'column_ref') {
      const col = resolveColumn(inputScope, e.parts, e.range);
      if (col.role === 'rowtime') return { eval: (r) => r[0], type: T.TIMESTAMP };
      throw new SqlBindError(`column '${col.name}' must appear in GROUP BY (or PARTITION BY) or inside an aggregate`, e.range);
    }
    return null;
  };
  return { env: { scope: { columns: [], width: 0, rowtimeIndex: 0 }, ctx: ctx.ctx, substitute }, aggOffset: () => 1 + K };
}

function directTimeColumn(e: Expr, scope: Scope): boolean {
  if (e.type !== 'column_ref') return false;
  try {
    const role = resolveColumn(scope, e.parts, e.range).role;
    return role === 'rowtime' || role === 'event_time' || role === 'window_time';
  } catch {
    return false;
  }
}

function mentionsTime(e: Expr, scope: Scope): boolean {
  let found = false;
  walkExpr(e, (x) => {
    if (x.type === 'func_call' && x.name === 'MONOTONIC') found = true;
    if (directTimeColumn(x, scope)) found = true;
  });
  return found;
}

/** Window end of a GROUP BY key, or NaN for monotonic keys without a known end; null = not a time key. */
function timeKeyEnd(g: Expr, scope: Scope, ctx: BuildContext): ((v: number) => number) | null {
  if (g.type === 'column_ref') {
    const role = resolveColumn(scope, g.parts, g.range).role;
    if (role === 'window_end') return (v) => v;
    if (role === 'window_start') return () => NaN;
    if (role === 'rowtime' || role === 'window_time') return (v) => v + 1;
  }
  if (g.type === 'func_call') {
    if ((g.name === 'STEP' || g.name === 'TUMBLE') && g.args.length === 2 && directTimeColumn(g.args[0], scope)) {
      const width = constantNumber(g.args[1], ctx, 'the window width');
      return (v) => v + width;
    }
    if (g.name === 'FLOOR' && g.unit && directTimeColumn(g.args[0], scope)) {
      const unit = g.unit;
      return (v) => addUnit(v, unit, 1);
    }
    if (g.name === 'CEIL' && g.unit && directTimeColumn(g.args[0], scope)) return (v) => v + 1;
  }
  return mentionsTime(g, scope) ? () => NaN : null;
}

export function buildGrouped(q: SelectQuery, items: readonly ExpandedItem[], rel: StreamRelation, ctx: BuildContext, finish: Finish): StreamRelation {
  const scope = rel.scope;
  const input: CompileEnv = { scope, ctx: ctx.ctx };
  // Legacy Flink group window TUMBLE(ts, size) groups like STEP(ts BY size).
  const keyExprs = q.groupBy.map((g) => (g.type === 'func_call' && g.name === 'TUMBLE' && g.args.length === 2 ? { ...g, name: 'STEP' } : g));
  const keyBounds = keyExprs.map((g) => {
    if (hasAggregate(g)) throw new SqlBindError('aggregates are not allowed in GROUP BY', g.range);
    return compileExpr(g, input);
  });
  const timeKeys: TimeKey[] = [];
  keyExprs.forEach((g, keyIndex) => {
    const endOf = timeKeyEnd(g, scope, ctx);
    if (endOf) timeKeys.push({ keyIndex, endOf });
  });
  if (timeKeys.length === 0 && ctx.dialect === 'kda') {
    ctx.warnings.push({ kind: 'diagnostic', severity: 'warning', range: q.range, message: 'a streaming GROUP BY needs a monotonic ROWTIME key such as STEP(s.ROWTIME BY INTERVAL \'1\' MINUTE) or FLOOR(s.ROWTIME TO MINUTE); without one the groups are only emitted at end of input' });
  }
  const aggs: AggregateSlot[] = [];
  const aggTypes: Bound['type'][] = [];
  const legacyWindowFns = (e: Expr): Bound | null => {
    if (e.type !== 'func_call' || !/^TUMBLE_(START|END|ROWTIME)$/.test(e.name)) return null;
    const key = keyExprs.findIndex((g) => g.type === 'func_call' && g.name === 'STEP' && exprKey({ ...g, name: 'TUMBLE' }, scope) === exprKey({ ...e, name: 'TUMBLE' }, scope));
    if (key < 0) throw new SqlBindError(`${e.name} must repeat the GROUP BY TUMBLE(…) arguments`, e.range);
    const width = constantNumber(e.args[1], ctx, 'the window width');
    const shift = e.name === 'TUMBLE_START' ? 0 : e.name === 'TUMBLE_END' ? width : width - 1;
    const i = 1 + key;
    return { eval: (r) => (r[i] === null ? null : (r[i] as number) + shift), type: T.TIMESTAMP };
  };
  const { env } = groupEnv(scope, keyExprs, keyBounds, aggs, aggTypes, ctx, legacyWindowFns);
  const bound = items.map((i) => compileExpr(i.expr, env));
  const having = q.having ? compileExpr(q.having, withAliases(env, items, bound, scope)) : null;
  const dropLate = ctx.dialect === 'flink' && timeKeys.some((t) => {
    const g = keyExprs[t.keyIndex];
    return g.type === 'column_ref' || g.type === 'func_call';
  });
  const op = register(ctx, new TumblingWindowOperator({ keys: keyBounds.map((b) => b.eval), timeKeys, aggs, rowtimeIndex: scope.rowtimeIndex, dropLate, errors: ctx.errors, ctx: ctx.ctx }));
  const nodeId = ctx.plan.add('tumbling_aggregate', `GROUP BY ${keyExprs.map(printExpr).join(', ')}${timeKeys.length ? '' : ' (no window: emits at end)'}`);
  pipe(ctx, rel, op, nodeId);
  let out: StreamRelation = { isTable: false, scope: { columns: [], width: 0, rowtimeIndex: 0 }, op, nodeId, window: null };
  out = withHaving(out, having, q, ctx);
  return finish(items, bound, out, ctx, 0);
}

/** HAVING may name a select-list alias (`HAVING cnt > 2`) when no input column has that name. */
function withAliases(env: CompileEnv, items: readonly ExpandedItem[], bound: readonly Bound[], inputScope: Scope): CompileEnv {
  const outer = env.substitute;
  return {
    ...env,
    substitute: (e) => {
      if (e.type === 'column_ref' && e.parts.length === 1) {
        const name = e.parts[0].value;
        const shadowed = inputScope.columns.some((c) => c.name.toUpperCase() === name.toUpperCase());
        const i = items.findIndex((it) => it.item.alias && it.name.toUpperCase() === name.toUpperCase());
        if (!shadowed && i >= 0) return bound[i];
      }
      return outer ? outer(e) : null;
    },
  };
}

function withHaving(rel: StreamRelation, having: Bound | null, q: SelectQuery, ctx: BuildContext): StreamRelation {
  if (!having || !q.having) return rel;
  const op = register(ctx, new FilterOperator(having.eval, 0, ctx.errors, ctx.ctx));
  const nodeId = ctx.plan.add('filter', `HAVING ${printExpr(q.having)}`);
  pipe(ctx, rel, op, nodeId);
  return { ...rel, op, nodeId };
}

export function buildStagger(q: SelectQuery, items: readonly ExpandedItem[], rel: StreamRelation, ctx: BuildContext, finish: Finish): StreamRelation {
  const stagger = q.stagger as NonNullable<SelectQuery['stagger']>;
  if (q.groupBy.length) throw new SqlBindError('WINDOWED BY STAGGER replaces GROUP BY; use one or the other', q.range);
  const scope = rel.scope;
  const input: CompileEnv = { scope, ctx: ctx.ctx };
  const keyBounds = stagger.partitionBy.map((g) => compileExpr(g, input));
  const rangeMs = constantNumber(stagger.rangeSize, ctx, 'the stagger RANGE');
  if (!(rangeMs > 0)) throw new SqlBindError('the stagger RANGE must be a positive interval', stagger.rangeSize.range);
  const aggs: AggregateSlot[] = [];
  const aggTypes: Bound['type'][] = [];
  const { env } = groupEnv(scope, stagger.partitionBy, keyBounds, aggs, aggTypes, ctx);
  const bound = items.map((i) => compileExpr(i.expr, env));
  const having = q.having ? compileExpr(q.having, withAliases(env, items, bound, scope)) : null;
  const op = register(ctx, new StaggerWindowOperator(keyBounds.map((b) => b.eval), rangeMs, aggs, scope.rowtimeIndex, ctx.errors, ctx.ctx));
  const nodeId = ctx.plan.add('stagger_window', `PARTITION BY ${stagger.partitionBy.map(printExpr).join(', ')} RANGE ${printExpr(stagger.rangeSize)}`);
  pipe(ctx, rel, op, nodeId);
  let out: StreamRelation = { isTable: false, scope: { columns: [], width: 0, rowtimeIndex: 0 }, op, nodeId, window: null };
  out = withHaving(out, having, q, ctx);
  return finish(items, bound, out, ctx, 0);
}

export function resolveWindowSpec(over: WindowSpec | Identifier, windows: readonly NamedWindow[]): WindowSpec {
  if (over.type === 'identifier') {
    const named = windows.find((w) => w.name.value === over.value);
    if (!named) throw new SqlBindError(`unknown window '${over.value}': declare it with WINDOW ${over.value} AS (…)`, over.range);
    return resolveWindowSpec(named.spec, windows);
  }
  if (!over.base) return over;
  const base = resolveWindowSpec(over.base, windows);
  return {
    ...over, base: null,
    partitionBy: over.partitionBy.length ? over.partitionBy : base.partitionBy,
    orderBy: over.orderBy.length ? over.orderBy : base.orderBy,
    frame: over.frame ?? base.frame,
  };
}

export function frameOf(spec: WindowSpec, windows: readonly NamedWindow[]): SlidingFrame {
  const frame = resolveWindowSpec(spec, windows).frame;
  if (!frame || frame.preceding === 'UNBOUNDED') return { mode: frame?.mode ?? 'RANGE', size: Infinity };
  if (frame.preceding === 'CURRENT') return { mode: frame.mode, size: 0 };
  const p = frame.preceding;
  let size: number;
  if (p.type === 'interval_literal') {
    if (frame.mode === 'ROWS') throw new SqlBindError('ROWS takes a row count, e.g. ROWS 10 PRECEDING', p.range);
    size = intervalValue(p).value;
  } else if (p.type === 'literal' && p.kind === 'number') {
    size = Number(p.value);
    if (frame.mode === 'RANGE') throw new SqlBindError("RANGE takes an interval, e.g. RANGE INTERVAL '1' MINUTE PRECEDING", p.range);
    if (!Number.isInteger(size)) throw new SqlBindError('ROWS takes a whole number of rows', p.range);
  } else throw new SqlBindError('a window size must be an INTERVAL literal (RANGE) or a row count (ROWS)', p.range);
  if (size < 0) throw new SqlBindError('a window size must not be negative', p.range);
  if (size === 0) throw new SqlBindError('0 PRECEDING is not allowed: use CURRENT ROW', p.range);
  return { mode: frame.mode, size };
}

export function buildSliding(q: SelectQuery, items: readonly ExpandedItem[], rel: StreamRelation, ctx: BuildContext, finish: Finish): StreamRelation {
  const scope = rel.scope;
  const input: CompileEnv = { scope, ctx: ctx.ctx };
  const specs = new Map<string, SlidingWindowSpec & { aggs: AggregateSlot[] }>();
  let nextIndex = scope.width;
  const details: string[] = [];
  const substitute = (e: Expr): Bound | null => {
    if (e.type !== 'func_call' || !e.over) return null;
    if (!AGGREGATE_FUNCTIONS.has(e.name)) throw new SqlBindError(`${e.name} cannot be used with OVER in streaming SQL; use AVG, COUNT, MIN, MAX, SUM, FIRST_VALUE or LAST_VALUE`, e.range);
    const spec = resolveWindowSpec(e.over, q.windows);
    const frame = frameOf(spec, q.windows);
    const key = JSON.stringify([spec.partitionBy.map((p) => exprKey(p, scope)), spec.orderBy.map((o) => exprKey(o, scope)), frame.mode, frame.size]);
    let s = specs.get(key);
    if (!s) {
      const orderTime = spec.orderBy.length ? compileExpr(spec.orderBy[0], input).eval : ((r: unknown[]) => r[scope.rowtimeIndex]) as Bound['eval'];
      s = { partitionBy: spec.partitionBy.map((p) => compileExpr(p, input).eval), frame, orderTime, aggs: [], outputIndices: [] };
      specs.set(key, s);
      details.push(printWindow(spec));
    }
    const slot = aggregateSlot(e, input, ctx);
    s.aggs.push(slot);
    const index = nextIndex++;
    s.outputIndices.push(index);
    return { eval: (r) => r[index], type: slot.kind.resultType };
  };
  const env: CompileEnv = { scope, ctx: ctx.ctx, substitute };
  const bound = items.map((i) => compileExpr(i.expr, env));
  if (q.having) throw new SqlBindError('HAVING needs GROUP BY; to filter on a windowed aggregate, wrap the query in a sub-query', q.having.range);
  const op = register(ctx, new SlidingWindowOperator([...specs.values()], scope.width, scope.rowtimeIndex, ctx.errors, ctx.ctx));
  const nodeId = ctx.plan.add('sliding_window', details.join('; '));
  pipe(ctx, rel, op, nodeId);
  return finish(items, bound, { ...rel, op, nodeId, scope: { ...scope, width: nextIndex } }, ctx);
}
