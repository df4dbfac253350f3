/**
 * Statement and query grammar (recursive descent). `parseScript` never throws: each statement
 * that fails is reported as a diagnostic and skipped up to the next `;`, so several errors show
 * at once. The dialect (KDA or Flink) is decided from what was parsed.
 */
import type { ColumnDef, CreatePumpStmt, CreateStreamStmt, CreateTableStmt, Expr, Identifier, Query, Script, Statement } from './ast';
import type { Diagnostic, Position } from './diagnostics';
import { diagnostic, SqlSyntaxError } from './diagnostics';
import { tokenize } from './lexer';
import { Cursor, describe } from './parser-cursor';
import { parseExpr, parseTypeName } from './parser-expr';
import { parseQuery } from './parser-query';

export { parseQuery } from './parser-query';

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
