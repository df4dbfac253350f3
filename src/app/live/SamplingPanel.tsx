/** Start/stop the sampler, choose its rate, and see what it costs (calls, bytes, money). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatPercent } from '../format';
import { SAMPLER_DEFAULTS } from '../../live/sampler';
import { setSamplingRate, startSampling, stopSampling } from './live-actions';
import { useLive } from './live-store';

const RATES = [0.2, 0.5, 1, 2, 5];

function usd(n: number): string {
  return n === 0 ? '$0' : n < 0.01 ? `$${n.toFixed(4)}` : `$${n.toFixed(2)}`;
}

export function SamplingPanel({ stream }: { stream: string }) {
  const { t } = useTranslation('live');
  const sampling = useLive((s) => (s.frame?.stream === stream ? s.frame.sampling : undefined));
  const cost = useLive((s) => (s.frame?.stream === stream ? s.frame.cost : undefined));
  const [rate, setRate] = useState<number>(SAMPLER_DEFAULTS.readsPerSecPerShard);
  const running = sampling?.running ?? false;
  return (
    <section className="panel" aria-labelledby="live-sampling-title">
      <div className="panel-header">
        <h2 id="live-sampling-title">{t('sampling.title')}</h2>
        <span className={running ? 'badge badge-ok' : 'badge badge-muted'} data-testid="live-sampling-state">
          {running ? t('sampling.running', { seconds: Math.round(sampling?.elapsedSec ?? 0) }) : t('sampling.stopped')}
        </span>
      </div>
      <p className="panel-note">{t('sampling.note')}</p>
      <div className="row">
        <label className="inline-field">
          {t('sampling.rate')}
          <select data-testid="live-rate" value={rate} onChange={(e) => { const r = Number(e.target.value); setRate(r); if (running) void setSamplingRate(r); }}>
            {RATES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
        {running ? (
          <button type="button" className="btn" data-testid="live-stop-sampling" onClick={() => void stopSampling()}>{t('sampling.stop')}</button>
        ) : (
          <button type="button" className="btn btn-primary" data-testid="live-start-sampling" onClick={() => void startSampling(stream, rate)}>{t('sampling.start')}</button>
        )}
      </div>
      {sampling && cost ? (
        <div className="small live-cost" data-testid="live-cost">
          <div>{t('sampling.planned', { reads: sampling.plannedReadsPerSec.toFixed(1), cap: sampling.totalReadsPerSecMax })}</div>
          <div>{t('sampling.actual', { reads: cost.readsPerSec.toFixed(1), bytes: formatBytes(cost.readBytesPerSec) })}</div>
          <div>
            {cost.mode === 'ON_DEMAND'
              ? t('sampling.costOnDemand', { usd: usd(cost.usdPerHour), price: `$${cost.priceUsdPerGB}`, region: cost.priceRegion })
              : t('sampling.costProvisioned', { share: formatPercent(cost.callBudgetShare) })}
          </div>
        </div>
      ) : null}
    </section>
  );
}
