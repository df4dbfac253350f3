/**
 * The application's catalog and statement declaration: source streams from the input config,
 * reference tables from reference data sources, CREATE STREAM / TABLE / VIEW, and pumps
 * (CREATE PUMP … INSERT, Flink INSERT INTO, ad-hoc SELECT) wired into in-application streams.
 */
import type { ColumnDef, Query, Statement } from './ast';
import type { Bound } from './compile-expr';
import { compileExpr } from './compile-expr';
import type { Diagnostic } from './diagnostics';
import { diagnostic, SqlBindError } from './diagnostics';
import { InAppStream } from './in-app-stream';
import type { InputSchema, RecordMapper } from './input-schema';
import { createMapper, ERROR_STREAM_COLUMNS } from './input-schema';
import type { ErrorSink } from './operators/operator';
import { buildQuery } from './planner';
import type { BuildContext, Catalog, CatalogColumn, CatalogEntry } from './planner-context';
import type { AppOptions, InputRecord, Pump } from './runtime';
import type { Scope } from './scope';
import { SourceSystemColumns } from './source-columns';
import type { Row, Value } from './types';
import { formatType, T } from './types';
import { SqlRuntimeError } from './values';
import { columnsOf, ROWTIME, written } from './declared-columns';
import { converter, InsertOperator } from './operators/insert';

const MAX_STREAMS = 64;
const MAX_PUMPS = 64;

export interface SourceBinding {
  readonly name: string;
  readonly stream: InAppStream;
  readonly mapper: RecordMapper | null;
  makeRow(values: Value[], record: InputRecord): Row;
  watermarkOf(row: Row): number;
}

export interface ReferenceTable {
  readonly name: string;
  readonly columns: readonly CatalogColumn[];
  rows: Row[];
  load(body: string, onError: (message: string) => void): Row[];
}

export interface AppCatalog extends Catalog {
  readonly streams: Map<string, InAppStream>;
  readonly tables: Map<string, ReferenceTable>;
  readonly views: Map<string, Query>;
  readonly sources: SourceBinding[];
  readonly insertTargets: Set<string>;
  /** KDA sources' hidden system columns (shared by every SOURCE_SQL_STREAM_nnn). */
  readonly systemColumns: SourceSystemColumns;
  findStream(name: string): InAppStream | undefined;
  sourceFor(which: number | string | undefined): SourceBinding | undefined;
}


function findName<V>(map: Map<string, V>, name: string, quoted: boolean): V | undefined {
  const exact = map.get(name);
  if (exact !== undefined || quoted) return exact;
  const hits = [...map.keys()].filter((k) => k.toUpperCase() === name.toUpperCase());
  return hits.length === 1 ? map.get(hits[0]) : undefined;
}

function loadTable(mapper: RecordMapper, body: string, onError: (message: string) => void): Row[] {
  const rows: Row[] = [];
  const add = (record: string) => {
    const r = mapper.map(record);
    if (r.ok) rows.push(...r.rows);
    else onError(r.message);
  };
  let doc: unknown;
  let whole = true;
  try {
    doc = JSON.parse(body);
  } catch {
    whole = false;
  }
  const head = body.trimStart();
  const isJson = head.startsWith('{') || head.startsWith('[');
  if (whole && Array.isArray(doc)) {
    for (const el of doc) add(JSON.stringify(el));
  } else if (whole && isJson) {
    add(body);
  } else if (isJson) {
    for (const line of body.split('\n')) if (line.trim()) add(line);
  } else {
    add(body);
  }
  return rows;
}

