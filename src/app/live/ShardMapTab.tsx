/** The shard map from ListShards: the key-space band (HashBand) and every shard's range and lineage. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { HashBand } from '../components/console/HashBand';
import { formatPercent } from '../format';
import { openStream } from './live-actions';
import { useLive } from './live-store';
import type { LiveShard } from '../../worker/live/live-types';

const NO_SHARDS: readonly LiveShard[] = [];

export function ShardMapTab({ stream }: { stream: string }) {
  const { t } = useTranslation('live');
  const detail = useLive((s) => s.detail);
  const frame = useLive((s) => (s.frame?.stream === stream ? s.frame : undefined));
  // A running sampler sees reshards first (it refreshes the map when a shard closes).
  const map = frame?.shardMap ?? detail?.shardMap ?? NO_SHARDS;
  const band = useMemo(() => {
    const open = map.filter((s) => s.open);
    const util = new Float32Array(open.length);
    open.forEach((s, i) => { util[i] = frame?.shards.find((x) => x.shardId === s.shardId)?.writeUtilization ?? 0; });
    return {
      start: Float64Array.from(open.map((s) => s.startFraction)),
      end: Float64Array.from(open.map((s) => s.endFraction)),
      util,
      ids: open.map((s) => s.shardId),
      keys: (frame?.hotKeys ?? []).slice(0, 5).map((k) => ({ key: k.key, hashFraction: k.hashFraction, shardId: k.routedShardId ?? k.readFromShardId })),
    };
  }, [map, frame]);
  return (
    <section className="panel">
      <div className="panel-header">
        <h2>{t('shards.band')}</h2>
        <button type="button" className="btn btn-small" onClick={() => void openStream(stream)}>{t('reshard.refresh')}</button>
      </div>
      {band.ids.length ? <HashBand {...band} /> : null}
      <div className="table-scroll">
        <table className="data" data-testid="live-shard-map">
          <thead><tr><th>{t('shards.id')}</th><th>{t('shards.status')}</th><th>{t('shards.range')}</th><th className="num">{t('shards.share')}</th><th>{t('shards.parents')}</th></tr></thead>
          <tbody>
            {map.map((s) => (
              <tr key={s.shardId}>
                <td>{s.shardId}</td>
                <td><span className={s.open ? 'badge badge-ok' : 'badge badge-muted'}>{s.open ? t('shards.open') : t('shards.closed')}</span></td>
                <td><code className="live-range">{s.startingHashKey} – {s.endingHashKey}</code></td>
                <td className="num">{formatPercent(s.endFraction - s.startFraction, 1)}</td>
                <td>{s.parents.length ? s.parents.join(', ') : t('shards.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
