/**
 * Capacity planner and cost model (spec capacity-and-cost.md): public API. Pure and deterministic;
 * everything returned is JSON-able data with no class instances.
 */
export { parseWorkload, formatIssues } from './workload';
export type { Workload, WorkloadParse, WorkloadIssue, KeyDistribution, ConsumerSpec, FirehoseSpec, AnalyticsSpec } from './workload';
export type { RecordSizeDistribution } from './record-size';
export { planCapacity } from './plan';
export type { CapacityPlan, ConsumerDrain } from './plan';
export { renderPlanText } from './report-text';
export type { Recommendation, RecommendedSettings, Finding, FindingSeverity } from './recommend';
export { compareWithSimulation } from './compare';
export type { SimulatedOutcome, PlanVsSimulation, ComparisonRow, DifferenceCause } from './compare';
export { DEFAULT_PRICE_TABLE, PRICE_KEYS, withPriceOverrides, price } from './price-table';
export type { PriceTable, PriceRow, PriceKey, PriceOverrides } from './price-table';
export type { BillingMode, ModeCost, CostLine } from './cost-line';
export { provisionedCost, onDemandStandardCost, onDemandAdvantageCost } from './cost-streams';
export type { StreamCostInput } from './cost-streams';
export { firehoseCost, analyticsCost } from './cost-firehose';
export type { FirehoseCost, AnalyticsCost } from './cost-firehose';
export { sizeShards, drainTimeSeconds, utilizationAt } from './shard-sizing';
export type { ShardSizing, SizingTerm, SizingConstraint, SizingInput } from './shard-sizing';
export { analyzeHotKeys, shardOfKey, probabilityDistinctShards, hotShardClosedForm } from './hot-keys';
export type { HotKeyAnalysis, ShardLoad, KeyOverLimit } from './hot-keys';
export { planSalting } from './salting';
export type { SaltingPlan, SubKeyPlacement } from './salting';
export { searchShardLayout } from './layout-search';
export type { ShardLayoutPlan } from './layout-search';
export type { SplitCall } from './targeted-splits';
export type { LayoutEvaluation, LayoutShardLoad } from './shard-layout';
export { keyWeights } from './key-weights';
export { checkOnDemandRamp } from './on-demand-ramp';
export type { RampCheck, RampInput } from './on-demand-ramp';
export { planUpdateShardCount, evenSplitRange, evenSplitRanges, evenSplitShardOf } from './reshard-path';
export type { ReshardPlan, HashRange } from './reshard-path';
export * from './units';
export * from './export';
export { workloadFromScenario, simulatedOutcomeFromReport, infraFromScenario, rateFigures } from './from-scenario';
export type { ScenarioWorkload } from './from-scenario';
