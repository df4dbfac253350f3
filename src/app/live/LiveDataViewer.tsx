/** The data viewer on a live shard: one GetRecords call from the oldest or newest position. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatTimeOfDay } from '../format';
import type { ViewedRecord } from '../../worker/live/live-types';
import { liveApi } from './live-actions';
import { useLive } from './live-store';
import type { LiveShard } from '../../worker/live/live-types';

const NO_SHARDS: readonly LiveShard[] = [];

export function LiveDataViewer({ stream }: { stream: string }) {
  const { t } = useTranslation('live');
  const shards = useLive((s) => s.detail?.shardMap ?? NO_SHARDS);
  const [shardId, setShardId] = useState('');
  const [from, setFrom] = useState<'TRIM_HORIZON' | 'LATEST'>('TRIM_HORIZON');
  const [limit, setLimit] = useState(25);
  const [records, setRecords] = useState<readonly ViewedRecord[] | null>(null);
  const chosen = shardId || shards.find((s) => s.open)?.shardId || shards[0]?.shardId || '';
  const read = async () => {
    const r = await liveApi().viewRecords(stream, chosen, from, limit);
    if (r.ok) setRecords(r.value);
    else useLive.getState().set({ error: r.error });
  };
  return (
    <section className="panel">
      <div className="row">
        <label className="inline-field">{t('data.shard')}
          <select data-testid="live-data-shard" value={chosen} onChange={(e) => setShardId(e.target.value)}>
            {shards.map((s) => <option key={s.shardId} value={s.shardId}>{s.shardId}</option>)}
          </select>
        </label>
        <label className="inline-field">{t('data.from')}
          <select value={from} onChange={(e) => setFrom(e.target.value as 'TRIM_HORIZON' | 'LATEST')}>
            <option value="TRIM_HORIZON">{t('data.fromOptions.TRIM_HORIZON')}</option>
            <option value="LATEST">{t('data.fromOptions.LATEST')}</option>
          </select>
        </label>
        <label className="inline-field">{t('data.limit')}
          <input type="number" min={1} max={100} value={limit} onChange={(e) => setLimit(Number(e.target.value))} style={{ width: '5em' }} />
        </label>
        <button type="button" className="btn btn-primary" data-testid="live-read-records" disabled={!chosen} onClick={() => void read()}>{t('data.read')}</button>
      </div>
      <p className="muted small">{t('data.cost')}</p>
      {records && records.length === 0 ? <p className="muted">{t('data.none')}</p> : null}
      {records?.length ? (
        <div className="table-scroll">
          <table className="data" data-testid="live-records">
            <thead><tr><th>{t('data.seq')}</th><th>{t('data.key')}</th><th>{t('data.arrival')}</th><th className="num">{t('data.size')}</th><th>{t('data.data')}</th></tr></thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.sequenceNumber}>
                  <td><code className="live-range">{r.sequenceNumber}</code></td>
                  <td><code>{r.partitionKey}</code></td>
                  <td>{r.arrivalMs !== undefined ? formatTimeOfDay(r.arrivalMs, true) : '—'}</td>
                  <td className="num">{formatBytes(r.dataBytes)}</td>
                  <td className="live-preview"><code>{r.preview}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
