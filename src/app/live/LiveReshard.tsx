/** UpdateShardCount and SplitShard on the live stream, each after a confirmation with its price. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PRICE_TABLE, price } from '../../engine/capacity/price-table';
import { ConfirmDialog } from './ConfirmDialog';
import { liveApi, openStream } from './live-actions';
import { useLive } from './live-store';
import type { LiveShard } from '../../worker/live/live-types';

const NO_SHARDS: readonly LiveShard[] = [];

type Ask = { kind: 'update'; to: number } | { kind: 'split'; shardId: string };

export function LiveReshard({ stream }: { stream: string }) {
  const { t } = useTranslation('live');
  const shards = useLive((s) => s.detail?.shardMap ?? NO_SHARDS);
  const open = shards.filter((s) => s.open);
  const [target, setTarget] = useState(open.length * 2 || 2);
  const [split, setSplit] = useState('');
  const [ask, setAsk] = useState<Ask | null>(null);
  const [started, setStarted] = useState(false);
  const perShardHour = `$${price(DEFAULT_PRICE_TABLE, 'shardHour')}`;
  const region = DEFAULT_PRICE_TABLE.region;
  const chosen = split || open[0]?.shardId || '';
  const run = async (a: Ask) => {
    setAsk(null);
    const r = a.kind === 'update' ? await liveApi().updateShardCount(stream, a.to) : await liveApi().splitShard(stream, a.shardId);
    if (!r.ok) useLive.getState().set({ error: r.error });
    else setStarted(true);
  };
  return (
    <section className="panel">
      <p className="panel-note">{t('reshard.note')}</p>
      <div className="row">
        <label className="inline-field">{t('reshard.target')}
          <input type="number" min={1} value={target} onChange={(e) => setTarget(Number(e.target.value))} style={{ width: '6em' }} data-testid="live-target-shards" />
        </label>
        <button type="button" className="btn" data-testid="live-update-shards" onClick={() => setAsk({ kind: 'update', to: target })}>{t('reshard.update')}</button>
      </div>
      <div className="row">
        <label className="inline-field">{t('reshard.shard')}
          <select value={chosen} onChange={(e) => setSplit(e.target.value)}>
            {open.map((s) => <option key={s.shardId} value={s.shardId}>{s.shardId}</option>)}
          </select>
        </label>
        <button type="button" className="btn" data-testid="live-split" disabled={!chosen} onClick={() => setAsk({ kind: 'split', shardId: chosen })}>{t('reshard.split')}</button>
      </div>
      {started ? (
        <p className="callout callout-ok">{t('reshard.started')} <button type="button" className="btn btn-small" onClick={() => void openStream(stream)}>{t('reshard.refresh')}</button></p>
      ) : null}
      {ask?.kind === 'update' ? (
        <ConfirmDialog title={t('reshard.confirmUpdateTitle')} body={t('reshard.confirmUpdateBody', { stream, from: open.length, to: ask.to, usd: perShardHour, region })} op="UpdateShardCount" onConfirm={() => void run(ask)} onCancel={() => setAsk(null)} />
      ) : null}
      {ask?.kind === 'split' ? (
        <ConfirmDialog title={t('reshard.confirmSplitTitle')} body={t('reshard.confirmSplitBody', { stream, shard: ask.shardId, usd: perShardHour, region })} op="SplitShard" onConfirm={() => void run(ask)} onCancel={() => setAsk(null)} />
      ) : null}
    </section>
  );
}
