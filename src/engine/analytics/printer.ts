/**
 * AST → SQL text. Binary expressions are fully parenthesised so printing and re-parsing yields the
 * same tree (the round-trip property the tests check); special call forms print in their SQL syntax.
 */
import type { ColumnDef, Expr, FromItem, Identifier, Query, Script, Statement, TypeName, WindowSpec } from './ast';
import { assertNever } from './ast';

export function printScript(script: Script): string {
  return script.statements.map((s) => printStatement(s) + ';').join('\n');
}

export function printIdentifier(id: Identifier): string {
  return id.quoted ? `"${id.value.replace(/"/g, '""')}"` : id.value;
}

function printType(t: TypeName): string {
  return t.params.length ? `${t.name}(${t.params.join(', ')})` : t.name;
}

function printColumn(col: ColumnDef): string {
  if (col.computed) return `${printIdentifier(col.name)} AS ${printExpr(col.computed)}`;
  return `${printIdentifier(col.name)} ${col.dataType ? printType(col.dataType) : ''}${col.notNull ? ' NOT NULL' : ''}`;
}

const str = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function printStatement(s: Statement): string {
  switch (s.type) {
    case 'create_stream':
      return `CREATE ${s.orReplace ? 'OR REPLACE ' : ''}STREAM ${printIdentifier(s.name)} (${s.columns.map(printColumn).join(', ')})${s.description !== null ? ` DESCRIPTION ${str(s.description)}` : ''}`;
    case 'create_pump':
      return `CREATE ${s.orReplace ? 'OR REPLACE ' : ''}PUMP ${printIdentifier(s.name)} AS INSERT INTO ${printIdentifier(s.target)}${s.columns ? ` (${s.columns.map(printIdentifier).join(', ')})` : ''} ${printQuery(s.query)}`;
    case 'create_table': {
      const parts = s.columns.map(printColumn);
      if (s.watermark) parts.push(`WATERMARK FOR ${printIdentifier(s.watermark.column)} AS ${printExpr(s.watermark.expr)}`);
      const opts = s.options.length ? ` WITH (${s.options.map(([k, v]) => `${str(k)} = ${str(v)}`).join(', ')})` : '';
      return `CREATE TABLE ${printIdentifier(s.name)} (${parts.join(', ')})${opts}`;
    }
    case 'create_view':
      return `CREATE VIEW ${printIdentifier(s.name)} AS ${printQuery(s.query)}`;
    case 'insert_stmt':
      return `INSERT INTO ${printIdentifier(s.target)}${s.columns ? ` (${s.columns.map(printIdentifier).join(', ')})` : ''} ${printQuery(s.query)}`;
    case 'query_stmt':
      return printQuery(s.query);
    default:
      return assertNever(s, 'statement');
  }
}

export function printQuery(q: Query): string {
  if (q.type === 'union_query') return `(${printQuery(q.left)}) UNION ${q.all ? 'ALL ' : ''}(${printQuery(q.right)})`;
  const parts = [`SELECT ${q.stream ? 'STREAM ' : ''}${q.distinct ? 'DISTINCT ' : ''}${q.items.map((i) => printExpr(i.expr) + (i.alias ? ` AS ${printIdentifier(i.alias)}` : '')).join(', ')}`];
  if (q.from) parts.push(`FROM ${printFrom(q.from)}`);
  if (q.where) parts.push(`WHERE ${printExpr(q.where)}`);
  if (q.groupBy.length) parts.push(`GROUP BY ${q.groupBy.map(printExpr).join(', ')}`);
  if (q.stagger) parts.push(`WINDOWED BY STAGGER (PARTITION BY ${q.stagger.partitionBy.map(printExpr).join(', ')} RANGE ${printExpr(q.stagger.rangeSize)})`);
  if (q.having) parts.push(`HAVING ${printExpr(q.having)}`);
  if (q.windows.length) parts.push(`WINDOW ${q.windows.map((w) => `${printIdentifier(w.name)} AS ${printWindow(w.spec)}`).join(', ')}`);
  if (q.orderBy.length) parts.push(`ORDER BY ${q.orderBy.map((o) => printExpr(o.expr) + (o.descending ? ' DESC' : '')).join(', ')}`);
  return parts.join(' ');
}

function printFrom(f: FromItem): string {
  switch (f.type) {
    case 'table_ref':
      return `${printIdentifier(f.name)}${f.over ? ` OVER ${printWindow(f.over)}` : ''}${f.asOf ? ` FOR SYSTEM_TIME AS OF ${printExpr(f.asOf)}` : ''}${f.alias ? ` AS ${printIdentifier(f.alias)}` : ''}`;
    case 'subquery_ref':
      return `(${printQuery(f.query)})${f.alias ? ` AS ${printIdentifier(f.alias)}` : ''}`;
    case 'table_function_ref':
      return `TABLE(${printExpr(f.call)})${f.alias ? ` AS ${printIdentifier(f.alias)}` : ''}`;
    case 'join_ref': {
      const right = f.right.type === 'join_ref' ? `(${printFrom(f.right)})` : printFrom(f.right);
      const kind = f.kind === 'INNER' ? 'JOIN' : f.kind === 'CROSS' ? 'CROSS JOIN' : `${f.kind} OUTER JOIN`;
      return `${printFrom(f.left)} ${kind} ${right}${f.on ? ` ON ${printExpr(f.on)}` : ''}`;
    }
    default:
      return assertNever(f, 'from item');
  }
}

