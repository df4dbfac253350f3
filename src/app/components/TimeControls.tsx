import { useSim } from '../stores/sim-store';
import { sendClock } from '../sim-client';
import { SPEEDS, type Speed } from '../../worker/protocol';
import { formatClock, formatElapsed, formatSpeed } from '../format';
import { useTranslation } from 'react-i18next';

/** Play/pause, step, speed and reset, with the virtual clock. Always in the header. */
export function TimeControls() {
  const clock = useSim((s) => s.frame?.clock);
  const running = clock?.running ?? false;
  const { t } = useTranslation();
  const speedLabel = (s: Speed) => (s === 'max' ? t('time.max') : `×${s}`);
  return (
    <div className="time-controls" role="group" aria-label={t('time.group')}>
      <div className="clock" aria-live="off">
        <span className="clock-now" data-testid="virtual-clock" title={t('time.virtualTime')}>
          {clock ? formatClock(clock.nowMs) : '—'}
        </span>
        <span className="clock-elapsed" data-testid="elapsed" title={t('time.elapsed')}>
          T+{clock ? formatElapsed(clock.nowMs - clock.startMs) : '0:00:00'}
        </span>
      </div>
      <button
        type="button"
        className="btn btn-primary"
        data-testid="play-pause"
        aria-pressed={running}
        onClick={() => void sendClock({ kind: running ? 'pause' : 'play' })}
      >
        {running ? t('time.pause') : t('time.play')}
      </button>
      <button type="button" className="btn" onClick={() => void sendClock({ kind: 'step', ms: 1000 })} disabled={running} title={t('time.stepTitle')}>
        {t('time.step')}
      </button>
      <label className="speed">
        <span className="visually-hidden">{t('time.speed')}</span>
        <select
          value={String(clock?.speed ?? 1)}
          aria-label={t('time.speedLabel')}
          data-testid="speed"
          onChange={(e) => {
            const v = e.target.value;
            void sendClock({ kind: 'speed', speed: v === 'max' ? 'max' : (Number(v) as Speed) });
          }}
        >
          {SPEEDS.map((s) => (
            <option key={String(s)} value={String(s)}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <span className="achieved" title={t('time.achievedTitle')} data-testid="achieved-speed">
        {running && clock ? formatSpeed(clock.achievedSpeed) : t('time.paused')}
      </span>
      <button type="button" className="btn" onClick={() => void sendClock({ kind: 'reset' })} title={t('time.resetTitle')}>
        {t('time.reset')}
      </button>
    </div>
  );
}
