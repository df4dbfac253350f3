/**
 * The connect form: endpoint (Region or URL), SigV4 signing Region for URLs, access key, secret and
 * optional session token. Keys stay in this component's state and the live worker's memory; only
 * "Remember on this device" writes them anywhere (saved-connection.ts), and the form says where.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveEndpoint } from '../../live/endpoint';
import { connect } from './live-actions';
import { useLive } from './live-store';
import { forgetSavedConnection, loadSavedConnection } from './saved-connection';

export function ConnectForm() {
  const { t } = useTranslation('live');
  const saved = loadSavedConnection();
  const [target, setTarget] = useState(saved?.target ?? '');
  const [signingRegion, setSigningRegion] = useState(saved?.signingRegion ?? 'us-east-1');
  const [accessKeyId, setAccessKeyId] = useState(saved?.credentials.accessKeyId ?? '');
  const [secretAccessKey, setSecret] = useState(saved?.credentials.secretAccessKey ?? '');
  const [sessionToken, setSessionToken] = useState(saved?.credentials.sessionToken ?? '');
  const [remember, setRemember] = useState(saved !== undefined);
  const [hasSaved, setHasSaved] = useState(saved !== undefined);
  const [touched, setTouched] = useState(false);
  const status = useLive((s) => s.status);
  const parsed = resolveEndpoint(target, signingRegion);
  const isUrl = parsed.ok && !/^[a-z]{2}-/.test(target.trim());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!parsed.ok || !accessKeyId.trim() || !secretAccessKey.trim()) return;
    void connect({
      target: target.trim(),
      signingRegion: signingRegion.trim(),
      credentials: { accessKeyId: accessKeyId.trim(), secretAccessKey: secretAccessKey.trim(), ...(sessionToken.trim() ? { sessionToken: sessionToken.trim() } : {}) },
      remember,
    }).then(() => setHasSaved(loadSavedConnection() !== undefined));
  };

  return (
    <section className="panel live-connect" aria-labelledby="live-connect-title">
      <h2 id="live-connect-title">{t('connect.title')}</h2>
      <form onSubmit={submit} className="live-connect-form">
        <label className="field">
          <span>{t('connect.target')}</span>
          <input name="target" data-testid="live-target" value={target} onChange={(e) => setTarget(e.target.value)} placeholder="us-east-1" autoComplete="url" />
          <small className={touched && !parsed.ok ? 'field-error' : 'muted'}>{touched && !parsed.ok ? t(`problems.${parsed.problem}`) : parsed.ok && target.trim() ? parsed.endpoint.url : t('connect.targetHint')}</small>
        </label>
        {isUrl ? (
          <label className="field">
            <span>{t('connect.signingRegion')}</span>
            <input name="signing-region" value={signingRegion} onChange={(e) => setSigningRegion(e.target.value)} />
          </label>
        ) : null}
        <label className="field">
          <span>{t('connect.accessKey')}</span>
          <input name="access-key" data-testid="live-access-key" value={accessKeyId} onChange={(e) => setAccessKeyId(e.target.value)} autoComplete="username" spellCheck={false} />
        </label>
        <label className="field">
          <span>{t('connect.secret')}</span>
          <input name="secret" type="password" data-testid="live-secret" value={secretAccessKey} onChange={(e) => setSecret(e.target.value)} autoComplete="current-password" />
        </label>
        <label className="field">
          <span>{t('connect.sessionToken')}</span>
          <input name="session-token" type="password" value={sessionToken} onChange={(e) => setSessionToken(e.target.value)} autoComplete="off" />
        </label>
        <label className="live-remember">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} data-testid="live-remember" />
          <span><strong>{t('connect.remember')}</strong> — {t('connect.rememberNote')}</span>
        </label>
        <p className="muted small">{t('connect.advice')}</p>
        <div className="row">
          <button type="submit" className="btn btn-primary" data-testid="live-connect" disabled={status === 'connecting'}>{status === 'connecting' ? t('connect.connecting') : t('connect.submit')}</button>
          {hasSaved ? (
            <>
              <span className="muted small">{t('connect.saved', { target: saved?.target ?? target })}</span>
              <button type="button" className="btn" onClick={() => { forgetSavedConnection(); setHasSaved(false); setRemember(false); }}>{t('connect.forget')}</button>
            </>
          ) : null}
        </div>
      </form>
    </section>
  );
}
