/**
 * Planning of table functions in FROM TABLE(…): the KDA analytic functions over a CURSOR
 * (TOP_K_ITEMS_TUMBLING, COUNT_DISTINCT_ITEMS_TUMBLING, RANDOM_CUT_FOREST[_WITH_EXPLANATION],
 * HOTSPOTS) and the Flink window TVFs (TUMBLE, HOP, CUMULATE, SESSION), with their parameter limits.
 */
import type { Expr, FuncCall, Query, TableRef } from './ast';
import { compileExpr, intervalValue } from './compile-expr';
import { SqlBindError } from './diagnostics';
import { CountDistinctItemsOperator, TopKItemsOperator } from './operators/analytic-tumbling';
import { HotspotsOperator } from './operators/hotspots';
import type { BaseOperator } from './operators/operator';
import { RandomCutForestOperator } from './operators/random-cut-forest';
import type { WindowAssigner } from './operators/window-tvf';
import { SessionWindowOperator, WindowAssignOperator } from './operators/window-tvf';
import type { OperatorKind } from './plan';
import type { BuildContext, Relation, StreamRelation } from './planner-context';
import { pipe, register } from './planner-context';
import type { Scope, ScopeColumn } from './scope';
import { resolveColumn } from './scope';
import type { SqlType, Value } from './types';
import { T } from './types';

type BuildQuery = (q: Query, ctx: BuildContext) => StreamRelation;
type BuildRef = (ref: TableRef) => Relation;

function constantArg(call: FuncCall, index: number, ctx: BuildContext, fallback?: Value): Value {
  const e = call.args[index];
  if (!e) {
    if (fallback !== undefined) return fallback;
    throw new SqlBindError(`${call.name} needs argument ${index + 1}`, call.range);
  }
  if (e.type === 'interval_literal') return intervalValue(e).value;
  return compileExpr(e, { scope: { columns: [], width: 0, rowtimeIndex: -1 }, ctx: ctx.ctx }).eval([]);
}

function intArg(call: FuncCall, index: number, ctx: BuildContext, lo: number, hi: number, name: string, fallback?: number): number {
  const v = constantArg(call, index, ctx, fallback);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) {
    throw new SqlBindError(`${call.name}: ${name} must be a whole number from ${lo} to ${hi}`, (call.args[index] ?? call).range);
  }
  return v;
}

function cursorOf(call: FuncCall, ctx: BuildContext, buildQuery: BuildQuery): StreamRelation {
  const c = call.args[0];
  if (!c || c.type !== 'cursor_expr') throw new SqlBindError(`${call.name} takes CURSOR(SELECT STREAM …) as its first argument`, (c ?? call).range);
  return buildQuery(c.query, ctx);
}

function outputScope(base: Scope, extra: { name: string; type: SqlType; role?: ScopeColumn['role'] }[], keepBase = true): Scope {
  const columns: ScopeColumn[] = keepBase ? [...base.columns] : [base.columns[base.rowtimeIndex]];
  for (const x of extra) columns.push({ name: x.name, type: x.type, index: columns.length, relation: '', hidden: false, role: x.role ?? null });
  return { columns, width: columns.length, rowtimeIndex: keepBase ? base.rowtimeIndex : 0 };
}

function attach(ctx: BuildContext, input: StreamRelation, op: BaseOperator, kind: OperatorKind, detail: string, scope: Scope): StreamRelation {
  register(ctx, op);
  const nodeId = ctx.plan.add(kind, detail);
  pipe(ctx, input, op, nodeId);
  return { isTable: false, scope, op, nodeId, window: null };
}

function numericColumns(scope: Scope, call: FuncCall): ScopeColumn[] {
  const cols = scope.columns.filter((c) => !c.hidden && ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'REAL', 'DOUBLE'].includes(c.type.kind));
  if (cols.length === 0) throw new SqlBindError(`${call.name} needs at least one numeric column (DOUBLE, INTEGER, …; not DECIMAL) in its cursor`, call.range);
  if (cols.length > 30) throw new SqlBindError(`${call.name} accepts at most 30 numeric columns; the cursor has ${cols.length}`, call.range);
  return cols;
}

