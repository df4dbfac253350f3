/**
 * RANDOM_CUT_FOREST(_WITH_EXPLANATION): a streaming random-cut forest over the numeric columns of
 * each row (optionally shingled). Each tree keeps a time-decayed reservoir sample; a point's score is
 * how much faster random cuts isolate it than expected (≈1 for typical points, larger for outliers).
 * Scores are 0 while the forest learns (the first subSampleSize rows). Seeded from the engine PRNG.
 */
import type { Prng } from '../../random/prng';
import type { Row } from '../types';
import { BaseOperator } from './operator';

export interface ForestOptions {
  readonly numberOfTrees: number;
  readonly subSampleSize: number;
  readonly timeDecay: number;
  readonly shingleSize: number;
}

/** Expected isolation depth of a point among n (average path length of an unsuccessful BST search). */
function expectedDepth(n: number): number {
  if (n <= 1) return 1;
  return 2 * (Math.log(n - 1) + 0.5772156649) - (2 * (n - 1)) / n;
}

interface CutNode {
  readonly lo: number[];
  readonly hi: number[];
  readonly size: number;
  readonly dim: number;
  readonly cut: number;
  readonly left: CutNode | null;
  readonly right: CutNode | null;
}

export class RandomCutForest {
  private readonly samples: number[][][];
  private readonly trees: (CutNode | null)[];
  private readonly changes: number[];
  private seen = 0;

  constructor(private readonly prng: Prng, private readonly opts: ForestOptions) {
    this.samples = Array.from({ length: opts.numberOfTrees }, () => []);
    this.trees = this.samples.map(() => null);
    this.changes = this.samples.map(() => 0);
  }

  get learning(): boolean {
    return this.seen < this.opts.subSampleSize;
  }

  /** Score and per-dimension attribution of `point` against the current trees. */
  score(point: readonly number[]): { score: number; attribution: number[] } {
    const dims = point.length;
    const attribution = new Array<number>(dims).fill(0);
    let total = 0;
    let trees = 0;
    for (let t = 0; t < this.samples.length; t++) {
      const sample = this.samples[t];
      if (sample.length === 0) continue;
      // Trees are rebuilt from their samples lazily, after enough replacements, to keep scoring O(depth).
      if (!this.trees[t] || this.changes[t] >= Math.max(16, sample.length >> 2)) {
        this.trees[t] = this.build(sample, 0);
        this.changes[t] = 0;
      }
      const { depth, dim } = this.isolate(this.trees[t] as CutNode, point);
      const s = expectedDepth(sample.length + 1) / depth;
      total += s;
      attribution[dim] += s;
      trees++;
    }
    const n = trees || 1;
    return { score: total / n, attribution: attribution.map((a) => a / n) };
  }

  update(point: readonly number[]): void {
    this.seen++;
    const size = this.opts.subSampleSize;
    // Replacement probability decays towards size/timeDecay so recent points dominate.
    const p = size / Math.min(this.seen, Math.max(size, this.opts.timeDecay));
    for (let t = 0; t < this.samples.length; t++) {
      const sample = this.samples[t];
      if (sample.length < size) sample.push([...point]);
      else if (this.prng.next() < p) sample[this.prng.intInclusive(0, size - 1)] = [...point];
      else continue;
      this.changes[t]++;
    }
  }

