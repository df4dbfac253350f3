/**
 * Consumers: per consumer its iterator age and lag over time, the trend and an estimated time to
 * drain (or "falling behind"), records processed, throttles and errors; add / edit / remove live.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ScenarioConsumer } from '../../../engine/scenario/schema';
import type { ActorConfigs, ConsumerSeries, ConsumerSummary } from '../../../worker/api/streams-api';
import { PageHeader } from '../../components/Shell';
import { TimeSeriesChart } from '../../components/viz/TimeSeriesChart';
import { useConsole, useWatch } from '../../stores/console-store';
import { actorConfigs, removeConsumer } from '../../stores/console-actions';
import { useSim } from '../../stores/sim-store';
import { formatCount, formatDuration, formatRate } from '../../format';
import { href } from '../../router';
import { ConsumerForm, NEW_CONSUMER } from './ConsumerForm';

const TYPE_LABEL = { kcl: 'KCL application', efo: 'Enhanced fan-out', lambda: 'Lambda' } as const;

function Trend({ c }: { c: ConsumerSummary }) {
  switch (c.state) {
    case 'caught-up': return <span className="trend ok" data-testid={`trend-${c.name}`}>caught up</span>;
    case 'falling-behind': return <span className="trend bad" data-testid={`trend-${c.name}`}>falling behind (+{formatCount(c.lagSlopePerSec)} records/s)</span>;
    case 'draining': return <span className="trend" data-testid={`trend-${c.name}`}>draining: about {formatDuration((c.drainSec ?? 0) * 1000)} to catch up</span>;
    default: return <span className="trend" data-testid={`trend-${c.name}`}>steady lag</span>;
  }
}

function ConsumerCard({ c, series, onEdit, onRemove }: { c: ConsumerSummary; series: ConsumerSeries | undefined; onEdit(): void; onRemove(): void }) {
  const b = series?.block;
  return (
    <section className="panel" aria-labelledby={`consumer-${c.name}`} data-testid={`consumer-card-${c.name}`}>
      <div className="panel-header">
        <h2 id={`consumer-${c.name}`}>{c.name} <span className="badge badge-muted">{TYPE_LABEL[c.type]}</span></h2>
        <div className="row">
          <button className="btn" onClick={onEdit} aria-label={`Edit consumer ${c.name}`}>Edit</button>
          <button className="btn btn-danger" onClick={onRemove} aria-label={`Remove consumer ${c.name}`}>Remove</button>
        </div>
      </div>
      <p className="panel-note">Reads <a href={href('streams', c.stream)}>{c.stream}</a> · <Trend c={c} /></p>
      <div className="cards" style={{ marginBottom: 'var(--space-3)' }}>
        <div className="card stat"><div className="stat-label">Iterator age</div><div className={c.iteratorAgeMs > 60_000 ? 'stat-value small bad' : 'stat-value small'} data-testid={`age-${c.name}`}>{formatDuration(c.iteratorAgeMs)}</div></div>
        <div className="card stat"><div className="stat-label">Lag</div><div className="stat-value small" data-testid={`lag-${c.name}`}>{formatCount(c.lagRecords)} records</div></div>
        <div className="card stat"><div className="stat-label">Processing</div><div className="stat-value small">{formatRate(c.recordsPerSec)}</div><div className="stat-sub">{formatCount(c.recordsProcessed)} in total</div></div>
        <div className="card stat"><div className="stat-label">Read throttles / errors</div><div className="stat-value small">{formatCount(c.readThrottled)} / {formatCount(c.errors)}</div></div>
      </div>
      {b ? (
        <div className="chart-grid">
          <div className="chart-card"><h3>Iterator age</h3><TimeSeriesChart t0Ms={b.t0Ms} stepMs={b.stepMs} series={[{ name: 'IteratorAge', values: b.series.IteratorAgeMilliseconds }]} formatValue={formatDuration} height={170} ariaLabel={`Iterator age of ${c.name}`} /></div>
          <div className="chart-card"><h3>Lag and throughput (records)</h3><TimeSeriesChart t0Ms={b.t0Ms} stepMs={b.stepMs} series={[{ name: 'Lag', values: b.series.LagRecords, color: 'var(--chart-2)' }, { name: 'Processed /s', values: b.series.RecordsProcessed, color: 'var(--chart-3)' }]} formatValue={formatCount} height={170} ariaLabel={`Lag and records processed of ${c.name}`} /></div>
        </div>
      ) : null}
    </section>
  );
}

export default function ConsumersPage(_props: { params: readonly string[] }) {
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
    setError(r.ok ? null : r.error.message);
    reload();
  };
  const edit = (name: string) => {
    const c = configs?.consumers.find((x) => x.name === name);
    if (c) setEditing({ original: name, initial: c });
  };
  return (
    <>
      <PageHeader
        title="Consumers"
        subtitle="KCL applications, enhanced fan-out consumers and Lambda mappings, with their lag and how fast they catch up."
        actions={<button className="btn btn-primary" disabled={!configs || configs.streams.length === 0} onClick={() => setEditing({ original: null, initial: NEW_CONSUMER })} data-testid="add-consumer">Add consumer</button>}
      />
      {editing && configs ? <ConsumerForm key={editing.original ?? '(new)'} original={editing.original} initial={editing.initial} streams={configs.streams} onDone={() => { setEditing(null); reload(); }} /> : null}
      {error ? <div className="callout callout-error" role="alert">{error}</div> : null}
      {!consumers ? (
        <div className="loading">Waiting for the simulation…</div>
      ) : consumers.length === 0 ? (
        <div className="empty-state"><p>No consumers. Select <strong>Add consumer</strong> to read a stream with a KCL application, enhanced fan-out or a Lambda function.</p></div>
      ) : (
        consumers.map((c) => <ConsumerCard key={c.name} c={c} series={series?.find((s) => s.name === c.name)} onEdit={() => edit(c.name)} onRemove={() => void remove(c.name)} />)
      )}
    </>
  );
}
