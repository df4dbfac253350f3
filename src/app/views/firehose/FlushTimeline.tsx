/**
 * Flushes as events on a time axis (the last few virtual minutes, newest at the right), coloured
 * by outcome, plus a table of the latest ones with their reason, size, attempts and object key.
 */
import { useTranslation } from 'react-i18next';
import type { DeliveryStreamView } from '../../../worker/api/firehose-api';
import { formatBytes, formatClock, formatCount } from '../../format';

type Flush = DeliveryStreamView['flushes'][number];

const WINDOW_MS = 5 * 60_000;
const WIDTH = 600;
const HEIGHT = 64;

const outcomeClass = (f: Flush) => (f.outcome === 'delivered' ? 'fh-ev-ok' : f.outcome === undefined ? 'fh-ev-pending' : f.outcome === 'error-output' ? 'fh-ev-warn' : 'fh-ev-bad');

export function FlushTimeline({ flushes, nowMs }: { flushes: readonly Flush[]; nowMs: number }) {
  const { t } = useTranslation('firehose');
  const outcome = (f: Flush) => t(`timeline.outcomes.${f.outcome ?? 'inFlight'}`);
  const reason = (f: Flush) => t(`timeline.reasons.${f.reason}`);
  const startMs = nowMs - WINDOW_MS;
  const maxBytes = Math.max(1, ...flushes.map((f) => f.bytes));
  const x = (ms: number) => ((ms - startMs) / WINDOW_MS) * WIDTH;
  const recent = [...flushes].reverse().slice(0, 8);
  return (
    <div data-testid="flush-timeline">
      <svg className="fh-timeline" viewBox={`0 0 ${WIDTH} ${HEIGHT + 16}`} role="img" aria-label={t('timeline.label', { n: flushes.length })}>
        <line x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} className="fh-axis" />
        {[0, 1, 2, 3, 4, 5].map((m) => (
          <text key={m} x={WIDTH - (m * WIDTH) / 5} y={HEIGHT + 13} textAnchor={m === 0 ? 'end' : m === 5 ? 'start' : 'middle'} className="fh-tick">{m === 0 ? t('timeline.now') : t('timeline.minAgo', { m })}</text>
        ))}
        {flushes.filter((f) => f.atMs >= startMs).map((f, i) => {
          const h = 8 + (f.bytes / maxBytes) * (HEIGHT - 12);
          return (
            <rect key={`${f.atMs}-${i}`} x={x(f.atMs) - 2} y={HEIGHT - h} width={4} height={h} rx={1} className={outcomeClass(f)} data-testid="flush-event">
              <title>{t('timeline.tooltip', { at: formatClock(f.atMs), reason: reason(f), records: formatCount(f.records), bytes: formatBytes(f.bytes), outcome: outcome(f) })}</title>
            </rect>
          );
        })}
      </svg>
      {recent.length === 0 ? <p className="stat-sub" data-testid="flush-none">{t('timeline.none')}</p> : (
        <table className="data fh-flush-table">
          <thead><tr><th>{t('timeline.at')}</th><th>{t('timeline.reason')}</th><th>{t('timeline.records')}</th><th>{t('timeline.size')}</th><th>{t('timeline.outcome')}</th><th>{t('timeline.attempts')}</th></tr></thead>
          <tbody>
            {recent.map((f, i) => (
              <tr key={`${f.atMs}-${i}`} data-testid="flush-row">
                <td className="fh-mono">{formatClock(f.atMs).slice(11)}</td>
                <td>{reason(f)}</td>
                <td className="fh-mono">{formatCount(f.records)}</td>
                <td className="fh-mono" title={f.storedBytes !== undefined ? t('timeline.stored', { bytes: formatBytes(f.storedBytes) }) : undefined}>{formatBytes(f.bytes)}</td>
                <td><span className={`badge ${f.outcome === 'delivered' ? 'badge-ok' : f.outcome === undefined ? 'badge-muted' : f.outcome === 'error-output' ? 'badge-warn' : 'badge-bad'}`}>{outcome(f)}</span></td>
                <td className="fh-mono">{f.attempts ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
