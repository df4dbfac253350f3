/** Put a record on the live stream, after a confirmation (it is a real, billed write). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog';
import { liveApi } from './live-actions';
import { useLive } from './live-store';

export function LivePut({ stream }: { stream: string }) {
  const { t } = useTranslation('live');
  const endpoint = useLive((s) => s.endpoint);
  const [key, setKey] = useState('');
  const [data, setData] = useState('{"hello":"kinesis"}');
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<{ shardId: string; sequenceNumber: string } | null>(null);
  const put = async () => {
    setAsking(false);
    const r = await liveApi().putRecord(stream, key, data);
    if (r.ok) setDone(r.value);
    else useLive.getState().set({ error: r.error });
  };
  return (
    <section className="panel">
      <div className="row">
        <label className="field"><span>{t('put.key')}</span><input data-testid="live-put-key" value={key} maxLength={256} onChange={(e) => setKey(e.target.value)} /></label>
        <label className="field" style={{ flex: 1 }}><span>{t('put.data')}</span><input data-testid="live-put-data" value={data} onChange={(e) => setData(e.target.value)} /></label>
        <button type="button" className="btn btn-primary" data-testid="live-put" disabled={!key} onClick={() => setAsking(true)}>{t('put.submit')}</button>
      </div>
      {done ? <p className="callout callout-ok" data-testid="live-put-done">{t('put.done', { shard: done.shardId, seq: done.sequenceNumber })}</p> : null}
      {asking ? (
        <ConfirmDialog title={t('put.confirmTitle')} body={t('put.confirmBody', { stream, endpoint: endpoint?.label ?? '' })} op="PutRecord" onConfirm={() => void put()} onCancel={() => setAsking(false)} />
      ) : null}
    </section>
  );
}
