/**
 * The worker's live world: the engine's World for a scenario document (every part, through the one
 * loader), plus what only the console needs — the transform sandbox as the world's TransformHost and
 * the one frame the worker publishes: a slice per part the open page watches, each keyed by its
 * `kind`, with the document revision. The worker hosts exactly one world at a time.
 */
import type { AgentsSnapshot } from '../engine/agent/world/agents-part';
import type { AnalyticsSnapshot } from '../engine/analytics/world/snapshot-types';
import type { QueuesReport } from '../engine/queues/world/queues-part';
import type { ScenarioSnapshot } from '../engine/scenario/snapshot';
import type { VideoSlice } from '../engine/video/video-world';
import type { FirehoseSlice } from '../engine/firehose/world/firehose-slice';
import type { ScenarioRuntime as EngineScenario } from '../engine/scenario/load';
import type { ScenarioDoc } from '../engine/scenario/schema';
import type { TransformHost } from '../engine/world/part';
import { World } from '../engine/world/world';
import { bridgedInvoker, hasMainThreadTransform } from './api/firehose/transform-bridge';
import type { ConsoleFrameWire, WatchRequest } from './api/streams/console-types';
import { consoleWorldOf, frameTransferables } from './api/streams/console-world';
import type { RuntimeFactory, ScenarioRuntime } from './simulator-host';

/** What one published frame carries of the world: Data Streams always, other parts when watched. */
export interface WorldSnapshot {
  /** Bumped whenever a console edit was written back into the scenario document. */
  readonly docRevision: number;
  readonly streams: ConsoleFrameWire;
  readonly firehose?: FirehoseSlice;
  readonly analytics?: AnalyticsSnapshot;
  readonly agents?: AgentsSnapshot;
  readonly videoStreams?: VideoSlice;
  /** The queues and, to compare them with, the Data Streams part's own snapshot. */
  readonly queues?: { readonly queues: QueuesReport; readonly streams: ScenarioSnapshot };
}

export interface LiveWorld extends ScenarioRuntime<WorldSnapshot> {
  readonly world: World;
  /** The Data Streams part: streams, producers, consumers, metrics. */
  readonly scenario: EngineScenario;
  /** The document this world was built from, with the console's edits written back. */
  readonly doc: ScenarioDoc;
}

/** User transformation code runs in the page's sandbox, reached through the bridge. */
const sandboxTransforms: TransformHost = { invoker: bridgedInvoker, attached: hasMainThreadTransform };

/** Builds live worlds whose frames carry what `watch()` says the open page watches. */
export function runtimeFactory(watch: () => WatchRequest): RuntimeFactory<WorldSnapshot> {
  return (input) => {
    const built = World.tryBuild(input ?? {}, { host: { transforms: sandboxTransforms } });
    if (!built.ok) return { ok: false, message: built.message, errors: built.errors };
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
      snapshot: () => {
        const w = watch();
        const console = consoleWorldOf(runtime);
        console.watch = w;
        return {
          docRevision: world.revision,
          streams: console.frame(),
          ...(w.firehose ? { firehose: world.parts.firehose.snapshot() } : {}),
          ...(w.analytics ? { analytics: world.parts.analytics.snapshot() } : {}),
          ...(w.agents ? { agents: world.parts.agents.snapshot() } : {}),
          ...(w.video ? { videoStreams: world.parts.videoStreams.snapshot() } : {}),
          ...(w.queues ? { queues: { queues: world.parts.queues.snapshot(), streams: world.parts.streams.snapshot() } } : {}),
        };
      },
      transferables: (snapshot) => frameTransferables(snapshot.streams),
    };
    return { ok: true, runtime };
  };
}

/** A factory for tests and tools that want every part in each frame. */
export const createRuntime: RuntimeFactory<WorldSnapshot> = runtimeFactory(() => ({ stream: null, firehose: true, analytics: true, agents: true, video: true, queues: true }));