export function printWindow(w: WindowSpec): string {
  const parts: string[] = [];
  if (w.base) parts.push(printIdentifier(w.base));
  if (w.partitionBy.length) parts.push(`PARTITION BY ${w.partitionBy.map(printExpr).join(', ')}`);
  if (w.orderBy.length) parts.push(`ORDER BY ${w.orderBy.map(printExpr).join(', ')}`);
  if (w.frame) {
    const p = w.frame.preceding;
    parts.push(`${w.frame.mode} ${p === 'CURRENT' ? 'CURRENT ROW' : p === 'UNBOUNDED' ? 'UNBOUNDED PRECEDING' : `${printExpr(p)} PRECEDING`}`);
  }
  return `(${parts.join(' ')})`;
}

export function printExpr(e: Expr): string {
  switch (e.type) {
    case 'literal':
      if (e.kind === 'string') return str(e.value as string);
      if (e.kind === 'null') return 'NULL';
      if (e.kind === 'boolean') return e.value ? 'TRUE' : 'FALSE';
      return String(e.value);
    case 'typed_literal':
      return `${e.kind} ${str(e.value)}`;
    case 'interval_literal':
      return `INTERVAL ${e.negative ? '-' : ''}${str(e.value)} ${e.unit}${e.toUnit ? ` TO ${e.toUnit}` : ''}`;
    case 'column_ref':
      return e.parts.map(printIdentifier).join('.');
    case 'star':
      return e.qualifier ? `${printIdentifier(e.qualifier)}.*` : '*';
    case 'unary_expr':
      return e.op === 'NOT' ? `(NOT ${printExpr(e.operand)})` : `(${e.op}${printExpr(e.operand)})`;
    case 'binary_expr':
      return `(${printExpr(e.left)} ${e.op} ${printExpr(e.right)})`;
    case 'is_expr':
      return `(${printExpr(e.operand)} IS ${e.not ? 'NOT ' : ''}${e.test === 'DISTINCT_FROM' ? `DISTINCT FROM ${printExpr(e.right as Expr)}` : e.test})`;
    case 'like_expr':
      return `(${printExpr(e.operand)} ${e.not ? 'NOT ' : ''}${e.similar ? 'SIMILAR TO' : 'LIKE'} ${printExpr(e.pattern)}${e.escape ? ` ESCAPE ${printExpr(e.escape)}` : ''})`;
    case 'between_expr':
      return `(${printExpr(e.operand)} ${e.not ? 'NOT ' : ''}BETWEEN ${printExpr(e.low)} AND ${printExpr(e.high)})`;
    case 'in_expr':
      return `(${printExpr(e.operand)} ${e.not ? 'NOT ' : ''}IN (${e.list.map(printExpr).join(', ')}))`;
    case 'case_expr':
      return `CASE ${e.operand ? printExpr(e.operand) + ' ' : ''}${e.whens.map((w) => `WHEN ${printExpr(w.when)} THEN ${printExpr(w.then)}`).join(' ')}${e.otherwise ? ` ELSE ${printExpr(e.otherwise)}` : ''} END`;
    case 'cast_expr':
      return `CAST(${printExpr(e.operand)} AS ${printType(e.target)})`;
    case 'interval_qualified':
      return `(${printExpr(e.operand)}) ${e.unit}`;
    case 'field_access':
      return `(${printExpr(e.operand)}).${printIdentifier(e.field)}`;
    case 'cursor_expr':
      return `CURSOR(${printQuery(e.query)})`;
    case 'descriptor_expr':
      return `DESCRIPTOR(${e.columns.map(printIdentifier).join(', ')})`;
    case 'table_arg':
      return `TABLE ${printIdentifier(e.name)}${e.partitionBy.length ? ` PARTITION BY ${e.partitionBy.map(printExpr).join(', ')}` : ''}`;
    case 'func_call':
      return printCall(e);
    default:
      return assertNever(e, 'expression');
  }
}

function printCall(e: Extract<Expr, { type: 'func_call' }>): string {
  const a = e.args.map(printExpr);
  let body: string;
  if (e.bare) return e.name;
  if (e.name === 'EXTRACT') body = `${e.unit} FROM ${a[0]}`;
  else if ((e.name === 'FLOOR' || e.name === 'CEIL') && e.unit) body = `${a[0]} TO ${e.unit}`;
  else if (e.name === 'STEP' && a.length === 2) body = `${a[0]} BY ${a[1]}`;
  else if (e.name === 'POSITION' && a.length === 2) body = `${a[0]} IN ${a[1]}`;
  else if (e.name === 'TRIM' && e.trimSpec) body = `${e.trimSpec} ${a[1] ? a[1] + ' ' : ''}FROM ${a[0]}`;
  else if (e.name === 'OVERLAY' && a.length >= 3) body = `${a[0]} PLACING ${a[1]} FROM ${a[2]}${a[3] ? ` FOR ${a[3]}` : ''}`;
  else body = `${e.distinct ? 'DISTINCT ' : ''}${a.join(', ')}`;
  const over = e.over ? ` OVER ${e.over.type === 'identifier' ? printIdentifier(e.over) : printWindow(e.over)}` : '';
  return `${e.name}(${body})${over}`;
}
