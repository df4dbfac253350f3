/**
 * The contract of one part of the world: a service with its actors (Data Streams with producers and
 * consumers, Firehose delivery streams with Direct PUT producers, Analytics applications, …). A part
 * owns one section of the scenario document (typed in scenario/schema.ts), checks it with field
 * paths, builds its live objects on the Simulation, and gives a JSON-able report (headless runs) and
 * snapshot (frames for the console). Pure engine: imports nothing from app, worker or cli.
 */
import type { FirehoseServiceOptions } from '../firehose/firehose-service';
import type { TransformInvoker } from '../firehose/transform-invoker';
import type { KinesisServiceOptions } from '../streams/service';
import type { ScenarioDoc } from '../scenario/schema';
import type { Simulation } from '../simulation';

/**
 * What the runner offers the world that the engine cannot do itself. The engine never reaches for
 * these: a runner without them (tests, `npm run sim`) gets the documented fallback.
 */
export interface WorldHost {
  /** Runs user transformation code (browser sandbox, Node worker thread). Absent: invocations fail as InvalidFunction. */
  readonly transforms?: TransformHost;
}

export interface TransformHost {
  /** An invoker for one delivery stream's function; `spec` is read at each call, so an edited source takes effect. */
  invoker(functionId: string, spec: () => { readonly source: string; readonly timeoutMs: number }): TransformInvoker;
  /** Whether invocations can run now (the console's sandbox may be detached). */
  attached(): boolean;
}

/** Per-service options, keyed like the parts. Services with no entry take the scenario defaults. */
export interface ServiceOptions {
  readonly kinesis?: KinesisServiceOptions;
  readonly firehose?: Omit<FirehoseServiceOptions, 'kinesisSources'>;
}

/** Document sections a part may write back when the console edits it (export, reset rebuild from them). */
export type EditableSection = 'streams' | 'producers' | 'consumers' | 'firehose' | 'analytics' | 'agents' | 'queues';

export interface PartContext {
  readonly sim: Simulation;
  /** The validated document the world is built from. */
  readonly doc: ScenarioDoc;
  readonly host: WorldHost;
  /** Forces record or aggregate mode for the Data Streams actors (otherwise the document decides). */
  readonly mode?: 'record' | 'aggregate';
  /** Service options a runner sets (the API server's region, quotas, delays); parts apply their own. */
  readonly services: ServiceOptions;
  /** Writes an edited section back into the world's document and bumps its revision. */
  writeSection<K extends EditableSection>(key: K, value: ScenarioDoc[K]): void;
}

/** The live objects a part built. */
export interface PartInstance<Report, Snapshot> {
  /** Starts the part's actors; called once for every part after all parts are built, in list order. */
  start(): void;
  stop(): void;
  /** JSON-able figures over the run, for `npm run sim` and the what-ifs. */
  report(): Report;
  /** JSON-able picture of now, for the console's frames. */
  snapshot(): Snapshot;
}

export interface WorldPart<Key extends string, Instance extends PartInstance<unknown, unknown>> {
  /** Names the part in the world's reports and snapshots (and, but for Data Streams, its document section). */
  readonly key: Key;
  /**
   * Field-path problems of the part's section ("firehose[0].producer.recordsPerSec must be …"),
   * including references to other parts' sections (a source stream that is not in `streams`).
   * Called with a document whose envelope and Data Streams sections are already valid.
   */
  validate(doc: ScenarioDoc): readonly string[];
  /** Builds the part; earlier parts of the list are already built on `ctx.sim`. Throws only for bugs. */
  build(ctx: PartContext): Instance;
}
