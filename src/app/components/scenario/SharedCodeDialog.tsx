/**
 * A shared link whose scenario carries user code (transform functions…) is never run silently: the
 * code is shown, and the user chooses to load it or keep the current scenario.
 */
import { useTranslation } from 'react-i18next';
import { useScenario } from '../../scenarios/scenario-store';

export function SharedCodeDialog() {
  const { t } = useTranslation();
  const pending = useScenario((s) => s.pendingShared);
  const confirm = useScenario((s) => s.confirmShared);
  const reject = useScenario((s) => s.rejectShared);
  if (!pending) return null;
  return (
    <div className="modal-backdrop">
      <div className="modal" role="alertdialog" aria-modal="true" aria-labelledby="shared-code-title">
        <h2 id="shared-code-title">{t('sharedCode.title')}</h2>
        <p>{t('sharedCode.text', { name: pending.doc.name ?? t('sharedCode.unnamed'), count: pending.code.length })}</p>
        {pending.code.map((c) => (
          <div key={c.path}>
            <code>{c.path}</code>
            <pre data-testid="shared-code" tabIndex={0} aria-label={t('sharedCode.codeAria')}>{c.code}</pre>
          </div>
        ))}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={reject}>
            {t('sharedCode.reject')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void confirm()}>
            {t('sharedCode.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
