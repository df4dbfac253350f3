/**
 * The application runtime: SQL + input config → in-application streams, reference tables and pumps,
 * then `push` records, `advanceWatermark`, subscribe to any stream or the error stream, `close`.
 * Pure and deterministic: time comes only from the records' ROWTIMEs and explicit watermarks.
 */
import type { Statement } from './ast';
import type { Diagnostic } from './diagnostics';
import { diagnostic, hasErrors, SqlBindError } from './diagnostics';
import type { EvalContext } from './functions';
import type { InAppStream, OutputRow, RowListener, StreamInfo } from './in-app-stream';
import type { TableJoinOperator } from './operators/join';
import { parseScript } from './parser';
import type { Plan } from './plan';
import { PlanBuilder } from './plan';
import type { BuildContext } from './planner-context';
import { Prng } from '../random/prng';
import { declareStatement, type AppCatalog, createCatalog } from './runtime-catalog';
import type { SystemColumnName } from './source-columns';
import type { Row, Value } from './types';
import { SqlRuntimeError } from './values';
import { groupWriters, orderPumps, type WriterGroup } from './pump-order';
import { APPLICATION_CODE_BYTES_MAX, type AppOptions, type ErrorRow, type InputRecord, type Pump } from './runtime-types';

export { APPLICATION_CODE_BYTES_MAX } from './runtime-types';
export type { AppOptions, ErrorRow, InputConfig, InputRecord, Pump, ReferenceDataSource } from './runtime-types';

export interface CreateResult {
  readonly app: SqlApplication | null;
  readonly diagnostics: Diagnostic[];
}

