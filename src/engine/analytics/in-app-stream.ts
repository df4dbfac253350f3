/**
 * In-application streams (and Flink tables used as streams): a named pub/sub pipe of rows
 * [ROWTIME, ...columns]. Pumps subscribe through taps; the outside world through listeners.
 */
import type { CatalogColumn } from './planner-context';
import type { Row, SqlType, Value } from './types';
import { formatType } from './types';

export interface StreamColumnInfo {
  readonly name: string;
  /** The identifier as written in the SQL (for output keys "as written"). */
  readonly writtenName: string;
  readonly type: string;
}

export interface StreamInfo {
  readonly kind: 'stream_info';
  readonly name: string;
  readonly role: 'source' | 'stream' | 'table' | 'error' | 'sink';
  readonly columns: readonly StreamColumnInfo[];
}

export interface OutputRow {
  readonly stream: string;
  readonly rowtimeMs: number;
  /** Values of the declared columns, in declaration order (ROWTIME not included). */
  readonly values: readonly Value[];
}

export type RowListener = (row: OutputRow) => void;

export class InAppStream {
  readonly taps: ((row: Row) => void)[] = [];
  readonly listeners: RowListener[] = [];
  lastRowtimeMs = -Infinity;
  rowsTotal = 0;

  constructor(
    readonly name: string,
    readonly role: StreamInfo['role'],
    /** Catalog columns including the hidden ROWTIME at index 0 and any hidden system columns. */
    readonly columns: readonly CatalogColumn[],
    readonly writtenNames: readonly string[],
  ) {
    this.visibleColumns = columns.map((c, index) => ({ name: c.name, type: c.type, index })).filter((c) => !columns[c.index].hidden);
  }

  readonly visibleColumns: readonly { name: string; type: SqlType; index: number }[];

  /** Rows inserted while held (see hold); null when rows flow straight through. */
  private held: Row[] | null = null;

  /**
   * Buffers inserts until release(): several pumps (or one pump's flush) closing windows at one
   * bound would otherwise interleave their rows out of ROWTIME order.
   */
  hold(): void {
    this.held ??= [];
  }

  /** Inserts the held rows in ROWTIME order; equal ROWTIMEs keep production order (stable sort). */
  release(): void {
    const rows = this.held;
    this.held = null;
    if (!rows || rows.length === 0) return;
    if (rows.length > 1) rows.sort((a, b) => (a[0] as number) - (b[0] as number));
    for (const row of rows) this.insert(row);
  }

  insert(row: Row): void {
    if (this.held) {
      this.held.push(row);
      return;
    }
    this.rowsTotal++;
    const t = row[0] as number;
    if (t > this.lastRowtimeMs) this.lastRowtimeMs = t;
    for (const tap of this.taps) tap(row);
    if (this.listeners.length) {
      const visible = this.visibleColumns;
      const values: Value[] = new Array(visible.length);
      for (let i = 0; i < visible.length; i++) values[i] = row[visible[i].index];
      const out: OutputRow = { stream: this.name, rowtimeMs: t, values };
      for (const l of this.listeners) l(out);
    }
  }

  info(): StreamInfo {
    const visible = this.visibleColumns;
    return {
      kind: 'stream_info', name: this.name, role: this.role,
      columns: visible.map((c, i) => ({ name: c.name, writtenName: this.writtenNames[i] ?? c.name, type: formatType(c.type) })),
    };
  }
}
