/**
 * Special call syntaxes of the expression grammar, one function per production: function calls with
 * their SQL-standard keyword forms (EXTRACT, POSITION … IN, TRIM, SUBSTRING … FROM … FOR, OVERLAY,
 * FLOOR/CEIL … TO, STEP … BY), OVER window specifications with frames, and type names.
 */
import type { Expr, FuncCall, Identifier, TypeName, WindowSpec } from './ast';
import type { Position } from './diagnostics';
import type { Cursor } from './parser-cursor';
import { describe } from './parser-cursor';
import { parseAdditive, parseExpr, parseExprList } from './parser-expr';

export function call(name: string, args: Expr[], start: Position, c: Cursor, extra: Partial<FuncCall> = {}): FuncCall {
  return {
    type: 'func_call', name, args, distinct: false, unit: null, trimSpec: null, over: null, bare: false,
    ...extra, range: c.rangeFrom(start),
  };
}

export function parseFunctionCall(c: Cursor): Expr {
  const start = c.peek().range.start;
  const name = c.next().value;
  c.expectOp('(');
  switch (name) {
    case 'EXTRACT': {
      const unit = c.timeUnit();
      c.expectWord('FROM');
      const arg = parseExpr(c);
      c.expectOp(')');
      return call(name, [arg], start, c, { unit });
    }
    case 'POSITION': {
      const needle = parseAdditive(c);
      if (c.acceptWord('IN')) {
        const haystack = parseExpr(c);
        c.expectOp(')');
        return call(name, [needle, haystack], start, c);
      }
      break;
    }
    case 'TRIM':
      return parseTrim(c, start);
    case 'SUBSTRING':
    case 'OVERLAY': {
      const first = parseExpr(c);
      if (name === 'OVERLAY' && c.acceptWord('PLACING')) {
        const args = [first, parseExpr(c)];
        c.expectWord('FROM');
        args.push(parseExpr(c));
        if (c.acceptWord('FOR')) args.push(parseExpr(c));
        c.expectOp(')');
        return call(name, args, start, c);
      }
      if (name === 'SUBSTRING' && c.acceptWord('FROM')) {
        const args = [first, parseExpr(c)];
        if (c.acceptWord('FOR')) args.push(parseExpr(c));
        c.expectOp(')');
        return call(name, args, start, c);
      }
      const rest = c.acceptOp(',') ? parseExprList(c) : [];
      c.expectOp(')');
      return call(name, [first, ...rest], start, c);
    }
    case 'FLOOR':
    case 'CEIL':
    case 'CEILING': {
      const arg = parseExpr(c);
      const unit = c.acceptWord('TO') ? c.timeUnit() : null;
      c.expectOp(')');
      return call(name === 'CEILING' ? 'CEIL' : name, [arg], start, c, { unit });
    }
    case 'STEP': {
      const arg = parseExpr(c);
      c.expectWord('BY');
      const width = parseExpr(c);
      c.expectOp(')');
      return call(name, [arg, width], start, c);
    }
  }
  let distinct = false;
  let args: Expr[] = [];
  if (!c.isOp(')')) {
    if (c.acceptWord('DISTINCT')) distinct = true;
    else c.acceptWord('ALL');
    args = parseExprList(c);
  }
  c.expectOp(')');
  let over: WindowSpec | Identifier | null = null;
  if (c.acceptWord('OVER')) over = c.isOp('(') ? parseWindowSpec(c) : c.identifier('a window name');
  return call(name, args, start, c, { distinct, over });
}

function parseTrim(c: Cursor, start: Position): Expr {
  let trimSpec: 'BOTH' | 'LEADING' | 'TRAILING' | null = null;
  for (const spec of ['BOTH', 'LEADING', 'TRAILING'] as const) if (c.acceptWord(spec)) trimSpec = spec;
  if (trimSpec && c.acceptWord('FROM')) {
    const s = parseExpr(c);
    c.expectOp(')');
    return call('TRIM', [s], start, c, { trimSpec });
  }
  const first = parseExpr(c);
  if (c.acceptWord('FROM')) {
    const s = parseExpr(c);
    c.expectOp(')');
    return call('TRIM', [s, first], start, c, { trimSpec: trimSpec ?? 'BOTH' });
  }
  c.expectOp(')');
  return call('TRIM', [first], start, c, { trimSpec });
}

