/**
 * Consumers: per consumer its iterator age and lag over time, the trend and an estimated time to
 * drain (or "falling behind"), records processed, throttles and errors; add / edit / remove live.
 */
import { useCallback, useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Term } from '../../learn/Term';
import type { ScenarioConsumer } from '../../../engine/scenario/schema';
import type { ActorConfigs, ConsumerSeries, ConsumerSummary } from '../../../worker/api/streams-api';
import { PageHeader } from '../../components/Shell';
import { TimeSeriesChart } from '../../components/viz/TimeSeriesChart';
import { useConsole, useWatch } from '../../stores/console-store';
import { actorConfigs, removeConsumer } from '../../stores/console-actions';
import { useSim } from '../../stores/sim-store';
import { formatCount, formatDuration } from '../../format';
import { href } from '../../router';
import { ConsumerForm, NEW_CONSUMER } from './ConsumerForm';

function Trend({ c }: { c: ConsumerSummary }) {
  const { t } = useTranslation('consumers');
  switch (c.state) {
    case 'caught-up': return <span className="trend ok" data-testid={`trend-${c.name}`}>{t('trend.caughtUp')}</span>;
    case 'falling-behind': return <span className="trend bad" data-testid={`trend-${c.name}`}>{t('trend.fallingBehind', { rate: formatCount(c.lagSlopePerSec) })}</span>;
    case 'draining': return <span className="trend" data-testid={`trend-${c.name}`}>{t('trend.draining', { time: formatDuration((c.drainSec ?? 0) * 1000) })}</span>;
    default: return <span className="trend" data-testid={`trend-${c.name}`}>{t('trend.steady')}</span>;
  }
}

function ConsumerCard({ c, series, onEdit, onRemove }: { c: ConsumerSummary; series: ConsumerSeries | undefined; onEdit(): void; onRemove(): void }) {
  const { t } = useTranslation('consumers');
  const b = series?.block;
  return (
    <section className="panel" aria-labelledby={`consumer-${c.name}`} data-testid={`consumer-card-${c.name}`}>
      <div className="panel-header">
        <h2 id={`consumer-${c.name}`}>{c.name} <span className="badge badge-muted">{t(`types.${c.type}`)}</span></h2>
        <div className="row">
          <button className="btn" onClick={onEdit} aria-label={t('card.editNamed', { name: c.name })}>{t('card.edit')}</button>
          <button className="btn btn-danger" onClick={onRemove} aria-label={t('card.removeNamed', { name: c.name })}>{t('card.remove')}</button>
        </div>
      </div>
      <p className="panel-note"><Trans t={t} i18nKey="card.reads" values={{ stream: c.stream }} components={{ a: <a href={href('streams', c.stream)} /> }} /> · <Trend c={c} /></p>
      <div className="cards" style={{ marginBottom: 'var(--space-3)' }}>
        <div className="card stat"><div className="stat-label"><Term id="iteratorAge">{t('card.iteratorAge')}</Term></div><div className={c.iteratorAgeMs > 60_000 ? 'stat-value small bad' : 'stat-value small'} data-testid={`age-${c.name}`}>{formatDuration(c.iteratorAgeMs)}</div></div>
        <div className="card stat"><div className="stat-label">{t('card.lag')}</div><div className="stat-value small" data-testid={`lag-${c.name}`}>{t('card.lagRecords', { count: c.lagRecords, formatted: formatCount(c.lagRecords) })}</div></div>
        <div className="card stat"><div className="stat-label">{t('card.processing')}</div><div className="stat-value small">{t('card.rate', { rate: formatCount(c.recordsPerSec) })}</div><div className="stat-sub">{t('card.total', { count: c.recordsProcessed, formatted: formatCount(c.recordsProcessed) })}</div></div>
        <div className="card stat"><div className="stat-label">{t('card.throttlesErrors')}</div><div className="stat-value small">{formatCount(c.readThrottled)} / {formatCount(c.errors)}</div></div>
      </div>
      {b ? (
        <div className="chart-grid">
          <div className="chart-card"><h3>{t('card.ageChart')}</h3><TimeSeriesChart t0Ms={b.t0Ms} stepMs={b.stepMs} series={[{ name: 'IteratorAge', values: b.series.IteratorAgeMilliseconds }]} formatValue={formatDuration} height={170} ariaLabel={t('card.ageAria', { name: c.name })} /></div>
          <div className="chart-card"><h3>{t('card.lagChart')}</h3><TimeSeriesChart t0Ms={b.t0Ms} stepMs={b.stepMs} series={[{ name: t('card.lagSeries'), values: b.series.LagRecords, color: 'var(--chart-2)' }, { name: t('card.processedSeries'), values: b.series.RecordsProcessed, color: 'var(--chart-3)' }]} formatValue={formatCount} height={170} ariaLabel={t('card.lagAria', { name: c.name })} /></div>
        </div>
      ) : null}
    </section>
  );
}

export default function ConsumersPage(_props: { params: readonly string[] }) {
  const { t } = useTranslation('consumers');
  useWatch({ stream: null, consumers: true, seriesWindowSec: 300 });
  const consumers = useConsole((s) => s.frame?.consumers);
  const series = useConsole((s) => s.frame?.consumerSeries);
  // Reload the editable settings whenever the set of live consumers changes (edits, reset, a new scenario).
  const names = useConsole((s) => s.frame?.consumers.map((c) => c.name).join('\n'));
  const seed = useSim((s) => `${s.frame?.scenario?.seed}|${names}`);
  const [configs, setConfigs] = useState<ActorConfigs | null>(null);
  const [editing, setEditing] = useState<{ original: string | null; initial: ScenarioConsumer } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => void actorConfigs().then(setConfigs), []);
  useEffect(reload, [reload, seed]);
  const remove = async (name: string) => {
    const r = await removeConsumer(name);
    setError(r.ok ? null : r.errors.join('; '));
    reload();
  };
  const edit = (name: string) => {
    const c = configs?.consumers.find((x) => x.name === name);
    if (c) setEditing({ original: name, initial: c });
  };
  return (
    <>
      <PageHeader
        title={t('page.title')}
        subtitle={<Trans t={t} i18nKey="page.subtitle" components={{ efo: <Term id="enhancedFanOut">{null}</Term>, lag: <Term id="iteratorAge">{null}</Term> }} />}
        actions={<button className="btn btn-primary" disabled={!configs || configs.streams.length === 0} onClick={() => setEditing({ original: null, initial: NEW_CONSUMER })} data-testid="add-consumer">{t('page.add')}</button>}
      />
      {editing && configs ? <ConsumerForm key={editing.original ?? '(new)'} original={editing.original} initial={editing.initial} streams={configs.streams} onDone={() => { setEditing(null); reload(); }} /> : null}
      {error ? <div className="callout callout-error" role="alert">{error}</div> : null}
      {!consumers ? (
        <div className="loading">{t('page.waiting')}</div>
      ) : consumers.length === 0 ? (
        <div className="empty-state"><p><Trans t={t} i18nKey="page.empty" components={{ b: <strong /> }} /></p></div>
      ) : (
        consumers.map((c) => <ConsumerCard key={c.name} c={c} series={series?.find((s) => s.name === c.name)} onEdit={() => edit(c.name)} onRemove={() => void remove(c.name)} />)
      )}
    </>
  );
}
