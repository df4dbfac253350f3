/**
 * The hash-key space 0…2^128 as a horizontal band: each open shard's range coloured by its write
 * utilisation (canvas, so 1,000 shards cost one pass), with markers where the top partition keys
 * land. Hovering names the shard, its share of the key space and its load.
 */
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { utilColor } from '../viz/util-colors';
import { useWidth } from '../viz/use-width';

export interface HashBandProps {
  start: Float64Array;
  end: Float64Array;
  util: Float32Array;
  ids: readonly string[];
  keys: readonly { key: string; hashFraction: number; shardId: string }[];
}

const BAND_H = 34;
const KEYS_H = 46;

function HashBandImpl({ start, end, util, ids, keys }: HashBandProps) {
  const { t } = useTranslation('console');
  const [wrap, width] = useWidth<HTMLDivElement>();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<{ x: number; i: number } | null>(null);
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(width * dpr);
    c.height = Math.round(BAND_H * dpr);
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, BAND_H);
    for (let i = 0; i < start.length; i++) {
      const x0 = start[i] * width;
      const x1 = end[i] * width;
      ctx.fillStyle = utilColor(util[i]);
      ctx.fillRect(x0, 0, Math.max(0.5, x1 - x0), BAND_H);
      // Shard boundaries only where they are at least 3 px apart, or the band turns into lines.
      if (start.length <= width / 3 && i > 0) {
        ctx.fillStyle = 'rgba(0,0,0,0.35)';
        ctx.fillRect(x0, 0, 1, BAND_H);
      }
    }
  }, [start, end, util, width]);

  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const f = (e.clientX - rect.left) / rect.width;
    let lo = 0, hi = start.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (start[mid] <= f) lo = mid; else hi = mid - 1;
    }
    setHover(start.length ? { x: e.clientX - rect.left, i: lo } : null);
  };
  const shown = keys.slice(0, 6);

  return (
    <div className="hash-band" ref={wrap}>
      <div style={{ position: 'relative' }}>
        <canvas
          ref={canvas}
          style={{ width: '100%', height: BAND_H, display: 'block', borderRadius: 4, cursor: 'crosshair' }}
          role="img"
          aria-label={t('band.aria', { count: start.length })}
          onMouseMove={onMove}
          onMouseLeave={() => setHover(null)}
          data-testid="hash-band"
        />
        {hover && hover.i < ids.length ? (
          <div className="heatmap-tip" style={{ left: Math.min(hover.x + 10, width - 260), top: BAND_H + 4 }} role="tooltip">
            {t('band.tip', { id: ids[hover.i], from: (start[hover.i] * 100).toFixed(2), to: (end[hover.i] * 100).toFixed(2), share: ((end[hover.i] - start[hover.i]) * 100).toFixed(2), util: Math.round(util[hover.i] * 100) })}
          </div>
        ) : null}
      </div>
      <svg width={width} height={KEYS_H} aria-hidden="true">
        <text x={0} y={12} className="hash-band-axis">0</text>
        <text x={width / 2} y={12} className="hash-band-axis" textAnchor="middle">2¹²⁷</text>
        <text x={width} y={12} className="hash-band-axis" textAnchor="end">2¹²⁸−1</text>
        {shown.map((k, i) => {
          const x = k.hashFraction * width;
          const y = 22 + (i % 2) * 14;
          return (
            <g key={`${k.key}-${i}`}>
              <line x1={x} x2={x} y1={0} y2={y - 8} className="hash-band-key" />
              <text x={x} y={y} textAnchor={x > width - 80 ? 'end' : x < 80 ? 'start' : 'middle'} className="hash-band-key-label">{k.key.length > 18 ? `${k.key.slice(0, 17)}…` : k.key}</text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

export const HashBand = memo(HashBandImpl);
