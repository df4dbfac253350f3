/**
 * A CloudWatch-style line chart over a fixed-length window. Numeric time axis, no animation,
 * no dots: Recharts stays within tens of milliseconds per update up to ~2,000 points.
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface Series {
  readonly name: string;
  readonly values: ArrayLike<number>;
  readonly color?: string;
}

export interface TimeSeriesChartProps {
  /** Virtual epoch ms of values[0]. */
  t0Ms: number;
  stepMs: number;
  series: readonly Series[];
  formatValue(v: number): string;
  height?: number;
  /** A horizontal line such as a shard limit. */
  limit?: { value: number; label: string };
  ariaLabel: string;
}

const PALETTE = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)'];
const MAX_POINTS = 1200;

function hhmmss(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}:${String(d.getUTCSeconds()).padStart(2, '0')}`;
}

function TimeSeriesChartImpl({ t0Ms, stepMs, series, formatValue, height = 220, limit, ariaLabel }: TimeSeriesChartProps) {
  const rows = useMemo(() => {
    const n = series.reduce((m, s) => Math.max(m, s.values.length), 0);
    const stride = Math.max(1, Math.ceil(n / MAX_POINTS));
    const out: Array<Record<string, number>> = [];
    for (let i = 0; i < n; i += stride) {
      const row: Record<string, number> = { t: t0Ms + i * stepMs };
      for (const s of series) {
        // Downsampling keeps the maximum of each stride so spikes (throttles) stay visible.
        let v = -Infinity;
        for (let k = i; k < Math.min(n, i + stride); k++) v = Math.max(v, s.values[k] ?? NaN);
        row[s.name] = Number.isFinite(v) ? v : NaN;
      }
      out.push(row);
    }
    return out;
  }, [series, t0Ms, stepMs]);

  return (
    <div role="img" aria-label={ariaLabel} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={hhmmss} stroke="var(--text-muted)" fontSize={11} minTickGap={40} />
          <YAxis tickFormatter={formatValue} stroke="var(--text-muted)" fontSize={11} width={72} />
          <Tooltip
            labelFormatter={(t) => hhmmss(Number(t))}
            formatter={(v) => formatValue(Number(v))}
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', fontSize: 12 }}
            isAnimationActive={false}
          />
          {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
          {limit ? <ReferenceLine y={limit.value} stroke="var(--bad)" strokeDasharray="4 4" label={{ value: limit.label, fill: 'var(--bad)', fontSize: 11, position: 'insideTopRight' }} /> : null}
          {series.map((s, i) => (
            <Line key={s.name} type="linear" dataKey={s.name} stroke={s.color ?? PALETTE[i % PALETTE.length]} dot={false} isAnimationActive={false} strokeWidth={1.6} connectNulls={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export const TimeSeriesChart = memo(TimeSeriesChartImpl);
