/**
 * A bounded per-shard history of one value per virtual second (write utilisation for the heat map),
 * kept as a ring of columns in one Float32Array. Pure data structure: the owner pushes a column of
 * per-shard values each second and copies windows out for transfer. Rows are shard numbers; a row
 * is NaN before its shard existed and after it closed, so the map shows resharding as it happened.
 */
export class HeatHistory {
  private rowsCap: number;
  private data: Float32Array;
  /** Number of columns pushed so far; column c lives at slot c % colsCap. */
  private pushed = 0;
  /** Virtual epoch ms of the first pushed column. */
  private firstMs = 0;

  constructor(readonly colsCap: number, rows = 16) {
    this.rowsCap = Math.max(1, rows);
    this.data = new Float32Array(this.rowsCap * colsCap).fill(Number.NaN);
  }

  get columns(): number {
    return Math.min(this.pushed, this.colsCap);
  }

  /** Epoch ms of the newest column (the second it describes), or NaN before any push. */
  get lastMs(): number {
    return this.pushed === 0 ? Number.NaN : this.firstMs + (this.pushed - 1) * 1000;
  }

  private growRows(rows: number): void {
    let cap = this.rowsCap;
    while (cap < rows) cap *= 2;
    const next = new Float32Array(cap * this.colsCap).fill(Number.NaN);
    for (let slot = 0; slot < this.colsCap; slot++) {
      next.set(this.data.subarray(slot * this.rowsCap, (slot + 1) * this.rowsCap), slot * cap);
    }
    this.data = next;
    this.rowsCap = cap;
  }

  /** Appends the second starting at `atMs`: values[i] for shard number i (NaN for closed shards). */
  push(atMs: number, values: ArrayLike<number>): void {
    if (values.length > this.rowsCap) this.growRows(values.length);
    if (this.pushed === 0) this.firstMs = atMs;
    const slot = this.pushed % this.colsCap;
    // Column-major slots: one contiguous run of rows per second keeps the push a single loop.
    const base = slot * this.rowsCap;
    for (let r = 0; r < this.rowsCap; r++) this.data[base + r] = r < values.length ? values[r] : Number.NaN;
    this.pushed++;
  }

  /**
   * The last `cols` seconds (or fewer) for `rows` rows, row-major (values[row * cols + col]) as the
   * canvas draws it; columns before the history began are NaN.
   */
  window(rows: number, cols: number): { values: Float32Array; t0Ms: number } {
    const out = new Float32Array(rows * cols).fill(Number.NaN);
    const have = Math.min(this.columns, cols);
    const firstCol = this.pushed - have;
    const offset = cols - have;
    const rowsAvail = Math.min(rows, this.rowsCap);
    for (let c = 0; c < have; c++) {
      const base = ((firstCol + c) % this.colsCap) * this.rowsCap;
      for (let r = 0; r < rowsAvail; r++) out[r * cols + offset + c] = this.data[base + r];
    }
    const t0Ms = this.pushed === 0 ? 0 : this.firstMs + (this.pushed - cols) * 1000;
    return { values: out, t0Ms };
  }

  /**
   * The last `cols` seconds of rows `firstRow … firstRow + rowCount − 1`, grouped `groupSize` rows to
   * an output row by MAXIMUM (never the mean: the hottest shard of a group must stay visible), row-major
   * like `window`. A group is NaN for a second only when every shard in it is (closed or not yet created).
   */
  windowMax(firstRow: number, rowCount: number, groupSize: number, cols: number): { values: Float32Array; groups: number; t0Ms: number } {
    const size = Math.max(1, Math.floor(groupSize));
    const groups = Math.max(0, Math.ceil(rowCount / size));
    const out = new Float32Array(groups * cols).fill(Number.NaN);
    const have = Math.min(this.columns, cols);
    const firstCol = this.pushed - have;
    const offset = cols - have;
    const endRow = Math.min(firstRow + rowCount, this.rowsCap);
    for (let c = 0; c < have; c++) {
      const base = ((firstCol + c) % this.colsCap) * this.rowsCap;
      for (let g = 0; g < groups; g++) {
        const from = firstRow + g * size;
        const to = Math.min(endRow, from + size);
        let m = Number.NaN;
        for (let r = from; r < to; r++) {
          const v = this.data[base + r];
          // NaN-aware max: a value beats NaN, NaN never beats a value.
          if (v > m || (m !== m && v === v)) m = v;
        }
        out[g * cols + offset + c] = m;
      }
    }
    const t0Ms = this.pushed === 0 ? 0 : this.firstMs + (this.pushed - cols) * 1000;
    return { values: out, groups, t0Ms };
  }

  /** One row's last `cols` values (per-shard drill-down). */
  row(row: number, cols: number): Float64Array {
    const out = new Float64Array(cols).fill(Number.NaN);
    if (row >= this.rowsCap) return out;
    const have = Math.min(this.columns, cols);
    const firstCol = this.pushed - have;
    for (let c = 0; c < have; c++) out[cols - have + c] = this.data[((firstCol + c) % this.colsCap) * this.rowsCap + row];
    return out;
  }
}
