/**
 * Monthly cost itemised for provisioned, on-demand Standard and on-demand Advantage side by side,
 * plus Firehose and analytics lines, with the price table's date and an editor for other regions'
 * prices (overrides are saved with the scenario).
 */
import { useState } from 'react';
import type { CapacityPlan } from '../../../engine/capacity/plan';
import type { BillingMode, CostLine } from '../../../engine/capacity/cost-line';
import { DEFAULT_PRICE_TABLE, PRICE_KEYS, type PriceKey, type PriceTable } from '../../../engine/capacity/price-table';
import { updatePlannerSettings, type PlannerSettings } from './planner-settings';
import { num, usd } from './planner-format';

const MODES: readonly { mode: BillingMode; label: string }[] = [
  { mode: 'provisioned', label: 'Provisioned' },
  { mode: 'on-demand-standard', label: 'On-demand Standard' },
  { mode: 'on-demand-advantage', label: 'On-demand Advantage' },
];

function Lines({ lines }: { lines: readonly CostLine[] }) {
  return (
    <table className="data cost-lines">
      <tbody>
        {lines.map((l) => (
          <tr key={l.id} title={`${num(l.quantity, 2)} ${l.unit} × $${l.unitPrice}${l.per !== 1 ? ` per ${num(l.per)}` : ''}${l.note ? ` — ${l.note}` : ''}`}>
            <td className="cost-label">{l.label}</td>
            <td className="num">{usd(l.monthlyUsd)}</td>
            <td className="muted small cost-date">{l.priceAsOf}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CostPanel({ plan, prices, settings }: { plan: CapacityPlan; prices: PriceTable; settings: PlannerSettings }) {
  const [editing, setEditing] = useState(false);
  const chosen = plan.recommendation.settings.mode;
  const overrides = Object.keys(settings.priceOverrides).length;
  return (
    <section className="panel" aria-labelledby="cost-title">
      <div className="panel-header">
        <h2 id="cost-title">Cost per month</h2>
        <div className="row">
          <span className="muted small" data-testid="price-date">
            {prices.region} prices as of {prices.asOf}
            {overrides ? ` · ${overrides} edited` : ''}
          </span>
          <button type="button" className="btn" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
            {editing ? 'Hide prices' : 'Edit prices'}
          </button>
        </div>
      </div>
      <div className="cost-grid">
        {MODES.map(({ mode, label }) => {
          const c = plan.costs[mode];
          return (
            <div key={mode} className={`card cost-card ${mode === chosen ? 'cost-chosen' : ''}`} data-testid={`cost-${mode}`}>
              <div className="row" style={{ justifyContent: 'space-between' }}>
                <div className="stat-label">{label}</div>
                {mode === chosen ? <span className="badge badge-ok">recommended</span> : null}
              </div>
              <div className="stat-value">{usd(c.totalMonthlyUsd)}</div>
              {plan.recommendation.priceReasons[mode] ? <p className="small cost-why">{plan.recommendation.priceReasons[mode]}</p> : null}
              <Lines lines={c.lines} />
              {c.notes.length ? <p className="muted small">{c.notes.join(' ')}</p> : null}
            </div>
          );
        })}
      </div>
      {plan.firehose || plan.analytics ? (
        <div className="cost-grid cost-extras">
          {plan.firehose ? (
            <div className="card cost-card">
              <div className="stat-label">Firehose '{plan.firehose.name}'</div>
              <div className="stat-value">{usd(plan.firehose.totalMonthlyUsd)}</div>
              <Lines lines={plan.firehose.lines} />
              {plan.firehose.notes.map((n) => (
                <p className="muted small" key={n}>{n}</p>
              ))}
            </div>
          ) : null}
          {plan.analytics ? (
            <div className="card cost-card">
              <div className="stat-label">Analytics {plan.analytics.badge ? <span className="badge badge-warn">{plan.analytics.badge}</span> : null}</div>
              <div className="stat-value">{usd(plan.analytics.totalMonthlyUsd)}</div>
              <Lines lines={plan.analytics.lines} />
              {plan.analytics.flinkEquivalent ? <p className="muted small">Managed Flink equivalent: {usd(plan.analytics.flinkEquivalent.totalMonthlyUsd)}/month</p> : null}
            </div>
          ) : null}
        </div>
      ) : null}
      {plan.assumptions.length ? (
        <div className="assumptions" data-testid="assumptions">
          <h3 className="small">Assumptions (price rules AWS leaves open)</h3>
          <ul className="small">
            {plan.assumptions.map((a) => (
              <li key={a.id}>
                {a.question} <strong>Used:</strong> {a.usedReading} ({usd(a.monthlyUsd)}/month). <strong>Other reading:</strong> {a.otherReading} (
                {a.oneTimeUsd !== undefined ? `${usd(a.oneTimeUsd)} once` : `${usd(a.otherMonthlyUsd)}/month`}).
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="muted small">Each line shows the date of its price. Hover a line for quantity × price.</p>
      {editing ? <PriceEditor prices={prices} settings={settings} /> : null}
    </section>
  );
}

function PriceEditor({ prices, settings }: { prices: PriceTable; settings: PlannerSettings }) {
  const set = (key: PriceKey, value: number | undefined) => {
    const next = { ...settings.priceOverrides };
    if (value === undefined || value === DEFAULT_PRICE_TABLE.rows[key].value) delete next[key];
    else next[key] = value;
    updatePlannerSettings({ priceOverrides: next });
  };
  return (
    <div className="price-editor">
      <div className="row">
        <label className="field">
          <span>Region label</span>
          <input value={settings.region} onChange={(e) => updatePlannerSettings({ region: e.target.value || 'us-east-1' })} />
        </label>
        <button type="button" className="btn" onClick={() => updatePlannerSettings({ priceOverrides: {}, region: 'us-east-1' })}>
          Back to us-east-1 defaults
        </button>
      </div>
      <div className="price-table-wrap">
        <table className="data" aria-label="Price table">
          <thead>
            <tr>
              <th>Key</th>
              <th className="num">Price</th>
              <th>Unit</th>
              <th>As of</th>
              <th>Source</th>
            </tr>
          </thead>
          <tbody>
            {PRICE_KEYS.map((k) => {
              const row = prices.rows[k];
              return (
                <tr key={k}>
                  <td><code>{k}</code></td>
                  <td className="num">
                    <input
                      type="number"
                      min={0}
                      step="any"
                      aria-label={`Price ${k}`}
                      className={row.overridden ? 'price-overridden' : undefined}
                      value={settings.priceOverrides[k] ?? row.value}
                      onChange={(e) => set(k, e.target.value === '' ? undefined : Math.max(0, Number(e.target.value)))}
                    />
                  </td>
                  <td>{row.unit}</td>
                  <td>{row.asOf}</td>
                  <td className="price-source">{row.source}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
