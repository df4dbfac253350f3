/** An error from the live endpoint: the AWS error name, its message, and what to do about it. */
import { useTranslation } from 'react-i18next';
import type { LiveError } from '../../worker/live/live-types';

export function LiveErrorCallout({ error, onDismiss }: { error: LiveError; onDismiss?: () => void }) {
  const { t } = useTranslation('live');
  return (
    <div className="callout callout-error" role="alert" data-testid="live-error">
      <strong>{error.name}</strong>
      {error.httpStatus ? <span className="muted"> (HTTP {error.httpStatus})</span> : null}
      <div className="small">{error.message}</div>
      <p className="live-advice">{t(`error.advice.${error.advice}`)}</p>
      {onDismiss ? <button type="button" className="btn btn-small" onClick={onDismiss}>{t('error.dismiss')}</button> : null}
    </div>
  );
}
