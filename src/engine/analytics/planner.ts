/**
 * Planner: turns a bound query into wired operators plus plan nodes. FROM (streams, reference
 * tables, views, sub-queries, table functions, joins) → WHERE → one of {projection, tumbling
 * GROUP BY, stagger, sliding OVER} → projection. Every query's output rows are [ROWTIME, ...columns].
 */
import type { Expr, FromItem, JoinRef, NamedWindow, Query, SelectItem, SelectQuery, TableRef, WindowSpec } from './ast';
import type { Bound, CompileEnv } from './compile-expr';
import { compileExpr } from './compile-expr';
import { SqlBindError } from './diagnostics';
import { FilterOperator, ProjectOperator, SourceOperator, UnionOperator } from './operators/basic';
import { StreamJoinOperator, TableJoinOperator } from './operators/join';
import type { SlidingFrame } from './operators/sliding-window';
import type { BuildContext, Relation, StreamRelation } from './planner-context';
import { exprKey, pipe, register, walkExpr } from './planner-context';
import { buildGrouped, buildSliding, buildStagger, frameOf, hasAggregate } from './planner-windows';
import { buildTableFunction } from './planner-table-functions';
import { printExpr, printQuery } from './printer';
import type { Scope, ScopeColumn } from './scope';
import { aliasScope, joinScopes, resolveColumn } from './scope';
import { commonType, T } from './types';

export function buildQuery(q: Query, ctx: BuildContext): StreamRelation {
  if (q.type === 'union_query') {
    const left = buildQuery(q.left, ctx);
    const right = buildQuery(q.right, ctx);
    if (left.scope.width !== right.scope.width) throw new SqlBindError(`UNION inputs have ${left.scope.width - 1} and ${right.scope.width - 1} columns; they must match`, q.range);
    const op = register(ctx, new UnionOperator());
    const nodeId = ctx.plan.add('union', q.all ? 'ALL' : 'DISTINCT (treated as ALL)');
    pipe(ctx, left, op, nodeId, 0);
    pipe(ctx, right, op, nodeId, 1);
    const columns = left.scope.columns.map((c, i) => ({ ...c, type: commonType([c.type, right.scope.columns[i]?.type ?? c.type]) }));
    return { isTable: false, scope: { ...left.scope, columns }, op, nodeId, window: null };
  }
  return buildSelect(q, ctx);
}

function buildSelect(q: SelectQuery, ctx: BuildContext): StreamRelation {
  if (!q.from) throw new SqlBindError('a streaming query needs a FROM clause', q.range);
  if (ctx.dialect === 'kda' && !q.stream && q.from.type !== 'join_ref') {
    ctx.warnings.push({ kind: 'diagnostic', severity: 'warning', message: 'a query over a stream should say SELECT STREAM', range: q.range });
  }
  let rel = buildFrom(q.from, q.windows, ctx);
  if (rel.isTable) throw new SqlBindError(`'${rel.name}' is a reference table: join it with a stream (SELECT STREAM … FROM stream JOIN table ON …)`, q.from.range);
  const env: CompileEnv = { scope: rel.scope, ctx: ctx.ctx };
  if (q.where) {
    if (hasAggregate(q.where)) throw new SqlBindError('aggregates are not allowed in WHERE: use HAVING, or compute them in a sub-query', q.where.range);
    const pred = compileExpr(q.where, env);
    const op = register(ctx, new FilterOperator(pred.eval, rel.scope.rowtimeIndex, ctx.errors, ctx.ctx));
    const nodeId = ctx.plan.add('filter', printExpr(q.where));
    pipe(ctx, rel, op, nodeId);
    rel = { ...rel, op, nodeId };
  }
  const items = expandItems(q.items, rel.scope);
  if (q.distinct) {
    // SELECT DISTINCT = GROUP BY every select item; it needs a monotonic (ROWTIME-based) item to emit before the end.
    if (q.groupBy.length || q.stagger || items.some((i) => hasAggregate(i.expr))) throw new SqlBindError('SELECT DISTINCT cannot be combined with GROUP BY, stagger windows or aggregates', q.range);
    return buildGrouped({ ...q, distinct: false, groupBy: items.map((i) => i.expr) }, items, rel, ctx, finishProjection);
  }
  if (q.stagger) return buildStagger(q, items, rel, ctx, finishProjection);
  const grouped = q.groupBy.length > 0 || items.some((i) => hasAggregate(i.expr, false)) || (q.having !== null);
  if (grouped) return buildGrouped(q, items, rel, ctx, finishProjection);
  if (items.some((i) => hasAggregate(i.expr, true))) return buildSliding(q, items, rel, ctx, finishProjection);
  const bound = items.map((i) => compileExpr(i.expr, env));
  return finishProjection(items, bound, rel, ctx);
}

export interface ExpandedItem {
  readonly expr: Expr;
  readonly name: string;
  readonly item: SelectItem;
}

