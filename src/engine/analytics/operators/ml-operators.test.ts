/**
 * The incremental HOTSPOTS graph against a full per-row rescan (the plain DBSCAN it replaces), on
 * random windows with eviction; RANDOM_CUT_FOREST determinism under a seed and its learning phase.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../random/prng';
import type { Row } from '../types';
import { HotspotsOperator } from './hotspots';
import { RandomCutForestOperator } from './random-cut-forest';

/** Reference: DBSCAN recomputed from scratch over the window, visiting points in arrival order. */
function rescan(pts: number[][], radius: number, minPoints: number): string {
  const n = pts.length;
  const near = (i: number) => pts.map((_, j) => j).filter((j) => pts[i].reduce((s, v, k) => s + (v - pts[j][k]) ** 2, 0) <= radius * radius);
  const label = new Array<number>(n).fill(-1);
  const out: { density: number; minValues: number[]; maxValues: number[] }[] = [];
  let cluster = 0;
  for (let i = 0; i < n; i++) {
    if (label[i] !== -1) continue;
    const seeds = near(i);
    if (seeds.length < minPoints) continue;
    const members: number[] = [];
    const queue = [...seeds];
    label[i] = cluster;
    while (queue.length) {
      const j = queue.pop() as number;
      if (label[j] !== -1 && label[j] !== cluster) continue;
      if (label[j] === -1 || j === i) {
        label[j] = cluster;
        members.push(j);
        const more = near(j);
        if (more.length >= minPoints) for (const m of more) if (label[m] === -1) queue.push(m);
      }
    }
    const uniq = [...new Set(members)];
    const dims = pts[0].length;
    out.push({
      density: uniq.length / n,
      minValues: Array.from({ length: dims }, (_, d) => Math.min(...uniq.map((m) => pts[m][d]))),
      maxValues: Array.from({ length: dims }, (_, d) => Math.max(...uniq.map((m) => pts[m][d]))),
    });
    cluster++;
  }
  return JSON.stringify({ hotspots: out.sort((a, b) => b.density - a.density) });
}

describe('HOTSPOTS incremental neighbourhoods', () => {
  it('match a full rescan of the window for every row', () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }));
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 120 }), fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 6 }), (pts, windowSize, radius, minPoints) => {
        const op = new HotspotsOperator([0, 1], windowSize, radius, minPoints);
        const got: string[] = [];
        op.emit = (r: Row) => got.push(r[2] as string);
        const window: number[][] = [];
        pts.forEach(([x, y], i) => {
          op.process([x, y]);
          window.push([x, y]);
          if (window.length > windowSize) window.shift();
          expect(got[i]).toBe(rescan(window, radius, minPoints));
        });
      }),
      { seed: 20261122, numRuns: 150 },
    );
  });
});

describe('RANDOM_CUT_FOREST', () => {
  function scores(seed: string, rows: number[][]): number[] {
    const op = new RandomCutForestOperator(new Prng(seed), { numberOfTrees: 20, subSampleSize: 32, timeDecay: 1000, shingleSize: 1 }, [0, 1], ['A', 'B'], false, false);
    const out: number[] = [];
    op.emit = (r: Row) => out.push(r[2] as number);
    for (const r of rows) op.process(r);
    return out;
  }
  const rows = Array.from({ length: 300 }, (_, i) => [i % 17, (i * 7) % 11 + (i === 250 ? 90 : 0)]);

  it('is deterministic for a seed, scores 0 while learning, and flags the outlier', () => {
    const a = scores('s1', rows);
    expect(scores('s1', rows)).toEqual(a);
    expect(a.slice(0, 32).every((s) => s === 0)).toBe(true);
    const typical = a.slice(32, 250).reduce((s, v) => s + v, 0) / 218;
    expect(a[250]).toBeGreaterThan(2 * typical);
  });
});
