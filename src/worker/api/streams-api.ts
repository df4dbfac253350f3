/** Worker operations for the Streams page(s). */
import type { WorkerContext } from './context';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface StreamsApi {}

export function streamsApi(_ctx: WorkerContext): StreamsApi {
  return {};
}
