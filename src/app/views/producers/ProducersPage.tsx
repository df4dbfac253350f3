/** Producers: live figures per producer, and add / edit / remove applied to the running simulation. */
import { useCallback, useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Term } from '../../learn/Term';
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
  const { t } = useTranslation('producers');
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
    setError(r.ok ? null : r.errors.join('; '));
    reload();
  };
  const edit = (name: string) => {
    const p = configs?.producers.find((x) => x.name === name);
    if (p) setEditing({ original: name, initial: p });
  };
  const rps = t('units.recordsPerSec');
  return (
    <>
      <PageHeader
        title={t('page.title')}
        subtitle={<Trans t={t} i18nKey="page.subtitle" components={{ key: <Term id="partitionKey">{null}</Term>, throttle: <Term id="throttling">{null}</Term> }} />}
        actions={<button className="btn btn-primary" disabled={!configs || configs.streams.length === 0} onClick={() => setEditing({ original: null, initial: NEW_PRODUCER })} data-testid="add-producer">{t('page.add')}</button>}
      />
      {editing && configs ? <ProducerForm key={editing.original ?? '(new)'} original={editing.original} initial={editing.initial} streams={configs.streams} settings={configs.streamSettings} onDone={() => { setEditing(null); reload(); }} /> : null}
      {error ? <div className="callout callout-error" role="alert">{error}</div> : null}
      {configs && configs.streams.length === 0 ? <div className="callout callout-warn"><Trans t={t} i18nKey="page.needStream" components={{ a: <a href={href('streams')} /> }} /></div> : null}
      {!producers ? (
        <div className="loading">{t('page.waiting')}</div>
      ) : producers.length === 0 ? (
        <div className="empty-state"><p><Trans t={t} i18nKey="page.empty" components={{ b: <strong /> }} /></p></div>
      ) : (
        <div className="panel table-scroll" tabIndex={0}>
          <table className="data" aria-label={t('page.aria')}>
            <thead>
              <tr><th>{t('page.name')}</th><th>{t('page.stream')}</th><th className="num">{t('page.wants')}</th><th className="num">{t('page.accepted')}</th><th className="num">{t('page.throttled')}</th><th className="num">{t('page.waitingToSend')}</th><th className="num">{t('page.dropped')}</th><th><span className="visually-hidden">{t('page.actions')}</span></th></tr>
            </thead>
            <tbody>
              {producers.map((p) => (
                <tr key={p.name} data-testid={`producer-row-${p.name}`}>
                  <td>{p.name}</td>
                  <td><a href={href('streams', p.stream)}>{p.stream}</a></td>
                  <td className="num">{formatRate(p.wantedRecordsPerSec, rps)}</td>
                  <td className="num">{formatRate(p.acceptedPerSec, rps)}</td>
                  <td className="num" style={p.throttledPerSec > 0 ? { color: 'var(--bad)', fontWeight: 600 } : undefined}>{formatRate(p.throttledPerSec, rps)}</td>
                  <td className="num">{formatCount(p.backlogRecords)}</td>
                  <td className="num">{formatCount(p.droppedTotal)}</td>
                  <td className="row" style={{ flexWrap: 'nowrap' }}>
                    <button className="btn" onClick={() => edit(p.name)} aria-label={t('page.editNamed', { name: p.name })}>{t('page.edit')}</button>
                    <button className="btn btn-danger" onClick={() => void remove(p.name)} aria-label={t('page.removeNamed', { name: p.name })}>{t('page.remove')}</button>
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
