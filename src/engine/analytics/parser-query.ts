/**
 * The query grammar (recursive descent): UNION chains, SELECT [STREAM] with its clauses (WHERE,
 * GROUP BY, WINDOW, STAGGER, HAVING, ORDER BY, LIMIT), select items, FROM lists and join chains,
 * aliases and FROM primaries. Statement-level grammar lives in parser.ts.
 */
import type { Expr, FromItem, FuncCall, Identifier, NamedWindow, OrderItem, Query, SelectItem, SelectQuery, StaggerClause } from './ast';
import type { Cursor } from './parser-cursor';
import { parseExpr, parseExprList, parseWindowSpec } from './parser-expr';

export function parseQuery(c: Cursor): Query {
  const start = c.peek().range.start;
  let left = parseQueryTerm(c);
  while (c.acceptWord('UNION')) {
    const all = c.acceptWord('ALL');
    if (!all) c.acceptWord('DISTINCT');
    const right = parseQueryTerm(c);
    left = { type: 'union_query', left, right, all, range: c.rangeFrom(start) };
  }
  return left;
}

function parseQueryTerm(c: Cursor): Query {
  if (c.acceptOp('(')) {
    const q = parseQuery(c);
    c.expectOp(')');
    return q;
  }
  return parseSelect(c);
}

function parseSelect(c: Cursor): SelectQuery {
  const start = c.peek().range.start;
  c.expectWord('SELECT');
  const stream = c.acceptWord('STREAM');
  const distinct = c.acceptWord('DISTINCT');
  if (!distinct) c.acceptWord('ALL');
  const items = [parseSelectItem(c)];
  while (c.acceptOp(',')) items.push(parseSelectItem(c));
  const from = c.acceptWord('FROM') ? parseFromList(c) : null;
  const where = c.acceptWord('WHERE') ? parseExpr(c) : null;
  let groupBy: Expr[] = [];
  let stagger: StaggerClause | null = null;
  for (;;) {
    if (c.acceptWords('GROUP', 'BY')) groupBy = parseExprList(c);
    else if (c.acceptWords('WINDOWED', 'BY')) stagger = parseStagger(c);
    else break;
  }
  const having = c.acceptWord('HAVING') ? parseExpr(c) : null;
  const windows: NamedWindow[] = [];
  if (c.acceptWord('WINDOW')) {
    do {
      const name = c.identifier('a window name');
      c.expectWord('AS');
      windows.push({ name, spec: parseWindowSpec(c) });
    } while (c.acceptOp(','));
  }
  const orderBy: OrderItem[] = [];
  if (c.acceptWords('ORDER', 'BY')) {
    do {
      const expr = parseExpr(c);
      const descending = c.acceptWord('DESC');
      if (!descending) c.acceptWord('ASC');
      orderBy.push({ expr, descending });
    } while (c.acceptOp(','));
  }
  return { type: 'select_query', stream, distinct, items, from, where, groupBy, stagger, having, windows, orderBy, range: c.rangeFrom(start) };
}

function parseStagger(c: Cursor): StaggerClause {
  c.expectWord('STAGGER');
  c.expectOp('(');
  c.expectWord('PARTITION');
  c.expectWord('BY');
  const partitionBy = parseExprList(c);
  c.expectWord('RANGE');
  const rangeSize = parseExpr(c);
  c.expectOp(')');
  return { partitionBy, rangeSize };
}

function parseSelectItem(c: Cursor): SelectItem {
  const start = c.peek().range.start;
  const expr = parseExpr(c);
  let alias: Identifier | null = null;
  if (c.acceptWord('AS')) alias = c.identifier('an alias', true);
  else if (c.isIdentifierStart()) alias = c.identifier('an alias');
  return { type: 'select_item', expr, alias, range: c.rangeFrom(start) };
}

function parseFromList(c: Cursor): FromItem {
  let left = parseJoinChain(c);
  while (c.acceptOp(',')) {
    const right = parseJoinChain(c);
    left = { type: 'join_ref', kind: 'CROSS', left, right, on: null, range: { start: left.range.start, end: right.range.end } };
  }
  return left;
}

function parseJoinChain(c: Cursor): FromItem {
  let left = parseFromPrimary(c);
  for (;;) {
    let kind: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS' | null = null;
    if (c.acceptWord('JOIN') || c.acceptWords('INNER', 'JOIN')) kind = 'INNER';
    else if (c.acceptWords('CROSS', 'JOIN')) kind = 'CROSS';
    else {
      for (const k of ['LEFT', 'RIGHT', 'FULL'] as const) {
        if (c.acceptWords(k, 'OUTER', 'JOIN') || c.acceptWords(k, 'JOIN')) kind = k;
      }
    }
    if (!kind) return left;
    const right = parseFromPrimary(c);
    let on: Expr | null = null;
    if (kind !== 'CROSS') {
      c.expectWord('ON');
      on = parseExpr(c);
    }
    left = { type: 'join_ref', kind, left, right, on, range: { start: left.range.start, end: c.lastEnd } };
  }
}

function parseAlias(c: Cursor): Identifier | null {
  if (c.acceptWord('AS')) return c.identifier('an alias');
  return c.isIdentifierStart() ? c.identifier('an alias') : null;
}

function parseFromPrimary(c: Cursor): FromItem {
  const start = c.peek().range.start;
  if (c.isOp('(')) {
    c.next();
    if (!c.isWord('SELECT') && !c.isOp('(')) {
      const inner = parseFromList(c);
      c.expectOp(')');
      return inner;
    }
    const query = parseQuery(c);
    c.expectOp(')');
    return { type: 'subquery_ref', query, alias: parseAlias(c), range: c.rangeFrom(start) };
  }
  if (c.isWord('TABLE') && c.isOp('(', 1)) {
    c.next();
    c.expectOp('(');
    const fn = parseExpr(c);
    if (fn.type !== 'func_call') throw c.error('expected a table function call inside TABLE(…)', fn.range);
    c.expectOp(')');
    return { type: 'table_function_ref', call: fn as FuncCall, alias: parseAlias(c), range: c.rangeFrom(start) };
  }
  if (c.isWord('LATERAL')) throw c.error('LATERAL is not supported');
  const name = c.identifier('a stream or table name');
  const over = c.acceptWord('OVER') ? parseWindowSpec(c) : null;
  let asOf: Expr | null = null;
  if (c.acceptWords('FOR', 'SYSTEM_TIME', 'AS', 'OF')) asOf = parseExpr(c);
  const alias = parseAlias(c);
  const overAfterAlias = !over && c.acceptWord('OVER') ? parseWindowSpec(c) : over;
  return { type: 'table_ref', name, alias, over: overAfterAlias, asOf, range: c.rangeFrom(start) };
}
