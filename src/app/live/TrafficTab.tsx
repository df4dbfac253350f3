/**
 * Per-shard traffic: rates, peak, write-limit use (the hot shard stands out), sampler state. Rates and
 * throttling come from CloudWatch when the endpoint offers it (real throttle counts), else from the sample.
 */
import { useTranslation } from 'react-i18next';
import { formatBytes, formatBytesRate, formatCount, formatPercent } from '../format';
import { MetricsSource } from './MetricsSource';
import { useLive } from './live-store';

export function TrafficTab({ stream }: { stream: string }) {
  const { t } = useTranslation('live');
  const frame = useLive((s) => (s.frame?.stream === stream ? s.frame : undefined));
  if (!frame) return <p className="muted">{t('traffic.noSample')}</p>;
  const hottest = frame.shards.reduce<string | undefined>((best, s) => (s.recordsPerSec > 0 && (!best || s.recordsPerSec > (frame.shards.find((x) => x.shardId === best)?.recordsPerSec ?? 0)) ? s.shardId : best), undefined);
  const sizes = frame.sizes;
  const maxSize = Math.max(1, ...sizes.map((b) => b.records));
  const cw = frame.metrics.source === 'cloudwatch';
  const cwShards = frame.shards.some((s) => s.source === 'cloudwatch');
  return (
    <section className="panel">
      <MetricsSource metrics={frame.metrics} />
      <div className="cards">
        <div className="card stat"><div className="stat-label">{cw ? t('traffic.totalCw', { seconds: frame.metrics.periodSec }) : t('traffic.total', { window: frame.sampling.windowSec })}</div><div className="stat-value small" data-testid="live-total-rate">{t('traffic.records', { rate: formatCount(frame.totals.recordsPerSec) })}</div></div>
        <div className="card stat"><div className="stat-label">{cw ? t('traffic.totalBytesCw', { seconds: frame.metrics.periodSec }) : t('traffic.totalBytes', { window: frame.sampling.windowSec })}</div><div className="stat-value small">{formatBytesRate(frame.totals.bytesPerSec)}</div></div>
        <div className="card stat"><div className="stat-label">{t('traffic.distinctKeys')}</div><div className="stat-value small">{formatCount(frame.totals.distinctKeys)}</div></div>
      </div>
      {frame.totals.overflowRecords > 0 ? <p className="muted small">{t('traffic.overflow', { count: frame.totals.overflowRecords })}</p> : null}
      <div className="table-scroll">
        <table className="data" data-testid="live-shard-traffic">
          <thead>
            <tr>
              <th>{t('traffic.shard')}</th><th>{t('traffic.state')}</th><th className="num">{t('traffic.recordsPerSec')}</th><th className="num">{t('traffic.bytesPerSec')}</th>
              <th className="num">{t('traffic.peak')}</th><th className="num">{t('traffic.writeUtil')}</th><th className="num">{t('traffic.calls')}</th><th className="num">{t('traffic.throttles')}</th>
              {cwShards ? <><th className="num">{t('traffic.writeThrottled')}</th><th className="num">{t('traffic.readThrottled')}</th></> : null}
              <th className="num">{t('traffic.behind')}</th>
            </tr>
          </thead>
          <tbody>
            {frame.shards.map((s) => (
              <tr key={s.shardId} data-testid={`live-shard-${s.shardId}`} className={s.shardId === hottest ? 'live-hot-row' : undefined}>
                <td>{s.shardId} {s.shardId === hottest ? <span className="badge badge-warn" data-testid="live-hot-shard">{t('traffic.hot')}</span> : null}</td>
                <td>
                  {t(`traffic.states.${s.state}`)}
                  {s.lastError && s.state === 'backing-off' ? <span className="muted small"> · {t('traffic.lastError', { name: s.lastError.name })}</span> : null}
                </td>
                <td className="num">{formatCount(s.recordsPerSec)}</td>
                <td className="num">{formatBytesRate(s.bytesPerSec)}</td>
                <td className="num">{formatCount(s.peakRecordsPerSec)}</td>
                <td className={s.writeUtilization >= 1 ? 'num bad' : 'num'}>{formatPercent(s.writeUtilization)}</td>
                <td className="num">{s.getRecordsCalls}</td>
                <td className={s.throttles > 0 ? 'num bad' : 'num'}>{s.throttles}</td>
                {cwShards ? (
                  <>
                    <td className={s.writeThrottled ? 'num bad' : 'num'} data-testid={`live-write-throttled-${s.shardId}`}>{s.writeThrottled !== undefined ? formatCount(s.writeThrottled) : '—'}</td>
                    <td className={s.readThrottled ? 'num bad' : 'num'}>{s.readThrottled !== undefined ? formatCount(s.readThrottled) : '—'}</td>
                  </>
                ) : null}
                <td className="num">{s.millisBehindLatest !== undefined ? `${s.millisBehindLatest} ms` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t(cwShards ? 'traffic.hotNoteCw' : 'traffic.hotNote')}</p>
      {sizes.length ? (
        <>
          <h3>{t('traffic.sizes')}</h3>
          <div className="live-sizes" role="img" aria-label={t('traffic.sizes')}>
            {sizes.map((b) => (
              <div key={b.meanBytes} className="live-size-bar" title={`${formatBytes(b.meanBytes)}: ${b.records}`}>
                <span style={{ height: `${Math.max(2, (b.records / maxSize) * 60)}px` }} />
                <small>{formatBytes(b.meanBytes)}</small>
              </div>
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
