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

/**
 * One tree, flattened into typed arrays (node i's box is lo/hi[i*dims … i*dims+dims-1]; a leaf has
 * left = -1). Buffers are allocated once per tree and reused by every rebuild, and scoring walks
 * them without allocating: this is the hot loop (numberOfTrees walks per row).
 */
class FlatTree {
  count = 0;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly cut: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly dim: Int32Array;
  readonly size: Int32Array;
  /** Point indices, partitioned in place while building. */
  readonly order: Int32Array;

  constructor(readonly dims: number, points: number) {
    const nodes = Math.max(1, 2 * points);
    this.lo = new Float64Array(nodes * dims);
    this.hi = new Float64Array(nodes * dims);
    this.cut = new Float64Array(nodes);
    this.left = new Int32Array(nodes);
    this.right = new Int32Array(nodes);
    this.dim = new Int32Array(nodes);
    this.size = new Int32Array(nodes);
    this.order = new Int32Array(points);
  }
}

export class RandomCutForest {
  /** Per tree: its reservoir sample (points are shared between trees, never mutated). */
  private readonly samples: (readonly number[])[][];
  private readonly trees: (FlatTree | null)[];
  private readonly changes: number[];
  private seen = 0;
  /** Results of the last isolate() call (kept in fields so the hot loop allocates nothing). */
  private isolatedDepth = 0;
  private isolatedDim = 0;

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
    const p = Float64Array.from(point);
    let total = 0;
    let trees = 0;
    for (let t = 0; t < this.samples.length; t++) {
      const sample = this.samples[t];
      if (sample.length === 0) continue;
      // Trees are rebuilt from their samples lazily, after enough replacements, to keep scoring O(depth).
      let tree = this.trees[t];
      if (!tree || this.changes[t] >= Math.max(16, sample.length >> 2)) {
        if (!tree || tree.order.length < sample.length || tree.dims !== dims) tree = new FlatTree(dims, Math.max(sample.length, this.opts.subSampleSize));
        this.build(tree, sample);
        this.trees[t] = tree;
        this.changes[t] = 0;
      }
      this.isolate(tree, p);
      const s = expectedDepth(sample.length + 1) / this.isolatedDepth;
      total += s;
      attribution[this.isolatedDim] += s;
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
    const copy = [...point];
    for (let t = 0; t < this.samples.length; t++) {
      const sample = this.samples[t];
      if (sample.length < size) sample.push(copy);
      else if (this.prng.next() < p) sample[this.prng.intInclusive(0, size - 1)] = copy;
      else continue;
      this.changes[t]++;
    }
  }

  private build(tree: FlatTree, points: readonly (readonly number[])[]): void {
    for (let i = 0; i < points.length; i++) tree.order[i] = i;
    tree.count = 0;
    this.buildNode(tree, points, 0, points.length, 0);
  }

  /** Builds the node for order[from, to) and returns its index (same cuts and PRNG draws, depth-first, left first). */
  private buildNode(tree: FlatTree, points: readonly (readonly number[])[], from: number, to: number, depth: number): number {
    const { dims, lo, hi, order } = tree;
    const node = tree.count++;
    const base = node * dims;
    const first = points[order[from]];
    for (let d = 0; d < dims; d++) lo[base + d] = hi[base + d] = first[d];
    for (let i = from + 1; i < to; i++) {
      const q = points[order[i]];
      for (let d = 0; d < dims; d++) {
        if (q[d] < lo[base + d]) lo[base + d] = q[d];
        if (q[d] > hi[base + d]) hi[base + d] = q[d];
      }
    }
    tree.size[node] = to - from;
    tree.left[node] = -1;
    tree.right[node] = -1;
    tree.dim[node] = 0;
    let span = 0;
    for (let d = 0; d < dims; d++) span += hi[base + d] - lo[base + d];
    if (to - from <= 1 || span === 0 || depth >= 48) return node;
    let r = this.prng.next() * span;
    let dim = 0;
    while (dim < dims - 1 && r >= hi[base + dim] - lo[base + dim]) {
      r -= hi[base + dim] - lo[base + dim];
      dim++;
    }
    const cut = lo[base + dim] + this.prng.next() * (hi[base + dim] - lo[base + dim]);
    // Partition in place: points with value <= cut first.
    let split = from;
    for (let i = from; i < to; i++) {
      if (points[order[i]][dim] <= cut) {
        const tmp = order[i];
        order[i] = order[split];
        order[split++] = tmp;
      }
    }
    if (split === from || split === to) return node;
    tree.dim[node] = dim;
    tree.cut[node] = cut;
    tree.left[node] = this.buildNode(tree, points, from, split, depth + 1);
    tree.right[node] = this.buildNode(tree, points, split, to, depth + 1);
    return node;
  }

  /** Depth at which `point` separates from the tree's points (leaving a bounding box isolates it). */
  private isolate(tree: FlatTree, point: Float64Array): void {
    const { dims, lo, hi } = tree;
    let node = 0;
    let depth = 1;
    let lastDim = 0;
    for (;;) {
      const base = node * dims;
      let outside = -1;
      let excess = 0;
      for (let d = 0; d < dims; d++) {
        const v = point[d];
        const l = lo[base + d];
        let e = l - v;
        if (e <= 0) {
          const h = hi[base + d];
          if (v <= h) continue;
          e = v - h;
        }
        if (e > excess) {
          excess = e;
          outside = d;
        }
      }
      if (outside >= 0) {
        this.isolatedDepth = depth;
        this.isolatedDim = outside;
        return;
      }
      const left = tree.left[node];
      if (left < 0) {
        this.isolatedDepth = depth + expectedDepth(tree.size[node]) - 1 + 1e-9;
        this.isolatedDim = lastDim;
        return;
      }
      lastDim = tree.dim[node];
      node = point[lastDim] <= tree.cut[node] ? left : tree.right[node];
      depth++;
    }
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
