/**
 * Expression grammar (recursive descent, one function per production, lowest precedence first):
 * or → and → not → predicate → additive → multiplicative → unary → postfix → primary.
 * Special call syntaxes (SUBSTRING … FROM … FOR, TRIM, POSITION … IN, FLOOR … TO, STEP … BY,
 * EXTRACT, OVERLAY, CAST) are normalised into `func_call`/`cast_expr` nodes.
 */
import type { BinaryOp, Expr, Identifier, TimeUnit } from './ast';
import { call, parseFunctionCall, parseTypeName } from './parser-calls';
import type { Cursor } from './parser-cursor';
import { describe } from './parser-cursor';
import { RESERVED_WORDS } from './tokens';

const COMPARISON_OPS = new Set(['=', '<>', '!=', '<', '>', '<=', '>=']);
const NILADIC = new Set(['CURRENT_ROW_TIMESTAMP', 'CURRENT_TIMESTAMP', 'LOCALTIMESTAMP', 'CURRENT_DATE', 'CURRENT_TIME', 'LOCALTIME']);

export function parseExpr(c: Cursor): Expr {
  return parseOr(c);
}

function binary(op: BinaryOp, left: Expr, right: Expr): Expr {
  return { type: 'binary_expr', op, left, right, range: { start: left.range.start, end: right.range.end } };
}

function parseOr(c: Cursor): Expr {
  let left = parseAnd(c);
  while (c.acceptWord('OR')) left = binary('OR', left, parseAnd(c));
  return left;
}

function parseAnd(c: Cursor): Expr {
  let left = parseNot(c);
  while (c.acceptWord('AND')) left = binary('AND', left, parseNot(c));
  return left;
}

function parseNot(c: Cursor): Expr {
  const start = c.peek().range.start;
  if (c.acceptWord('NOT')) {
    const operand = parseNot(c);
    return { type: 'unary_expr', op: 'NOT', operand, range: c.rangeFrom(start) };
  }
  return parsePredicate(c);
}

function parsePredicate(c: Cursor): Expr {
  let left = parseAdditive(c);
  for (;;) {
    const start = left.range.start;
    const t = c.peek();
    if (t.kind === 'op' && COMPARISON_OPS.has(t.value)) {
      c.next();
      const op = (t.value === '!=' ? '<>' : t.value) as BinaryOp;
      left = binary(op, left, parseAdditive(c));
      continue;
    }
    if (c.acceptWord('IS')) {
      const not = c.acceptWord('NOT');
      if (c.acceptWords('DISTINCT', 'FROM')) {
        const right = parseAdditive(c);
        left = { type: 'is_expr', operand: left, not, test: 'DISTINCT_FROM', right, range: c.rangeFrom(start) };
        continue;
      }
      const word = c.peek();
      if (word.kind === 'ident' && ['NULL', 'TRUE', 'FALSE', 'UNKNOWN'].includes(word.value)) {
        c.next();
        left = { type: 'is_expr', operand: left, not, test: word.value as 'NULL', right: null, range: c.rangeFrom(start) };
        continue;
      }
      throw c.error(`expected NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM after IS but found ${describe(word)}`);
    }
    const save = c.position;
    const not = c.acceptWord('NOT');
    if (c.acceptWord('LIKE') || c.acceptWords('SIMILAR', 'TO')) {
      const similar = c.tokens[c.position - 1].value === 'TO';
      const pattern = parseAdditive(c);
      const escape = c.acceptWord('ESCAPE') ? parseAdditive(c) : null;
      left = { type: 'like_expr', operand: left, pattern, escape, not, similar, range: c.rangeFrom(start) };
      continue;
    }
    if (c.acceptWord('BETWEEN')) {
      c.acceptWord('SYMMETRIC');
      c.acceptWord('ASYMMETRIC');
      const low = parseAdditive(c);
      c.expectWord('AND');
      const high = parseAdditive(c);
      left = { type: 'between_expr', operand: left, low, high, not, range: c.rangeFrom(start) };
      continue;
    }
    if (c.acceptWord('IN')) {
      c.expectOp('(');
      if (c.isWord('SELECT')) throw c.error('IN (sub-query) is not supported in streaming SQL: join with a reference table instead');
      const list = parseExprList(c);
      c.expectOp(')');
      left = { type: 'in_expr', operand: left, list, not, range: c.rangeFrom(start) };
      continue;
    }
    c.position = save;
    return left;
  }
}

