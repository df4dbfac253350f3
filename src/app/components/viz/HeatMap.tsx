/**
 * Shards × time heat map on a canvas: one putImageData per draw through a colour lookup table,
 * so 1,000 shards × 600 buckets stays within a couple of milliseconds. Values are utilisation
 * fractions (0…1 of the shard's limit); above 1 means the shard refused writes.
 */
import { useEffect, useMemo, useRef, useState } from 'react';

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

const LUT_SIZE = 256;

/** 0 → pale, 0.5 → blue, 0.9 → amber, ≥ 1 → red. Kept light/dark neutral. */
function buildLut(): Uint8ClampedArray {
  const stops: Array<[number, [number, number, number]]> = [
    [0, [228, 236, 247]],
    [0.5, [74, 144, 226]],
    [0.8, [240, 180, 41]],
    [0.98, [232, 107, 28]],
    [1, [207, 34, 46]],
  ];
  const lut = new Uint8ClampedArray(LUT_SIZE * 4);
  for (let i = 0; i < LUT_SIZE; i++) {
    const t = i / (LUT_SIZE - 1);
    let k = 0;
    while (k < stops.length - 2 && t > stops[k + 1][0]) k++;
    const [t0, c0] = stops[k];
    const [t1, c1] = stops[k + 1];
    const f = Math.min(1, Math.max(0, (t - t0) / (t1 - t0)));
    lut[i * 4] = c0[0] + (c1[0] - c0[0]) * f;
    lut[i * 4 + 1] = c0[1] + (c1[1] - c0[1]) * f;
    lut[i * 4 + 2] = c0[2] + (c1[2] - c0[2]) * f;
    lut[i * 4 + 3] = 255;
  }
  return lut;
}

export function HeatMap({ values, rows, cols, rowLabel, colLabel, describe, height = 280, ariaLabel }: HeatMapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const lut = useMemo(buildLut, []);
  const [hover, setHover] = useState<{ x: number; y: number; text: string } | null>(null);

  useEffect(() => {
    const c = canvas.current;
    if (!c || rows === 0 || cols === 0) return;
    if (c.width !== cols || c.height !== rows) {
      c.width = cols;
      c.height = rows;
    }
    const ctx = c.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(cols, rows);
    const px = img.data;
    for (let i = 0; i < rows * cols; i++) {
      const v = values[i];
      const o = i * 4;
      if (Number.isNaN(v)) {
        px[o + 3] = 0;
        continue;
      }
      const idx = Math.max(0, Math.min(LUT_SIZE - 1, Math.round(Math.min(v, 1) * (LUT_SIZE - 1))));
      px[o] = lut[idx * 4];
      px[o + 1] = lut[idx * 4 + 1];
      px[o + 2] = lut[idx * 4 + 2];
      px[o + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [values, rows, cols, lut]);

  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(((e.clientX - rect.left) / rect.width) * cols);
    const row = Math.floor(((e.clientY - rect.top) / rect.height) * rows);
    if (row < 0 || row >= rows || col < 0 || col >= cols) return setHover(null);
    const v = values[row * cols + col];
    setHover({ x: e.clientX - rect.left, y: e.clientY - rect.top, text: `${rowLabel(row)} · ${colLabel(col)}\n${Number.isNaN(v) ? 'no data' : describe(row, col, v)}` });
  };

  return (
    <div className="heatmap" style={{ height }}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={ariaLabel}
        className="heatmap-canvas"
        onMouseMove={onMove}
        onMouseLeave={() => setHover(null)}
        data-testid="heatmap"
      />
      {hover ? (
        <div className="heatmap-tip" style={{ left: Math.min(hover.x + 12, 9999), top: hover.y + 12 }} role="tooltip">
          {hover.text}
        </div>
      ) : null}
      <div className="heatmap-legend" aria-hidden="true">
        <span>0%</span>
        <span className="heatmap-legend-bar" />
        <span>100% of shard limit</span>
      </div>
    </div>
  );
}
