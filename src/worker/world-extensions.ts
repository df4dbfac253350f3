/**
 * Services beyond Data Streams (Firehose, Analytics, …) join the live world through extensions:
 * each builds its part from the scenario document when a world is loaded, and adds its own slice
 * to every published snapshot. Registered once, at worker start, by the area's API module.
 */
import type { Simulation } from '../engine/simulation';
import type { ScenarioRuntime as EngineScenario } from '../engine/scenario/load';

export interface WorldExtensionInstance {
  /** A JSON-able slice for the UI, published with every frame under `world.extensions[id]`. */
  snapshot(): unknown;
}

export interface WorldExtension {
  readonly id: string;
  /**
   * Builds this area's part of the world from the scenario document (already validated by the
   * scenario module, which checks only that its own sections are arrays). Throw an Error with a
   * field-path message to refuse the document.
   */
  create(sim: Simulation, scenario: EngineScenario, doc: Record<string, unknown>): WorldExtensionInstance;
}

const extensions = new Map<string, WorldExtension>();

export function registerWorldExtension(ext: WorldExtension): void {
  extensions.set(ext.id, ext);
}

export function worldExtensions(): readonly WorldExtension[] {
  return [...extensions.values()];
}
