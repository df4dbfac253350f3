/**
 * The analytic estimate: shards for writes, for reads and overall with the binding constraint named,
 * the hottest key's share and whether any shard count can carry it, headroom at the peak, every term.
 */
import { useTranslation } from 'react-i18next';
import type { CapacityPlan } from '../../../engine/capacity/plan';
import type { SizingConstraint } from '../../../engine/capacity/shard-sizing';
import { mibps, num, pct } from './planner-format';

const WRITE: readonly SizingConstraint[] = ['write-bytes', 'write-records', 'surge-write', 'key-skew'];
const READ: readonly SizingConstraint[] = ['shared-read', 'consumer-processing', 'surge-lag'];

export function SizingPanel({ plan }: { plan: CapacityPlan }) {
  const { t } = useTranslation('planner');
  const label = (c: SizingConstraint) => t(`sizing.constraints.${c}`);
  const s = plan.sizing;
  const forWrites = Math.max(1, ...s.terms.filter((x) => WRITE.includes(x.constraint)).map((x) => x.shards));
  const forReads = Math.max(0, ...s.terms.filter((x) => READ.includes(x.constraint)).map((x) => x.shards));
  const hot = plan.hotKeys.hottestKey;
  const headroom = s.headroomAtPeak;
  return (
    <section className="panel" aria-labelledby="sizing-title">
      <div className="panel-header">
        <h2 id="sizing-title">{t('sizing.title')}</h2>
        <span className="muted small">
          {t('sizing.peak', { rps: num(plan.traffic.recordsPerSecPeak), mibps: mibps(plan.traffic.bytesPerSecPeak) })}
        </span>
      </div>
      <div className="cards planner-cards">
        <div className="card">
          <div className="stat-label">{t('sizing.forWrites')}</div>
          <div className="stat-value" data-testid="shards-writes">{forWrites}</div>
        </div>
        <div className="card">
          <div className="stat-label">{t('sizing.forReads')}</div>
          <div className="stat-value" data-testid="shards-reads">{forReads || '—'}</div>
          <div className="stat-sub">{t('sizing.readers', { shared: s.sharedConsumers, efo: s.efoConsumers })}</div>
        </div>
        <div className="card">
          <div className="stat-label">{t('sizing.overall')}</div>
          <div className="stat-value" data-testid="shards-overall">{s.shards}</div>
          <div className="stat-sub" data-testid="binding">{t('sizing.boundBy', { constraint: label(s.binding.constraint) })}{s.binding.consumer ? ` ('${s.binding.consumer}')` : ''}</div>
        </div>
        <div className="card">
          <div className="stat-label">{t('sizing.headroom')}</div>
          <div className={`stat-value ${headroom < 0 ? 'text-bad' : ''}`}>{pct(headroom, 0)}</div>
          <div className="stat-sub">{t('sizing.tightest', { share: pct(Math.max(s.peakUtilization.bytes, s.peakUtilization.records, s.peakUtilization.sharedRead), 0) })}</div>
        </div>
        <div className="card">
          <div className="stat-label">{t('sizing.hottestKey')}</div>
          <div className="stat-value" data-testid="hot-key-share">{pct(hot.share, 1)}</div>
          <div className="stat-sub" title={hot.key}>
            '{hot.key.length > 24 ? `${hot.key.slice(0, 24)}…` : hot.key}':{' '}
            {hot.fitsOneShard ? <span className="text-ok">{t('sizing.fitsOneShard')}</span> : <span className="text-bad" data-testid="hot-key-unfixable">{t('sizing.noShardCount', { worth: hot.shardsWorth.toFixed(1) })}</span>}
          </div>
        </div>
      </div>
      <table className="data planner-terms" aria-label={t('sizing.terms')}>
        <thead>
          <tr>
            <th>{t('sizing.constraint')}</th>
            <th className="num">{t('sizing.exact')}</th>
            <th className="num">{t('sizing.shards')}</th>
          </tr>
        </thead>
        <tbody>
          {s.terms.map((term, i) => (
            <tr key={`${term.constraint}-${term.consumer ?? ''}-${i}`} className={term === s.binding || (term.constraint === s.binding.constraint && term.consumer === s.binding.consumer) ? 'binding-row' : undefined}>
              <td>
                {label(term.constraint)}
                {term.consumer ? ` — ${term.consumer}` : ''}
              </td>
              <td className="num">{term.exactShards.toFixed(2)}</td>
              <td className="num">{term.shards}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.hotKeys.throttledFraction > 0 ? (
        <p className="callout callout-warn small">
          {t('sizing.evenSplit', { shards: plan.hotKeys.shardCount, share: pct(plan.hotKeys.throttledFraction) })}
          {plan.hotKeys.unfixableFraction > 0 ? t('sizing.unfixable', { share: pct(plan.hotKeys.unfixableFraction) }) : ''}
          {plan.layout.shards !== plan.layout.baseShards
            ? plan.layout.kind === 'targeted-splits'
              ? t('sizing.layoutLeaves', { splits: plan.layout.splitCalls.length, shards: plan.layout.shards, share: pct(plan.layout.evaluation.throttledFraction) })
              : t('sizing.evenLeaves', { shards: plan.layout.shards, share: pct(plan.layout.evaluation.throttledFraction) })
            : ''}
        </p>
      ) : null}
    </section>
  );
}
