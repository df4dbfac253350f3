/**
 * The hash-key space 0…2^128 as a horizontal band: each open shard's range coloured by its write
 * utilisation (canvas, so 1,000 shards cost one pass), with markers where the top partition keys
 * land. Hovering names the shard, its share of the key space and its load.
 */
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LUT_SIZE, lutIndex, utilColor } from '../viz/util-colors';
import { useWidth } from '../viz/use-width';

export interface HashBandProps {
  start: Float64Array;
  end: Float64Array;
  util: Float32Array;
  ids: readonly string[];
  keys: readonly { key: string; hashFraction: number; shardId: string }[];
}

const BAND_H = 34;
/** The colour scale's strings, made once (building an rgb() string per shard per frame showed in profiles). */
const COLOURS = Array.from({ length: LUT_SIZE }, (_, i) => utilColor(i / (LUT_SIZE - 1)));
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
    // One value per pixel column — the hottest shard touching it, so at 10,000 shards a hot one still shows —
    // then one fillRect per run of equal colour: a few hundred calls a frame instead of one per shard.
    const cols = Math.max(1, Math.round(width));
    const hottest = new Float32Array(cols).fill(-1);
    for (let i = 0; i < start.length; i++) {
      const x0 = Math.min(cols - 1, Math.floor(start[i] * cols));
      const x1 = Math.max(x0, Math.min(cols - 1, Math.ceil(end[i] * cols) - 1));
      for (let x = x0; x <= x1; x++) if (util[i] > hottest[x]) hottest[x] = util[i];
    }
    for (let x = 0; x < cols;) {
      if (hottest[x] < 0) { x++; continue; }
      const colour = lutIndex(hottest[x]);
      let run = x + 1;
      while (run < cols && hottest[run] >= 0 && lutIndex(hottest[run]) === colour) run++;
      ctx.fillStyle = COLOURS[colour];
      ctx.fillRect(x, 0, run - x, BAND_H);
      x = run;
    }
    // Shard boundaries only where they are at least 3 px apart, or the band turns into lines.
    if (start.length <= width / 3) {
      ctx.fillStyle = 'rgba(0,0,0,0.35)';
      for (let i = 1; i < start.length; i++) ctx.fillRect(start[i] * width, 0, 1, BAND_H);
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
