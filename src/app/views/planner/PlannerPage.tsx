/**
 * The Planner page: the analytic estimate and cost for a workload derived from the current scenario
 * (editable), the recommendation with one-click apply, what-if variants simulated side by side, and
 * infrastructure export. The page composes; computing happens in workers (planner-api, whatif.worker).
 */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/Shell';
import { useScenario } from '../../scenarios/scenario-store';
import { CostPanel } from './CostPanel';
import { ExportPanel } from './ExportPanel';
import { RecommendationPanel } from './RecommendationPanel';
import { SizingPanel } from './SizingPanel';
import { WhatIfPanel } from './WhatIfPanel';
import { WorkloadForm } from './WorkloadForm';
import { updatePlannerSettings, usePlannerSettings } from './planner-settings';
import { usePlan } from './use-plan';
import './planner.css';

export default function PlannerPage(_props: { params: readonly string[] }) {
  const doc = useScenario((s) => s.doc);
  const settings = usePlannerSettings();
  const { response, streamName, pending } = usePlan();
  const { t } = useTranslation('planner');
  if (!doc) return <div className="loading">{t('page.loading')}</div>;
  return (
    <div className="planner-page">
      <PageHeader
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        actions={
          doc.streams.length > 1 ? (
            <label className="inline-field">
              {t('page.stream')}
              <select aria-label={t('page.streamToPlan')} value={streamName} onChange={(e) => updatePlannerSettings({ streamName: e.target.value, edits: {} })}>
                {doc.streams.map((s) => (
                  <option key={s.name} value={s.name}>{s.name}</option>
                ))}
              </select>
            </label>
          ) : (
            <span className="muted nowrap">{t('page.streamNamed', { name: streamName ?? '' })}</span>
          )
        }
      />
      {response && !response.ok ? (
        <div className="callout callout-error" role="alert">
          {t('page.cannotPlan')}
          <ul>
            {response.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          <button type="button" className="btn" onClick={() => updatePlannerSettings({ edits: {} })}>{t('page.resetToScenario')}</button>
        </div>
      ) : null}
      {!response ? <div className="loading">{t('page.planning')}</div> : null}
      {response?.ok && streamName ? (
        <div className={pending ? 'planner-stale' : undefined}>
          <div className="planner-top">
            <WorkloadForm workload={response.workload} derived={response.derived} settings={settings} notes={response.notes} />
            <div className="planner-right">
              <RecommendationPanel plan={response.plan} streamName={streamName} />
              <SizingPanel plan={response.plan} />
            </div>
          </div>
          <CostPanel plan={response.plan} prices={response.prices} settings={settings} />
          <WhatIfPanel base={doc} streamName={streamName} settings={settings} priceOverrides={settings.priceOverrides} />
          <ExportPanel scenario={response.scenarioExport} recommended={response.recommendedExport} />
        </div>
      ) : null}
    </div>
  );
}
