/**
 * Worker operations for the Planner page: the analytic plan of a scenario's stream (pure, run here so
 * the page stays responsive while the skew search hashes keys). What-if variants run elsewhere, in
 * their own `whatif.worker.ts` instances, so the live simulation keeps its worker to itself.
 */
import type { WorkerContext } from './context';
import { planScenario, type PlanRequest, type PlanResponse } from './planner/plan-scenario';

export type { PlanRequest, PlanResponse, WorkloadEdits, InfraTexts } from './planner/plan-scenario';

export interface PlannerApi {
  planScenario(req: PlanRequest): Promise<PlanResponse>;
}

export function plannerApi(_ctx: WorkerContext): PlannerApi {
  return {
    planScenario: async (req) => planScenario(req),
  };
}
