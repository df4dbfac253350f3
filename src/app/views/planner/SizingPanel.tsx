/**
 * The analytic estimate: shards for writes, for reads and overall with the binding constraint named,
 * the hottest key's share and whether any shard count can carry it, headroom at the peak, every term.
 */
import type { CapacityPlan } from '../../../engine/capacity/plan';
import type { SizingConstraint } from '../../../engine/capacity/shard-sizing';
import { mibps, num, pct } from './planner-format';

const WRITE: readonly SizingConstraint[] = ['write-bytes', 'write-records', 'surge-write', 'key-skew'];
const READ: readonly SizingConstraint[] = ['shared-read', 'consumer-processing', 'surge-lag'];

const CONSTRAINT_LABEL: Record<SizingConstraint, string> = {
  minimum: 'minimum of one shard',
  'write-bytes': 'write bytes (1 MiB/s per shard)',
  'write-records': 'write records (1,000/s per shard)',
  'shared-read': 'shared reads (2 MiB/s per shard)',
  'consumer-processing': 'consumer processing speed',
  'surge-lag': 'surge drained within the lag budget',
  'surge-write': 'surge at the hard write limit',
  'key-skew': 'key skew (MD5 placement)',
};

export function SizingPanel({ plan }: { plan: CapacityPlan }) {
  const s = plan.sizing;
  const forWrites = Math.max(1, ...s.terms.filter((t) => WRITE.includes(t.constraint)).map((t) => t.shards));
  const forReads = Math.max(0, ...s.terms.filter((t) => READ.includes(t.constraint)).map((t) => t.shards));
  const hot = plan.hotKeys.hottestKey;
  const headroom = s.headroomAtPeak;
  return (
    <section className="panel" aria-labelledby="sizing-title">
      <div className="panel-header">
        <h2 id="sizing-title">Analytic estimate</h2>
        <span className="muted small">
          peak {num(plan.traffic.recordsPerSecPeak)} records/s · {mibps(plan.traffic.bytesPerSecPeak)}
        </span>
      </div>
      <div className="cards planner-cards">
        <div className="card">
          <div className="stat-label">Shards for writes</div>
          <div className="stat-value" data-testid="shards-writes">{forWrites}</div>
        </div>
        <div className="card">
          <div className="stat-label">Shards for reads</div>
          <div className="stat-value" data-testid="shards-reads">{forReads || '—'}</div>
          <div className="stat-sub">{s.sharedConsumers} shared, {s.efoConsumers} fan-out</div>
        </div>
        <div className="card">
          <div className="stat-label">Shards overall</div>
          <div className="stat-value" data-testid="shards-overall">{s.shards}</div>
          <div className="stat-sub" data-testid="binding">bound by {CONSTRAINT_LABEL[s.binding.constraint]}{s.binding.consumer ? ` ('${s.binding.consumer}')` : ''}</div>
        </div>
        <div className="card">
          <div className="stat-label">Headroom at peak</div>
          <div className={`stat-value ${headroom < 0 ? 'text-bad' : ''}`}>{pct(headroom, 0)}</div>
          <div className="stat-sub">{pct(Math.max(s.peakUtilization.bytes, s.peakUtilization.records, s.peakUtilization.sharedRead), 0)} of the tightest limit used at peak</div>
        </div>
        <div className="card">
          <div className="stat-label">Hottest key</div>
          <div className="stat-value" data-testid="hot-key-share">{pct(hot.share, 1)}</div>
          <div className="stat-sub" title={hot.key}>
            '{hot.key.length > 24 ? `${hot.key.slice(0, 24)}…` : hot.key}':{' '}
            {hot.fitsOneShard ? <span className="text-ok">one shard can carry it</span> : <span className="text-bad" data-testid="hot-key-unfixable">no shard count can carry it ({hot.shardsWorth.toFixed(1)} shards’ worth)</span>}
          </div>
        </div>
      </div>
      <table className="data planner-terms" aria-label="Sizing terms">
        <thead>
          <tr>
            <th>Constraint</th>
            <th className="num">Shards (exact)</th>
            <th className="num">Shards</th>
          </tr>
        </thead>
        <tbody>
          {s.terms.map((t, i) => (
            <tr key={`${t.constraint}-${t.consumer ?? ''}-${i}`} className={t === s.binding || (t.constraint === s.binding.constraint && t.consumer === s.binding.consumer) ? 'binding-row' : undefined}>
              <td>
                {CONSTRAINT_LABEL[t.constraint]}
                {t.consumer ? ` — ${t.consumer}` : ''}
              </td>
              <td className="num">{t.exactShards.toFixed(2)}</td>
              <td className="num">{t.shards}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.hotKeys.throttledFraction > 0 ? (
        <p className="callout callout-warn small">
          On an even split at {plan.hotKeys.shardCount} shards, {pct(plan.hotKeys.throttledFraction)} of the stream's records are predicted to be throttled
          (every key on an overloaded shard)
          {plan.hotKeys.unfixableFraction > 0 ? `; ${pct(plan.hotKeys.unfixableFraction)} is keys' own excess over the per-key limit, which no shard count or mode removes` : ''}.
          {plan.layout.shards !== plan.layout.baseShards
            ? ` The ${plan.layout.kind === 'targeted-splits' ? `layout with ${plan.layout.splitCalls.length} SplitShard calls` : 'even split'} at ${plan.layout.shards} shards leaves ${pct(plan.layout.evaluation.throttledFraction)}.`
            : ''}
        </p>
      ) : null}
    </section>
  );
}
