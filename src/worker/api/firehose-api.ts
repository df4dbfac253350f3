/** Worker operations for the Firehose page(s). */
import type { WorkerContext } from './context';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FirehoseApi {}

export function firehoseApi(_ctx: WorkerContext): FirehoseApi {
  return {};
}