export function parseAdditive(c: Cursor): Expr {
  let left = parseMultiplicative(c);
  for (;;) {
    if (c.acceptOp('+')) left = binary('+', left, parseMultiplicative(c));
    else if (c.acceptOp('-')) left = binary('-', left, parseMultiplicative(c));
    else if (c.acceptOp('||')) left = binary('||', left, parseMultiplicative(c));
    else return left;
  }
}

function parseMultiplicative(c: Cursor): Expr {
  let left = parseUnary(c);
  for (;;) {
    if (c.acceptOp('*')) left = binary('*', left, parseUnary(c));
    else if (c.acceptOp('/')) left = binary('/', left, parseUnary(c));
    else if (c.acceptOp('%')) left = binary('%', left, parseUnary(c));
    else return left;
  }
}

function parseUnary(c: Cursor): Expr {
  const start = c.peek().range.start;
  if (c.acceptOp('-')) return { type: 'unary_expr', op: '-', operand: parseUnary(c), range: c.rangeFrom(start) };
  if (c.acceptOp('+')) return { type: 'unary_expr', op: '+', operand: parseUnary(c), range: c.rangeFrom(start) };
  return parsePostfix(c);
}

function parsePostfix(c: Cursor): Expr {
  // `(r).COLUMN1`: a parenthesised column reference may be a ROW value whose field is read.
  const parenthesised = c.isOp('(');
  let expr = parsePrimary(c);
  while (c.isOp('.') && (parenthesised || expr.type !== 'column_ref')) {
    c.next();
    const field = c.identifier('a field name', true);
    expr = { type: 'field_access', operand: expr, field, range: { start: expr.range.start, end: field.range.end } };
  }
  return expr;
}

export function parseExprList(c: Cursor): Expr[] {
  const list = [parseExpr(c)];
  while (c.acceptOp(',')) list.push(parseExpr(c));
  return list;
}

function parsePrimary(c: Cursor): Expr {
  const t = c.peek();
  const start = t.range.start;
  if (t.kind === 'number') {
    c.next();
    return { type: 'literal', kind: 'number', value: t.value, range: t.range };
  }
  if (t.kind === 'string') {
    c.next();
    return { type: 'literal', kind: 'string', value: t.value, range: t.range };
  }
  if (t.kind === 'op' && t.value === '(') return parseParenthesized(c);
  if (t.kind === 'op' && t.value === '*') {
    c.next();
    return { type: 'star', qualifier: null, range: t.range };
  }
  if (t.kind === 'quoted_ident') return parseColumnRef(c);
  if (t.kind !== 'ident') throw c.error(`expected an expression but found ${describe(t)}`);
  switch (t.value) {
    case 'NULL':
      c.next();
      return { type: 'literal', kind: 'null', value: null, range: t.range };
    case 'TRUE':
    case 'FALSE':
      c.next();
      return { type: 'literal', kind: 'boolean', value: t.value === 'TRUE', range: t.range };
    case 'CASE':
      return parseCase(c);
    case 'CAST':
      return parseCast(c);
    case 'INTERVAL':
      return parseIntervalLiteral(c);
    case 'CURSOR': {
      c.next();
      c.expectOp('(');
      const query = c.parseQuery(c);
      c.expectOp(')');
      return { type: 'cursor_expr', query, range: c.rangeFrom(start) };
    }
    case 'DESCRIPTOR': {
      c.next();
      c.expectOp('(');
      const columns = [c.identifier('a column name', true)];
      while (c.acceptOp(',')) columns.push(c.identifier('a column name', true));
      c.expectOp(')');
      return { type: 'descriptor_expr', columns, range: c.rangeFrom(start) };
    }
    case 'TABLE': {
      if (c.peek(1).kind !== 'ident' && c.peek(1).kind !== 'quoted_ident') break;
      c.next();
      const name = c.identifier('a table name');
      const partitionBy: Expr[] = [];
      if (c.acceptWords('PARTITION', 'BY')) {
        partitionBy.push(parseExpr(c));
        // The partition list ends where the DESCRIPTOR argument starts: SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), …).
        while (c.isOp(',') && !c.isWord('DESCRIPTOR', 1)) {
          c.next();
          partitionBy.push(parseExpr(c));
        }
      }
      return { type: 'table_arg', name, partitionBy, range: c.rangeFrom(start) };
    }
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      if (c.peek(1).kind === 'string') {
        c.next();
        const value = c.next().value;
        return { type: 'typed_literal', kind: t.value, value, range: c.rangeFrom(start) };
      }
      break;
  }
  if (NILADIC.has(t.value) && !c.isOp('(', 1)) {
    c.next();
    return call(t.value, [], start, c, { bare: true });
  }
  if (c.isOp('(', 1)) return parseFunctionCall(c);
  if (RESERVED_WORDS.has(t.value)) throw c.error(`expected an expression but found ${describe(t)}`);
  return parseColumnRef(c);
}

