/**
 * The live state of one delivery stream: headline figures (incoming, delivered, success, freshness,
 * retries), each buffer filling against its size and time limits, the transform stage and its
 * results, and the flush timeline. Props only; the page selects the slice.
 */
import { useTranslation } from 'react-i18next';
import { Term } from '../../learn/Term';
import type { BufferView, DeliveryStreamView } from '../../../worker/api/firehose-api';
import { formatBytes, formatCount, formatDuration, formatPercent } from '../../format';
import { FlushTimeline } from './FlushTimeline';

function Meter({ label, value, max, text, testId }: { label: string; value: number; max: number; text: string; testId?: string }) {
  const fraction = max > 0 ? Math.min(1, value / max) : 0;
  return (
    <div className="fh-meter" data-testid={testId}>
      <div className="fh-meter-label"><span>{label}</span><span className="fh-mono">{text}</span></div>
      <div className="fh-meter-track" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value}>
        <div className={`fh-meter-fill${fraction >= 0.999 ? ' fh-meter-full' : ''}`} style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
      </div>
    </div>
  );
}

function BufferRow({ b }: { b: BufferView }) {
  const { t } = useTranslation('firehose');
  return (
    <div className="fh-buffer" data-testid="buffer">
      <div className="fh-buffer-name fh-mono" title={b.partition}>{b.partition || t('live.defaultPartition')}</div>
      <Meter label={t('live.size')} value={b.bytes} max={b.sizeLimitBytes} text={t('live.bufferRecords', { bytes: formatBytes(b.bytes), limit: formatBytes(b.sizeLimitBytes), n: formatCount(b.records) })} testId="buffer-size" />
      <Meter label={t('live.age')} value={b.ageMs} max={b.intervalMs} text={t('live.seconds', { age: (b.ageMs / 1000).toFixed(1), limit: (b.intervalMs / 1000).toFixed(0) })} testId="buffer-age" />
    </div>
  );
}

function Stat({ label, value, sub, testId, tone }: { label: string; value: string; sub?: string; testId?: string; tone?: 'ok' | 'warn' | 'bad' }) {
  return (
    <div className="card stat">
      <div className="stat-label">{label}</div>
      <div className={`stat-value fh-stat${tone ? ` fh-${tone}` : ''}`} data-testid={testId}>{value}</div>
      {sub ? <div className="stat-sub">{sub}</div> : null}
    </div>
  );
}

export function StreamLiveView({ view, nowMs }: { view: DeliveryStreamView; nowMs: number }) {
  const { t } = useTranslation('firehose');
  const tr = view.transform;
  const successTone = view.successRatio >= 0.999 ? 'ok' : view.successRatio >= 0.9 ? 'warn' : 'bad';
  return (
    <>
      <section className="cards fh-cards" aria-label={t('live.figures', { name: view.name })}>
        <Stat label={t('live.incoming')} value={formatCount(view.incomingRecords)} sub={`${formatBytes(view.incomingBytes)}${view.throttledRecords ? t('live.throttled', { n: formatCount(view.throttledRecords) }) : ''}`} testId="fh-incoming" />
        <Stat label={t('live.delivered')} value={formatCount(view.ledger.delivered)} sub={`${formatBytes(view.deliveredBytes)}${view.destination === 's3' ? t('live.objects', { n: formatCount(view.objectCount) }) : ''}`} testId="fh-delivered" />
        <Stat label={t('live.success')} value={formatPercent(view.successRatio, 1)} sub={t('live.successSub', { ok: formatCount(view.successes), all: formatCount(view.attempts) })} tone={successTone} testId="fh-success" />
        <Stat label={t('live.freshness')} value={formatDuration(view.dataFreshnessSec * 1000)} sub={t('live.freshnessSub')} testId="fh-freshness" />
        <Stat label={t('live.retries')} value={formatCount(view.failedAttempts)} sub={t('live.retriesSub', { errors: formatCount(view.ledger.errorOutput), expired: formatCount(view.ledger.expired) })} tone={view.failedAttempts ? 'warn' : undefined} testId="fh-retries" />
        <Stat label={t('live.pending')} value={formatCount(view.ledger.pending)} sub={t('live.inFlight', { count: view.batchesInFlight })} testId="fh-pending" />
      </section>
      <div className="grid-2">
        <section className="panel" aria-label={t('live.buffers')}>
          <div className="panel-header"><h2><Term id="buffering">{t('live.buffers')}</Term></h2><span className="stat-sub">{t('live.flushAt', { size: formatBytes(view.sizeLimitBytes), sec: (view.intervalMs / 1000).toFixed(0) })}</span></div>
          {view.buffers.length === 0 ? <p className="stat-sub" data-testid="buffer-empty">{t('live.buffersEmpty')}</p> : view.buffers.map((b) => <BufferRow key={b.partition} b={b} />)}
          {view.partitionCount > view.buffers.length ? <p className="stat-sub">{t('live.morePartitions', { n: view.partitionCount - view.buffers.length })}</p> : null}
          {tr ? (
            <div className="fh-transform-stage">
              <h3>{t('live.transformStage')}</h3>
              <Meter label={t('live.lambdaBuffer')} value={tr.bufferedBytes} max={tr.sizeLimitBytes} text={t('live.bufferRecords', { bytes: formatBytes(tr.bufferedBytes), limit: formatBytes(tr.sizeLimitBytes), n: formatCount(tr.bufferedRecords) })} />
              <Meter label={t('live.lambdaAge')} value={tr.bufferAgeMs} max={tr.intervalMs} text={t('live.seconds', { age: (tr.bufferAgeMs / 1000).toFixed(1), limit: (tr.intervalMs / 1000).toFixed(0) })} />
              <div className="fh-results" data-testid="transform-results">
                <span className="badge badge-ok">{t('live.ok', { n: formatCount(tr.okRecords) })}</span>
                <span className="badge badge-muted">{t('live.dropped', { n: formatCount(tr.droppedRecords) })}</span>
                <span className="badge badge-bad">{t('live.failed', { n: formatCount(tr.failedRecords) })}</span>
                <span className="stat-sub">{t('live.invocations', { n: formatCount(tr.invocations), inFlight: tr.invocationsInFlight, ms: tr.avgDurationMs.toFixed(0) })}</span>
              </div>
            </div>
          ) : null}
        </section>
        <section className="panel" aria-label={t('live.flushes')}>
          <div className="panel-header"><h2>{t('live.flushes')}</h2><span className="stat-sub">{t('live.lastN', { n: view.flushes.length })}</span></div>
          <FlushTimeline flushes={view.flushes} nowMs={nowMs} />
        </section>
      </div>
    </>
  );
}
