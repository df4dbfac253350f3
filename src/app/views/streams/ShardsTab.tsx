/**
 * Shards: the hash-key band (open shards coloured by load, top keys marked) and the shard table,
 * paged in the worker (50 rows a page) so a 1,000-shard stream sends and renders one page only.
 */
import type { StreamDetail } from '../../../worker/api/streams-api';
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
  const offset = detail.shardOffset;
  const total = detail.totalShards;
  const go = (o: number) => useConsole.getState().setWatch({ shardOffset: Math.max(0, Math.min(o, Math.max(0, total - 1))), shardLimit: PAGE });
  return (
    <>
      <section className="panel" aria-labelledby="band-title">
        <div className="panel-header"><h2 id="band-title">Hash-key space</h2><span className="muted">{detail.openShards} open shards</span></div>
        <p className="panel-note">Every record goes to the shard whose range holds the MD5 of its partition key (or its explicit hash key). Colour: write utilisation. Marks: where the top partition keys land.</p>
        <HashBand start={detail.bandStart} end={detail.bandEnd} util={detail.bandUtil} ids={detail.bandIds} keys={detail.topKeys} />
      </section>
      <section className="panel" aria-labelledby="shards-title">
        <div className="panel-header"><h2 id="shards-title">Shards</h2><span className="muted">utilisation over the last virtual second</span></div>
        <div className="table-scroll" tabIndex={0}>
          <table className="data" aria-label="Shards" data-testid="shard-table">
            <thead>
              <tr>
                <th>Shard ID</th><th>Status</th><th className="num">Starting hash key</th><th className="num">Ending hash key</th><th>Parent</th><th>Adjacent parent</th>
                <th className="num">Write util.</th><th className="num">Read util.</th><th className="num">Incoming</th><th className="num">Throttled /s</th><th className="num">Throttled total</th>
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
                  <td className="num">{formatCount(r.incomingRecordsPerSec)}/s</td>
                  <td className="num" style={r.throttledWritesPerSec > 0 ? { color: 'var(--bad)' } : undefined}>{formatCount(r.throttledWritesPerSec)}</td>
                  <td className="num">{formatCount(r.throttledWritesTotal)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {total > PAGE ? (
          <div className="pager" role="navigation" aria-label="Shard pages">
            <span>Shards {offset + 1}–{Math.min(total, offset + detail.shardRows.length)} of {total}</span>
            <button className="btn" onClick={() => go(0)} disabled={offset === 0}>First</button>
            <button className="btn" onClick={() => go(offset - PAGE)} disabled={offset === 0}>Previous</button>
            <button className="btn" onClick={() => go(offset + PAGE)} disabled={offset + PAGE >= total}>Next</button>
            <button className="btn" onClick={() => go(Math.floor((total - 1) / PAGE) * PAGE)} disabled={offset + PAGE >= total}>Last</button>
          </div>
        ) : null}
      </section>
    </>
  );
}
