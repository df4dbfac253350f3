/**
 * HOTSPOTS: density-based clusters (DBSCAN-like) over the numeric columns of the last `windowSize`
 * rows, reported with every input row as HOTSPOTS_RESULT JSON:
 * {"hotspots":[{"density":d,"minValues":[…],"maxValues":[…]}]} (density = share of the window's rows).
 */
import type { Row } from '../types';
import { BaseOperator } from './operator';

export class HotspotsOperator extends BaseOperator {
  private readonly window: number[][] = [];

  constructor(private readonly numericIndices: readonly number[], private readonly windowSize: number, private readonly scanRadius: number, private readonly minPoints: number) {
    super();
  }

  process(row: Row): void {
    this.window.push(this.numericIndices.map((i) => (typeof row[i] === 'number' ? (row[i] as number) : 0)));
    if (this.window.length > this.windowSize) this.window.shift();
    this.emit([...row, JSON.stringify({ hotspots: this.clusters() })]);
  }

  private clusters(): { density: number; minValues: number[]; maxValues: number[] }[] {
    const pts = this.window;
    const n = pts.length;
    const r2 = this.scanRadius * this.scanRadius;
    const near = (a: number[], b: number[]) => {
      let d = 0;
      for (let k = 0; k < a.length; k++) d += (a[k] - b[k]) ** 2;
      return d <= r2;
    };
    const label = new Int32Array(n).fill(-1);
    const out: { density: number; minValues: number[]; maxValues: number[] }[] = [];
    let cluster = 0;
    for (let i = 0; i < n; i++) {
      if (label[i] !== -1) continue;
      const seeds = this.neighbours(i, near);
      if (seeds.length < this.minPoints) continue;
      const members: number[] = [];
      const queue = [...seeds];
      label[i] = cluster;
      while (queue.length) {
        const j = queue.pop() as number;
        if (label[j] !== -1 && label[j] !== cluster) continue;
        if (label[j] === -1 || j === i) {
          label[j] = cluster;
          members.push(j);
          const more = this.neighbours(j, near);
          if (more.length >= this.minPoints) for (const m of more) if (label[m] === -1) queue.push(m);
        }
      }
      const uniq = [...new Set(members)];
      const dims = pts[0].length;
      const minValues = Array.from({ length: dims }, (_, d) => Math.min(...uniq.map((m) => pts[m][d])));
      const maxValues = Array.from({ length: dims }, (_, d) => Math.max(...uniq.map((m) => pts[m][d])));
      out.push({ density: uniq.length / n, minValues, maxValues });
      cluster++;
    }
    return out.sort((a, b) => b.density - a.density);
  }

  private neighbours(i: number, near: (a: number[], b: number[]) => boolean): number[] {
    const out: number[] = [];
    for (let j = 0; j < this.window.length; j++) if (near(this.window[i], this.window[j])) out.push(j);
    return out;
  }
}