  private build(points: readonly number[][], depth: number): CutNode {
    const dims = points[0].length;
    const lo = [...points[0]];
    const hi = [...points[0]];
    for (const q of points) {
      for (let d = 0; d < dims; d++) {
        if (q[d] < lo[d]) lo[d] = q[d];
        if (q[d] > hi[d]) hi[d] = q[d];
      }
    }
    let span = 0;
    for (let d = 0; d < dims; d++) span += hi[d] - lo[d];
    if (points.length <= 1 || span === 0 || depth >= 48) return { lo, hi, size: points.length, dim: 0, cut: 0, left: null, right: null };
    let r = this.prng.next() * span;
    let dim = 0;
    while (dim < dims - 1 && r >= hi[dim] - lo[dim]) {
      r -= hi[dim] - lo[dim];
      dim++;
    }
    const cut = lo[dim] + this.prng.next() * (hi[dim] - lo[dim]);
    const below = points.filter((q) => q[dim] <= cut);
    const above = points.filter((q) => q[dim] > cut);
    if (below.length === 0 || above.length === 0) return { lo, hi, size: points.length, dim: 0, cut: 0, left: null, right: null };
    return { lo, hi, size: points.length, dim, cut, left: this.build(below, depth + 1), right: this.build(above, depth + 1) };
  }

  /** Depth at which `point` separates from the tree's points (leaving a bounding box isolates it). */
  private isolate(root: CutNode, point: readonly number[]): { depth: number; dim: number } {
    let node: CutNode | null = root;
    let depth = 1;
    let lastDim = 0;
    while (node) {
      let outside = -1;
      let excess = 0;
      for (let d = 0; d < point.length; d++) {
        const e = point[d] < node.lo[d] ? node.lo[d] - point[d] : point[d] > node.hi[d] ? point[d] - node.hi[d] : 0;
        if (e > excess) {
          excess = e;
          outside = d;
        }
      }
      if (outside >= 0) return { depth, dim: outside };
      if (!node.left || !node.right) return { depth: depth + expectedDepth(node.size) - 1 + 1e-9, dim: lastDim };
      lastDim = node.dim;
      node = point[node.dim] <= node.cut ? node.left : node.right;
      depth++;
    }
    return { depth, dim: lastDim };
  }
}

export class RandomCutForestOperator extends BaseOperator {
  private readonly forest: RandomCutForest;
  private readonly shingle: number[][] = [];
  private readonly means: number[];
  private count = 0;

  constructor(
    prng: Prng,
    private readonly opts: ForestOptions,
    private readonly numericIndices: readonly number[],
    private readonly columnNames: readonly string[],
    private readonly explain: boolean,
    private readonly withDirectionality: boolean,
  ) {
    super();
    this.forest = new RandomCutForest(prng, opts);
    this.means = numericIndices.map(() => 0);
  }

  process(row: Row): void {
    const values = this.numericIndices.map((i) => (typeof row[i] === 'number' ? (row[i] as number) : 0));
    this.count++;
    for (let d = 0; d < values.length; d++) this.means[d] += (values[d] - this.means[d]) / this.count;
    this.shingle.push(values);
    if (this.shingle.length > this.opts.shingleSize) this.shingle.shift();
    const extra: (number | string)[] = [];
    if (this.shingle.length < this.opts.shingleSize) {
      extra.push(0);
      if (this.explain) extra.push('{}');
      this.emit([...row, ...extra]);
      return;
    }
    const point = this.shingle.flat();
    const learning = this.forest.learning;
    const { score, attribution } = learning ? { score: 0, attribution: point.map(() => 0) } : this.forest.score(point);
    extra.push(score);
    if (this.explain) extra.push(this.explanation(values, attribution));
    this.forest.update(point);
    this.emit([...row, ...extra]);
  }

  private explanation(values: readonly number[], attribution: readonly number[]): string {
    const dims = values.length;
    const doc: Record<string, Record<string, number | string>> = {};
    for (let d = 0; d < dims; d++) {
      let a = 0;
      for (let k = d; k < attribution.length; k += dims) a += attribution[k];
      const entry: Record<string, number | string> = { ATTRIBUTION_SCORE: a, STRENGTH: Math.abs(values[d] - this.means[d]) };
      if (this.withDirectionality) entry.DIRECTION = values[d] >= this.means[d] ? 'HIGH' : 'LOW';
      doc[this.columnNames[d]] = entry;
    }
    return JSON.stringify(doc);
  }
}
