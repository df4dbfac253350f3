/**
 * What-if comparison: vary one or two settings of the base scenario, run the variants side by side in
 * parallel workers for a chosen stretch of virtual time, and read throttling, drops, latency, lag,
 * utilisation and cost per variant next to the analytic prediction, in a table and overlaid charts.
 */
import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ScenarioDoc } from '../../../engine/scenario/schema';
import type { PriceOverrides } from '../../../engine/capacity/price-table';
import type { VariantReader, VariantResult } from '../../../worker/api/planner/run-variant';
import { TimeSeriesChart } from '../../components/viz/TimeSeriesChart';
import { updatePlannerSettings, type PlannerSettings } from './planner-settings';
import { AXES, crossVariants, parseAxis, type AxisKind, type VariantChange, type VariantSpec } from './variants';
import { useWhatIf, workerCount } from './whatif-store';
import { ms, num, pct, usd } from './planner-format';

const DURATIONS = [60, 120, 300, 600, 1800];
const MAX_VARIANTS = 8;

type OkResult = Extract<VariantResult, { ok: true }>;

function predicted(r: OkResult, metric: string): number | null {
  return r.comparison.rows.find((x) => x.metric === metric)?.predicted ?? null;
}

export function WhatIfPanel({ base, streamName, settings, priceOverrides }: { base: ScenarioDoc; streamName: string; settings: PlannerSettings; priceOverrides: PriceOverrides }) {
  const { t } = useTranslation('planner');
  const run = useWhatIf();
  const parsed = useMemo(() => settings.axes.map((a) => parseAxis(a.kind, a.text)), [settings.axes]);
  const errors = parsed.map((p) => (p.ok ? null : t(`whatif.errors.${p.errorKey}`, { item: p.item ?? '' })));
  const labelOf = (spec: VariantSpec) => variantLabel(spec.changes, t);
  const labelById = new Map(run.variants.map((v) => [v.spec.id, labelOf(v.spec)]));
  const specs = useMemo(() => (parsed.every((p) => p.ok) ? crossVariants(parsed.map((p) => (p.ok ? p.changes : [])), MAX_VARIANTS) : []), [parsed]);
  const setAxis = (i: number, patch: Partial<{ kind: AxisKind; text: string }>) => updatePlannerSettings({ axes: settings.axes.map((a, k) => (k === i ? { ...a, ...patch } : a)) });
  const [selected, setSelected] = useState(0);
  const results = run.variants.map((v) => v.result).filter((r): r is OkResult => !!r && r.ok);
  const chosen = results[Math.min(selected, results.length - 1)];
  // Points sit at the end of equal buckets: the first point's time is the bucket length.
  const bucketMs = (results[0]?.series[0]?.tSec ?? 1) * 1000;

  return (
    <section className="panel" aria-labelledby="whatif-title">
      <div className="panel-header">
        <h2 id="whatif-title">{t('whatif.title')}</h2>
        <span className="muted small">
          {t('whatif.base', { name: base.name ?? 'scenario', stream: streamName })}
          {t('whatif.workers', { count: workerCount(Math.max(1, specs.length)) })}
        </span>
      </div>
      <div className="whatif-axes">
        {settings.axes.map((a, i) => (
          <div className="row whatif-axis" key={i}>
            <select aria-label={t('whatif.setting', { n: i + 1 })} value={a.kind} data-testid={`axis-kind-${i}`} onChange={(e) => setAxis(i, { kind: e.target.value as AxisKind, text: AXES.find((x) => x.kind === e.target.value)?.example ?? '' })}>
              {AXES.map((x) => (
                <option key={x.kind} value={x.kind}>{t(`whatif.axes.${x.kind}.label`)}</option>
              ))}
            </select>
            <input aria-label={t('whatif.values', { n: i + 1 })} data-testid={`axis-values-${i}`} value={a.text} placeholder={t(`whatif.axes.${a.kind}.hint`)} onChange={(e) => setAxis(i, { text: e.target.value })} />
            <small className={errors[i] ? 'field-error' : 'muted'}>{errors[i] ?? t(`whatif.axes.${a.kind}.hint`)}</small>
            {settings.axes.length > 1 ? (
              <button type="button" className="btn btn-ghost" aria-label={t('whatif.remove', { n: i + 1 })} onClick={() => updatePlannerSettings({ axes: settings.axes.filter((_, k) => k !== i) })}>✕</button>
            ) : null}
          </div>
        ))}
        <div className="row">
          {settings.axes.length < 2 ? (
            <button type="button" className="btn" onClick={() => updatePlannerSettings({ axes: [...settings.axes, { kind: 'retries', text: '0, 3' }] })}>{t('whatif.addSecond')}</button>
          ) : null}
          <label className="inline-field">
            {t('whatif.duration')}
            <select aria-label={t('whatif.duration')} data-testid="whatif-duration" value={settings.durationSec} onChange={(e) => updatePlannerSettings({ durationSec: Number(e.target.value) })}>
              {DURATIONS.map((d) => (
                <option key={d} value={d}>{t('whatif.minutes', { count: d / 60 })}</option>
              ))}
            </select>
          </label>
          <span className="muted small">{t('whatif.variants', { count: specs.length })}{specs.length === MAX_VARIANTS ? t('whatif.atMost', { max: MAX_VARIANTS }) : ''}</span>
          <span className="spacer" />
          {run.running ? (
            <button type="button" className="btn" onClick={run.cancel}>{t('whatif.cancel')}</button>
          ) : null}
          <button type="button" className="btn btn-primary" data-testid="run-whatif" disabled={specs.length === 0 || run.running} onClick={() => void run.start(base, streamName, specs, settings.durationSec, priceOverrides)}>
            {run.running ? t('whatif.running') : t('whatif.run')}
          </button>
        </div>
      </div>

      {run.variants.length ? (
        <>
          <div className="table-wrap">
            <table className="data whatif-table" data-testid="whatif-table" aria-label={t('whatif.table')}>
              <thead>
                <tr>
                  <th>{t('whatif.variant')}</th>
                  <th className="num">{t('whatif.shards')}</th>
                  <th className="num">{t('whatif.throttled')}</th>
                  <th className="num" title={t('whatif.predictedThrottleTitle')}>{t('whatif.predicted')}</th>
                  <th className="num">{t('whatif.dropped')}</th>
                  <th className="num" title={t('whatif.p99Title')}>{t('whatif.p99')}</th>
                  <th className="num">{t('whatif.iteratorAge')}</th>
                  <th className="num">{t('whatif.peakUtil')}</th>
                  <th className="num" title={t('whatif.predictedUtilTitle')}>{t('whatif.predicted')}</th>
                  <th className="num" title={t('whatif.readersTitle')}>{t('whatif.readers')}</th>
                  <th className="num">{t('whatif.costMonth')}</th>
                </tr>
              </thead>
              <tbody>
                {run.variants.map((v) => {
                  const r = v.result;
                  if (!r || !r.ok) {
                    return (
                      <tr key={v.spec.id} data-testid="whatif-row">
                        <td>{labelOf(v.spec)}</td>
                        <td colSpan={10}>
                          {r && !r.ok ? (
                            <span className="text-bad">{t('whatif.failed', { error: r.error })}</span>
                          ) : (
                            <div className="progress" role="progressbar" aria-label={t('whatif.progress', { label: labelOf(v.spec) })} aria-valuenow={Math.round(v.progress * 100)} aria-valuemin={0} aria-valuemax={100}>
                              <div style={{ width: `${v.progress * 100}%` }} />
                              <span>{Math.round(v.progress * 100)}%</span>
                            </div>
                          )}
                        </td>
                      </tr>
                    );
                  }
                  const pThrottle = predicted(r, 'write-throttled');
                  const pUtil = predicted(r, 'peak-shard-utilization');
                  const k = results.indexOf(r);
                  return (
                    <tr key={v.spec.id} data-testid="whatif-row" className={k === selected ? 'selected-row' : undefined} onClick={() => setSelected(k)}>
                      <td>{labelOf(v.spec)}{r.mode === 'ON_DEMAND' ? t('whatif.onDemand') : ''}</td>
                      <td className="num">{r.shardCount}</td>
                      <td className={`num ${r.throttledPercent > 1 ? 'text-bad' : ''}`} data-testid="throttled">{r.throttledPercent.toFixed(2)}%</td>
                      <td className="num muted">{pThrottle === null ? '—' : `${pThrottle.toFixed(2)}%`}</td>
                      <td className="num">{num(r.droppedRecords)}</td>
                      <td className="num">{ms(r.p99PutLatencyMs)}</td>
                      <td className="num">{ms(r.maxIteratorAgeMs)}</td>
                      <td className="num">{pct(r.peakShardUtilisation, 0)}</td>
                      <td className="num muted">{pUtil === null ? '—' : pct(pUtil, 0)}</td>
                      <td className={`num ${readThrottled(r.readers) > 0 ? 'text-bad' : ''}`} data-testid="readers">{readersCell(r.readers)}</td>
                      <td className="num">{usd(r.costMonthlyUsd)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="muted small">
            {run.running
              ? t('whatif.runningOn', { workers: t('whatif.workers', { count: run.workers }) })
              : t('whatif.ran', { variants: t('whatif.variants', { count: run.variants.length }), minutes: run.durationSec / 60, seconds: (run.wallMs / 1000).toFixed(1), workers: t('whatif.workers', { count: run.workers }) })}{' '}
            {t('whatif.repeatable')}
          </p>
        </>
      ) : (
        <p className="empty-state">{t('whatif.empty')}</p>
      )}

      {results.length ? (
        <div className="grid-2 whatif-charts">
          <div>
            <h3>{t('whatif.throttledChart')}</h3>
            <TimeSeriesChart t0Ms={bucketMs} stepMs={bucketMs} series={results.map((r) => ({ name: labelById.get(r.id) ?? r.label, values: r.series.map((p) => p.throttledPerSec) }))} formatValue={(v) => num(v)} ariaLabel={t('whatif.throttledChartLabel')} />
          </div>
          <div>
            <h3>{t('whatif.ageChart')}</h3>
            <TimeSeriesChart t0Ms={bucketMs} stepMs={bucketMs} series={results.map((r) => ({ name: labelById.get(r.id) ?? r.label, values: r.series.map((p) => p.iteratorAgeMs / 1000) }))} formatValue={(v) => `${num(v, 1)} s`} ariaLabel={t('whatif.ageChartLabel')} />
          </div>
        </div>
      ) : null}

      {chosen ? (
        <div className="comparison">
          <h3>{t('whatif.comparison', { label: labelById.get(chosen.id) ?? chosen.label })}</h3>
          <p data-testid="comparison-summary">{chosen.comparison.summary}</p>
          <p className="muted small" data-testid="simulation-mode">{t('whatif.simulatedIn', { reason: chosen.simulation.reason })}</p>
          <table className="data" aria-label={t('whatif.comparisonTable')}>
            <thead>
              <tr>
                <th>{t('whatif.metric')}</th>
                <th className="num">{t('whatif.estimate')}</th>
                <th className="num">{t('whatif.simulated')}</th>
                <th>{t('whatif.verdict')}</th>
                <th>{t('whatif.why')}</th>
              </tr>
            </thead>
            <tbody>
              {chosen.comparison.rows.map((row) => (
                <tr key={`${row.metric}:${row.reader ?? ''}`}>
                  <td>{row.metric.replace(/-/g, ' ')}{row.reader ? ` — ${row.reader}` : ''}</td>
                  <td className="num">{row.predicted === null ? '—' : fmt(row.predicted, row.unit)}</td>
                  <td className="num">{fmt(row.simulated, row.unit)}</td>
                  <td>
                    <span className={`badge ${row.verdict === 'agree' ? 'badge-ok' : 'badge-warn'}`}>{row.verdict}{row.cause ? `: ${row.cause}` : ''}</span>
                  </td>
                  <td className="wrap">{row.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ReadersTable result={chosen} label={labelById.get(chosen.id) ?? chosen.label} />
        </div>
      ) : null}
    </section>
  );
}

function fmt(v: number, unit: string): string {
  if (unit === '%') return `${v.toFixed(2)}%`;
  if (unit === 'ms') return ms(v);
  if (unit === 'fraction of limit') return pct(v, 0);
  return num(v);
}

function readThrottled(readers: readonly VariantReader[]): number {
  return readers.reduce((sum, x) => sum + x.readThrottled, 0);
}

/** Readers and the read calls the shards refused them, in one cell: "2 · 0 throttled". */
function readersCell(readers: readonly VariantReader[]): string {
  return readers.length ? `${readers.length} · ${num(readThrottled(readers))}` : '—';
}

/** Every reader of the stream in the chosen variant: consumers, Firehose sources, Analytics applications. */
function ReadersTable({ result, label }: { result: OkResult; label: string }) {
  const { t } = useTranslation('planner');
  if (result.readers.length === 0) return <p className="muted small">{t('whatif.noReaders')}</p>;
  return (
    <table className="data whatif-readers" aria-label={t('whatif.readersTable', { label })} data-testid="whatif-readers">
      <thead>
        <tr>
          <th>{t('whatif.reader')}</th>
          <th>{t('whatif.kind')}</th>
          <th className="num">{t('whatif.recordsRead')}</th>
          <th className="num">{t('whatif.readCalls')}</th>
          <th className="num">{t('whatif.readThrottled')}</th>
        </tr>
      </thead>
      <tbody>
        {result.readers.map((x) => (
          <tr key={`${x.kind}:${x.name}`}>
            <td>
              {x.name}
              {x.standsFor ? <span className="muted small"> — {t('whatif.standsFor', { name: x.standsFor })}</span> : null}
            </td>
            <td>{t(`whatif.kinds.${x.kind}`)}</td>
            <td className="num">{num(x.recordsRead)}</td>
            <td className="num">{x.readCalls === undefined ? '—' : num(x.readCalls)}</td>
            <td className={`num ${x.readThrottled > 0 ? 'text-bad' : ''}`}>{num(x.readThrottled)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A variant's label in the page's language (the spec's own label stays English: it names the variant's scenario). */
function variantLabel(changes: readonly VariantChange[], t: TFunction<'planner'>): string {
  if (changes.length === 0) return t('whatif.labels.base');
  return changes
    .map((c) => {
      switch (c.kind) {
        case 'shards':
          return t('whatif.labels.shards', { count: c.shards });
        case 'mode':
          return c.mode === 'PROVISIONED' ? t('whatif.labels.provisioned') : t('whatif.labels.onDemand');
        case 'keys':
          return t('whatif.labels.keys', { preset: c.preset });
        case 'batching':
          return c.api === 'PutRecord' ? t('whatif.labels.putRecord') : c.maxRecords ? t('whatif.labels.putRecordsN', { n: c.maxRecords }) : t('whatif.labels.putRecords');
        case 'retries':
          return t('whatif.labels.retries', { count: c.maxRetries });
        case 'consumer-count':
          return t('whatif.labels.consumers', { count: c.count });
        case 'consumer-type':
          return t('whatif.labels.consumerType', { type: c.type });
      }
    })
    .join(', ');
}
