/**
 * The Planner page's inputs, kept in the scenario store's settings (so they autosave with the
 * scenario and survive a reload): the stream looked at, workload edits, price overrides and the
 * what-if axes and duration.
 */
import { useShallow } from 'zustand/react/shallow';
import type { PriceOverrides } from '../../../engine/capacity/price-table';
import type { WorkloadEdits } from '../../../worker/api/planner/plan-scenario';
import { useScenario } from '../../scenarios/scenario-store';
import type { AxisKind } from './variants';

export interface WhatIfAxisInput {
  readonly kind: AxisKind;
  readonly text: string;
}

export interface PlannerSettings {
  readonly streamName?: string;
  readonly edits: WorkloadEdits;
  readonly priceOverrides: PriceOverrides;
  readonly region: string;
  readonly axes: readonly WhatIfAxisInput[];
  readonly durationSec: number;
}

export const DEFAULT_PLANNER_SETTINGS: PlannerSettings = {
  edits: {},
  priceOverrides: {},
  region: 'us-east-1',
  axes: [{ kind: 'shards', text: '2, 4, 8' }],
  durationSec: 600,
};

const PAGE = 'planner';

function read(bag: Readonly<Record<string, unknown>>): PlannerSettings {
  const v = bag[PAGE] as Partial<PlannerSettings> | undefined;
  return { ...DEFAULT_PLANNER_SETTINGS, ...(v ?? {}) };
}

export function usePlannerSettings(): PlannerSettings {
  return useScenario(useShallow((s) => read(s.settings)));
}

export function updatePlannerSettings(patch: Partial<PlannerSettings>): void {
  const s = useScenario.getState();
  s.setPageSettings(PAGE, { ...read(s.settings), ...patch });
}

export function updateEdits(patch: Partial<WorkloadEdits>): void {
  const current = read(useScenario.getState().settings).edits;
  updatePlannerSettings({ edits: { ...current, ...patch } });
}
