/**
 * The analytic plan for the current scenario and planner inputs, computed in the simulation worker
 * (planner-api) shortly after the inputs settle. Returns the latest response and whether one is pending.
 */
import { useEffect, useState } from 'react';
import type { PlanResponse } from '../../../worker/api/planner/plan-scenario';
import { simulator } from '../../sim-client';
import { mainStreamOf } from '../../scenarios/doc-edits';
import { useScenario } from '../../scenarios/scenario-store';
import { usePlannerSettings } from './planner-settings';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function usePlan(): { response: PlanResponse | null; streamName: string | undefined; pending: boolean } {
  const doc = useScenario((s) => s.doc);
  const settings = usePlannerSettings();
  const streamName = doc && doc.streams.some((s) => s.name === settings.streamName) ? settings.streamName : doc ? mainStreamOf(doc) : undefined;
  const [response, setResponse] = useState<PlanResponse | null>(null);
  const [pending, setPending] = useState(false);
  const { edits, priceOverrides, region } = settings;
  useEffect(() => {
    if (!doc || !streamName) return;
    let cancelled = false;
    setPending(true);
    // Inputs change per keystroke: plan once they have been still for a moment.
    const timer = setTimeout(() => {
      void simulator()
        .planScenario({ doc, streamName, edits, priceOverrides, overridesAsOf: today(), region })
        .then((r) => {
          if (cancelled) return;
          setResponse(r);
          setPending(false);
        });
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [doc, streamName, edits, priceOverrides, region]);
  return { response, streamName, pending };
}