/** Expands `*` / `alias.*` into visible columns and names every output column. */
function expandItems(items: readonly SelectItem[], scope: Scope): ExpandedItem[] {
  const out: ExpandedItem[] = [];
  items.forEach((item, n) => {
    const e = item.expr;
    if (e.type === 'star') {
      const cols = scope.columns.filter((c) => !c.hidden && (!e.qualifier || c.relation.toUpperCase() === e.qualifier.value.toUpperCase()));
      if (cols.length === 0) throw new SqlBindError(e.qualifier ? `no columns for '${e.qualifier.value}.*'` : 'no columns to select', e.range);
      for (const c of cols) {
        const ref: Expr = { type: 'column_ref', parts: [{ type: 'identifier', value: c.relation, quoted: true, range: e.range }, { type: 'identifier', value: c.name, quoted: true, range: e.range }], range: e.range };
        out.push({ expr: ref, name: c.name, item });
      }
      return;
    }
    const name = item.alias?.value ?? (e.type === 'column_ref' ? e.parts[e.parts.length - 1].value : `EXPR$${n}`);
    out.push({ expr: e, name, item });
  });
  return out;
}

/** Final projection: output row [ROWTIME, ...items]; column roles carry over from plain references. */
export function finishProjection(items: readonly ExpandedItem[], bound: readonly Bound[], rel: StreamRelation, ctx: BuildContext, rowtimeIndex = rel.scope.rowtimeIndex): StreamRelation {
  const op = register(ctx, new ProjectOperator(bound.map((b) => b.eval), rowtimeIndex, ctx.errors, ctx.ctx));
  const nodeId = ctx.plan.add('project', items.map((i) => `${printExpr(i.expr)} AS ${i.name}`).join(', '));
  pipe(ctx, rel, op, nodeId);
  const columns: ScopeColumn[] = [{ name: 'ROWTIME', type: T.TIMESTAMP, index: 0, relation: '', hidden: true, role: 'rowtime' }];
  items.forEach((item, i) => {
    let role: ScopeColumn['role'] = null;
    if (item.expr.type === 'column_ref') {
      try {
        role = resolveColumn(rel.scope, item.expr.parts, item.expr.range).role;
        if (role === 'rowtime') role = 'event_time';
      } catch {
        role = null;
      }
    }
    columns.push({ name: item.name, type: bound[i].type, index: i + 1, relation: '', hidden: false, role });
  });
  return { isTable: false, scope: { columns, width: columns.length, rowtimeIndex: 0 }, op, nodeId, window: null };
}

function buildFrom(item: FromItem, windows: readonly NamedWindow[], ctx: BuildContext): Relation {
  switch (item.type) {
    case 'table_ref':
      return buildTableRef(item, windows, ctx);
    case 'subquery_ref': {
      const rel = buildQuery(item.query, ctx);
      return item.alias ? { ...rel, scope: aliasScope(rel.scope, item.alias.value) } : rel;
    }
    case 'table_function_ref': {
      const rel = buildTableFunction(item.call, ctx, buildQuery, (ref) => buildTableRef(ref, [], ctx));
      return item.alias ? { ...rel, scope: aliasScope(rel.scope, item.alias.value) } : rel;
    }
    case 'join_ref':
      return buildJoin(item, windows, ctx);
  }
}

export function buildTableRef(item: TableRef, windows: readonly NamedWindow[], ctx: BuildContext): Relation {
  const entry = ctx.catalog.lookup(item.name.value, item.name.quoted);
  if (!entry) throw new SqlBindError(`unknown stream or table '${item.name.value}'${item.name.quoted ? '' : ' (unquoted names fold to upper case; quote it if it was created quoted)'}`, item.name.range, item.name.value);
  const alias = item.alias?.value ?? entry.name;
  if (entry.kind === 'view') {
    const rel = buildQuery(entry.query, ctx);
    return { ...rel, scope: aliasScope(rel.scope, alias) };
  }
  const columns: ScopeColumn[] = entry.columns.map((c, index) => ({ name: c.name, type: c.type, index, relation: alias, hidden: c.hidden ?? false, role: c.role ?? null, onReference: c.onReference }));
  if (entry.kind === 'table') {
    return { isTable: true, scope: { columns, width: columns.length, rowtimeIndex: -1 }, name: entry.name, rows: entry.rows };
  }
  const rowtimeIndex = Math.max(0, columns.findIndex((c) => c.role === 'rowtime'));
  const op = register(ctx, new SourceOperator());
  const nodeId = ctx.plan.add('stream_source', entry.name + (alias !== entry.name ? ` AS ${alias}` : ''));
  ctx.taps.push({ stream: entry.name, deliver: (row) => op.process(row) });
  const named = windows.find((w) => w.name.value === alias);
  const spec: WindowSpec | null = item.over ?? named?.spec ?? null;
  const window: SlidingFrame | null = spec ? frameOf(spec, windows) : null;
  return { isTable: false, scope: { columns, width: columns.length, rowtimeIndex }, op, nodeId, window };
}

