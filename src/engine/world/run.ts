/**
 * A headless run of a whole world: build it from the document, advance the clock in chunks
 * (reporting progress between them) and return the world's report — what `npm run sim`, the
 * benchmarks and the cross-runner tests use.
 */
import { World, type WorldOptions, type WorldReport } from './world';

export function runWorld(doc: unknown, durationMs: number, onProgress?: (fraction: number) => void, options: WorldOptions = {}): { world: World; report: WorldReport } {
  const world = World.build(doc, options);
  const sim = world.sim;
  const chunkMs = Math.max(1000, Math.min(60_000, Math.round(durationMs / 200 / 1000) * 1000));
  const endMs = sim.nowMs + durationMs;
  while (sim.nowMs < endMs) {
    sim.runUntil(Math.min(endMs, sim.nowMs + chunkMs));
    onProgress?.(1 - (endMs - sim.nowMs) / durationMs);
  }
  return { world, report: world.report() };
}
