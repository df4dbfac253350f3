/**
 * One world: a Simulation with every part of a scenario document built on it, through the one list
 * in parts.ts. Every runner builds its world here — the console worker, `npm run sim`, the what-if
 * workers, `npm run api` — and adds no simulation of its own.
 *
 * The world owns its copy of the document: console edits are written back into it (bumping
 * `revision`), so a reset rebuilds what the user made and an export saves it.
 */
import { ScenarioError } from '../scenario/load';
import type { ScenarioDoc } from '../scenario/schema';
import { validateScenario } from '../scenario/validate';
import { Simulation } from '../simulation';
import type { EditableSection, PartContext, ServiceOptions, WorldHost } from './part';
import { WORLD_PARTS, type PartKey, type PartReports, type PartSnapshots, type WorldInstances } from './parts';

/** The run report: Data Streams' figures at the top level, every other part under its key. */
export type WorldReport = PartReports['streams'] & Omit<PartReports, 'streams'>;
/** The world's picture for frames: Data Streams' snapshot at the top level, every other part under its key. */
export type WorldPartsSnapshot = PartSnapshots['streams'] & Omit<PartSnapshots, 'streams'>;

export type WorldValidation = { readonly ok: true; readonly doc: ScenarioDoc } | { readonly ok: false; readonly errors: readonly string[] };

export interface WorldOptions {
  /** Overrides the document's seed (`npm run sim -- --seed`). */
  readonly seed?: number | string;
  /** Virtual start time (the API server follows wall time); default the fixed DEFAULT_START_MS. */
  readonly startMs?: number;
  readonly host?: WorldHost;
  readonly mode?: 'record' | 'aggregate';
  /** Start the actors right away (default true). */
  readonly start?: boolean;
  readonly services?: ServiceOptions;
}

/** Checks a whole document — envelope, Data Streams, then every part's section — naming each bad field path. */
export function validateWorld(input: unknown): WorldValidation {
  const core = validateScenario(input);
  if (!core.ok) return core;
  const errors = WORLD_PARTS.flatMap((p) => p.validate(core.doc));
  return errors.length ? { ok: false, errors } : core;
}

export class World {
  readonly parts: WorldInstances;
  private editRevision = 0;

  private constructor(readonly sim: Simulation, readonly doc: ScenarioDoc, build: (world: World) => WorldInstances) {
    this.parts = build(this);
  }

  /**
   * Validates `input` and builds every part on a new Simulation; throws ScenarioError (all problems,
   * with field paths) when the document is not valid.
   */
  static build(input: unknown, options: WorldOptions = {}): World {
    const checked = validateWorld(input);
    if (!checked.ok) throw new ScenarioError(checked.errors);
    // The world's own copy: edits never reach the caller's object.
    const doc = structuredClone(checked.doc) as ScenarioDoc;
    const sim = new Simulation({ seed: options.seed ?? doc.seed, startMs: options.startMs });
    const world = new World(sim, doc, (w) => {
      const ctx: PartContext = { sim, doc, host: options.host ?? {}, mode: options.mode, services: options.services ?? {}, writeSection: (key, value) => w.writeSection(key, value) };
      const built: Partial<Record<PartKey, unknown>> = {};
      for (const part of WORLD_PARTS) built[part.key] = part.build(ctx);
      return built as WorldInstances;
    });
    if (options.start ?? true) world.start();
    return world;
  }

  /** Like `build`, but a bad document is a value: `{ok:false, message}` listing every problem. */
  static tryBuild(input: unknown, options: WorldOptions = {}): { ok: true; world: World } | { ok: false; message: string; errors: readonly string[] } {
    try {
      return { ok: true, world: World.build(input, options) };
    } catch (e) {
      if (e instanceof ScenarioError) return { ok: false, message: e.message, errors: e.errors };
      throw e;
    }
  }

  get name(): string {
    return this.doc.name ?? 'untitled scenario';
  }

  /** Bumped by every console edit written back into the scenario. */
  get revision(): number {
    return this.editRevision;
  }

  /** Starts every part, in list order. */
  start(): void {
    for (const part of WORLD_PARTS) this.parts[part.key].start();
  }

  stop(): void {
    for (const part of WORLD_PARTS) this.parts[part.key].stop();
  }

  report(): WorldReport {
    const { streams, ...others } = this.sections((i) => i.report()) as PartReports;
    return { ...streams, ...others };
  }

  snapshot(): WorldPartsSnapshot {
    const { streams, ...others } = this.sections((i) => i.snapshot()) as PartSnapshots;
    return { ...streams, ...others };
  }

  /** Writes a console edit back into the document: one revision for one edit, however many sections it touched. */
  writeSections(sections: Partial<Pick<ScenarioDoc, EditableSection>>): void {
    Object.assign(this.doc, sections);
    this.editRevision++;
  }

  writeSection<K extends EditableSection>(key: K, value: ScenarioDoc[K]): void {
    this.writeSections({ [key]: value });
  }

  private sections(pick: (instance: WorldInstances[PartKey]) => unknown): Record<PartKey, unknown> {
    const out: Partial<Record<PartKey, unknown>> = {};
    for (const part of WORLD_PARTS) out[part.key] = pick(this.parts[part.key]);
    return out as Record<PartKey, unknown>;
  }
}
