/**
 * Hands a captured workload to the Planner: its rates, record sizes, keys and retention become the
 * Planner's workload edits (the Planner plans the scenario's stream with those edits, and prices and
 * exports the result as it does any workload), and the capture is kept in the live store so the
 * Planner can say where the figures came from. Consumers are cleared: a capture cannot see them.
 */
import { updatePlannerSettings } from '../views/planner/planner-settings';
import type { WorkloadEdits } from '../../worker/api/planner/plan-scenario';
import { useLive, type CapturedWorkload } from './live-store';
import { scenarioFromCapture } from '../../live/capture-scenario';
import { useScenario } from '../scenarios/scenario-store';

export function editsOfCapture(c: CapturedWorkload): WorkloadEdits {
  const w = c.workload;
  return {
    averageRecordsPerSec: w.traffic.recordsPerSecond.average,
    peakRecordsPerSec: w.traffic.recordsPerSecond.peak,
    surgeRecordsPerSec: 0,
    recordSize: w.traffic.recordSize,
    keys: w.traffic.keys,
    consumers: [],
    retentionHours: w.retentionHours,
  };
}

export function openInPlanner(c: CapturedWorkload): void {
  useLive.getState().set({ captured: c });
  updatePlannerSettings({ edits: editsOfCapture(c) });
  window.location.hash = '#/planner';
}

export function downloadWorkload(c: CapturedWorkload): void {
  const blob = new Blob([`${JSON.stringify(c.json, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${String(c.json.name ?? 'captured')}.workload.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Replaces the sandbox's scenario with one that replays the capture (capture-scenario.ts), so the
 * Planner's what-ifs simulate the live traffic; the page asks first, since the scenario is replaced.
 */
export async function simulateCapture(c: CapturedWorkload): Promise<boolean> {
  const doc = scenarioFromCapture({ streamName: c.stream, mode: c.mode, openShards: c.openShards, retentionHours: c.retentionHours, workload: c.workload, perSecond: c.perSecond });
  const ok = await useScenario.getState().load(doc, 'import');
  if (ok) {
    useLive.getState().set({ captured: undefined });
    window.location.hash = '#/planner';
  }
  return ok;
}
