/**
 * The live state of one delivery stream: headline figures (incoming, delivered, success, freshness,
 * retries), each buffer filling against its size and time limits, the transform stage and its
 * results, and the flush timeline. Props only; the page selects the slice.
 */
import type { BufferView, DeliveryStreamView } from '../../../worker/api/firehose-api';
import { formatBytes, formatCount, formatPercent } from '../../format';
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
  return (
    <div className="fh-buffer" data-testid="buffer">
      <div className="fh-buffer-name fh-mono" title={b.partition}>{b.partition || '(default partition)'}</div>
      <Meter label="Size" value={b.bytes} max={b.sizeLimitBytes} text={`${formatBytes(b.bytes)} / ${formatBytes(b.sizeLimitBytes)} · ${formatCount(b.records)} records`} testId="buffer-size" />
      <Meter label="Age" value={b.ageMs} max={b.intervalMs} text={`${(b.ageMs / 1000).toFixed(1)} s / ${(b.intervalMs / 1000).toFixed(0)} s`} testId="buffer-age" />
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
  const t = view.transform;
  const successTone = view.successRatio >= 0.999 ? 'ok' : view.successRatio >= 0.9 ? 'warn' : 'bad';
  return (
    <>
      <section className="cards fh-cards" aria-label={`${view.name} figures`}>
        <Stat label="Incoming" value={formatCount(view.incomingRecords)} sub={`${formatBytes(view.incomingBytes)}${view.throttledRecords ? ` · ${formatCount(view.throttledRecords)} throttled` : ''}`} testId="fh-incoming" />
        <Stat label="Delivered" value={formatCount(view.ledger.delivered)} sub={`${formatBytes(view.deliveredBytes)}${view.destination === 's3' ? ` · ${formatCount(view.objectCount)} objects` : ''}`} testId="fh-delivered" />
        <Stat label="Delivery success" value={formatPercent(view.successRatio, 1)} sub={`${formatCount(view.successes)} of ${formatCount(view.attempts)} attempts`} tone={successTone} testId="fh-success" />
        <Stat label="Data freshness" value={`${view.dataFreshnessSec.toFixed(0)} s`} sub="age of the oldest undelivered record" testId="fh-freshness" />
        <Stat label="Retries" value={formatCount(view.failedAttempts)} sub={`${formatCount(view.ledger.errorOutput)} to error output · ${formatCount(view.ledger.expired)} expired`} tone={view.failedAttempts ? 'warn' : undefined} testId="fh-retries" />
        <Stat label="Pending" value={formatCount(view.ledger.pending)} sub={`${view.batchesInFlight} batch${view.batchesInFlight === 1 ? '' : 'es'} in flight`} testId="fh-pending" />
      </section>
      <div className="grid-2">
        <section className="panel" aria-label="Buffers">
          <div className="panel-header"><h2>Buffers</h2><span className="stat-sub">flush at {formatBytes(view.sizeLimitBytes)} or {(view.intervalMs / 1000).toFixed(0)} s, whichever comes first</span></div>
          {view.buffers.length === 0 ? <p className="stat-sub" data-testid="buffer-empty">All buffers are empty.</p> : view.buffers.map((b) => <BufferRow key={b.partition} b={b} />)}
          {view.partitionCount > view.buffers.length ? <p className="stat-sub">+ {view.partitionCount - view.buffers.length} more partitions</p> : null}
          {t ? (
            <div className="fh-transform-stage">
              <h3>Transform stage</h3>
              <Meter label="Lambda buffer" value={t.bufferedBytes} max={t.sizeLimitBytes} text={`${formatBytes(t.bufferedBytes)} / ${formatBytes(t.sizeLimitBytes)} · ${formatCount(t.bufferedRecords)} records`} />
              <Meter label="Lambda buffer age" value={t.bufferAgeMs} max={t.intervalMs} text={`${(t.bufferAgeMs / 1000).toFixed(1)} s / ${(t.intervalMs / 1000).toFixed(0)} s`} />
              <div className="fh-results" data-testid="transform-results">
                <span className="badge badge-ok">Ok {formatCount(t.okRecords)}</span>
                <span className="badge badge-muted">Dropped {formatCount(t.droppedRecords)}</span>
                <span className="badge badge-bad">Failed {formatCount(t.failedRecords)}</span>
                <span className="stat-sub">{formatCount(t.invocations)} invocations · {t.invocationsInFlight} in flight · avg {t.avgDurationMs.toFixed(0)} ms</span>
              </div>
            </div>
          ) : null}
        </section>
        <section className="panel" aria-label="Flushes">
          <div className="panel-header"><h2>Flushes</h2><span className="stat-sub">last {view.flushes.length}</span></div>
          <FlushTimeline flushes={view.flushes} nowMs={nowMs} />
        </section>
      </div>
    </>
  );
}
