/**
 * Partition keys: the top keys by records and bytes with what they offer now and where they land,
 * the hottest key's share, and a histogram of records per shard against the even share.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Term } from '../../learn/Term';
import type { StreamDetail } from '../../../worker/api/streams-api';
import { useWidth } from '../../components/viz/use-width';
import { formatBytes, formatCount, formatPercent } from '../../format';

const BARS_H = 140;
const rate = (v: number) => (v < 10 ? v.toFixed(1) : formatCount(v));
const MAX_BARS = 200;

/** Records per shard (hash order), binned by sum past 200 bars, with the even share as a dashed line. */
const ShardHistogram = memo(function ShardHistogram({ attempted, ids }: { attempted: Float64Array; ids: readonly string[] }) {
  const { t } = useTranslation('streams');
  const [ref, width] = useWidth<HTMLDivElement>();
  const n = attempted.length;
  const bin = Math.max(1, Math.ceil(n / MAX_BARS));
  const bars: number[] = [];
  for (let i = 0; i < n; i += bin) {
    let s = 0;
    for (let k = i; k < Math.min(n, i + bin); k++) s += attempted[k];
    bars.push(s);
  }
  const total = bars.reduce((a, b) => a + b, 0);
  const even = total / Math.max(1, bars.length);
  const max = Math.max(even * 1.2, ...bars, 1);
  const w = width / Math.max(1, bars.length);
  const y = (v: number) => BARS_H - (v / max) * (BARS_H - 6);
  return (
    <div className="bars" ref={ref}>
      <svg width={width} height={BARS_H} role="img" aria-label={t('keys.histAria', { count: n })}>
        {bars.map((v, i) => (
          <rect key={i} x={i * w + 0.5} y={y(v)} width={Math.max(0.5, w - 1)} height={BARS_H - y(v)} className={v > even * 1.5 && v > 0 ? 'bar hot' : 'bar'}>
            <title>{t('keys.barTip', { ids: bin === 1 ? ids[i] : `${ids[i * bin]} … ${ids[Math.min(n - 1, i * bin + bin - 1)]}`, rate: formatCount(v) })}</title>
          </rect>
        ))}
        <line x1={0} x2={width} y1={y(even)} y2={y(even)} className="bar-even" />
      </svg>
      <div className="muted" style={{ fontSize: 12 }}>{t(bin === 1 ? 'keys.histLegend' : 'keys.histLegendBinned', { rate: formatCount(even), bin })}</div>
    </div>
  );
});

export function KeysTab({ detail }: { detail: StreamDetail }) {
  const { t } = useTranslation('streams');
  const keys = detail.topKeys;
  const offered = keys.reduce((s, k) => s + k.offeredRecordsPerSec, 0);
  const totalOffered = Array.from(detail.bandAttempted).reduce((a, b) => a + b, 0);
  const hottest = keys[0];
  return (
    <>
      <section className="cards" aria-label={t('keys.figures')}>
        <div className="card stat"><div className="stat-label"><Term id="hotKey">{t('keys.hottest')}</Term></div><div className="stat-value small mono">{hottest ? hottest.key : '—'}</div></div>
        <div className="card stat"><div className="stat-label">{t('keys.share')}</div><div className="stat-value small" data-testid="hottest-share">{hottest && totalOffered > 0 ? formatPercent(Math.min(1, hottest.offeredRecordsPerSec / Math.max(totalOffered, offered)), 1) : '—'}</div></div>
        <div className="card stat"><div className="stat-label">{t('keys.offers')}</div><div className={hottest && hottest.offeredRecordsPerSec > 1000 ? 'stat-value small bad' : 'stat-value small'}>{hottest ? `${formatCount(hottest.offeredRecordsPerSec)} ${t('units.recordsPerSec')}` : '—'}</div><div className="stat-sub">{t('keys.oneShard')}</div></div>
      </section>
      <section className="panel" aria-labelledby="hist-title">
        <div className="panel-header"><h2 id="hist-title">{t('keys.histTitle')}</h2><span className="muted">{t('keys.histNote')}</span></div>
        <ShardHistogram attempted={detail.bandAttempted} ids={detail.bandIds} />
      </section>
      <section className="panel" aria-labelledby="keys-title">
        <div className="panel-header"><h2 id="keys-title"><Term id="partitionKey">{t('keys.topTitle')}</Term></h2></div>
        {keys.length === 0 ? (
          <div className="empty-state"><p>{t('keys.empty')}</p></div>
        ) : (
          <div className="table-scroll" tabIndex={0}>
            <table className="data" aria-label={t('keys.aria')}>
              <thead><tr><th>{t('keys.key')}</th><th>{t('keys.producer')}</th><th>{t('keys.shard')}</th><th className="num">{t('keys.offeredNow')}</th><th className="num">{t('keys.offeredBytes')}</th><th className="num">{t('keys.acceptedRecords')}</th><th className="num">{t('keys.acceptedBytes')}</th><th className="num">{t('keys.position')}</th></tr></thead>
              <tbody>
                {keys.map((k, i) => (
                  <tr key={`${k.producer}-${k.key}-${i}`}>
                    <td className="mono">{k.key}</td>
                    <td>{k.producer}</td>
                    <td className="mono">{k.shardId}</td>
                    <td className="num" style={k.offeredRecordsPerSec > 1000 ? { color: 'var(--bad)', fontWeight: 600 } : undefined}>{rate(k.offeredRecordsPerSec)}/{t('shards.perSecUnit')}</td>
                    <td className="num">{formatBytes(k.offeredBytesPerSec)}/{t('shards.perSecUnit')}</td>
                    <td className="num">{formatCount(k.records)}</td>
                    <td className="num">{formatBytes(k.bytes)}</td>
                    <td className="num">{formatPercent(k.hashFraction, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
