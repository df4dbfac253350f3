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

export class RandomCutForest {
  private readonly samples: number[][][];
  private seen = 0;

  constructor(private readonly prng: Prng, private readonly opts: ForestOptions) {
    this.samples = Array.from({ length: opts.numberOfTrees }, () => []);
  }

  get learning(): boolean {
    return this.seen < this.opts.subSampleSize;
  }

  /** Score and per-dimension attribution of `point` against the current samples. */
  score(point: readonly number[]): { score: number; attribution: number[] } {
    const dims = point.length;
    const attribution = new Array<number>(dims).fill(0);
    let total = 0;
    for (const sample of this.samples) {
      if (sample.length === 0) continue;
      const cutsPerDim = new Array<number>(dims).fill(0);
      const depth = this.isolationDepth(point, sample, cutsPerDim);
      const s = expectedDepth(sample.length + 1) / depth;
      total += s;
      const cuts = cutsPerDim.reduce((a, b) => a + b, 0) || 1;
      for (let d = 0; d < dims; d++) attribution[d] += (s * cutsPerDim[d]) / cuts;
    }
    const trees = this.samples.length || 1;
    return { score: total / trees, attribution: attribution.map((a) => a / trees) };
  }

  update(point: readonly number[]): void {
    this.seen++;
    const size = this.opts.subSampleSize;
    // Replacement probability decays towards size/timeDecay so recent points dominate.
    const p = size / Math.min(this.seen, Math.max(size, this.opts.timeDecay));
    for (const sample of this.samples) {
      if (sample.length < size) sample.push([...point]);
      else if (this.prng.next() < p) sample[this.prng.intInclusive(0, size - 1)] = [...point];
    }
  }

  private isolationDepth(point: readonly number[], sample: readonly number[][], cutsPerDim: number[]): number {
    let alive = sample;
    let depth = 1;
    const dims = point.length;
    while (alive.length > 0 && depth < 64) {
      const lo = [...point];
      const hi = [...point];
      for (const q of alive) {
        for (let d = 0; d < dims; d++) {
          if (q[d] < lo[d]) lo[d] = q[d];
          if (q[d] > hi[d]) hi[d] = q[d];
        }
      }
      let span = 0;
      for (let d = 0; d < dims; d++) span += hi[d] - lo[d];
      if (span === 0) return depth + expectedDepth(alive.length + 1) - 1;
      let r = this.prng.next() * span;
      let dim = 0;
      while (dim < dims - 1 && r >= hi[dim] - lo[dim]) {
        r -= hi[dim] - lo[dim];
        dim++;
      }
      const cut = lo[dim] + this.prng.next() * (hi[dim] - lo[dim]);
      cutsPerDim[dim]++;
      const below = point[dim] <= cut;
      alive = alive.filter((q) => (q[dim] <= cut) === below);
      depth++;
    }
    return depth;
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
