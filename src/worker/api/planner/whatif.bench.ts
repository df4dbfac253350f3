/**
 * What-if speed: one variant of a gallery example run for one virtual minute with per-second sampling
 * (what a what-if worker does), and the Planner's whole analytic response (plan + exports). Reported
 * as virtual seconds per wall second for the run, milliseconds for the plan.
 */
import type { Benchmark } from '../../../engine/bench/harness';
import type { ScenarioDoc } from '../../../engine/scenario/schema';
import iot from '../../../../examples/gallery/iot-fleet.json';
import clickstream from '../../../../examples/gallery/clickstream-hot-key.json';
import { runVariant } from './run-variant';
import { planScenario } from './plan-scenario';

const IOT = iot as ScenarioDoc;
const CLICKS = clickstream as ScenarioDoc;

function virtualSecondsPerWallSecond(doc: ScenarioDoc, stream: string, seconds: number): number {
  const t0 = performance.now();
  const r = runVariant({ id: 'b', label: 'bench', doc, streamName: stream, durationMs: seconds * 1000 });
  if (!r.ok) throw new Error(r.error);
  return seconds / ((performance.now() - t0) / 1000);
}

export const benchmarks: Benchmark[] = [
  { name: 'planner.whatif.iot-2500rps', unit: 'virtual s/s', higherIsBetter: true, runs: 3, run: () => virtualSecondsPerWallSecond(IOT, 'telemetry', 60) },
  { name: 'planner.whatif.clickstream-hot-key', unit: 'virtual s/s', higherIsBetter: true, runs: 3, run: () => virtualSecondsPerWallSecond(CLICKS, 'clickstream', 60) },
  {
    name: 'planner.plan-scenario.clickstream',
    unit: 'ms',
    higherIsBetter: false,
    runs: 5,
    goal: 100,
    run: () => {
      const t0 = performance.now();
      for (let i = 0; i < 5; i++) planScenario({ doc: CLICKS, streamName: 'clickstream' });
      return (performance.now() - t0) / 5;
    },
  },
];