export function createCatalog(dialect: 'kda' | 'flink', options: AppOptions, diagnostics: Diagnostic[]): AppCatalog {
  const streams = new Map<string, InAppStream>();
  const tables = new Map<string, ReferenceTable>();
  const views = new Map<string, Query>();
  const sources: SourceBinding[] = [];
  const insertTargets = new Set<string>();
  let defaultSource: SourceBinding | undefined;
  const systemColumns = new SourceSystemColumns();
  const here = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
  streams.set('error_stream', new InAppStream('error_stream', 'error', [ROWTIME, ...ERROR_STREAM_COLUMNS], ERROR_STREAM_COLUMNS.map((c) => c.name)));
  if (dialect === 'kda' && options.input) {
    const mapper = createMapper(options.input.inputSchema);
    if (typeof mapper === 'string') diagnostics.push(diagnostic(`input schema: ${mapper}`, here));
    else {
      const prefix = options.input.namePrefix ?? 'SOURCE_SQL_STREAM';
      const count = Math.min(64, Math.max(1, options.input.parallelism ?? 1));
      const columns: CatalogColumn[] = [ROWTIME, ...mapper.columns.map((c) => ({ name: c.name, type: c.type })), ...systemColumns.columns()];
      for (let i = 1; i <= count; i++) {
        const name = `${prefix}_${String(i).padStart(3, '0')}`;
        const stream = new InAppStream(name, 'source', columns, columns.filter((c) => !c.hidden).map((c) => c.name));
        streams.set(name, stream);
        sources.push({
          name, stream, mapper,
          makeRow: (values, r) => {
            const n = values.length;
            const row: Row = new Array(n + 5);
            row[0] = r.rowtimeMs;
            for (let i = 0; i < n; i++) row[i + 1] = values[i];
            systemColumns.fill(row, n + 1, r);
            return row;
          },
          watermarkOf: (row) => row[0] as number,
        });
      }
    }
  }
  for (const ref of options.references ?? []) {
    const mapper = createMapper(ref.referenceSchema);
    if (typeof mapper === 'string') {
      diagnostics.push(diagnostic(`reference table ${ref.tableName}: ${mapper}`, here));
      continue;
    }
    const table: ReferenceTable = {
      name: ref.tableName,
      columns: mapper.columns.map((c) => ({ name: c.name, type: c.type })),
      rows: [],
      load(body, onError) {
        this.rows = loadTable(mapper, body, onError);
        return this.rows;
      },
    };
    table.load(ref.body, (m) => diagnostics.push(diagnostic(`reference table ${ref.tableName}: ${m}`, here, 'warning')));
    tables.set(ref.tableName, table);
  }
  return {
    streams, tables, views, sources, insertTargets, systemColumns,
    lookup(name, quoted): CatalogEntry | undefined {
      const s = findName(streams, name, quoted);
      if (s && s.role !== 'error') return { kind: 'stream', name: s.name, columns: s.columns };
      const t = findName(tables, name, quoted);
      if (t) return { kind: 'table', name: t.name, columns: t.columns, rows: () => t.rows };
      const v = findName(views, name, quoted);
      if (v) return { kind: 'view', name, query: v };
      return undefined;
    },
    findStream(name) {
      return findName(streams, name, false);
    },
    sourceFor(which) {
      if (typeof which === 'number') return sources[which];
      if (typeof which === 'string') return sources.find((s) => s.name === which) ?? sources.find((s) => s.name.toUpperCase() === which.toUpperCase());
      // The default source (first one no INSERT writes to) is fixed once statements are declared.
      defaultSource ??= sources.find((s) => !insertTargets.has(s.name)) ?? sources[0];
      return defaultSource;
    },
  };
}

export function declareStatement(stmt: Statement, sql: string, build: BuildContext, catalog: AppCatalog, pumpCount: number, errors: ErrorSink): Pump | null {
  switch (stmt.type) {
    case 'create_stream': {
      const name = stmt.name.value;
      const existing = catalog.streams.get(name);
      if (existing?.role === 'source' || name === 'error_stream') throw new SqlBindError(`${name} is a system stream and cannot be created`, stmt.name.range);
      if (existing && !stmt.orReplace) throw new SqlBindError(`stream ${name} already exists; use CREATE OR REPLACE STREAM`, stmt.name.range);
      if (catalog.streams.size >= MAX_STREAMS + 1 + catalog.sources.length) throw new SqlBindError(`an application may have at most ${MAX_STREAMS} in-application streams`, stmt.range);
      const { columns, names } = columnsOf(stmt.columns, sql, name);
      catalog.streams.set(name, new InAppStream(name, 'stream', columns, names));
      return null;
    }
    case 'create_table':
      declareFlinkTable(stmt, sql, build, catalog);
      return null;
    case 'create_view':
      catalog.views.set(stmt.name.value, stmt.query);
      return null;
    case 'create_pump':
    case 'insert_stmt':
    case 'query_stmt': {
      if (pumpCount >= MAX_PUMPS) throw new SqlBindError(`an application may have at most ${MAX_PUMPS} pumps`, stmt.range);
      const name = stmt.type === 'create_pump' ? stmt.name.value : stmt.type === 'insert_stmt' ? `INSERT_${pumpCount + 1}` : `QUERY_${pumpCount + 1}`;
      build.plan.owner = name;
      if (stmt.type !== 'query_stmt') {
        const t = catalog.findStream(stmt.target.value);
        if (!t || t.role === 'error') throw new SqlBindError(`unknown stream '${stmt.target.value}': create it first with CREATE OR REPLACE STREAM`, stmt.target.range, stmt.target.value);
        if (t.role === 'source' && build.dialect === 'kda') throw new SqlBindError(`a pump may not write to the source stream ${t.name}`, stmt.target.range);
      }
      const rel = buildQuery(stmt.query, build);
      const outCols = rel.scope.columns.filter((c) => c.index > 0).sort((a, b) => a.index - b.index);
      let target: InAppStream;
      if (stmt.type === 'query_stmt') {
        const cols: CatalogColumn[] = [ROWTIME, ...outCols.map((c) => ({ name: c.name, type: c.type.kind === 'NULL' ? T.VARCHAR : c.type }))];
        target = new InAppStream(name, 'stream', cols, outCols.map((c) => c.name));
        catalog.streams.set(name, target);
      } else target = catalog.findStream(stmt.target.value) as InAppStream;
      catalog.insertTargets.add(target.name);
      const visible = target.visibleColumns;
      let positions: number[];
      if (stmt.type !== 'query_stmt' && stmt.columns) {
        positions = stmt.columns.map((c) => {
          const hit = visible.find((v) => v.name === c.value) ?? visible.find((v) => v.name.toUpperCase() === c.value.toUpperCase());
          if (!hit) throw new SqlBindError(`stream ${target.name} has no column ${c.value}`, c.range);
          return hit.index;
        });
      } else positions = visible.map((v) => v.index);
      if (positions.length !== outCols.length) {
        throw new SqlBindError(`the query produces ${outCols.length} column${outCols.length === 1 ? '' : 's'} but ${target.name} expects ${positions.length}${stmt.type !== 'query_stmt' && stmt.columns ? '' : ' (select-list items map to the stream\'s columns by position)'}`, stmt.query.range);
      }
      const converters = positions.map((p, i) => converter(outCols[i].type, target.columns[p].type));
      const insert = new InsertOperator(target, positions, converters, errors);
      build.operators.push(insert);
      const nodeId = build.plan.add('insert', `${target.name} (${positions.map((p) => target.columns[p].name).join(', ')})`);
      rel.op.emit = (row) => insert.process(row);
      build.plan.connect(rel.nodeId, nodeId, 0);
      const reads: string[] = [];
      for (const tap of build.taps) {
        const s = catalog.findStream(tap.stream) as InAppStream;
        reads.push(s.name);
        s.taps.push((row) => {
          try {
            tap.deliver(row);
          } catch (e) {
            if (!(e instanceof SqlRuntimeError)) throw e;
            errors(e, row, row[0] as number);
          }
        });
      }
      return { name, target: target.name, reads, operators: build.operators };
    }
  }
}

