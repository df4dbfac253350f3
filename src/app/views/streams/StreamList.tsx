/** The list of data streams with their live figures, the create form, and delete. */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/Shell';
import { useConsole, useWatch } from '../../stores/console-store';
import { errorText, kinesisCall } from '../../stores/console-actions';
import { formatBytesRate, formatPercent, formatRate } from '../../format';
import { href } from '../../router';
import { Term } from '../../learn/Term';
import { CreateStreamForm } from './CreateStreamForm';

export function StreamList() {
  const { t } = useTranslation('streams');
  useWatch({ stream: null });
  const streams = useConsole((s) => s.frame?.streams);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const remove = async (name: string) => {
    if (!window.confirm(t('list.confirmDelete', { name }))) return;
    const r = await kinesisCall('DeleteStream', { StreamName: name, EnforceConsumerDeletion: true });
    setError(errorText(r));
  };
  const rps = t('units.recordsPerSec');
  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={
          <Trans
            t={t}
            i18nKey="list.subtitle"
            components={{
              stream: <Term id="dataStream">{null}</Term>, shard: <Term id="shard">{null}</Term>, range: <Term id="hashKeyRange">{null}</Term>,
              hot: <Term id="hotKey">{null}</Term>, reshard: <Term id="resharding">{null}</Term>,
            }}
          />
        }
        actions={<button className="btn btn-primary" onClick={() => setCreating((v) => !v)} aria-expanded={creating} data-testid="open-create-stream">{t('list.create')}</button>}
      />
      {creating ? <CreateStreamForm onDone={() => setCreating(false)} /> : null}
      {error ? <div className="callout callout-error" role="alert">{error}</div> : null}
      {!streams ? (
        <div className="loading">{t('list.waiting')}</div>
      ) : streams.length === 0 ? (
        <div className="empty-state"><p><Trans t={t} i18nKey="list.empty" components={{ b: <strong /> }} /></p></div>
      ) : (
        <div className="panel table-scroll" tabIndex={0}>
          <table className="data" aria-label={t('list.aria')}>
            <thead>
              <tr>
                <th>{t('list.name')}</th><th>{t('list.status')}</th><th>{t('list.mode')}</th><th className="num">{t('list.openShards')}</th><th className="num">{t('list.incoming')}</th><th className="num">{t('list.incomingBytes')}</th>
                <th className="num">{t('list.throttled')}</th><th className="num">{t('list.busiest')}</th><th className="num">{t('list.retention')}</th><th><span className="visually-hidden">{t('list.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {streams.map((s) => (
                <tr key={s.name} data-testid={`stream-row-${s.name}`}>
                  <td><a href={href('streams', s.name)}>{s.name}</a></td>
                  <td><span className={s.status === 'ACTIVE' ? 'badge badge-ok' : 'badge badge-warn'}>{s.status}</span></td>
                  <td>{t(`mode.${s.mode}`)}</td>
                  <td className="num">{s.openShards}</td>
                  <td className="num">{formatRate(s.incomingRecordsPerSec, rps)}</td>
                  <td className="num">{formatBytesRate(s.incomingBytesPerSec)}</td>
                  <td className={s.throttledPerSec > 0 ? 'num stat-value bad' : 'num'} style={{ fontSize: 13, fontWeight: 400 }}>{formatRate(s.throttledPerSec, rps)}</td>
                  <td className="num">{formatPercent(s.maxShardUtil)}</td>
                  <td className="num">{t('units.hours', { count: s.retentionHours })}</td>
                  <td><button className="btn btn-danger" onClick={() => void remove(s.name)} aria-label={t('list.deleteNamed', { name: s.name })}>{t('list.delete')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
