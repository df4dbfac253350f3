/**
 * The Planner page's analytic side: derive a workload from one stream of the scenario, apply the
 * user's edits (rates, size, keys, consumers, retention), validate it with the capacity module's
 * parser (field-path issues), plan it against the price table with the user's overrides, and export
 * the scenario's streams as CloudFormation, Terraform and AWS CLI text. Pure.
 */
import { workloadFromScenario } from '../../../engine/capacity/from-scenario';
import { infraFromScenario } from '../../../engine/capacity/from-scenario';
import { infraFromPlan } from '../../../engine/capacity/export/infra-model';
import { toAwsCli } from '../../../engine/capacity/export/aws-cli';
import { toCloudFormation } from '../../../engine/capacity/export/cloudformation';
import { toTerraform } from '../../../engine/capacity/export/terraform';
import { planCapacity, type CapacityPlan } from '../../../engine/capacity/plan';
import { DEFAULT_PRICE_TABLE, withPriceOverrides, type PriceOverrides, type PriceTable } from '../../../engine/capacity/price-table';
import type { RecordSizeDistribution } from '../../../engine/capacity/record-size';
import { parseWorkload, type AnalyticsSpec, type ConsumerSpec, type FirehoseSpec, type KeyDistribution, type Workload } from '../../../engine/capacity/workload';
import type { ScenarioDoc } from '../../../engine/scenario/schema';

/** What the user changed on the derived workload; absent fields keep the derived value. */
export interface WorkloadEdits {
  readonly averageRecordsPerSec?: number;
  readonly peakRecordsPerSec?: number;
  /** 0 removes the surge. */
  readonly surgeRecordsPerSec?: number;
  readonly surgeSeconds?: number;
  readonly recordSize?: RecordSizeDistribution;
  readonly keys?: KeyDistribution;
  readonly consumers?: readonly ConsumerSpec[];
  readonly retentionHours?: number;
  readonly targetUtilization?: number;
  /** The stream's MaxRecordSizeInKiB (1,024–10,240): records above 1 MiB need it raised. */
  readonly maxRecordSizeKiB?: number;
  /** A Firehose delivery stream to price next to the data stream; null removes it. */
  readonly firehose?: FirehoseSpec | null;
  /** Streaming analytics to price; null removes it. */
  readonly analytics?: AnalyticsSpec | null;
}

export interface PlanRequest {
  readonly doc: ScenarioDoc;
  readonly streamName: string;
  readonly edits?: WorkloadEdits;
  readonly priceOverrides?: PriceOverrides;
  /** Date shown for overridden prices (the engine has no clock; the UI passes today). */
  readonly overridesAsOf?: string;
  readonly region?: string;
}

export interface InfraTexts {
  readonly cloudformation: string;
  readonly terraform: string;
  readonly cli: string;
}

export type PlanResponse =
  | {
      readonly ok: true;
      /** The workload as derived from the scenario, before edits: the form's defaults. */
      readonly derived: Workload;
      readonly workload: Workload;
      readonly notes: readonly string[];
      readonly plan: CapacityPlan;
      readonly prices: PriceTable;
      readonly scenarioExport: InfraTexts;
      readonly recommendedExport: InfraTexts;
    }
  | { readonly ok: false; readonly errors: readonly string[] };

export function applyEdits(w: Workload, e: WorkloadEdits): Workload {
  const rps = w.traffic.recordsPerSecond;
  const average = e.averageRecordsPerSec ?? rps.average;
  const peak = Math.max(average, e.peakRecordsPerSec ?? rps.peak);
  const surgeRps = e.surgeRecordsPerSec ?? rps.surge?.recordsPerSecond;
  const surgeSeconds = e.surgeSeconds ?? rps.surge?.seconds ?? 60;
  const surge = surgeRps !== undefined && surgeRps > peak ? { recordsPerSecond: surgeRps, seconds: surgeSeconds } : undefined;
  const { surge: _old, ...rpsRest } = rps;
  const { firehose: _f, analytics: _a, ...rest } = w;
  const firehose = e.firehose === undefined ? w.firehose : (e.firehose ?? undefined);
  const analytics = e.analytics === undefined ? w.analytics : (e.analytics ?? undefined);
  return {
    ...rest,
    ...(firehose ? { firehose } : {}),
    ...(analytics ? { analytics } : {}),
    traffic: {
      ...w.traffic,
      recordsPerSecond: { ...rpsRest, average, peak, previousPeak: Math.max(peak, rps.previousPeak === rps.peak ? peak : rps.previousPeak), ...(surge ? { surge } : {}) },
      recordSize: e.recordSize ?? w.traffic.recordSize,
      keys: e.keys ?? w.traffic.keys,
    },
    consumers: e.consumers ?? w.consumers,
    retentionHours: e.retentionHours ?? w.retentionHours,
    targetUtilization: e.targetUtilization ?? w.targetUtilization,
    maxRecordSizeBytes: e.maxRecordSizeKiB !== undefined ? e.maxRecordSizeKiB * 1024 : w.maxRecordSizeBytes,
  };
}

function infraTexts(model: ReturnType<typeof infraFromScenario>, description: string): InfraTexts {
  return { cloudformation: `${JSON.stringify(toCloudFormation(model, description), null, 2)}\n`, terraform: toTerraform(model), cli: toAwsCli(model) };
}

export function planScenario(req: PlanRequest): PlanResponse {
  const stream = req.doc.streams.find((s) => s.name === req.streamName);
  if (!stream) return { ok: false, errors: [`the scenario has no stream named '${req.streamName}'`] };
  const { workload: derived, notes } = workloadFromScenario(req.doc, req.streamName);
  const edited = applyEdits(derived, req.edits ?? {});
  // The capacity module's own parser checks the edited workload and resolves defaults.
  const parsed = parseWorkload(JSON.parse(JSON.stringify(edited)));
  if (!parsed.ok) return { ok: false, errors: parsed.issues.map((i) => `${i.path}: ${i.message}`) };
  let prices: PriceTable;
  try {
    prices = withPriceOverrides(DEFAULT_PRICE_TABLE, req.priceOverrides ?? {}, req.overridesAsOf ?? DEFAULT_PRICE_TABLE.asOf, req.region ?? DEFAULT_PRICE_TABLE.region);
  } catch (e) {
    return { ok: false, errors: [(e as Error).message] };
  }
  const plan = planCapacity(parsed.workload, prices);
  const name = req.doc.name ?? 'scenario';
  return {
    ok: true,
    derived,
    workload: parsed.workload,
    notes,
    plan,
    prices,
    scenarioExport: infraTexts(infraFromScenario(req.doc), `Kinesis resources of '${name}', exported from Kinesis Sandbox`),
    recommendedExport: infraTexts(infraFromPlan(plan, req.streamName), `Recommended '${req.streamName}' stream for '${name}', exported from Kinesis Sandbox`),
  };
}
