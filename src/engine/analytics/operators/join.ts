/**
 * Joins. Stream–table: each stream row meets the reference table as it is now (hash index on the
 * equi-join keys, then the full ON predicate); LEFT OUTER keeps unmatched stream rows with NULLs.
 * Stream–stream: a windowed side buffers its rows for its RANGE/ROWS frame and rows arriving on the
 * other side probe that buffer; with no window on either side (Flink regular/interval joins) both
 * sides buffer and probe. Output rows use the join scope (left columns then right columns).
 */
import type { Evaluator } from '../compile-expr';
import type { EvalContext } from '../functions';
import type { Row, Value } from '../types';
import { SqlRuntimeError } from '../values';
import { encodeKey, evalAll } from './keys';
import type { ErrorSink } from './operator';
import { BaseOperator } from './operator';
import type { SlidingFrame } from './sliding-window';

export interface TableJoinConfig {
  readonly streamOnLeft: boolean;
  readonly streamWidth: number;
  readonly tableWidth: number;
  /** Equi-join key expressions evaluated on the combined row (stream side / table side). */
  readonly streamKeys: readonly Evaluator[];
  readonly tableKeys: readonly Evaluator[];
  readonly on: Evaluator | null;
  /** Keep stream rows without a match (LEFT OUTER with the stream on the left, or RIGHT mirrored). */
  readonly outer: boolean;
  readonly rowtimeIndex: number;
  readonly errors: ErrorSink;
  readonly ctx: EvalContext;
}

export class TableJoinOperator extends BaseOperator {
  private index = new Map<unknown, Row[]>();
  private rows: Row[] = [];

  constructor(private readonly cfg: TableJoinConfig, tableRows: readonly Row[]) {
    super();
    this.setTable(tableRows);
  }

  /** Replaces the reference table (UpdateApplication re-reads the object). */
  setTable(tableRows: readonly Row[]): void {
    const cfg = this.cfg;
    this.rows = [...tableRows];
    this.index = new Map();
    if (cfg.tableKeys.length === 0) return;
    for (const t of tableRows) {
      const combined = this.combine(null, t);
      const keys = evalAll(cfg.tableKeys, combined);
      if (keys.some((k) => k === null)) continue;
      const key = encodeKey(keys.map(normaliseKey));
      const list = this.index.get(key);
      if (list) list.push(t);
      else this.index.set(key, [t]);
    }
  }

  private combine(stream: Row | null, table: Row | null): Row {
    const { streamOnLeft, streamWidth, tableWidth } = this.cfg;
    const out: Row = new Array(streamWidth + tableWidth).fill(null);
    const sOff = streamOnLeft ? 0 : tableWidth;
    const tOff = streamOnLeft ? streamWidth : 0;
    if (stream) for (let i = 0; i < streamWidth; i++) out[sOff + i] = stream[i];
    if (table) for (let i = 0; i < tableWidth; i++) out[tOff + i] = table[i];
    return out;
  }

  process(row: Row): void {
    const cfg = this.cfg;
    try {
      const probe = this.combine(row, null);
      cfg.ctx.nowMs = probe[cfg.rowtimeIndex] as number;
      let candidates: readonly Row[];
      if (cfg.streamKeys.length) {
        const keys = evalAll(cfg.streamKeys, probe);
        candidates = keys.some((k) => k === null) ? [] : (this.index.get(encodeKey(keys.map(normaliseKey))) ?? []);
      } else candidates = this.rows;
      let matched = false;
      for (const t of candidates) {
        const combined = this.combine(row, t);
        if (cfg.on && cfg.on(combined) !== true) continue;
        matched = true;
        this.emit(combined);
      }
      if (!matched && cfg.outer) this.emit(probe);
    } catch (e) {
      if (!(e instanceof SqlRuntimeError)) throw e;
      cfg.errors(e, row, row[0] as number);
    }
  }
}

/** Join keys compare across numeric/string spellings the way SQL's implicit casts would. */
function normaliseKey(v: Value): Value {
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return v;
}

export interface StreamSide {
  readonly width: number;
  /** Index of the time the window is measured on, within this side's rows. */
  readonly timeIndex: number;
  /** Frame of a windowed side; null = not windowed. */
  readonly window: SlidingFrame | null;
}

export interface StreamJoinConfig {
  readonly left: StreamSide;
  readonly right: StreamSide;
  readonly on: Evaluator | null;
  readonly kind: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS';
  readonly errors: ErrorSink;
  readonly ctx: EvalContext;
}

class SideBuffer {
  rows: Row[] = [];
  constructor(readonly side: StreamSide) {}
  add(row: Row): void {
    this.rows.push(row);
  }
  /** Drops rows outside the frame as seen from time `t`. */
  evict(t: number): void {
    const w = this.side.window;
    if (!w) return;
    let drop = 0;
    if (w.mode === 'RANGE') {
      while (drop < this.rows.length && (this.rows[drop][this.side.timeIndex] as number) < t - w.size) drop++;
    } else drop = Math.max(0, this.rows.length - (w.size + 1));
    if (drop > 0) this.rows = this.rows.slice(drop);
  }
}

export class StreamJoinOperator extends BaseOperator {
  private readonly buffers: [SideBuffer, SideBuffer];
  /** Both sides buffer when neither is windowed (Flink regular and interval joins). */
  private readonly bufferBoth: boolean;

  constructor(private readonly cfg: StreamJoinConfig) {
    super();
    this.buffers = [new SideBuffer(cfg.left), new SideBuffer(cfg.right)];
    this.bufferBoth = !cfg.left.window && !cfg.right.window;
  }

  process(row: Row, port: number): void {
    const cfg = this.cfg;
    const mine = this.buffers[port];
    const other = this.buffers[1 - port];
    const t = row[mine.side.timeIndex] as number;
    try {
      cfg.ctx.nowMs = t;
      if (other.side.window || this.bufferBoth) {
        other.evict(t);
        let matched = false;
        for (const o of other.rows) {
          const combined = port === 0 ? [...row, ...o] : [...o, ...row];
          if (cfg.on && cfg.on(combined) !== true) continue;
          matched = true;
          this.emit(combined);
        }
        const outer = (port === 0 && (cfg.kind === 'LEFT' || cfg.kind === 'FULL')) || (port === 1 && (cfg.kind === 'RIGHT' || cfg.kind === 'FULL'));
        if (!matched && outer) {
          const nulls = new Array(other.side.width).fill(null);
          this.emit(port === 0 ? [...row, ...nulls] : [...nulls, ...row]);
        }
      }
    } catch (e) {
      if (!(e instanceof SqlRuntimeError)) throw e;
      cfg.errors(e, row, t);
    }
    if (mine.side.window || this.bufferBoth) {
      mine.add(row);
      mine.evict(t);
    }
  }
}
