/** The scenario the console opens on: the engine's built-in demo. */
import { DEMO_SCENARIO } from '../engine/scenario/demo';

export function demoScenario(): unknown {
  return DEMO_SCENARIO;
}
