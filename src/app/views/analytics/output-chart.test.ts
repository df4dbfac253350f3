import { describe, expect, it } from 'vitest';
import { chartData, chartableColumns, CHART_POINTS_MAX } from './OutputChart';
import type { StreamRowsSnapshot } from '../../../engine/analytics/world/snapshot-types';
import { formatValue } from './format-value';

const out = (rows: [number, string, number][]): StreamRowsSnapshot => ({
  stream: 'DESTINATION_SQL_STREAM',
  columns: [{ name: 'page', type: 'VARCHAR(16)' }, { name: 'n', type: 'BIGINT' }],
  rowsTotal: rows.length,
  rows: rows.map(([t, p, n]) => ({ rowtimeMs: t, values: [p, n] })),
});

describe('output chart data', () => {
  it('pivots rows by ROWTIME with one series per key', () => {
    const d = chartData(out([[10, '/', 3], [10, '/cart', 5], [20, '/', 4]]), 'n', 'page');
    expect(d.series).toEqual(['/', '/cart']);
    expect(d.rows).toEqual([{ t: 10, '/': 3, '/cart': 5 }, { t: 20, '/': 4 }]);
  });

  it('keeps at most 1,200 rows and five series, the most frequent keys first', () => {
    const rows: [number, string, number][] = [];
    for (let i = 0; i < 3000; i++) rows.push([i, `k${i % 8 === 0 ? 0 : i % 7}`, i]);
    const d = chartData(out(rows), 'n', 'page');
    expect(d.series.length).toBe(5);
    expect(d.series[0]).toBe('k0');
    expect(d.rows.length).toBeLessThanOrEqual(CHART_POINTS_MAX);
    expect(d.rows[0].t).toBe(3000 - CHART_POINTS_MAX);
  });

  it('charts one line without a key, and finds chartable columns', () => {
    expect(chartData(out([[1, 'a', 2]]), 'n', null)).toEqual({ rows: [{ t: 1, n: 2 }], series: ['n'] });
    expect(chartData(out([[1, 'a', 2]]), 'missing', null).rows).toEqual([]);
    expect(chartableColumns(out([]))).toEqual({ numeric: ['n'], key: 'page' });
  });

  it('formats cells by SQL type', () => {
    expect(formatValue(Date.UTC(2026, 0, 1, 0, 1, 2, 3), 'TIMESTAMP')).toBe('2026-01-01 00:01:02.003');
    expect(formatValue(null, 'BIGINT')).toBe('NULL');
    expect(formatValue(1 / 3, 'DOUBLE')).toBe('0.33333333');
    expect(formatValue(true, 'BOOLEAN')).toBe('TRUE');
  });
});