function columnArg(call: FuncCall, index: number, scope: Scope, ctx: BuildContext): ScopeColumn {
  const name = constantArg(call, index, ctx);
  if (typeof name !== 'string') throw new SqlBindError(`${call.name}: argument ${index + 1} is the column name as a string, e.g. 'ticker'`, (call.args[index] ?? call).range);
  const id = { type: 'identifier' as const, value: name, quoted: true, range: call.range };
  return resolveColumn(scope, [id], (call.args[index] ?? call).range);
}

export function buildTableFunction(call: FuncCall, ctx: BuildContext, buildQuery: BuildQuery, buildRef: BuildRef): StreamRelation {
  switch (call.name) {
    case 'TOP_K_ITEMS_TUMBLING': {
      const input = cursorOf(call, ctx, buildQuery);
      const col = columnArg(call, 1, input.scope, ctx);
      const k = intArg(call, 2, ctx, 1, 100000, 'K');
      const windowS = intArg(call, 3, ctx, 1, 3600, 'windowSize (seconds)');
      const scope = outputScope(input.scope, [{ name: col.name, type: col.type }, { name: 'MOST_FREQUENT_VALUES', type: T.BIGINT }], false);
      return attach(ctx, input, new TopKItemsOperator(col.index, windowS * 1000, k), 'top_k_items', `${col.name} K=${k} window=${windowS}s`, scope);
    }
    case 'COUNT_DISTINCT_ITEMS_TUMBLING': {
      const input = cursorOf(call, ctx, buildQuery);
      const col = columnArg(call, 1, input.scope, ctx);
      const windowS = intArg(call, 2, ctx, 1, 3600, 'windowSize (seconds)');
      const scope = outputScope(input.scope, [{ name: 'NUMBER_OF_DISTINCT_ITEMS', type: T.BIGINT }], false);
      return attach(ctx, input, new CountDistinctItemsOperator(col.index, windowS * 1000), 'count_distinct_items', `${col.name} window=${windowS}s`, scope);
    }
    case 'RANDOM_CUT_FOREST':
    case 'RANDOM_CUT_FOREST_WITH_EXPLANATION': {
      const input = cursorOf(call, ctx, buildQuery);
      const cols = numericColumns(input.scope, call);
      const numberOfTrees = intArg(call, 1, ctx, 1, 1000, 'numberOfTrees', 100);
      const subSampleSize = intArg(call, 2, ctx, 10, 1000, 'subSampleSize', 256);
      const timeDecay = intArg(call, 3, ctx, 1, 2 ** 31 - 1, 'timeDecay', 100000);
      const shingleSize = intArg(call, 4, ctx, 1, 30, 'shingleSize', 1);
      if (subSampleSize >= timeDecay) throw new SqlBindError(`${call.name}: subSampleSize must be smaller than timeDecay`, call.range);
      const explain = call.name.endsWith('EXPLANATION');
      const directional = explain && constantArg(call, 5, ctx, false) === true;
      const extra = [{ name: 'ANOMALY_SCORE', type: T.DOUBLE }];
      if (explain) extra.push({ name: 'ANOMALY_EXPLANATION', type: T.varchar(20480) });
      const op = new RandomCutForestOperator(ctx.prng.fork(`rcf:${ctx.plan.owner}:${ctx.plan.nodes.length}`), { numberOfTrees, subSampleSize, timeDecay, shingleSize }, cols.map((c) => c.index), cols.map((c) => c.name), explain, directional);
      return attach(ctx, input, op, 'random_cut_forest', `trees=${numberOfTrees} sample=${subSampleSize} decay=${timeDecay} shingle=${shingleSize} on ${cols.map((c) => c.name).join(', ')}`, outputScope(input.scope, extra));
    }
    case 'HOTSPOTS': {
      const input = cursorOf(call, ctx, buildQuery);
      const cols = numericColumns(input.scope, call);
      const windowSize = intArg(call, 1, ctx, 100, 1000, 'windowSize');
      const radius = constantArg(call, 2, ctx);
      if (typeof radius !== 'number' || !(radius > 0)) throw new SqlBindError('HOTSPOTS: scanRadius must be a positive number', (call.args[2] ?? call).range);
      const minPoints = intArg(call, 3, ctx, 2, windowSize, 'minimumNumberOfPointsInAHotspot');
      const scope = outputScope(input.scope, [{ name: 'HOTSPOTS_RESULT', type: T.varchar(20480) }]);
      return attach(ctx, input, new HotspotsOperator(cols.map((c) => c.index), windowSize, radius, minPoints), 'hotspots', `window=${windowSize} radius=${radius} min=${minPoints}`, scope);
    }
    case 'TUMBLE':
    case 'HOP':
    case 'CUMULATE':
    case 'SESSION':
      return buildWindowTvf(call, ctx, buildRef);
    default:
      throw new SqlBindError(`unknown table function ${call.name}`, call.range);
  }
}

