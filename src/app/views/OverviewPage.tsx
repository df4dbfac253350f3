import { useSim } from '../stores/sim-store';
import { PageHeader } from '../components/Shell';
import { formatCount, formatElapsed, formatSpeed } from '../format';

export function OverviewPage() {
  const scenario = useSim((s) => s.frame?.scenario);
  const clock = useSim((s) => s.frame?.clock);
  const engine = useSim((s) => s.frame?.engine);
  const loadError = useSim((s) => s.loadError);
  return (
    <>
      <PageHeader title="Overview" subtitle={scenario ? `Scenario “${scenario.name}”, seed ${scenario.seed}` : 'Starting the simulation…'} />
      {loadError ? <div className="callout callout-error" role="alert">{loadError}</div> : null}
      <section className="cards" aria-label="Simulation status">
        <div className="card stat">
          <div className="stat-label">Simulated time</div>
          <div className="stat-value" data-testid="overview-elapsed">{clock ? formatElapsed(clock.nowMs - clock.startMs) : '—'}</div>
        </div>
        <div className="card stat">
          <div className="stat-label">Speed achieved</div>
          <div className="stat-value">{clock?.running ? formatSpeed(clock.achievedSpeed) : 'paused'}</div>
        </div>
        <div className="card stat">
          <div className="stat-label">Engine events</div>
          <div className="stat-value" data-testid="overview-events">{engine ? formatCount(engine.eventsRun) : '—'}</div>
        </div>
        <div className="card stat">
          <div className="stat-label">Events per second (wall)</div>
          <div className="stat-value">{engine ? formatCount(engine.eventsPerWallSec) : '—'}</div>
        </div>
      </section>
    </>
  );
}
