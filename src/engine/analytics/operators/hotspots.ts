/**
 * HOTSPOTS: density-based clusters (DBSCAN-like) over the numeric columns of the last `windowSize`
 * rows, reported with every input row as HOTSPOTS_RESULT JSON:
 * {"hotspots":[{"density":d,"minValues":[…],"maxValues":[…]}]} (density = share of the window's rows).
 *
 * The neighbourhood graph is maintained incrementally: an arriving row is compared once with the
 * window (O(window) distances) and an evicted row is unlinked from its neighbours, instead of
 * recomputing every pair per row. Neighbour lists stay in arrival order (ids only grow and the
 * evicted row is always the oldest), so the clustering visits points exactly as a full rescan would.
 */
import type { Row } from '../types';
import { BaseOperator } from './operator';

interface Hotspot {
  density: number;
  minValues: number[];
  maxValues: number[];
}

/** A window point: its values and the ids of the points within scanRadius (itself included), ascending. */
interface Point {
  readonly values: number[];
  readonly near: number[];
  /** Entries of `near` before this index have been evicted. */
  nearStart: number;
}

export class HotspotsOperator extends BaseOperator {
  /** Points by id; the window is ids [firstId, nextId). */
  private readonly points = new Map<number, Point>();
  private firstId = 0;
  private nextId = 0;

  constructor(private readonly numericIndices: readonly number[], private readonly windowSize: number, private readonly scanRadius: number, private readonly minPoints: number) {
    super();
  }

  process(row: Row): void {
    this.add(this.numericIndices.map((i) => (typeof row[i] === 'number' ? (row[i] as number) : 0)));
    if (this.nextId - this.firstId > this.windowSize) this.evictOldest();
    this.emit([...row, JSON.stringify({ hotspots: this.clusters() })]);
  }

  private add(values: number[]): void {
    const id = this.nextId++;
    const r2 = this.scanRadius * this.scanRadius;
    const near: number[] = [];
    for (let j = this.firstId; j < id; j++) {
      const other = this.points.get(j) as Point;
      let d = 0;
      for (let k = 0; k < values.length; k++) d += (values[k] - other.values[k]) ** 2;
      if (d <= r2) {
        near.push(j);
        other.near.push(id);
      }
    }
    near.push(id);
    this.points.set(id, { values, near, nearStart: 0 });
  }

  private evictOldest(): void {
    const id = this.firstId++;
    const gone = this.points.get(id) as Point;
    this.points.delete(id);
    for (let k = gone.nearStart; k < gone.near.length; k++) {
      const other = this.points.get(gone.near[k]);
      if (!other) continue;
      // The evicted id is the oldest, hence the first live entry of each neighbour's list.
      other.nearStart++;
      if (other.nearStart > 64 && other.nearStart * 2 > other.near.length) {
        other.near.splice(0, other.nearStart);
        other.nearStart = 0;
      }
    }
  }

  private neighbourCount(p: Point): number {
    return p.near.length - p.nearStart;
  }

  private clusters(): Hotspot[] {
    const first = this.firstId;
    const n = this.nextId - first;
    const label = new Int32Array(n).fill(-1);
    const out: Hotspot[] = [];
    let cluster = 0;
    for (let i = 0; i < n; i++) {
      if (label[i] !== -1) continue;
      const seed = this.points.get(first + i) as Point;
      if (this.neighbourCount(seed) < this.minPoints) continue;
      const members: number[] = [];
      const queue: number[] = seed.near.slice(seed.nearStart).map((id) => id - first);
      label[i] = cluster;
      while (queue.length) {
        const j = queue.pop() as number;
        if (label[j] !== -1 && label[j] !== cluster) continue;
        if (label[j] === -1 || j === i) {
          label[j] = cluster;
          members.push(j);
          const p = this.points.get(first + j) as Point;
          if (this.neighbourCount(p) >= this.minPoints) {
            for (let k = p.nearStart; k < p.near.length; k++) if (label[p.near[k] - first] === -1) queue.push(p.near[k] - first);
          }
        }
      }
      out.push(this.summary([...new Set(members)], n));
      cluster++;
    }
    return out.sort((a, b) => b.density - a.density);
  }

  private summary(members: readonly number[], n: number): Hotspot {
    const first = this.firstId;
    const dims = this.numericIndices.length;
    const minValues = new Array<number>(dims).fill(Infinity);
    const maxValues = new Array<number>(dims).fill(-Infinity);
    for (const m of members) {
      const v = (this.points.get(first + m) as Point).values;
      for (let d = 0; d < dims; d++) {
        if (v[d] < minValues[d]) minValues[d] = v[d];
        if (v[d] > maxValues[d]) maxValues[d] = v[d];
      }
    }
    return { density: members.length / n, minValues, maxValues };
  }
}
