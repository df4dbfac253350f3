import { describe, expect, it } from 'vitest';
import { HeatHistory } from './heat-history';

describe('HeatHistory', () => {
  it('returns the newest columns right-aligned, NaN before history began', () => {
    const h = new HeatHistory(4, 2);
    h.push(1000, [0.1, 0.2]);
    h.push(2000, [0.3, 0.4]);
    const { values, t0Ms } = h.window(2, 3);
    expect(Number.isNaN(values[0])).toBe(true);
    expect(Array.from(values.slice(1, 3))).toEqual([Math.fround(0.1), Math.fround(0.3)]);
    expect(Array.from(values.slice(4, 6))).toEqual([Math.fround(0.2), Math.fround(0.4)]);
    expect(t0Ms).toBe(0);
    expect(h.lastMs).toBe(2000);
  });

  it('wraps around its capacity and grows rows when shards are added', () => {
    const h = new HeatHistory(3, 1);
    for (let s = 0; s < 5; s++) h.push(s * 1000, s < 4 ? [s] : [s, 10 + s]);
    const { values } = h.window(2, 3);
    expect(Array.from(values.slice(0, 3))).toEqual([2, 3, 4]);
    expect(Number.isNaN(values[3])).toBe(true);
    expect(values[5]).toBe(14);
    expect(Array.from(h.row(0, 2))).toEqual([3, 4]);
  });
});

describe('HeatHistory.windowMax', () => {
  it('groups rows by maximum, so one hot shard among cold ones keeps its value', () => {
    const h = new HeatHistory(4, 8);
    h.push(0, [0.1, 0.1, 0.1, 2.5, 0.1, 0.1, 0.1, 0.1]);
    h.push(1000, [0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.9]);
    const { values, groups } = h.windowMax(0, 8, 4, 2);
    expect(groups).toBe(2);
    // Row-major: group 0 = shards 0–3, group 1 = shards 4–7.
    expect([...values].map((v) => Math.round(v * 10) / 10)).toEqual([2.5, 0.2, 0.1, 0.9]);
  });

  it('zooms to a shard range, is NaN only where every shard of a group is, and pads missing seconds', () => {
    const h = new HeatHistory(4, 6);
    h.push(0, [0.5, Number.NaN, Number.NaN, Number.NaN, 0.3, 0.7]);
    const { values, groups } = h.windowMax(1, 4, 2, 2);
    expect(groups).toBe(2);
    // Column 0 is before the history began; shards 1–2 are NaN; shards 3–4 → max(NaN, 0.3).
    expect(Number.isNaN(values[0])).toBe(true);
    expect(Number.isNaN(values[1])).toBe(true);
    expect(Number.isNaN(values[2])).toBe(true);
    expect(values[3]).toBeCloseTo(0.3);
  });
});
