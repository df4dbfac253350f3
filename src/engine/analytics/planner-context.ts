/**
 * What the planner needs from its surroundings (the catalog of streams, tables and views, the error
 * sink, the PRNG for analytic functions) and what it produces besides operators (stream taps, plan
 * nodes, warnings). Relations are the values flowing between planner functions.
 */
import type { Expr, Query } from './ast';
import type { Diagnostic } from './diagnostics';
import type { EvalContext } from './functions';
import type { Operator } from './operators/operator';
import { BaseOperator } from './operators/operator';
import type { TableJoinOperator } from './operators/join';
import type { SlidingFrame } from './operators/sliding-window';
import type { PlanBuilder } from './plan';
import type { Prng } from '../random/prng';
import type { ColumnRole, Scope } from './scope';
import { resolveColumn } from './scope';
import type { Row, SqlType } from './types';
import type { ErrorSink } from './operators/operator';

export interface CatalogColumn {
  readonly name: string;
  readonly type: SqlType;
  readonly hidden?: boolean;
  readonly role?: ColumnRole;
  /** Called when a query binds a reference to this column (lazy system columns). */
  readonly onReference?: () => void;
}

export type CatalogEntry =
  | { readonly kind: 'stream'; readonly name: string; readonly columns: readonly CatalogColumn[] }
  | { readonly kind: 'table'; readonly name: string; readonly columns: readonly CatalogColumn[]; readonly rows: () => readonly Row[] }
  | { readonly kind: 'view'; readonly name: string; readonly query: Query };

export interface Catalog {
  lookup(name: string, quoted: boolean): CatalogEntry | undefined;
}

export interface BuildContext {
  readonly catalog: Catalog;
  readonly ctx: EvalContext;
  readonly errors: ErrorSink;
  readonly plan: PlanBuilder;
  readonly dialect: 'kda' | 'flink';
  readonly prng: Prng;
  /** Operators in creation (= topological) order: watermarks and flushes visit them in this order. */
  readonly operators: Operator[];
  /** Which in-application stream feeds which operator. */
  readonly taps: { stream: string; deliver: (row: Row) => void }[];
  readonly tableJoins: { table: string; op: TableJoinOperator }[];
  readonly warnings: Diagnostic[];
}

export interface StreamRelation {
  readonly isTable: false;
  readonly scope: Scope;
  readonly op: BaseOperator;
  readonly nodeId: number;
  /** KDA stream-to-stream joins: `FROM s OVER (RANGE …)` makes this side windowed. */
  readonly window: SlidingFrame | null;
}
export interface TableRelation {
  readonly isTable: true;
  readonly scope: Scope;
  readonly name: string;
  readonly rows: () => readonly Row[];
}
export type Relation = StreamRelation | TableRelation;

export function register<O extends BaseOperator>(ctx: BuildContext, op: O): O {
  ctx.operators.push(op);
  return op;
}

/** Wires `from`'s output into `to` (port for joins) and records the plan edge. */
export function pipe(ctx: BuildContext, from: StreamRelation, to: Operator, toNode: number, port = 0): void {
  from.op.emit = (row) => to.process(row, port);
  ctx.plan.connect(from.nodeId, toNode, port);
}

/**
 * Structural identity of an expression within a scope (column references replaced by their
 * resolved positions), so `STEP(t.ROWTIME BY …)` in SELECT matches `STEP(ROWTIME BY …)` in GROUP BY.
 */
export function exprKey(e: Expr, scope: Scope): string {
  return JSON.stringify(e, (key, value: unknown) => {
    if (key === 'range') return undefined;
    if (value && typeof value === 'object' && (value as { type?: string }).type === 'column_ref') {
      const ref = value as Extract<Expr, { type: 'column_ref' }>;
      try {
        return `#${resolveColumn(scope, ref.parts, ref.range).index}`;
      } catch {
        return ref.parts.map((p) => p.value).join('.');
      }
    }
    return value;
  });
}

/** Visits every sub-expression (not descending into sub-queries). */
export function walkExpr(e: Expr, visit: (e: Expr) => boolean | void): void {
  if (visit(e) === false) return;
  const kids: (Expr | null | undefined)[] = [];
  switch (e.type) {
    case 'unary_expr': kids.push(e.operand); break;
    case 'binary_expr': kids.push(e.left, e.right); break;
    case 'is_expr': kids.push(e.operand, e.right); break;
    case 'like_expr': kids.push(e.operand, e.pattern, e.escape); break;
    case 'between_expr': kids.push(e.operand, e.low, e.high); break;
    case 'in_expr': kids.push(e.operand, ...e.list); break;
    case 'case_expr': kids.push(e.operand, ...e.whens.flatMap((w) => [w.when, w.then]), e.otherwise); break;
    case 'cast_expr': kids.push(e.operand); break;
    case 'func_call': kids.push(...e.args); break;
    case 'interval_qualified': kids.push(e.operand); break;
    case 'field_access': kids.push(e.operand); break;
    default: break;
  }
  for (const k of kids) if (k) walkExpr(k, visit);
}
