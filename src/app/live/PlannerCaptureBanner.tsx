/** On the Planner page: says that the workload's figures come from a live capture, with a way back. */
import { useTranslation } from 'react-i18next';
import { updatePlannerSettings } from '../views/planner/planner-settings';
import { useLive } from './live-store';

export function PlannerCaptureBanner() {
  const { t, ready } = useTranslation('live', { useSuspense: false });
  const captured = useLive((s) => s.captured);
  if (!captured || !ready) return null;
  return (
    <div className="callout callout-ok" data-testid="planner-capture-banner">
      {t('planner.banner', { stream: captured.stream, endpoint: captured.endpoint, seconds: captured.seconds })}{' '}
      <button type="button" className="btn btn-small" onClick={() => { useLive.getState().set({ captured: undefined }); updatePlannerSettings({ edits: {} }); }}>{t('planner.clear')}</button>
    </div>
  );
}