function parseParenthesized(c: Cursor): Expr {
  const start = c.peek().range.start;
  c.expectOp('(');
  if (c.isWord('SELECT')) throw c.error('scalar sub-queries are not supported in streaming SQL');
  const inner = parseExpr(c);
  c.expectOp(')');
  // `(ts1 - ts2) SECOND`: the interval qualifier that turns a timestamp difference into a number.
  if (c.isTimeUnit() && !c.isOp('(', 1)) {
    const unit = c.timeUnit();
    return { type: 'interval_qualified', operand: inner, unit, range: c.rangeFrom(start) };
  }
  return inner;
}

function parseColumnRef(c: Cursor): Expr {
  const start = c.peek().range.start;
  const parts: Identifier[] = [c.identifier('a column name', true)];
  while (c.isOp('.')) {
    if (c.isOp('*', 1)) {
      c.next();
      c.next();
      if (parts.length !== 1) throw c.error('expected alias.* with a single qualifier');
      return { type: 'star', qualifier: parts[0], range: c.rangeFrom(start) };
    }
    c.next();
    parts.push(c.identifier('a column name', true));
  }
  return { type: 'column_ref', parts, range: c.rangeFrom(start) };
}

function parseCase(c: Cursor): Expr {
  const start = c.peek().range.start;
  c.expectWord('CASE');
  const operand = c.isWord('WHEN') ? null : parseExpr(c);
  const whens: { when: Expr; then: Expr }[] = [];
  while (c.acceptWord('WHEN')) {
    const when = parseExpr(c);
    c.expectWord('THEN');
    whens.push({ when, then: parseExpr(c) });
  }
  if (whens.length === 0) throw c.error('CASE needs at least one WHEN … THEN …');
  const otherwise = c.acceptWord('ELSE') ? parseExpr(c) : null;
  c.expectWord('END');
  return { type: 'case_expr', operand, whens, otherwise, range: c.rangeFrom(start) };
}

function parseCast(c: Cursor): Expr {
  const start = c.peek().range.start;
  c.expectWord('CAST');
  c.expectOp('(');
  const operand = parseExpr(c);
  c.expectWord('AS');
  const target = parseTypeName(c);
  c.expectOp(')');
  return { type: 'cast_expr', operand, target, range: c.rangeFrom(start) };
}

function parseIntervalLiteral(c: Cursor): Expr {
  const start = c.peek().range.start;
  c.expectWord('INTERVAL');
  let negative = false;
  if (c.acceptOp('-')) negative = true;
  else c.acceptOp('+');
  const t = c.peek();
  if (t.kind !== 'string' && t.kind !== 'number') throw c.error(`expected a quoted interval value such as '10' but found ${describe(t)}`);
  c.next();
  const unit = c.timeUnit();
  if (c.acceptOp('(')) {
    c.next();
    if (c.acceptOp(',')) c.next();
    c.expectOp(')');
  }
  let toUnit: TimeUnit | null = null;
  if (c.acceptWord('TO')) {
    toUnit = c.timeUnit();
    if (c.acceptOp('(')) {
      c.next();
      c.expectOp(')');
    }
  }
  return { type: 'interval_literal', value: t.value, negative, unit, toUnit, range: c.rangeFrom(start) };
}


export { parseTypeName, parseWindowSpec } from './parser-calls';
