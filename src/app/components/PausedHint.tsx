/**
 * A page opened by its link shows the world paused at T+0 (every run starts from its seed at the
 * same moment). Without a word that looks broken, so say why and offer the button that starts it.
 * Shown only while the clock is paused at its start, until dismissed for this visit.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSim } from '../stores/sim-store';
import { sendClock } from '../sim-client';

export function PausedHint() {
  const { t } = useTranslation();
  const atStartPaused = useSim((s) => (s.frame ? !s.frame.clock.running && s.frame.clock.nowMs === s.frame.clock.startMs : false));
  const [dismissed, setDismissed] = useState(false);
  if (!atStartPaused || dismissed) return null;
  return (
    <div className="callout paused-hint" role="status" data-testid="paused-hint">
      <span>{t('time.pausedHint')}</span>
      <span className="paused-hint-actions">
        <button type="button" className="btn btn-primary" data-testid="paused-hint-play" onClick={() => void sendClock({ kind: 'play' })}>{t('time.pausedHintPlay')}</button>
        <button type="button" className="btn btn-ghost" onClick={() => setDismissed(true)}>{t('time.dismiss')}</button>
      </span>
    </div>
  );
}
