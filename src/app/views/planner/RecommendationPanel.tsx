/**
 * The recommendation in plain words (from the capacity module), the findings behind it, and one click
 * to apply it: a shard count or capacity mode is a scenario edit (the simulation reloads with it); a
 * targeted layout is the base count followed by the plan's exact SplitShard calls through the typed
 * control plane (apply-splits.ts). Keys over the limit also get the AUTO record-distribution option,
 * priced next to the provisioned answer with the ordering it costs.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapacityPlan } from '../../../engine/capacity/plan';
import { withCapacityMode, withShardCount } from '../../scenarios/doc-edits';
import { useScenario } from '../../scenarios/scenario-store';
import { useSim } from '../../stores/sim-store';
import { consoleSplitPorts, runSplitCalls } from './apply-splits';
import { pct, usd } from './planner-format';

type Progress = { readonly kind: 'splitting'; readonly done: number } | { readonly kind: 'done'; readonly count: number } | { readonly kind: 'failed'; readonly index: number; readonly error: string };

export function RecommendationPanel({ plan, streamName }: { plan: CapacityPlan; streamName: string }) {
  const { t } = useTranslation('planner');
  const r = plan.recommendation;
  const doc = useScenario((s) => s.doc);
  const [progress, setProgress] = useState<Progress | null>(null);
  const clockRunning = useSim((s) => s.frame?.clock.running ?? false);
  const stream = doc?.streams.find((s) => s.name === streamName);
  const target = r.settings;
  const splits = target.splitCalls ?? [];
  const base = target.baseShards ?? target.shardCount ?? 1;
  const firehoseOnly = r.target === 'firehose-direct-put';
  const alreadyApplied = stream && (target.streamMode === 'ON_DEMAND' ? stream.mode === 'ON_DEMAND' : (stream.mode ?? 'PROVISIONED') === 'PROVISIONED' && stream.shards === target.shardCount);
  const applyLabel = target.streamMode !== 'PROVISIONED'
    ? t('recommendation.applyOnDemand')
    : splits.length
      ? t('recommendation.applySplits', { base, splits: splits.length })
      : t('recommendation.applyProvisioned', { count: target.shardCount ?? 1 });
  const apply = async () => {
    const provisioned = target.streamMode === 'PROVISIONED';
    const count = provisioned ? (splits.length ? base : (target.shardCount ?? 1)) : 0;
    const what = provisioned ? t('recommendation.appliedProvisioned', { count }) : t('recommendation.appliedOnDemand');
    const ok = await useScenario
      .getState()
      .edit((d) => (provisioned ? withShardCount(d, streamName, count) : withCapacityMode(d, streamName, 'ON_DEMAND')), t('recommendation.appliedNotice', { stream: streamName, what }));
    if (!ok || !splits.length) return;
    setProgress({ kind: 'splitting', done: 0 });
    const outcome = await runSplitCalls(splits, base, consoleSplitPorts(streamName), (done) => setProgress({ kind: 'splitting', done }));
    setProgress(outcome.ok ? { kind: 'done', count: base + splits.length } : { kind: 'failed', index: outcome.index, error: outcome.error });
  };
  const busy = progress?.kind === 'splitting';
  const auto = plan.autoDistribution;
  return (
    <section className="panel recommendation" aria-labelledby="rec-title">
      <div className="panel-header">
        <h2 id="rec-title">{t('recommendation.title')}</h2>
        <button type="button" className="btn btn-primary" data-testid="apply-recommendation" disabled={!stream || alreadyApplied || firehoseOnly || busy} onClick={() => void apply()}>
          {alreadyApplied && !busy ? t('recommendation.applied') : applyLabel}
        </button>
      </div>
      <p className="rec-headline" data-testid="recommendation">{r.headline}.</p>
      {progress ? (
        <p className={`small ${progress.kind === 'failed' ? 'callout callout-error' : 'callout'}`} role={progress.kind === 'failed' ? 'alert' : 'status'} data-testid="split-progress">
          {progress.kind === 'splitting'
            ? `${t('recommendation.splitProgress', { done: progress.done, total: splits.length })}${clockRunning ? '' : ` ${t('recommendation.clockPaused')}`}`
            : progress.kind === 'done'
              ? t('recommendation.splitsDone', { base, total: splits.length, count: progress.count })
              : t('recommendation.splitFailed', { index: progress.index, total: splits.length, error: progress.error })}
        </p>
      ) : null}
      {splits.length ? (
        <div className="split-calls" data-testid="split-calls">
          <p className="small">{t('recommendation.splitsIntro', { base })}</p>
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
          {t('recommendation.stillThrottled', { stream: pct(r.streamThrottledFraction), unfixable: pct(r.unfixableThrottling) })}
        </p>
      ) : null}
      <p className="muted small">
        {t('recommendation.runnerUp', { mode: t(`cost.modes.${r.runnerUp.mode}`), usd: usd(r.runnerUp.monthlyUsd), delta: `${r.runnerUp.deltaMonthlyUsd >= 0 ? '+' : '−'}${usd(Math.abs(r.runnerUp.deltaMonthlyUsd))}` })}
        {target.warmThroughputMiBps !== undefined ? ` ${t('recommendation.warm', { mibps: target.warmThroughputMiBps })}` : ''}
      </p>
      {auto ? (
        <div className="auto-distribution" data-testid="auto-distribution">
          <h3 className="small">{t('recommendation.auto.title')}</h3>
          <p className="small">
            <strong>
              {t('recommendation.auto.price', { auto: usd(auto.monthlyUsd), provisioned: usd(auto.provisionedMonthlyUsd) })}
              {auto.provisionedStreamThrottledFraction > 0 ? t('recommendation.auto.provisionedThrottles', { share: pct(auto.provisionedStreamThrottledFraction) }) : ''}
            </strong>
          </p>
          <p className="small">{auto.fixes === 'key-over-limit' ? t('recommendation.auto.fixesKey') : t('recommendation.auto.fixesShard')}</p>
          <p className="small text-warn">{t('recommendation.auto.ordering')}</p>
          <p className="muted small">{t('recommendation.auto.pricing')}</p>
        </div>
      ) : null}
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
              <span className={`badge ${f.severity === 'critical' ? 'badge-bad' : f.severity === 'warning' ? 'badge-warn' : 'badge-muted'}`}>{t(`recommendation.severity.${f.severity}`)}</span> {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