function declareFlinkTable(stmt: Extract<Statement, { type: 'create_table' }>, sql: string, build: BuildContext, catalog: AppCatalog): void {
  const name = stmt.name.value;
  const physical = stmt.columns.filter((c) => c.dataType);
  const { columns, names } = columnsOf(physical, sql, name);
  const scopeCols = columns.map((c, index) => ({ name: c.name, type: c.type, index, relation: name, hidden: c.hidden ?? false, role: c.role ?? null }));
  const computed: Bound[] = [];
  for (const c of stmt.columns.filter((d) => d.computed)) {
    const scope: Scope = { columns: scopeCols, width: scopeCols.length, rowtimeIndex: 0 };
    const expr = c.computed as NonNullable<ColumnDef['computed']>;
    const isProctime = expr.type === 'func_call' && expr.name === 'PROCTIME';
    const b: Bound = isProctime ? { eval: (r) => r[0], type: T.TIMESTAMP } : compileExpr(expr, { scope, ctx: build.ctx });
    computed.push(b);
    scopeCols.push({ name: c.name.value, type: b.type, index: scopeCols.length, relation: name, hidden: false, role: null });
    columns.push({ name: c.name.value, type: b.type });
    names.push(written(sql, c.name));
  }
  let watermark: ((row: Row) => number) | null = null;
  if (stmt.watermark) {
    const wmCol = scopeCols.find((c) => c.name === stmt.watermark?.column.value) ?? scopeCols.find((c) => c.name.toUpperCase() === stmt.watermark?.column.value.toUpperCase());
    if (!wmCol) throw new SqlBindError(`WATERMARK FOR names an unknown column ${stmt.watermark.column.value}`, stmt.watermark.column.range);
    columns[wmCol.index] = { ...columns[wmCol.index], role: 'event_time' };
    scopeCols[wmCol.index] = { ...wmCol, role: 'event_time' };
    const f = compileExpr(stmt.watermark.expr, { scope: { columns: scopeCols, width: scopeCols.length, rowtimeIndex: 0 }, ctx: build.ctx }).eval;
    watermark = (row) => {
      const v = f(row);
      return typeof v === 'number' ? v : -Infinity;
    };
  }
  const format = stmt.options.find(([k]) => k === 'format')?.[1]?.toLowerCase();
  const schema: InputSchema = {
    RecordFormat: format === 'csv'
      ? { RecordFormatType: 'CSV', MappingParameters: { CSVMappingParameters: { RecordRowDelimiter: '\n', RecordColumnDelimiter: ',' } } }
      : { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
    RecordColumns: physical.map((c, i) => ({ Name: c.name.value, Mapping: `$['${names[i]}']`, SqlType: formatType(columns[i + 1].type) })),
  };
  const mapper = createMapper(schema);
  // A connector table is fed from outside like a KDA source stream (the ones INSERT writes report 'sink').
  const stream = new InAppStream(name, 'source', columns, names);
  catalog.streams.set(name, stream);
  catalog.sources.push({
    name, stream, mapper: typeof mapper === 'string' ? null : mapper,
    makeRow(values, record) {
      const row: Row = [record.rowtimeMs, ...values];
      for (const c of computed) row.push(c.eval(row));
      return row;
    },
    watermarkOf: (row) => (watermark ? watermark(row) : (row[0] as number)),
  });
}
