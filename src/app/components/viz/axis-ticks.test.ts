import { describe, expect, it } from 'vitest';
import { axisTicks } from './axis-ticks';
import { formatBytes, formatDuration } from '../../format';

const bytesPerSec = (v: number) => `${formatBytes(v)}/s`;

describe('axis ticks', () => {
  it('an empty chart shows only its zero line', () => {
    expect(axisTicks(1, false, bytesPerSec).map(bytesPerSec)).toEqual(['0 B/s']);
  });
  it('a flat tiny series gets distinct labels, never "1 B/s, 1 B/s, 1 B/s"', () => {
    const labels = axisTicks(1.2, true, bytesPerSec).map(bytesPerSec);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels[0]).toBe('0 B/s');
    expect(axisTicks(1, true, formatDuration).map(formatDuration)).toEqual(['0 ms', '1 ms']);
  });
  it('ordinary ranges keep five ticks', () => {
    expect(axisTicks(4000, true, (v) => String(v))).toEqual([0, 1000, 2000, 3000, 4000]);
  });
});
