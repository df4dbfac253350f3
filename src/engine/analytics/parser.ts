/**
 * Statement and query grammar (recursive descent). `parseScript` never throws: each statement
 * that fails is reported as a diagnostic and skipped up to the next `;`, so several errors show
 * at once. The dialect (KDA or Flink) is decided from what was parsed.
 */
import type {
  ColumnDef, CreatePumpStmt, CreateStreamStmt, CreateTableStmt, Expr, FromItem, FuncCall, Identifier, NamedWindow,
  OrderItem, Query, Script, SelectItem, SelectQuery, StaggerClause, Statement,
} from './ast';
import type { Diagnostic, Position } from './diagnostics';
import { diagnostic, SqlSyntaxError } from './diagnostics';
import { tokenize } from './lexer';
import { Cursor, describe } from './parser-cursor';
import { parseExpr, parseExprList, parseTypeName, parseWindowSpec } from './parser-expr';

export interface ParseResult {
  readonly script: Script;
  readonly diagnostics: Diagnostic[];
  /**
   * Statements kept although a syntax error follows their valid prefix (junk before the `;`).
   * The binder declares them but drops their diagnostics: those are consequences of the typo.
   */
  readonly broken: ReadonlySet<Statement>;
  /** Names that failed CREATE STREAM/TABLE/VIEW statements meant to declare ("unknown stream" follow-ons). */
  readonly brokenNames: ReadonlySet<string>;
}

/** The name a statement starting at token `start` declares, if it is a CREATE STREAM/TABLE/VIEW. */
function declaredName(c: Cursor, start: number): string | null {
  const end = c.position;
  c.position = start;
  try {
    if (!c.acceptWord('CREATE')) return null;
    c.acceptWords('OR', 'REPLACE');
    if (!c.acceptWord('STREAM') && !c.acceptWord('TABLE') && !c.acceptWord('VIEW')) return null;
    return c.identifier('a name').value;
  } catch {
    return null;
  } finally {
    c.position = end;
  }
}

export function parseScript(source: string): ParseResult {
  const lexed = tokenize(source);
  const diagnostics = [...lexed.diagnostics];
  const c = new Cursor(lexed.tokens);
  c.parseQuery = parseQuery;
  const statements: Statement[] = [];
  const broken = new Set<Statement>();
  const brokenNames = new Set<string>();
  while (!c.atEnd) {
    if (c.acceptOp(';')) continue;
    const start = c.position;
    try {
      const stmt = parseStatement(c);
      statements.push(stmt);
      if (!c.atEnd && !c.acceptOp(';')) {
        broken.add(stmt);
        throw c.error(`expected ';' after the statement but found ${describe(c.peek())}`);
      }
    } catch (e) {
      const name = declaredName(c, start);
      if (name !== null) brokenNames.add(name);
      if (e instanceof RangeError) {
        // Stack exhaustion on absurdly nested input is reported, not thrown.
        diagnostics.push(diagnostic('the statement is nested too deeply to parse', c.peek().range));
      } else if (!(e instanceof SqlSyntaxError)) throw e;
      else diagnostics.push(diagnostic(e.message, e.range));
      skipToStatementEnd(c);
    }
  }
  const kda = statements.some((s) => s.type === 'create_pump' || s.type === 'create_stream' || (s.type === 'query_stmt' && isStreamQuery(s.query)));
  return { script: { type: 'script', statements, dialect: kda || statements.length === 0 ? 'kda' : 'flink' }, diagnostics, broken, brokenNames };
}

/** Parses one expression on its own (used by tests and the schema editor). */
export function parseExpression(source: string): Expr {
  const lexed = tokenize(source);
  if (lexed.diagnostics.length) throw new SqlSyntaxError(lexed.diagnostics[0].message, lexed.diagnostics[0].range);
  const c = new Cursor(lexed.tokens);
  c.parseQuery = parseQuery;
  const e = parseExpr(c);
  if (!c.atEnd) throw c.error(`unexpected ${describe(c.peek())} after the expression`);
  return e;
}

function isStreamQuery(q: Query): boolean {
  return q.type === 'select_query' ? q.stream : isStreamQuery(q.left);
}

function skipToStatementEnd(c: Cursor): void {
  const before = c.position;
  while (!c.atEnd && !c.isOp(';')) c.next();
  c.acceptOp(';');
  if (c.position === before && !c.atEnd) c.next();
}

