/**
 * Shards: the hash-key band (open shards coloured by load, top keys marked) and the shard table,
 * paged in the worker (50 rows a page) so a 1,000-shard stream sends and renders one page only.
 */
import { useTranslation } from 'react-i18next';
import type { StreamDetail } from '../../../worker/api/streams-api';
import { Term } from '../../learn/Term';
import { HashBand } from '../../components/console/HashBand';
import { useConsole } from '../../stores/console-store';
import { formatCount } from '../../format';

const PAGE = 50;

function Util({ v }: { v: number }) {
  const cls = v >= 1 ? 'util-bar bad' : v >= 0.8 ? 'util-bar warn' : 'util-bar';
  return (
    <span className="util-cell">
      <span className={cls} aria-hidden="true"><i style={{ width: `${Math.min(100, v * 100)}%` }} /></span>
      <span className="util-num">{Math.round(v * 100)}%</span>
    </span>
  );
}

function shortKey(k: string): string {
  return k.length > 14 ? `${k.slice(0, 6)}…${k.slice(-6)}` : k;
}

export function ShardsTab({ detail }: { detail: StreamDetail }) {
  const { t } = useTranslation('streams');
  const offset = detail.shardOffset;
  const total = detail.totalShards;
  const go = (o: number) => useConsole.getState().setWatch({ shardOffset: Math.max(0, Math.min(o, Math.max(0, total - 1))), shardLimit: PAGE });
  return (
    <>
      <section className="panel" aria-labelledby="band-title">
        <div className="panel-header"><h2 id="band-title"><Term id="hashKeyRange">{t('shards.bandTitle')}</Term></h2><span className="muted">{t('shards.openShards', { count: detail.openShards })}</span></div>
        <p className="panel-note">{detail.distribution === 'AUTO' ? t('shards.bandNoteAuto') : t('shards.bandNote')}</p>
        <HashBand start={detail.bandStart} end={detail.bandEnd} util={detail.bandUtil} ids={detail.bandIds} keys={detail.distribution === 'AUTO' ? [] : detail.topKeys} />
      </section>
      <section className="panel" aria-labelledby="shards-title">
        <div className="panel-header"><h2 id="shards-title">{t('shards.title')}</h2><span className="muted">{t('shards.utilNote')}</span></div>
        <div className="table-scroll" tabIndex={0}>
          <table className="data" aria-label={t('shards.title')} data-testid="shard-table">
            <thead>
              <tr>
                <th>{t('shards.id')}</th><th>{t('shards.status')}</th><th className="num">{t('shards.start')}</th><th className="num">{t('shards.end')}</th><th>{t('shards.parent')}</th><th>{t('shards.adjacent')}</th>
                <th className="num">{t('shards.writeUtil')}</th><th className="num">{t('shards.readUtil')}</th><th className="num">{t('shards.incoming')}</th><th className="num">{t('shards.throttledPerSec')}</th><th className="num">{t('shards.throttledTotal')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.shardRows.map((r) => (
                <tr key={r.id}>
                  <td className="mono">{r.id}</td>
                  <td>{r.open ? <span className="badge badge-ok">OPEN</span> : <span className="badge badge-muted">CLOSED</span>}</td>
                  <td className="num" title={r.startingHashKey}>{shortKey(r.startingHashKey)}</td>
                  <td className="num" title={r.endingHashKey}>{shortKey(r.endingHashKey)}</td>
                  <td className="mono">{r.parentShardId ?? '—'}</td>
                  <td className="mono">{r.adjacentParentShardId ?? '—'}</td>
                  <td className="num"><Util v={r.writeUtil} /></td>
                  <td className="num"><Util v={r.readUtil} /></td>
                  <td className="num">{formatCount(r.incomingRecordsPerSec)}/{t('shards.perSecUnit')}</td>
                  <td className="num" style={r.throttledWritesPerSec > 0 ? { color: 'var(--bad)' } : undefined}>{formatCount(r.throttledWritesPerSec)}</td>
                  <td className="num">{formatCount(r.throttledWritesTotal)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {total > PAGE ? (
          <div className="pager" role="navigation" aria-label={t('shards.pages')}>
            <span>{t('shards.range', { from: offset + 1, to: Math.min(total, offset + detail.shardRows.length), total })}</span>
            <button className="btn" onClick={() => go(0)} disabled={offset === 0}>{t('shards.first')}</button>
            <button className="btn" onClick={() => go(offset - PAGE)} disabled={offset === 0}>{t('shards.previous')}</button>
            <button className="btn" onClick={() => go(offset + PAGE)} disabled={offset + PAGE >= total}>{t('shards.next')}</button>
            <button className="btn" onClick={() => go(Math.floor((total - 1) / PAGE) * PAGE)} disabled={offset + PAGE >= total}>{t('shards.last')}</button>
          </div>
        ) : null}
      </section>
    </>
  );
}
