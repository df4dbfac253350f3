/// <reference lib="webworker" />
/**
 * A what-if worker: runs one scenario variant at a time through its own Simulation (no pacing, as
 * fast as possible) and reports progress. The Planner starts one per variant, up to the machine's cores, side by side.
 */
import * as Comlink from 'comlink';
import { runVariant, type VariantResult, type VariantRunInput } from './api/planner/run-variant';

export type { VariantResult, VariantRunInput, VariantPoint } from './api/planner/run-variant';

export interface WhatIfApi {
  run(input: VariantRunInput, onProgress: (fraction: number) => void): Promise<VariantResult>;
}

const api: WhatIfApi = {
  run: async (input, onProgress) => runVariant(input, (f) => void onProgress(f)),
};

Comlink.expose(api);