export function parseWindowSpec(c: Cursor): WindowSpec {
  const start = c.peek().range.start;
  c.expectOp('(');
  let base: Identifier | null = null;
  if (c.isIdentifierStart() && !c.isWord('PARTITION') && !c.isWord('ORDER')) base = c.identifier('a window name');
  const partitionBy = c.acceptWords('PARTITION', 'BY') ? parseExprList(c) : [];
  const orderBy: Expr[] = [];
  if (c.acceptWords('ORDER', 'BY')) {
    do {
      orderBy.push(parseExpr(c));
      if (c.acceptWord('DESC')) throw c.error('window ORDER BY must be ascending on a time attribute');
      c.acceptWord('ASC');
    } while (c.acceptOp(','));
  }
  let frame: WindowSpec['frame'] = null;
  const modeToken = c.peek();
  if (c.acceptWord('RANGE') || c.acceptWord('ROWS')) {
    const mode = modeToken.value as 'RANGE' | 'ROWS';
    if (c.acceptWord('BETWEEN')) {
      const preceding = parseFrameBound(c);
      c.expectWord('AND');
      c.expectWord('CURRENT');
      c.expectWord('ROW');
      frame = { mode, preceding };
    } else frame = { mode, preceding: parseFrameBound(c) };
  }
  c.expectOp(')');
  return { type: 'window_spec', base, partitionBy, orderBy, frame, range: c.rangeFrom(start) };
}

function parseFrameBound(c: Cursor): Expr | 'UNBOUNDED' | 'CURRENT' {
  if (c.acceptWords('CURRENT', 'ROW')) return 'CURRENT';
  if (c.acceptWord('UNBOUNDED')) {
    if (c.isWord('FOLLOWING')) throw c.error('UNBOUNDED FOLLOWING is not allowed: a streaming window must end at the current row');
    c.expectWord('PRECEDING');
    return 'UNBOUNDED';
  }
  const size = parseAdditive(c);
  if (c.isWord('FOLLOWING')) throw c.error('FOLLOWING bounds are not allowed: a streaming window must end at the current row');
  c.expectWord('PRECEDING');
  return size;
}

const TYPE_ALIASES: Record<string, string> = {
  INT: 'INTEGER', NUMERIC: 'DECIMAL', DEC: 'DECIMAL', FLOAT: 'DOUBLE', STRING: 'VARCHAR', BOOL: 'BOOLEAN',
  CHARACTER: 'CHAR', TIMESTAMP_LTZ: 'TIMESTAMP', BYTES: 'VARBINARY',
};
const KNOWN_TYPES = new Set([
  'TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'DECIMAL', 'REAL', 'DOUBLE', 'BOOLEAN', 'CHAR', 'VARCHAR', 'BINARY',
  'VARBINARY', 'DATE', 'TIME', 'TIMESTAMP',
]);

export function parseTypeName(c: Cursor): TypeName {
  const start = c.peek().range.start;
  const t = c.peek();
  if (t.kind !== 'ident') throw c.error(`expected a type name but found ${describe(t)}`);
  c.next();
  let name = TYPE_ALIASES[t.value] ?? t.value;
  if (name === 'DOUBLE') c.acceptWord('PRECISION');
  if (name === 'CHAR' && c.acceptWord('VARYING')) name = 'VARCHAR';
  if (!KNOWN_TYPES.has(name)) throw c.error(`unknown type ${t.text}: use INTEGER, BIGINT, DOUBLE, DECIMAL(p,s), VARCHAR(n), BOOLEAN, TIMESTAMP, …`, t.range);
  const params: number[] = [];
  if (c.acceptOp('(')) {
    do {
      const p = c.peek();
      if (p.kind !== 'number') throw c.error(`expected a number in the type parameters but found ${describe(p)}`);
      c.next();
      params.push(Number(p.value));
    } while (c.acceptOp(','));
    c.expectOp(')');
  }
  if (name === 'TIMESTAMP' || name === 'TIME') {
    if (c.acceptWords('WITH', 'LOCAL', 'TIME', 'ZONE') || c.acceptWords('WITHOUT', 'TIME', 'ZONE')) {
      /* zone-less in the simulator: all timestamps are UTC */
    }
  }
  return { type: 'type_name', name, params, range: c.rangeFrom(start) };
}