function buildWindowTvf(call: FuncCall, ctx: BuildContext, buildRef: BuildRef): StreamRelation {
  const tableArg = call.args[0];
  if (!tableArg || tableArg.type !== 'table_arg') throw new SqlBindError(`${call.name} takes TABLE <name> as its first argument`, (tableArg ?? call).range);
  const rel = buildRef({ type: 'table_ref', name: tableArg.name, alias: null, over: null, asOf: null, range: tableArg.range });
  if (rel.isTable) throw new SqlBindError(`${call.name} needs a streaming table`, tableArg.range);
  const desc = call.args[1];
  if (!desc || desc.type !== 'descriptor_expr') throw new SqlBindError(`${call.name} takes DESCRIPTOR(time_column) as its second argument`, (desc ?? call).range);
  const timeCol = resolveColumn(rel.scope, [desc.columns[0]], desc.range);
  const ms = (i: number, what: string): number => {
    const v = constantArg(call, i, ctx);
    if (typeof v !== 'number' || !(v > 0)) throw new SqlBindError(`${call.name}: ${what} must be a positive INTERVAL`, (call.args[i] ?? call).range);
    return v;
  };
  const extra = [
    { name: 'window_start', type: T.TIMESTAMP, role: 'window_start' as const },
    { name: 'window_end', type: T.TIMESTAMP, role: 'window_end' as const },
    { name: 'window_time', type: T.TIMESTAMP, role: 'window_time' as const },
  ];
  const scope = outputScope({ ...rel.scope, columns: rel.scope.columns.map((c) => (c.role === 'event_time' ? { ...c, role: null } : c)) }, extra);
  if (call.name === 'SESSION') {
    const partition = tableArg.partitionBy.map((p: Expr) => compileExpr(p, { scope: rel.scope, ctx: ctx.ctx }).eval);
    const gap = ms(2, 'the session gap');
    return attach(ctx, rel, new SessionWindowOperator(partition, timeCol.index, gap), 'session_window', `gap=${gap}ms on ${timeCol.name}`, scope);
  }
  let assigner: WindowAssigner;
  if (call.name === 'TUMBLE') assigner = { kind: 'TUMBLE', sizeMs: ms(2, 'the window size'), offsetMs: call.args[3] ? (constantArg(call, 3, ctx) as number) : 0 };
  else if (call.name === 'HOP') assigner = { kind: 'HOP', slideMs: ms(2, 'the slide'), sizeMs: ms(3, 'the window size') };
  else assigner = { kind: 'CUMULATE', stepMs: ms(2, 'the step'), maxMs: ms(3, 'the max size') };
  return attach(ctx, rel, new WindowAssignOperator(assigner, timeCol.index), 'window_assign', `${JSON.stringify(assigner)} on ${timeCol.name}`, scope);
}
