/**
 * Data Streams as the first part of the world: the document's streams, producers and consumers
 * (and run settings), built by `loadScenario` on the Kinesis service. Its report is the run report
 * every runner prints; its snapshot the streams/producers/consumers of the console's frame.
 */
import type { WorldPart, PartInstance } from '../world/part';
import { loadScenario, type ScenarioRuntime } from './load';
import { buildReport, type RunReport } from './report';
import { buildSnapshot, type ScenarioSnapshot } from './snapshot';

export interface DataStreamsInstance extends PartInstance<RunReport, ScenarioSnapshot> {
  /** Streams, producers, consumers, metrics and call statistics of the run. */
  readonly run: ScenarioRuntime;
}

export const dataStreamsPart: WorldPart<'streams', DataStreamsInstance> = {
  key: 'streams',
  // The envelope and these sections are checked by validateScenario before any part is asked.
  validate: () => [],
  build(ctx) {
    const run = loadScenario(ctx.sim, ctx.doc, { start: false, mode: ctx.mode, service: ctx.services.kinesis });
    return {
      run,
      start: () => run.start(),
      stop: () => run.stop(),
      report: () => buildReport(run),
      snapshot: () => buildSnapshot(ctx.sim)!,
    };
  },
};
