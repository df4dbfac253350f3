/**
 * Keeps the scenario store in step with edits made in the worker: when a frame reports a new
 * document revision, the edited document is fetched once and adopted (autosaved, exported and
 * shared as it now is) without reloading the running simulation.
 */
import { simulator } from '../sim-client';
import { useSim } from '../stores/sim-store';
import { useScenario } from './scenario-store';

let started = false;

export function startWorkerDocSync(): void {
  if (started) return;
  started = true;
  let seen = 0;
  useSim.subscribe((state) => {
    const revision = state.frame?.world?.docRevision ?? 0;
    if (revision === seen) return;
    seen = revision;
    if (revision === 0) return;
    void simulator()
      .currentDoc()
      .then((doc) => (doc ? useScenario.getState().adoptFromWorker(doc) : undefined));
  });
}
