/** What every worker API module gets: the host (clock, publishing) and the live world. */
import type { SimulatorHost } from '../simulator-host';
import type { LiveWorld, WorldSnapshot } from '../runtime';
import type { WatchRequest } from './streams/console-types';

export interface WorkerContext {
  readonly host: SimulatorHost<WorldSnapshot>;
  /** The live world, or null before a scenario is loaded. */
  world(): LiveWorld | null;
  /** What the open page watches: each frame carries exactly that (kept across scenario loads). */
  watch: WatchRequest;
}
