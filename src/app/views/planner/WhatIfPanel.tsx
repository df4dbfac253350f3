/**
 * What-if comparison: vary one or two settings of the base scenario, run the variants side by side in
 * parallel workers for a chosen stretch of virtual time, and read throttling, drops, latency, lag,
 * utilisation and cost per variant next to the analytic prediction, in a table and overlaid charts.
 */
import { useMemo, useState } from 'react';
import type { ScenarioDoc } from '../../../engine/scenario/schema';
import type { PriceOverrides } from '../../../engine/capacity/price-table';
import type { VariantResult } from '../../../worker/whatif.worker';
import { TimeSeriesChart } from '../../components/viz/TimeSeriesChart';
import { updatePlannerSettings, type PlannerSettings } from './planner-settings';
import { AXES, crossVariants, parseAxis, type AxisKind } from './variants';
import { useWhatIf, workerCount } from './whatif-store';
import { ms, num, pct, usd } from './planner-format';

const DURATIONS = [60, 120, 300, 600, 1800];
const MAX_VARIANTS = 8;

type OkResult = Extract<VariantResult, { ok: true }>;

function predicted(r: OkResult, metric: string): number | null {
  return r.comparison.rows.find((x) => x.metric === metric)?.predicted ?? null;
}

export function WhatIfPanel({ base, streamName, settings, priceOverrides }: { base: ScenarioDoc; streamName: string; settings: PlannerSettings; priceOverrides: PriceOverrides }) {
  const run = useWhatIf();
  const parsed = useMemo(() => settings.axes.map((a) => parseAxis(a.kind, a.text)), [settings.axes]);
  const errors = parsed.map((p) => (p.ok ? null : p.error));
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
        <h2 id="whatif-title">What-if comparison</h2>
        <span className="muted small">
          base: {base.name ?? 'scenario'} · stream '{streamName}' · {workerCount(Math.max(1, specs.length))} parallel worker{workerCount(Math.max(1, specs.length)) === 1 ? '' : 's'}
        </span>
      </div>
      <div className="whatif-axes">
        {settings.axes.map((a, i) => (
          <div className="row whatif-axis" key={i}>
            <select aria-label={`Setting ${i + 1}`} value={a.kind} data-testid={`axis-kind-${i}`} onChange={(e) => setAxis(i, { kind: e.target.value as AxisKind, text: AXES.find((x) => x.kind === e.target.value)?.example ?? '' })}>
              {AXES.map((x) => (
                <option key={x.kind} value={x.kind}>{x.label}</option>
              ))}
            </select>
            <input aria-label={`Values of setting ${i + 1}`} data-testid={`axis-values-${i}`} value={a.text} placeholder={AXES.find((x) => x.kind === a.kind)?.hint} onChange={(e) => setAxis(i, { text: e.target.value })} />
            <small className={errors[i] ? 'field-error' : 'muted'}>{errors[i] ?? AXES.find((x) => x.kind === a.kind)?.hint}</small>
            {settings.axes.length > 1 ? (
              <button type="button" className="btn btn-ghost" aria-label={`Remove setting ${i + 1}`} onClick={() => updatePlannerSettings({ axes: settings.axes.filter((_, k) => k !== i) })}>✕</button>
            ) : null}
          </div>
        ))}
        <div className="row">
          {settings.axes.length < 2 ? (
            <button type="button" className="btn" onClick={() => updatePlannerSettings({ axes: [...settings.axes, { kind: 'retries', text: '0, 3' }] })}>Vary a second setting</button>
          ) : null}
          <label className="inline-field">
            Virtual time per variant
            <select aria-label="Virtual time per variant" data-testid="whatif-duration" value={settings.durationSec} onChange={(e) => updatePlannerSettings({ durationSec: Number(e.target.value) })}>
              {DURATIONS.map((d) => (
                <option key={d} value={d}>{d / 60} min</option>
              ))}
            </select>
          </label>
          <span className="muted small">{specs.length} variant{specs.length === 1 ? '' : 's'}{specs.length === MAX_VARIANTS ? ' (at most 8)' : ''}</span>
          <span className="spacer" />
          {run.running ? (
            <button type="button" className="btn" onClick={run.cancel}>Cancel</button>
          ) : null}
          <button type="button" className="btn btn-primary" data-testid="run-whatif" disabled={specs.length === 0 || run.running} onClick={() => void run.start(base, streamName, specs, settings.durationSec, priceOverrides)}>
            {run.running ? 'Running…' : 'Run variants'}
          </button>
        </div>
      </div>

      {run.variants.length ? (
        <>
          <div className="table-wrap">
            <table className="data whatif-table" data-testid="whatif-table" aria-label="What-if results">
              <thead>
                <tr>
                  <th>Variant</th>
                  <th className="num">Shards</th>
                  <th className="num">Throttled</th>
                  <th className="num" title="Analytic prediction at this shard count">predicted</th>
                  <th className="num">Dropped</th>
                  <th className="num" title="99th percentile over seconds of the mean put-call latency">p99 put latency</th>
                  <th className="num">Max iterator age</th>
                  <th className="num">Peak shard util.</th>
                  <th className="num" title="Analytic prediction (accepted writes, capped at 100%)">predicted</th>
                  <th className="num">Cost / month</th>
                </tr>
              </thead>
              <tbody>
                {run.variants.map((v) => {
                  const r = v.result;
                  if (!r || !r.ok) {
                    return (
                      <tr key={v.spec.id} data-testid="whatif-row">
                        <td>{v.spec.label}</td>
                        <td colSpan={9}>
                          {r && !r.ok ? (
                            <span className="text-bad">failed: {r.error}</span>
                          ) : (
                            <div className="progress" role="progressbar" aria-label={`${v.spec.label} progress`} aria-valuenow={Math.round(v.progress * 100)} aria-valuemin={0} aria-valuemax={100}>
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
                      <td>{v.spec.label}{r.mode === 'ON_DEMAND' ? ' (on-demand)' : ''}</td>
                      <td className="num">{r.shardCount}</td>
                      <td className={`num ${r.throttledPercent > 1 ? 'text-bad' : ''}`} data-testid="throttled">{r.throttledPercent.toFixed(2)}%</td>
                      <td className="num muted">{pThrottle === null ? '—' : `${pThrottle.toFixed(2)}%`}</td>
                      <td className="num">{num(r.droppedRecords)}</td>
                      <td className="num">{ms(r.p99PutLatencyMs)}</td>
                      <td className="num">{ms(r.maxIteratorAgeMs)}</td>
                      <td className="num">{pct(r.peakShardUtilisation, 0)}</td>
                      <td className="num muted">{pUtil === null ? '—' : pct(pUtil, 0)}</td>
                      <td className="num">{usd(r.costMonthlyUsd)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="muted small">
            {run.running ? 'Running' : `Ran ${run.variants.length} variant${run.variants.length === 1 ? '' : 's'} × ${run.durationSec / 60} min of virtual time in ${(run.wallMs / 1000).toFixed(1)} s`} on {run.workers} worker{run.workers === 1 ? '' : 's'}. Same variants, same seed → same numbers. Click a row for its estimate-vs-simulation detail.
          </p>
        </>
      ) : (
        <p className="empty-state">Choose the settings to vary and run: each variant is simulated from the scenario’s seed, so the comparison is repeatable.</p>
      )}

      {results.length ? (
        <div className="grid-2 whatif-charts">
          <div>
            <h3>Throttled writes per second</h3>
            <TimeSeriesChart t0Ms={bucketMs} stepMs={bucketMs} series={results.map((r) => ({ name: r.label, values: r.series.map((p) => p.throttledPerSec) }))} formatValue={(v) => num(v)} ariaLabel="Throttled writes per second by variant" />
          </div>
          <div>
            <h3>Max iterator age</h3>
            <TimeSeriesChart t0Ms={bucketMs} stepMs={bucketMs} series={results.map((r) => ({ name: r.label, values: r.series.map((p) => p.iteratorAgeMs / 1000) }))} formatValue={(v) => `${num(v, 1)} s`} ariaLabel="Max iterator age by variant" />
          </div>
        </div>
      ) : null}

      {chosen ? (
        <div className="comparison">
          <h3>Estimate vs simulation — {chosen.label}</h3>
          <p data-testid="comparison-summary">{chosen.comparison.summary}</p>
          <p className="muted small" data-testid="simulation-mode">Simulated in {chosen.simulation.reason}.</p>
          <table className="data" aria-label="Estimate versus simulation">
            <thead>
              <tr>
                <th>Metric</th>
                <th className="num">Estimate</th>
                <th className="num">Simulated</th>
                <th>Verdict</th>
                <th>Why</th>
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
