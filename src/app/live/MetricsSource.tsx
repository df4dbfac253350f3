/**
 * Where the Traffic tab's figures come from: CloudWatch (1-minute periods, per shard or per stream)
 * or the sampler, and what CloudWatch reads cost. A missing CloudWatch is not an error: most
 * emulators have none, so the line just says the figures are sampled.
 */
import { useTranslation } from 'react-i18next';
import { formatCount, formatTimeOfDay } from '../format';
import type { LiveMetricsState } from '../../worker/live/live-types';

function usd(n: number): string {
  return n === 0 ? '$0' : n < 0.01 ? `$${n.toFixed(4)}` : `$${n.toFixed(2)}`;
}

export function MetricsSource({ metrics }: { metrics: LiveMetricsState }) {
  const { t } = useTranslation('live');
  const fromCw = metrics.source === 'cloudwatch';
  return (
    <div className="panel-note" data-testid="live-metrics-source" data-source={metrics.source}>
      <strong>
        {fromCw
          ? t(metrics.perShard ? 'metrics.cloudwatchShards' : 'metrics.cloudwatchStream', { seconds: metrics.periodSec })
          : t('metrics.sampled')}
      </strong>
      {fromCw && metrics.periodEndMs !== undefined ? <> · {t('metrics.periodEnd', { time: `${formatTimeOfDay(metrics.periodEndMs)} UTC` })}</> : null}
      {!fromCw ? <> · {t(`metrics.why.${metrics.status}`)}</> : null}
      {fromCw ? (
        <div className="small">
          {t('metrics.throttles', {
            write: metrics.writeThrottled !== undefined ? formatCount(metrics.writeThrottled) : '—',
            read: metrics.readThrottled !== undefined ? formatCount(metrics.readThrottled) : '—',
          })}
          {metrics.iteratorAgeMs !== undefined ? <> · {t('metrics.iteratorAge', { ms: formatCount(metrics.iteratorAgeMs) })}</> : null}
        </div>
      ) : null}
      {metrics.metricsPerHour > 0 ? (
        <div className="small muted">{t('metrics.cost', { metrics: formatCount(metrics.metricsPerHour), usd: usd(metrics.usdPerHour), price: `$${metrics.priceUsdPer1000}` })}</div>
      ) : null}
    </div>
  );
}
