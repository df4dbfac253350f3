/**
 * Monthly cost itemised for provisioned, on-demand Standard and on-demand Advantage side by side,
 * plus Firehose and analytics lines, with the price table's date and an editor for other regions'
 * prices (overrides are saved with the scenario).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapacityPlan } from '../../../engine/capacity/plan';
import type { BillingMode, CostLine } from '../../../engine/capacity/cost-line';
import { DEFAULT_PRICE_TABLE, PRICE_KEYS, type PriceKey, type PriceTable } from '../../../engine/capacity/price-table';
import { updatePlannerSettings, type PlannerSettings } from './planner-settings';
import { num, usd } from './planner-format';

const MODES: readonly BillingMode[] = ['provisioned', 'on-demand-standard', 'on-demand-advantage'];

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
  const { t } = useTranslation('planner');
  const [editing, setEditing] = useState(false);
  const chosen = plan.recommendation.settings.mode;
  const overrides = Object.keys(settings.priceOverrides).length;
  return (
    <section className="panel" aria-labelledby="cost-title">
      <div className="panel-header">
        <h2 id="cost-title">{t('cost.title')}</h2>
        <div className="row">
          <span className="muted small" data-testid="price-date">
            {t('cost.pricesAsOf', { region: prices.region, date: prices.asOf })}
            {overrides ? t('cost.edited', { count: overrides }) : ''}
          </span>
          <button type="button" className="btn" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
            {editing ? t('cost.hidePrices') : t('cost.editPrices')}
          </button>
        </div>
      </div>
      <div className="cost-grid">
        {MODES.map((mode) => {
          const c = plan.costs[mode];
          return (
            <div key={mode} className={`card cost-card ${mode === chosen ? 'cost-chosen' : ''}`} data-testid={`cost-${mode}`}>
              <div className="row" style={{ justifyContent: 'space-between' }}>
                <div className="stat-label">{t(`cost.modes.${mode}`)}</div>
                {mode === chosen ? <span className="badge badge-ok">{t('cost.recommended')}</span> : null}
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
              <div className="stat-label">{t('cost.firehose', { name: plan.firehose.name })}</div>
              <div className="stat-value">{usd(plan.firehose.totalMonthlyUsd)}</div>
              <Lines lines={plan.firehose.lines} />
              {plan.firehose.notes.map((n) => (
                <p className="muted small" key={n}>{n}</p>
              ))}
            </div>
          ) : null}
          {plan.analytics ? (
            <div className="card cost-card">
              <div className="stat-label">{t('cost.analytics')} {plan.analytics.badge ? <span className="badge badge-warn">{plan.analytics.badge}</span> : null}</div>
              <div className="stat-value">{usd(plan.analytics.totalMonthlyUsd)}</div>
              <Lines lines={plan.analytics.lines} />
              {plan.analytics.flinkEquivalent ? <p className="muted small">{t('cost.flinkEquivalent', { usd: usd(plan.analytics.flinkEquivalent.totalMonthlyUsd) })}</p> : null}
            </div>
          ) : null}
        </div>
      ) : null}
      {plan.assumptions.length ? (
        <div className="assumptions" data-testid="assumptions">
          <h3 className="small">{t('cost.assumptions')}</h3>
          <ul className="small">
            {plan.assumptions.map((a) => (
              <li key={a.id}>
                {a.question} <strong>{t('cost.used')}</strong> {a.usedReading} ({t('cost.perMonth', { usd: usd(a.monthlyUsd) })}). <strong>{t('cost.other')}</strong> {a.otherReading} (
                {a.oneTimeUsd !== undefined ? t('cost.once', { usd: usd(a.oneTimeUsd) }) : t('cost.perMonth', { usd: usd(a.otherMonthlyUsd) })}).
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="muted small">{t('cost.lineHint')}</p>
      {editing ? <PriceEditor prices={prices} settings={settings} /> : null}
    </section>
  );
}

function PriceEditor({ prices, settings }: { prices: PriceTable; settings: PlannerSettings }) {
  const { t } = useTranslation('planner');
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
          <span>{t('cost.regionLabel')}</span>
          <input value={settings.region} onChange={(e) => updatePlannerSettings({ region: e.target.value || 'us-east-1' })} />
        </label>
        <button type="button" className="btn" onClick={() => updatePlannerSettings({ priceOverrides: {}, region: 'us-east-1' })}>
          {t('cost.backToDefaults')}
        </button>
      </div>
      <div className="price-table-wrap">
        <table className="data" aria-label={t('cost.priceTable')}>
          <thead>
            <tr>
              <th>{t('cost.key')}</th>
              <th className="num">{t('cost.price')}</th>
              <th>{t('cost.unit')}</th>
              <th>{t('cost.asOf')}</th>
              <th>{t('cost.source')}</th>
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
                      aria-label={t('cost.priceOf', { key: k })}
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
