/**
 * The recommendation in plain words (from the capacity module), the findings behind it, and one click
 * to apply its shard count / capacity mode to the scenario, which reloads it in the simulation worker.
 */
import type { CapacityPlan } from '../../../engine/capacity/plan';
import { withCapacityMode, withShardCount } from '../../scenarios/doc-edits';
import { useScenario } from '../../scenarios/scenario-store';
import { usd } from './planner-format';

export function RecommendationPanel({ plan, streamName }: { plan: CapacityPlan; streamName: string }) {
  const r = plan.recommendation;
  const doc = useScenario((s) => s.doc);
  const stream = doc?.streams.find((s) => s.name === streamName);
  const target = r.settings;
  const splits = target.splitCalls ?? [];
  const firehoseOnly = r.target === 'firehose-direct-put';
  const alreadyApplied = stream && (target.streamMode === 'ON_DEMAND' ? stream.mode === 'ON_DEMAND' : (stream.mode ?? 'PROVISIONED') === 'PROVISIONED' && stream.shards === target.shardCount);
  const applyLabel = target.streamMode === 'PROVISIONED' ? `Apply: ${target.shardCount} shards, provisioned${splits.length ? ' (even split)' : ''}` : 'Apply: on-demand mode';
  const apply = () =>
    void useScenario
      .getState()
      .edit((d) => (target.streamMode === 'PROVISIONED' ? withShardCount(d, streamName, target.shardCount ?? 1) : withCapacityMode(d, streamName, 'ON_DEMAND')), `Applied the recommendation to '${streamName}': ${target.streamMode === 'PROVISIONED' ? `${target.shardCount} shards, provisioned` : 'on-demand'}. The scenario restarted with it.`);
  return (
    <section className="panel recommendation" aria-labelledby="rec-title">
      <div className="panel-header">
        <h2 id="rec-title">Recommendation</h2>
        <button type="button" className="btn btn-primary" data-testid="apply-recommendation" disabled={!stream || alreadyApplied || firehoseOnly} onClick={apply}>
          {alreadyApplied ? 'Applied' : applyLabel}
        </button>
      </div>
      <p className="rec-headline" data-testid="recommendation">{r.headline}.</p>
      {splits.length ? (
        <div className="split-calls" data-testid="split-calls">
          <p className="small">
            Create {target.baseShards} shards, then run these SplitShard calls in order (children get the next shard ids):
          </p>
          <ol className="small">
            {splits.map((c) => (
              <li key={c.newStartingHashKey}>
                <code>
                  aws kinesis split-shard --stream-name {streamName} --shard-to-split {c.shardToSplit} --new-starting-hash-key {c.newStartingHashKey}
                </code>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {r.streamThrottledFraction > 0 ? (
        <p className="small" data-testid="stream-throttled">
          Still refused at peak: {(r.streamThrottledFraction * 100).toFixed(1)}% of the stream's records (every key on an overloaded shard), of which {(r.unfixableThrottling * 100).toFixed(1)}% is keys' own excess over the per-key limit.
        </p>
      ) : null}
      <p className="muted small">
        Runner-up: {r.runnerUp.mode.replace(/-/g, ' ')} at {usd(r.runnerUp.monthlyUsd)}/month ({r.runnerUp.deltaMonthlyUsd >= 0 ? '+' : ''}
        {usd(r.runnerUp.deltaMonthlyUsd)}).
        {target.warmThroughputMiBps !== undefined ? ` Warm throughput: ${target.warmThroughputMiBps} MiB/s.` : ''}
      </p>
      {r.flags.length ? (
        <div className="row rec-flags">
          {r.flags.map((f) => (
            <span key={f} className="badge badge-muted">{f}</span>
          ))}
        </div>
      ) : null}
      {plan.findings.length ? (
        <ul className="findings">
          {plan.findings.map((f, i) => (
            <li key={`${f.code}-${i}`}>
              <span className={`badge ${f.severity === 'critical' ? 'badge-bad' : f.severity === 'warning' ? 'badge-warn' : 'badge-muted'}`}>{f.severity}</span> {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
