/**
 * Name resolution scopes: the columns visible to an expression, each at a fixed index of the
 * row array (rows are arrays indexed by column position on the hot path). Joins concatenate scopes.
 */
import type { Identifier } from './ast';
import type { Range } from './diagnostics';
import { SqlBindError } from './diagnostics';
import type { SqlType } from './types';

/** Time semantics a column carries, so the planner can recognise windows. */
export type ColumnRole = 'rowtime' | 'event_time' | 'window_start' | 'window_end' | 'window_time' | null;

export interface ScopeColumn {
  readonly name: string;
  readonly type: SqlType;
  readonly index: number;
  /** Alias (or stream name) of the relation the column belongs to. */
  readonly relation: string;
  /** System columns (ROWTIME, APPROXIMATE_ARRIVAL_TIME) resolve by name but are not in `*`. */
  readonly hidden: boolean;
  readonly role: ColumnRole;
  /** Bind-time hook: the source computes costly system columns only once something references them. */
  readonly onReference?: () => void;
}

export interface Scope {
  readonly columns: readonly ScopeColumn[];
  readonly width: number;
  /** Index of the ROWTIME that derived rows inherit (the driving stream's). */
  readonly rowtimeIndex: number;
}

export function shiftScope(scope: Scope, offset: number): ScopeColumn[] {
  return scope.columns.map((c) => ({ ...c, index: c.index + offset }));
}

export function joinScopes(left: Scope, right: Scope, rowtimeFromRight = false): Scope {
  return {
    columns: [...left.columns, ...shiftScope(right, left.width)],
    width: left.width + right.width,
    rowtimeIndex: rowtimeFromRight ? left.width + right.rowtimeIndex : left.rowtimeIndex,
  };
}

/** Renames every column's relation (FROM (…) AS t, FROM s AS t). */
export function aliasScope(scope: Scope, alias: string): Scope {
  return { ...scope, columns: scope.columns.map((c) => ({ ...c, relation: alias })) };
}

function matches(name: string, id: Identifier, exact: boolean): boolean {
  return exact ? name === id.value : name.toUpperCase() === id.value.toUpperCase();
}

/**
 * Finds a column by `col` or `rel.col`. Exact (case-sensitive) matches win; a unique
 * case-insensitive match is accepted too, because input schemas often declare lower-case names.
 */
export function resolveColumn(scope: Scope, parts: readonly Identifier[], range: Range): ScopeColumn {
  if (parts.length > 2) throw new SqlBindError(`'${parts.map((p) => p.value).join('.')}' has too many qualifiers: use alias.column`, range);
  const [rel, col] = parts.length === 2 ? parts : [null, parts[0]];
  for (const exact of [true, false]) {
    let candidates = scope.columns.filter((c) => matches(c.name, col, exact) && (!rel || matches(c.relation, rel, exact)));
    if (candidates.length > 1 && !rel) {
      // ROWTIME of a join is the driving stream's; other duplicates are real ambiguities.
      const driving = candidates.find((c) => c.index === scope.rowtimeIndex);
      if (driving) candidates = [driving];
    }
    if (candidates.length === 1) {
      candidates[0].onReference?.();
      return candidates[0];
    }
    if (candidates.length > 1) throw new SqlBindError(`column '${col.value}' is ambiguous: qualify it with one of ${[...new Set(candidates.map((c) => c.relation))].join(', ')}`, range);
  }
  if (rel && !scope.columns.some((c) => matches(c.relation, rel, false))) {
    throw new SqlBindError(`unknown stream or alias '${rel.value}'`, rel.range);
  }
  const visible = scope.columns.filter((c) => !c.hidden).map((c) => c.name);
  throw new SqlBindError(`unknown column '${col.value}'${visible.length ? `; available: ${visible.slice(0, 12).join(', ')}` : ''}`, range);
}
