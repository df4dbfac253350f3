import { useSim } from '../stores/sim-store';
import { sendClock } from '../sim-client';
import { SPEEDS, type Speed } from '../../worker/protocol';
import { formatClock, formatElapsed, formatSpeed } from '../format';

const speedLabel = (s: Speed) => (s === 'max' ? 'Max' : `×${s}`);

/** Play/pause, step, speed and reset, with the virtual clock. Always in the header. */
export function TimeControls() {
  const clock = useSim((s) => s.frame?.clock);
  const running = clock?.running ?? false;
  return (
    <div className="time-controls" role="group" aria-label="Simulation time">
      <div className="clock" aria-live="off">
        <span className="clock-now" data-testid="virtual-clock" title="Virtual time (UTC)">
          {clock ? formatClock(clock.nowMs) : '—'}
        </span>
        <span className="clock-elapsed" data-testid="elapsed" title="Virtual time since the scenario started">
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
        {running ? 'Pause' : 'Play'}
      </button>
      <button type="button" className="btn" onClick={() => void sendClock({ kind: 'step', ms: 1000 })} disabled={running} title="Advance one virtual second">
        Step 1s
      </button>
      <label className="speed">
        <span className="visually-hidden">Speed</span>
        <select
          value={String(clock?.speed ?? 1)}
          aria-label="Simulation speed"
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
      <span className="achieved" title="Virtual seconds simulated per real second" data-testid="achieved-speed">
        {running && clock ? formatSpeed(clock.achievedSpeed) : 'paused'}
      </span>
      <button type="button" className="btn" onClick={() => void sendClock({ kind: 'reset' })} title="Restart the scenario from its seed">
        Reset
      </button>
    </div>
  );
}
