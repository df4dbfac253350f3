/**
 * The worker's live world: the engine's World for a scenario document (every part, through the one
 * loader), plus what only the console needs — the transform sandbox as the world's TransformHost and
 * the document revision in each snapshot. The worker hosts exactly one at a time.
 */
import type { ScenarioRuntime as EngineScenario } from '../engine/scenario/load';
import type { ScenarioDoc } from '../engine/scenario/schema';
import { World, type WorldPartsSnapshot } from '../engine/world/world';
import type { TransformHost } from '../engine/world/part';
import type { RuntimeFactory, ScenarioRuntime } from './simulator-host';
import { bridgedInvoker, hasMainThreadTransform } from './api/firehose/transform-bridge';

export type WorldSnapshot = WorldPartsSnapshot & {
  /** Bumped whenever a console edit was written back into the scenario document. */
  readonly docRevision: number;
};

export interface LiveWorld extends ScenarioRuntime<WorldSnapshot> {
  readonly world: World;
  /** The Data Streams part: streams, producers, consumers, metrics. */
  readonly scenario: EngineScenario;
  /** The document this world was built from, with the console's edits written back. */
  readonly doc: ScenarioDoc;
}

/** User transformation code runs in the page's sandbox, reached through the bridge. */
const sandboxTransforms: TransformHost = { invoker: bridgedInvoker, attached: hasMainThreadTransform };

export const createRuntime: RuntimeFactory<WorldSnapshot> = (input) => {
  const built = World.tryBuild(input ?? {}, { host: { transforms: sandboxTransforms } });
  if (!built.ok) return { ok: false, message: built.message };
  const world = built.world;
  const runtime: LiveWorld = {
    name: world.name,
    seed: String(world.sim.seed),
    sim: world.sim,
    world,
    scenario: world.parts.streams.run,
    get doc() {
      return world.doc;
    },
    snapshot: () => ({ ...world.snapshot(), docRevision: world.revision }),
  };
  return { ok: true, runtime };
};
