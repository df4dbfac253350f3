/**
 * A chart of one numeric output column over ROWTIME (the newest ≤ 1,200 rows), one line per value
 * of a key column when the output has one (e.g. a count per page), at most five lines.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StreamRowsSnapshot } from '../../../engine/analytics/world/snapshot-types';
import { formatTimestampMs, isNumericType } from './format-value';

export const CHART_POINTS_MAX = 1200;
const SERIES_MAX = 5;
const PALETTE = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)'];

export interface ChartData {
  readonly rows: Record<string, number>[];
  readonly series: string[];
}

/** Pivots rows to {t, series…}; pure, for tests. */
export function chartData(out: StreamRowsSnapshot, column: string, splitBy: string | null): ChartData {
  const vi = out.columns.findIndex((c) => c.name === column);
  if (vi < 0) return { rows: [], series: [] };
  const ki = splitBy ? out.columns.findIndex((c) => c.name === splitBy) : -1;
  const rows = out.rows.slice(-CHART_POINTS_MAX);
  const counts = new Map<string, number>();
  if (ki >= 0) for (const r of rows) counts.set(String(r.values[ki]), (counts.get(String(r.values[ki])) ?? 0) + 1);
  const series = ki >= 0 ? [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, SERIES_MAX).map(([k]) => k) : [column];
  const keep = new Set(series);
  const byTime = new Map<number, Record<string, number>>();
  for (const r of rows) {
    const v = r.values[vi];
    if (typeof v !== 'number') continue;
    const key = ki >= 0 ? String(r.values[ki]) : column;
    if (!keep.has(key)) continue;
    let point = byTime.get(r.rowtimeMs);
    if (!point) byTime.set(r.rowtimeMs, (point = { t: r.rowtimeMs }));
    point[key] = v;
  }
  return { rows: [...byTime.values()], series };
}

export interface OutputChartProps {
  output: StreamRowsSnapshot;
  column: string;
  splitBy: string | null;
}

function OutputChartImpl({ output, column, splitBy }: OutputChartProps) {
  const { t } = useTranslation('analytics');
  const data = useMemo(() => chartData(output, column, splitBy), [output, column, splitBy]);
  if (data.rows.length === 0) return <div className="empty-state">{t('live.noValues', { column })}</div>;
  return (
    <div role="img" aria-label={splitBy ? t('live.chartOfBy', { column, key: splitBy }) : t('live.chartOf', { column })} style={{ width: '100%', height: 240 }} data-testid="analytics-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data.rows} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(t: number) => formatTimestampMs(t).slice(11, 19)} stroke="var(--text-muted)" fontSize={11} minTickGap={40} />
          <YAxis stroke="var(--text-muted)" fontSize={11} width={64} />
          <Tooltip
            labelFormatter={(t) => formatTimestampMs(Number(t))}
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', fontSize: 12, color: 'var(--text)' }}
            isAnimationActive={false}
          />
          {data.series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
          {data.series.map((s, i) => (
            <Line key={s} type="linear" dataKey={s} stroke={PALETTE[i % PALETTE.length]} dot={false} isAnimationActive={false} strokeWidth={1.6} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export const OutputChart = memo(OutputChartImpl);

/** Numeric columns worth charting and a key column to split by (the first text column). */
export function chartableColumns(out: StreamRowsSnapshot): { numeric: string[]; key: string | null } {
  const numeric = out.columns.filter((c) => isNumericType(c.type)).map((c) => c.name);
  const key = out.columns.find((c) => /^(VARCHAR|CHAR|STRING)/i.test(c.type))?.name ?? null;
  return { numeric, key };
}
