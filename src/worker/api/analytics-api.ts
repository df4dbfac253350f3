/** Worker operations for the Analytics page(s). */
import type { WorkerContext } from './context';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AnalyticsApi {}

export function analyticsApi(_ctx: WorkerContext): AnalyticsApi {
  return {};
}
