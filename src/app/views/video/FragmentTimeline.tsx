/**
 * The fragment timeline: one bar per fragment on the producer clock (width = duration, height =
 * size), a tick for its server timestamp, and the ingest lag (server − producer) on hover.
 * Retention trimming shows as fragments leaving on the left.
 */
import { useTranslation } from 'react-i18next';
import type { VideoStreamView } from '../../../worker/api/video-api';
import { formatBytes } from '../../format';

export function FragmentTimeline({ view, selected, onSelect }: { view: VideoStreamView; selected?: readonly [number, number]; onSelect?: (range: [number, number]) => void }) {
  const { t } = useTranslation('video');
  const frags = view.recent;
  if (frags.length === 0) return <p className="muted">{t('timeline.empty')}</p>;
  const t0 = frags[0].ProducerTimestamp;
  const t1 = Math.max(...frags.map((f) => f.ProducerTimestamp + f.FragmentLengthInMilliseconds));
  const span = Math.max(1, t1 - t0);
  const maxSize = Math.max(...frags.map((f) => f.FragmentSizeInBytes));
  const W = 800;
  const H = 120;
  const x = (t: number) => ((t - t0) / span) * W;
  return (
    <svg className="vs-timeline" viewBox={`0 0 ${W} ${H + 20}`} role="img" aria-label={t('timeline.label', { n: frags.length })} data-testid="fragment-timeline">
      {selected ? <rect className="vs-sel" x={x(selected[0])} y={0} width={Math.max(2, x(selected[1]) - x(selected[0]))} height={H} /> : null}
      {frags.map((f) => {
        const h = Math.max(3, (f.FragmentSizeInBytes / maxSize) * (H - 10));
        const lag = f.ServerTimestamp - f.ProducerTimestamp;
        return (
          <g key={f.FragmentNumber} onClick={() => onSelect?.([f.ProducerTimestamp, f.ProducerTimestamp + f.FragmentLengthInMilliseconds])} className="vs-frag">
            <rect x={x(f.ProducerTimestamp)} y={H - h} width={Math.max(1.5, x(f.ProducerTimestamp + f.FragmentLengthInMilliseconds) - x(f.ProducerTimestamp) - 1)} height={h} />
            <line className="vs-server" x1={x(f.ServerTimestamp)} x2={x(f.ServerTimestamp)} y1={H} y2={H + 6} />
            <title>{t('timeline.tooltip', { id: f.FragmentNumber.slice(-6), producer: new Date(f.ProducerTimestamp).toISOString().slice(11, 23), server: new Date(f.ServerTimestamp).toISOString().slice(11, 23), lag, ms: f.FragmentLengthInMilliseconds, bytes: formatBytes(f.FragmentSizeInBytes), codec: f.codecId })}</title>
          </g>
        );
      })}
      <text className="vs-tick" x={0} y={H + 18}>{new Date(t0).toISOString().slice(11, 19)}</text>
      <text className="vs-tick" x={W} y={H + 18} textAnchor="end">{new Date(t1).toISOString().slice(11, 19)}</text>
    </svg>
  );
}
