/** What every worker API module gets: the host (clock, publishing) and the live world. */
import type { SimulatorHost } from '../simulator-host';
import type { LiveWorld, WorldSnapshot } from '../runtime';

export interface WorkerContext {
  readonly host: SimulatorHost<WorldSnapshot>;
  /** The live world, or null before a scenario is loaded. */
  world(): LiveWorld | null;
}
