/** The latest scenario notice (loaded, saved, or why a file or link was refused) in a corner toast. */
import { useTranslation } from 'react-i18next';
import { useScenario } from '../../scenarios/scenario-store';
import { downloadText } from './download';

export function ScenarioNoticeToast() {
  const { t } = useTranslation();
  const notice = useScenario((s) => s.notice);
  const dismiss = useScenario((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className={`callout scenario-toast ${notice.kind === 'error' ? 'callout-error' : 'callout-ok'}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="scenario-notice">
      <div className="row" style={{ justifyContent: 'space-between', flexWrap: 'nowrap', alignItems: 'flex-start' }}>
        <span>{notice.text}</span>
        <button type="button" className="btn btn-ghost" aria-label={t('scenarioNotice.dismiss')} onClick={dismiss}>
          ×
        </button>
      </div>
      {notice.details?.length ? (
        <ul>
          {notice.details.slice(0, 12).map((d) => (
            <li key={d}>{d}</li>
          ))}
          {notice.details.length > 12 ? <li>{t('scenarioNotice.more', { count: notice.details.length - 12 })}</li> : null}
        </ul>
      ) : null}
      {notice.rescue ? (
        <button type="button" className="btn" data-testid="notice-rescue" onClick={() => downloadText(notice.rescue!.fileName, notice.rescue!.text, 'application/json')}>
          {t('scenarioNotice.rescue')}
        </button>
      ) : null}
    </div>
  );
}