function buildJoin(j: JoinRef, windows: readonly NamedWindow[], ctx: BuildContext): Relation {
  const left = buildFrom(j.left, windows, ctx);
  const right = buildFrom(j.right, windows, ctx);
  if (left.isTable && right.isTable) throw new SqlBindError('a join needs at least one stream; both sides are reference tables', j.range);
  const streamOnLeft = !left.isTable;
  const scope = joinScopes(left.scope, right.scope, !streamOnLeft);
  const env: CompileEnv = { scope, ctx: ctx.ctx };
  const on = j.on ? compileExpr(j.on, env) : null;
  if (!left.isTable && !right.isTable) return buildStreamJoin(j, left, right, scope, on?.eval ?? null, ctx);
  const stream = (streamOnLeft ? left : right) as StreamRelation;
  const table = (streamOnLeft ? right : left) as Extract<Relation, { isTable: true }>;
  const outer = (j.kind === 'LEFT' && streamOnLeft) || (j.kind === 'RIGHT' && !streamOnLeft);
  if (j.kind === 'FULL' || (j.kind === 'LEFT' && !streamOnLeft) || (j.kind === 'RIGHT' && streamOnLeft)) {
    throw new SqlBindError('an outer join may only preserve the stream side (stream LEFT OUTER JOIN table)', j.range);
  }
  const streamKeys: Bound[] = [];
  const tableKeys: Bound[] = [];
  const tableStart = streamOnLeft ? stream.scope.width : 0;
  const tableEnd = tableStart + table.scope.width;
  const side = (e: Expr): 'stream' | 'table' | 'none' | 'both' => {
    let sawTable = false;
    let sawStream = false;
    walkExpr(e, (x) => {
      if (x.type !== 'column_ref') return;
      const i = resolveColumn(scope, x.parts, x.range).index;
      if (i >= tableStart && i < tableEnd) sawTable = true;
      else sawStream = true;
    });
    return sawTable && sawStream ? 'both' : sawTable ? 'table' : sawStream ? 'stream' : 'none';
  };
  for (const c of conjuncts(j.on)) {
    if (c.type !== 'binary_expr' || c.op !== '=') continue;
    const [a, b] = [side(c.left), side(c.right)];
    if (a === 'stream' && b === 'table') {
      streamKeys.push(compileExpr(c.left, env));
      tableKeys.push(compileExpr(c.right, env));
    } else if (a === 'table' && b === 'stream') {
      streamKeys.push(compileExpr(c.right, env));
      tableKeys.push(compileExpr(c.left, env));
    }
  }
  const op = register(ctx, new TableJoinOperator({
    streamOnLeft, streamWidth: stream.scope.width, tableWidth: table.scope.width, streamKeys: streamKeys.map((k) => k.eval),
    tableKeys: tableKeys.map((k) => k.eval), on: on?.eval ?? null, outer, rowtimeIndex: scope.rowtimeIndex, errors: ctx.errors, ctx: ctx.ctx,
  }, table.rows()));
  ctx.tableJoins.push({ table: table.name, op });
  const nodeId = ctx.plan.add('table_join', `${outer ? 'LEFT OUTER ' : ''}${table.name}${j.on ? ` ON ${printExpr(j.on)}` : ''}${streamKeys.length ? ` (hash on ${streamKeys.length} key${streamKeys.length > 1 ? 's' : ''})` : ''}`);
  pipe(ctx, stream, op, nodeId);
  return { isTable: false, scope, op, nodeId, window: null };
}

function buildStreamJoin(j: JoinRef, left: StreamRelation, right: StreamRelation, scope: Scope, on: Bound['eval'] | null, ctx: BuildContext): StreamRelation {
  if (ctx.dialect === 'kda' && !left.window && !right.window) {
    throw new SqlBindError('a stream-to-stream join needs a window on one side, e.g. JOIN trades OVER (RANGE INTERVAL \'1\' MINUTE PRECEDING) AS t', j.range);
  }
  const timeIndexOf = (rel: StreamRelation) => {
    const eventTime = rel.scope.columns.findIndex((c) => c.role === 'event_time');
    return ctx.dialect === 'flink' && eventTime >= 0 ? eventTime : rel.scope.rowtimeIndex;
  };
  const op = register(ctx, new StreamJoinOperator({
    left: { width: left.scope.width, timeIndex: timeIndexOf(left), window: left.window },
    right: { width: right.scope.width, timeIndex: timeIndexOf(right), window: right.window },
    on, kind: j.kind, errors: ctx.errors, ctx: ctx.ctx,
  }));
  const nodeId = ctx.plan.add('stream_join', `${j.kind}${j.on ? ` ON ${printExpr(j.on)}` : ''}`);
  pipe(ctx, left, op, nodeId, 0);
  pipe(ctx, right, op, nodeId, 1);
  return { isTable: false, scope, op, nodeId, window: null };
}

function conjuncts(e: Expr | null): Expr[] {
  if (!e) return [];
  if (e.type === 'binary_expr' && e.op === 'AND') return [...conjuncts(e.left), ...conjuncts(e.right)];
  return [e];
}

export { exprKey, printQuery };
