/**
 * A CloudWatch-style line chart over a fixed-length window, drawn as plain SVG polylines: a redraw
 * of 1,200 points costs well under a millisecond of layout, so charts can follow every frame
 * without Recharts' per-update cost. Values are downsampled by stride maximum (spikes stay visible).
 * Hovering shows the time and every series' value at that point.
 */
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { axisTicks } from './axis-ticks';
import { useWidth } from './use-width';

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
const PAD = { left: 64, right: 12, top: 10, bottom: 22 };

function hhmmss(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}:${String(d.getUTCSeconds()).padStart(2, '0')}`;
}

function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function TimeSeriesChartImpl({ t0Ms, stepMs, series, formatValue, height = 200, limit, ariaLabel }: TimeSeriesChartProps) {
  const { t } = useTranslation('console');
  const [ref, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  const n = series.reduce((m, s) => Math.max(m, s.values.length), 0);
  const stride = Math.max(1, Math.ceil(n / MAX_POINTS));
  const points = Math.ceil(n / stride);
  const { sampled, yMax, hasData, anyValue } = useMemo(() => {
    let max = limit ? limit.value : 0;
    let hasData = limit !== undefined;
    let anyValue = false;
    const sampled = series.map((s) => {
      const out = new Float64Array(points);
      for (let p = 0; p < points; p++) {
        let v = -Infinity;
        for (let k = p * stride; k < Math.min(n, (p + 1) * stride); k++) {
          const x = s.values[k];
          if (Number.isFinite(x) && x > v) v = x;
        }
        out[p] = Number.isFinite(v) ? v : Number.NaN;
        if (out[p] > max) max = out[p];
        if (!Number.isNaN(out[p])) anyValue = true;
        if (out[p] > 0) hasData = true;
      }
      return out;
    });
    return { sampled, yMax: niceMax(max * 1.05), hasData, anyValue };
  }, [series, points, stride, n, limit]);

  const plotW = Math.max(10, width - PAD.left - PAD.right);
  const plotH = Math.max(10, height - PAD.top - PAD.bottom);
  const x = (p: number) => PAD.left + (points <= 1 ? 0 : (p / (points - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - (v / yMax) * plotH;
  // Path strings are the costly part of a redraw: rebuilt when the data or the size changes, not on hover.
  const paths = useMemo(
    () =>
      sampled.map((vals) => {
        let d = '';
        let pen = false;
        for (let p = 0; p < vals.length; p++) {
          const v = vals[p];
          if (Number.isNaN(v)) { pen = false; continue; }
          const px = PAD.left + (points <= 1 ? 0 : (p / (points - 1)) * plotW);
          const py = PAD.top + plotH - (v / yMax) * plotH;
          d += `${pen ? 'L' : 'M'}${px.toFixed(1)} ${py.toFixed(1)}`;
          pen = true;
        }
        return d;
      }),
    [sampled, yMax, points, plotW, plotH],
  );
  const ticks = axisTicks(yMax, hasData, formatValue);
  const timeTicks = points > 1 ? [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * (points - 1))) : [];
  const onMove = (e: React.MouseEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const p = Math.round(((e.clientX - rect.left - PAD.left) / plotW) * (points - 1));
    setHover(p >= 0 && p < points ? p : null);
  };

  return (
    <div ref={ref} className="ts-chart" style={{ height }}>
      <svg width={width} height={height} role="img" aria-label={ariaLabel} onMouseMove={onMove} onMouseLeave={() => setHover(null)}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={PAD.left + plotW} y1={y(t)} y2={y(t)} className="ts-grid" />
            <text x={PAD.left - 6} y={y(t) + 4} className="ts-label" textAnchor="end">{formatValue(t)}</text>
          </g>
        ))}
        {timeTicks.map((p, i) => (
          <text key={i} x={x(p)} y={height - 6} className="ts-label" textAnchor={i === 0 ? 'start' : i === timeTicks.length - 1 ? 'end' : 'middle'}>{hhmmss(t0Ms + p * stride * stepMs)}</text>
        ))}
        {limit ? (
          <g>
            <line x1={PAD.left} x2={PAD.left + plotW} y1={y(limit.value)} y2={y(limit.value)} className="ts-limit" />
            <text x={PAD.left + plotW - 4} y={y(limit.value) - 4} textAnchor="end" className="ts-limit-label">{limit.label}</text>
          </g>
        ) : null}
        {paths.map((d, i) => (
          <path key={series[i].name} d={d} fill="none" stroke={series[i].color ?? PALETTE[i % PALETTE.length]} strokeWidth={1.6} />
        ))}
        {!anyValue ? <text x={PAD.left + plotW / 2} y={PAD.top + plotH / 2} textAnchor="middle" className="ts-label" data-testid="chart-empty">{t('chart.empty')}</text> : null}
        {hover !== null ? <line x1={x(hover)} x2={x(hover)} y1={PAD.top} y2={PAD.top + plotH} className="ts-cursor" /> : null}
      </svg>
      {series.length > 1 ? (
        <div className="ts-legend" aria-hidden="true">
          {series.map((s, i) => (
            <span key={s.name}><i style={{ background: s.color ?? PALETTE[i % PALETTE.length] }} />{s.name}</span>
          ))}
        </div>
      ) : null}
      {hover !== null ? (
        <div className="ts-tip" style={{ left: Math.min(x(hover) + 10, width - 180), top: PAD.top }} role="tooltip">
          <div>{hhmmss(t0Ms + hover * stride * stepMs)}</div>
          {series.map((s, i) => (
            <div key={s.name}>{s.name}: {Number.isNaN(sampled[i][hover]) ? t('chart.noData') : formatValue(sampled[i][hover])}</div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

export const TimeSeriesChart = memo(TimeSeriesChartImpl);
