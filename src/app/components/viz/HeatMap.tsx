/**
 * Shards × time heat map on a canvas: one putImageData per draw through a colour lookup table,
 * so 1,000 shards × 600 buckets stays within a couple of milliseconds. Values are utilisation
 * fractions (0…1 of the shard's limit); above 1 means the shard refused writes. The hover names
 * the shard, the time and the figures; rows and columns map to pixels by the canvas' CSS size.
 */
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildUtilLut, lutIndex } from './util-colors';

export interface HeatMapProps {
  /** Row-major: values[row * cols + col]. NaN = no data. */
  values: Float32Array | Float64Array;
  rows: number;
  cols: number;
  rowLabel(row: number): string;
  colLabel(col: number): string;
  /** Formats one cell's value for the hover. */
  describe(row: number, col: number, value: number): string;
  height?: number;
  ariaLabel: string;
}

const lut = buildUtilLut();
/** More rows than this are binned by maximum, so a hot shard never disappears between pixels. */
const MAX_DRAWN_ROWS = 400;

/** The row in [first, first + bin) with the highest value in column `col` (the one a binned pixel shows). */
function hottestRow(values: ArrayLike<number>, rows: number, cols: number, first: number, bin: number, col: number): number {
  let best = first;
  let bestV = -Infinity;
  for (let r = first; r < Math.min(rows, first + bin); r++) {
    const v = values[r * cols + col];
    if (v > bestV) { bestV = v; best = r; }
  }
  return best;
}

function HeatMapImpl({ values, rows, cols, rowLabel, colLabel, describe, height = 280, ariaLabel }: HeatMapProps) {
  const { t } = useTranslation('console');
  const canvas = useRef<HTMLCanvasElement>(null);
  const image = useRef<ImageData | null>(null);
  const [hover, setHover] = useState<{ x: number; y: number; row: number; col: number } | null>(null);

  useEffect(() => {
    const c = canvas.current;
    if (!c || rows === 0 || cols === 0) return;
    const bin = Math.ceil(rows / MAX_DRAWN_ROWS);
    const drawn = Math.ceil(rows / bin);
    if (c.width !== cols || c.height !== drawn) {
      c.width = cols;
      c.height = drawn;
    }
    const ctx = c.getContext('2d');
    if (!ctx) return;
    if (!image.current || image.current.width !== cols || image.current.height !== drawn) image.current = ctx.createImageData(cols, drawn);
    const px = image.current.data;
    // Row by row, so no pixel pays a division; each drawn row is the maximum of its bin of shards.
    for (let dr = 0; dr < drawn; dr++) {
      const first = dr * bin;
      const end = Math.min(rows, first + bin);
      for (let col = 0; col < cols; col++) {
        let v = values[first * cols + col];
        for (let r = first + 1; r < end; r++) {
          const x = values[r * cols + col];
          if (Number.isNaN(v) || x > v) v = x;
        }
        const o = (dr * cols + col) * 4;
        if (Number.isNaN(v)) {
          px[o + 3] = 0;
          continue;
        }
        const idx = lutIndex(v) * 4;
        px[o] = lut[idx];
        px[o + 1] = lut[idx + 1];
        px[o + 2] = lut[idx + 2];
        px[o + 3] = 255;
      }
    }
    ctx.putImageData(image.current, 0, 0);
  }, [values, rows, cols]);

  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(((e.clientX - rect.left) / rect.width) * cols);
    const bin = Math.ceil(rows / MAX_DRAWN_ROWS);
    const drawn = Math.ceil(rows / bin);
    const dr = Math.floor(((e.clientY - rect.top) / rect.height) * drawn);
    if (dr < 0 || dr >= drawn || col < 0 || col >= cols) return setHover(null);
    setHover({ x: e.clientX - rect.left, y: e.clientY - rect.top, row: hottestRow(values, rows, cols, dr * bin, bin, col), col });
  };
  const v = hover && hover.row < rows && hover.col < cols ? values[hover.row * cols + hover.col] : Number.NaN;

  const labelled = rows <= Math.floor((height - 40) / 12);
  const rowTicks = labelled ? Array.from({ length: rows }, (_, r) => r) : [0, Math.floor(rows / 2), rows - 1];
  const colTicks = cols > 1 ? [0, Math.floor(cols / 2), cols - 1] : [0];
  return (
    <div className="heatmap" style={{ height }}>
      <div className="heatmap-body">
        <div className="heatmap-rows" aria-hidden="true">
          {rowTicks.map((r) => (
            <span key={r} style={{ top: `${((r + 0.5) / rows) * 100}%` }}>{rowLabel(r).replace('shardId-', '')}</span>
          ))}
        </div>
        <canvas
          ref={canvas}
          role="img"
          aria-label={ariaLabel}
          className="heatmap-canvas"
          onMouseMove={onMove}
          onMouseLeave={() => setHover(null)}
          data-testid="heatmap"
        />
      </div>
      <div className="heatmap-cols" aria-hidden="true">
        {colTicks.map((c, i) => (
          <span key={i} style={{ left: `${((c + 0.5) / cols) * 100}%` }}>{colLabel(c)}</span>
        ))}
      </div>
      {hover ? (
        <div className="heatmap-tip" style={{ left: Math.min(hover.x + 96, 9999), top: hover.y + 12 }} role="tooltip">
          {`${rowLabel(hover.row)} · ${colLabel(hover.col)}\n${Number.isNaN(v) ? t('heat.noData') : describe(hover.row, hover.col, v)}`}
        </div>
      ) : null}
      <div className="heatmap-legend" aria-hidden="true">
        <span>0%</span>
        <span className="heatmap-legend-bar" />
        <span>{t('heat.legend')}</span>
      </div>
    </div>
  );
}

export const HeatMap = memo(HeatMapImpl);
