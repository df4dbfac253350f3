/** Producers: live figures per producer, and add / edit / remove applied to the running simulation. */
import { useCallback, useEffect, useState } from 'react';
import type { ScenarioProducer } from '../../../engine/scenario/schema';
import type { ActorConfigs } from '../../../worker/api/streams-api';
import { PageHeader } from '../../components/Shell';
import { useConsole, useWatch } from '../../stores/console-store';
import { actorConfigs, removeProducer } from '../../stores/console-actions';
import { useSim } from '../../stores/sim-store';
import { formatCount, formatRate } from '../../format';
import { href } from '../../router';
import { NEW_PRODUCER, ProducerForm } from './ProducerForm';

export default function ProducersPage(_props: { params: readonly string[] }) {
  useWatch({ stream: null });
  const producers = useConsole((s) => s.frame?.producers);
  // Reload the editable settings whenever the set of live producers changes (edits, reset, a new scenario).
  const names = useConsole((s) => s.frame?.producers.map((p) => p.name).join('\n'));
  const seq = useSim((s) => `${s.frame?.scenario?.seed}|${names}`);
  const [configs, setConfigs] = useState<ActorConfigs | null>(null);
  const [editing, setEditing] = useState<{ original: string | null; initial: ScenarioProducer } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => void actorConfigs().then(setConfigs), []);
  useEffect(reload, [reload, seq]);
  const remove = async (name: string) => {
    const r = await removeProducer(name);
    setError(r.ok ? null : r.error.message);
    reload();
  };
  const edit = (name: string) => {
    const p = configs?.producers.find((x) => x.name === name);
    if (p) setEditing({ original: name, initial: p });
  };
  return (
    <>
      <PageHeader
        title="Producers"
        subtitle="Load generators writing to the streams: rate profiles, partition keys, record sizes, batching and retries."
        actions={<button className="btn btn-primary" disabled={!configs || configs.streams.length === 0} onClick={() => setEditing({ original: null, initial: NEW_PRODUCER })} data-testid="add-producer">Add producer</button>}
      />
      {editing && configs ? <ProducerForm key={editing.original ?? '(new)'} original={editing.original} initial={editing.initial} streams={configs.streams} onDone={() => { setEditing(null); reload(); }} /> : null}
      {error ? <div className="callout callout-error" role="alert">{error}</div> : null}
      {configs && configs.streams.length === 0 ? <div className="callout callout-warn">Producers write to a stream: <a href={href('streams')}>create a stream</a> first.</div> : null}
      {!producers ? (
        <div className="loading">Waiting for the simulation…</div>
      ) : producers.length === 0 ? (
        <div className="empty-state"><p>No producers. Select <strong>Add producer</strong> to send records into a stream.</p></div>
      ) : (
        <div className="panel table-scroll" tabIndex={0}>
          <table className="data" aria-label="Producers">
            <thead>
              <tr><th>Name</th><th>Stream</th><th className="num">Wants</th><th className="num">Accepted</th><th className="num">Throttled</th><th className="num">Waiting to send</th><th className="num">Dropped (total)</th><th><span className="visually-hidden">Actions</span></th></tr>
            </thead>
            <tbody>
              {producers.map((p) => (
                <tr key={p.name} data-testid={`producer-row-${p.name}`}>
                  <td>{p.name}</td>
                  <td><a href={href('streams', p.stream)}>{p.stream}</a></td>
                  <td className="num">{formatRate(p.wantedRecordsPerSec)}</td>
                  <td className="num">{formatRate(p.acceptedPerSec)}</td>
                  <td className="num" style={p.throttledPerSec > 0 ? { color: 'var(--bad)', fontWeight: 600 } : undefined}>{formatRate(p.throttledPerSec)}</td>
                  <td className="num">{formatCount(p.backlogRecords)}</td>
                  <td className="num">{formatCount(p.droppedTotal)}</td>
                  <td className="row" style={{ flexWrap: 'nowrap' }}>
                    <button className="btn" onClick={() => edit(p.name)} aria-label={`Edit producer ${p.name}`}>Edit</button>
                    <button className="btn btn-danger" onClick={() => void remove(p.name)} aria-label={`Remove producer ${p.name}`}>Remove</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