function parseStatement(c: Cursor): Statement {
  const start = c.peek().range.start;
  if (c.acceptWord('CREATE')) {
    const orReplace = c.acceptWords('OR', 'REPLACE');
    c.acceptWord('TEMPORARY');
    if (c.acceptWord('STREAM')) return parseCreateStream(c, start, orReplace);
    if (c.acceptWord('PUMP')) return parseCreatePump(c, start, orReplace);
    if (c.acceptWord('TABLE')) return parseCreateTable(c, start);
    if (c.acceptWord('VIEW')) {
      const name = c.identifier('a view name');
      c.expectWord('AS');
      const query = parseQuery(c);
      return { type: 'create_view', name, query, range: c.rangeFrom(start) };
    }
    if (c.isWord('FUNCTION')) throw c.error('CREATE FUNCTION (Java UDFs) is not supported in Kinesis Data Analytics SQL applications');
    throw c.error(`expected STREAM, PUMP, TABLE or VIEW after CREATE but found ${describe(c.peek())}`);
  }
  if (c.acceptWord('INSERT')) {
    c.expectWord('INTO');
    const target = c.identifier('a stream or table name');
    const columns = parseOptionalColumnList(c);
    const query = parseQuery(c);
    return { type: 'insert_stmt', target, columns, query, range: c.rangeFrom(start) };
  }
  if (c.isWord('SELECT') || c.isOp('(')) {
    const query = parseQuery(c);
    return { type: 'query_stmt', query, range: c.rangeFrom(start) };
  }
  throw c.error(`expected CREATE STREAM, CREATE PUMP, CREATE TABLE, INSERT INTO or SELECT but found ${describe(c.peek())}`);
}

function parseCreateStream(c: Cursor, start: Position, orReplace: boolean): CreateStreamStmt {
  const name = c.identifier('a stream name');
  c.expectOp('(');
  const columns: ColumnDef[] = [];
  do columns.push(parseColumnDef(c));
  while (c.acceptOp(','));
  c.expectOp(')');
  let description: string | null = null;
  if (c.acceptWord('DESCRIPTION')) {
    const t = c.next();
    if (t.kind !== 'string') throw c.error('expected a quoted description', t.range);
    description = t.value;
  }
  return { type: 'create_stream', name, orReplace, columns, description, range: c.rangeFrom(start) };
}

function parseColumnDef(c: Cursor): ColumnDef {
  const name = c.identifier('a column name', true);
  if (c.acceptWord('AS')) return { name, dataType: null, notNull: false, computed: parseExpr(c) };
  const dataType = parseTypeName(c);
  let notNull = false;
  if (c.acceptWords('NOT', 'NULL')) notNull = true;
  else c.acceptWord('NULL');
  if (c.acceptWords('METADATA')) {
    if (c.acceptWord('FROM')) c.next();
    c.acceptWord('VIRTUAL');
  }
  return { name, dataType, notNull, computed: null };
}

function parseCreatePump(c: Cursor, start: Position, orReplace: boolean): CreatePumpStmt {
  const name = c.identifier('a pump name');
  c.acceptWord('STARTED');
  c.expectWord('AS');
  c.expectWord('INSERT');
  c.expectWord('INTO');
  const target = c.identifier('a stream name');
  const columns = parseOptionalColumnList(c);
  const query = parseQuery(c);
  return { type: 'create_pump', name, orReplace, target, columns, query, range: c.rangeFrom(start) };
}

function parseOptionalColumnList(c: Cursor): Identifier[] | null {
  if (!c.isOp('(') || c.isWord('SELECT', 1)) return null;
  c.expectOp('(');
  const columns = [c.identifier('a column name', true)];
  while (c.acceptOp(',')) columns.push(c.identifier('a column name', true));
  c.expectOp(')');
  return columns;
}

function parseCreateTable(c: Cursor, start: Position): CreateTableStmt {
  c.acceptWords('IF', 'NOT', 'EXISTS');
  const name = c.identifier('a table name');
  c.expectOp('(');
  const columns: ColumnDef[] = [];
  let watermark: CreateTableStmt['watermark'] = null;
  do {
    if (c.acceptWord('WATERMARK')) {
      c.expectWord('FOR');
      const column = c.identifier('the event-time column', true);
      c.expectWord('AS');
      watermark = { column, expr: parseExpr(c) };
    } else if (c.acceptWord('PRIMARY')) {
      c.expectWord('KEY');
      parseOptionalColumnList(c);
      c.acceptWords('NOT', 'ENFORCED');
    } else columns.push(parseColumnDef(c));
  } while (c.acceptOp(','));
  c.expectOp(')');
  const options: [string, string][] = [];
  if (c.acceptWord('WITH')) {
    c.expectOp('(');
    do {
      const key = c.next();
      c.expectOp('=');
      const value = c.next();
      if (key.kind !== 'string' || value.kind !== 'string') throw c.error("expected 'key' = 'value' options", key.range);
      options.push([key.value, value.value]);
    } while (c.acceptOp(','));
    c.expectOp(')');
  }
  return { type: 'create_table', name, columns, watermark, options, range: c.rangeFrom(start) };
}

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
