/** The sampled partition-key distribution: hot keys first, with their MD5 hash key and shard. */
import { useTranslation } from 'react-i18next';
import { Term } from '../learn/Term';
import { formatCount, formatPercent } from '../format';
import { useLive } from './live-store';

export function HotKeysTab({ stream }: { stream: string }) {
  const { t } = useTranslation('live');
  const keys = useLive((s) => (s.frame?.stream === stream ? s.frame.hotKeys : undefined));
  return (
    <section className="panel">
      <p className="panel-note">{t('keys.note')}</p>
      {!keys?.length ? <p className="muted">{t('keys.none')}</p> : (
        <div className="table-scroll">
          <table className="data" data-testid="live-hot-keys">
            <thead>
              <tr>
                <th><Term id="partitionKey">{t('keys.key')}</Term></th><th className="num">{t('keys.records')}</th><th className="num">{t('keys.share')}</th><th className="num">{t('keys.rate')}</th>
                <th>{t('keys.hashKey')}</th><th>{t('keys.routed')}</th><th>{t('keys.readFrom')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.key}>
                  <td><code>{k.key}</code></td>
                  <td className="num">{formatCount(k.records)}</td>
                  <td className="num">{formatPercent(k.share, 1)}</td>
                  <td className="num">{k.recordsPerSec.toFixed(1)}</td>
                  <td><code className="live-range">{k.hashKey}</code></td>
                  <td>{k.routedShardId ?? '—'}</td>
                  <td>{k.readFromShardId}{k.routedShardId && k.routedShardId !== k.readFromShardId ? <span className="muted small"> ({t('keys.explicit')})</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
