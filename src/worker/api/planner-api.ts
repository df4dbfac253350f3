/** Worker operations for the Planner page(s). */
import type { WorkerContext } from './context';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PlannerApi {}

export function plannerApi(_ctx: WorkerContext): PlannerApi {
  return {};
}