function hex(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export class SqlApplication {
  private readonly errorListeners: ((e: ErrorRow) => void)[] = [];
  private watermarkMs = -Infinity;
  private closed = false;
  /** Reused envelope for pushValues (no per-row allocation on the fast path). */
  private readonly fastRecord: { data: string; rowtimeMs: number } = { data: '', rowtimeMs: 0 };
  readonly errorsTotal = { count: 0 };

  private constructor(
    readonly dialect: 'kda' | 'flink',
    private readonly catalog: AppCatalog,
    private readonly pumps: Pump[],
    private readonly ctx: EvalContext,
    readonly plan: Plan,
    private readonly tableJoins: { table: string; op: TableJoinOperator }[],
    private readonly startFixed: boolean,
  ) {}

  /** Parses, binds and plans `sql`. Returns diagnostics (errors and warnings); `app` is null on errors. */
  static create(sql: string, options: AppOptions = {}): CreateResult {
    const parsed = parseScript(sql);
    const diagnostics = [...parsed.diagnostics];
    const codeBytes = new TextEncoder().encode(sql).length;
    if (codeBytes > APPLICATION_CODE_BYTES_MAX) {
      diagnostics.push(diagnostic(`application code is ${codeBytes} bytes; Kinesis Data Analytics allows at most 100 KB (${APPLICATION_CODE_BYTES_MAX} bytes)`, { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } }));
    }
    const dialect = parsed.script.dialect;
    const ctx: EvalContext = { nowMs: options.startMs ?? 0, queryStartMs: options.startMs ?? 0 };
    const catalog = createCatalog(dialect, options, diagnostics);
    const plan = new PlanBuilder();
    const pumps: Pump[] = [];
    const tableJoins: { table: string; op: TableJoinOperator }[] = [];
    let app: SqlApplication | null = null;
    const errors = (e: SqlRuntimeError, row: Row, rowtimeMs: number) => app?.reportError(e.errorName, e.message, rowtimeMs, hex(JSON.stringify(row.slice(1))));
    const prng = options.prng ?? new Prng('kinesis-analytics');
    const brokenNames = [...parsed.brokenNames].map((n) => n.toUpperCase());
    for (const stmt of parsed.script.statements) {
      const build: BuildContext = { catalog, ctx, errors, plan, dialect, prng, operators: [], taps: [], tableJoins, warnings: [] };
      // A statement cut short by a syntax error is still declared (later statements may use its
      // name) but its own bind errors and warnings are consequences of the typo: drop them.
      const broken = parsed.broken.has(stmt);
      try {
        const pump = declareStatement(stmt as Statement, sql, build, catalog, pumps.length, errors);
        if (pump) pumps.push(pump);
      } catch (e) {
        if (e instanceof RangeError) diagnostics.push(diagnostic('the statement is nested too deeply to compile', stmt.range));
        else if (!(e instanceof SqlBindError)) throw e;
        else if (!broken && !(e.missingName !== undefined && brokenNames.includes(e.missingName.toUpperCase()))) diagnostics.push(diagnostic(e.message, e.range));
      }
      if (!broken) diagnostics.push(...build.warnings);
    }
    const ordered = orderPumps(pumps, diagnostics, parsed.script.statements);
    if (hasErrors(diagnostics)) return { app: null, diagnostics };
    app = new SqlApplication(dialect, catalog, ordered, ctx, plan.build(), tableJoins, options.startMs !== undefined);
    return { app, diagnostics };
  }

  /**
   * Every in-application stream, table and the error stream, with columns (for the editor). Flink
   * connector tables report 'source', or 'sink' when an INSERT INTO writes them.
   */
  streams(): StreamInfo[] {
    return [...this.catalog.streams.values()].map((s) => {
      const info = s.info();
      return this.dialect === 'flink' && info.role === 'source' && this.catalog.insertTargets.has(s.name) ? { ...info, role: 'sink' } : info;
    });
  }

  /**
   * Hidden source columns (PARTITION_KEY, SEQUENCE_NUMBER, SHARD_ID, APPROXIMATE_ARRIVAL_TIME) that
   * some bound query references; the others are left NULL, so producers may skip computing them.
   */
  referencedSystemColumns(): SystemColumnName[] {
    return [...this.catalog.systemColumns.referenced];
  }

  sourceStreamNames(): string[] {
    return this.catalog.sources.map((s) => s.name);
  }

  /** Names of streams written by pumps/INSERTs but read by none (DESTINATION_SQL_STREAM, Flink sinks). */
  sinkStreamNames(): string[] {
    const read = new Set(this.pumps.flatMap((p) => p.reads));
    return [...new Set(this.pumps.map((p) => p.target))].filter((t) => !read.has(t));
  }

  subscribe(streamName: string, listener: RowListener): () => void {
    const s = this.catalog.findStream(streamName);
    if (!s) throw new Error(`no in-application stream named ${streamName}; known: ${[...this.catalog.streams.keys()].join(', ')}`);
    s.listeners.push(listener);
    return () => {
      const i = s.listeners.indexOf(listener);
      if (i >= 0) s.listeners.splice(i, 1);
    };
  }

  onError(listener: (e: ErrorRow) => void): () => void {
    this.errorListeners.push(listener);
    return () => {
      const i = this.errorListeners.indexOf(listener);
      if (i >= 0) this.errorListeners.splice(i, 1);
    };
  }

  /** Reloads a reference table from a new object body (UpdateApplication). */
  updateReference(tableName: string, body: string): string | null {
    const table = this.catalog.tables.get(tableName);
    if (!table) return `no reference table named ${tableName}`;
    const rows = table.load(body, (msg) => this.reportError('Reference_Error', msg, this.watermarkMs, hex(body.slice(0, 1024))));
    for (const j of this.tableJoins) if (j.table === tableName) j.op.setTable(rows);
    return null;
  }

  /** Feeds one record: mapped to rows of its source stream, each with the record's ROWTIME. */
  push(record: InputRecord): void {
    if (this.closed) throw new Error('the application is closed');
    if (!this.startFixed && this.ctx.queryStartMs === 0) this.ctx.queryStartMs = record.rowtimeMs;
    const source = this.catalog.sourceFor(record.source);
    if (!source) {
      this.reportError('Unknown_Source', `no source named ${String(record.source)}`, record.rowtimeMs, hex(record.data));
      return;
    }
    if (record.rowtimeMs < source.stream.lastRowtimeMs) {
      this.reportError('Out_Of_Order_Rowtime', `ROWTIME ${record.rowtimeMs} is before the stream's last ROWTIME ${source.stream.lastRowtimeMs}`, record.rowtimeMs, hex(record.data));
      return;
    }
    if (!source.mapper) {
      this.reportError('Schema_Error', `source ${source.name} has no usable schema`, record.rowtimeMs, hex(record.data));
      return;
    }
    const mapped = source.mapper.map(record.data);
    if (!mapped.ok) {
      this.reportError(mapped.errorName, mapped.message, record.rowtimeMs, hex(record.data));
      return;
    }
    // A ROWTIME bound from the clock may already have passed this record: ROWTIME is processing
    // time, so the row enters the stream at the bound rather than behind it.
    const stamped = this.dialect === 'kda' && record.rowtimeMs < this.watermarkMs ? { ...record, rowtimeMs: this.watermarkMs } : record;
    const rows = mapped.rows.map((values) => source.makeRow(values, stamped));
    if (this.dialect === 'kda') this.advanceWatermark(stamped.rowtimeMs);
    else {
      let wm = this.watermarkMs;
      for (const row of rows) {
        try {
          wm = Math.max(wm, source.watermarkOf(row));
        } catch (e) {
          if (!(e instanceof SqlRuntimeError)) throw e;
        }
      }
      this.runGuarded(() => { for (const row of rows) source.stream.insert(row); }, record.rowtimeMs);
      this.advanceWatermark(wm);
      return;
    }
    this.runGuarded(() => { for (const row of rows) source.stream.insert(row); }, record.rowtimeMs);
  }

  /**
   * Feeds already-mapped column values (in input-schema order) with a ROWTIME: the fast path for
   * aggregate-mode simulation and benchmarks, skipping record parsing.
   */
  pushValues(values: Value[], rowtimeMs: number, source?: number | string): void {
    const src = this.catalog.sourceFor(source);
    if (!src || this.closed) throw new Error(this.closed ? 'the application is closed' : `no source named ${String(source)}`);
    this.fastRecord.rowtimeMs = rowtimeMs;
    const row = src.makeRow(values, this.fastRecord);
    if (this.dialect === 'kda') {
      if (rowtimeMs > this.watermarkMs) this.advanceWatermark(rowtimeMs);
    } else {
      const wm = src.watermarkOf(row);
      src.stream.insert(row);
      if (wm > this.watermarkMs) this.advanceWatermark(wm);
      return;
    }
    try {
      src.stream.insert(row);
    } catch (e) {
      if (!(e instanceof SqlRuntimeError)) throw e;
      this.reportError(e.errorName, e.message, rowtimeMs, '');
    }
  }

  /** A ROWTIME bound (KDA) or event-time watermark (Flink): closes every window ending at or before `ms`. */
  advanceWatermark(ms: number): void {
    if (!(ms > this.watermarkMs)) return;
    this.watermarkMs = ms;
    for (const g of this.writerGroups()) {
      // Only several window operators (in several pumps, or one pump's UNION) can interleave here.
      const hold = g.windowed > 1 ? g.target : undefined;
      hold?.hold();
      this.runGuarded(() => { for (const p of g.pumps) for (const op of p.operators) op.onWatermark(ms); }, ms);
      if (hold) this.runGuarded(() => hold.release(), ms);
    }
  }

  /** End of a finite replay: flushes every open window, in pipeline order, each stream's rows in ROWTIME order. */
  close(): void {
    if (this.closed) return;
    for (const g of this.writerGroups()) {
      g.target?.hold();
      for (const p of g.pumps) {
        for (const op of p.operators) this.runGuarded(() => op.flush(), this.watermarkMs);
      }
      if (g.target) this.runGuarded(() => g.target?.release(), this.watermarkMs);
    }
    this.closed = true;
  }

  private groups: WriterGroup[] | null = null;

  /** Pumps grouped by the stream they write, in pipeline order (computed once). */
  private writerGroups(): WriterGroup[] {
    this.groups ??= groupWriters(this.pumps, (name) => this.catalog.findStream(name));
    return this.groups;
  }

  get currentWatermarkMs(): number {
    return this.watermarkMs;
  }

  private runGuarded(body: () => void, rowtimeMs: number): void {
    try {
      body();
    } catch (e) {
      if (!(e instanceof SqlRuntimeError)) throw e;
      this.reportError(e.errorName, e.message, rowtimeMs, '');
    }
  }

  reportError(name: string, message: string, rowtimeMs: number, dataRowHex: string): void {
    this.errorsTotal.count++;
    const t = Number.isFinite(rowtimeMs) ? rowtimeMs : 0;
    const row: ErrorRow = { kind: 'error_row', errorTimeMs: t, errorLevel: 'ERROR', errorName: name.slice(0, 32), message: message.slice(0, 4096), dataRowtimeMs: t, dataRow: dataRowHex };
    const errStream = this.catalog.streams.get('error_stream');
    errStream?.insert([t, t, row.errorLevel, row.errorName, row.message, t, row.dataRow]);
    for (const l of this.errorListeners) l(row);
  }
}

export type { OutputRow, StreamInfo, InAppStream, Value };
