/**
 * Scenarios: the document (schema, validation), building it on a Simulation, snapshots for the UI,
 * the headless run report, and the built-in demo. Metric windows for charts come from
 * `runtime.metrics.window(keys, fromMs, toMs)`; pass `transferablesOf(window)` to Comlink.transfer.
 */
export type { ScenarioDoc, ScenarioStream, ScenarioProducer, ScenarioConsumer, ScenarioSettings } from './schema';
export { AGGREGATE_THRESHOLD_DEFAULT } from './schema';
export { validateScenario } from './validate';
export type { ValidationResult } from './validate';
export { loadScenario, ScenarioRuntime, ScenarioError, SCENARIO_PART_ID } from './load';
export type { AnyProducer, AnyConsumer, LoadOptions } from './load';
export { buildSnapshot, scenarioOf } from './snapshot';
export type { ScenarioSnapshot, StreamSnapshot } from './snapshot';
export { buildReport, runScenario } from './report';
export type { RunReport, StreamReport, ProducerReport, ConsumerReport } from './report';
export { LatencyHistogram } from '../metrics/latency-histogram';
export { topKeysOf } from './top-keys';
export type { TopKey } from './top-keys';
export { DEMO_SCENARIO } from './demo';
export { transferablesOf } from '../metrics/metric-store';
export type { SeriesWindow, Resolution } from '../metrics/metric-store';
