/**
 * What-if runs: variants of the base scenario run in parallel `whatif.worker.ts` instances (one per
 * variant, no more than the machine's cores), each reporting progress; results land here for the
 * table and charts. A new run or Cancel terminates the previous run's workers.
 */
import * as Comlink from 'comlink';
import { create } from 'zustand';
import type { PriceOverrides } from '../../../engine/capacity/price-table';
import type { ScenarioDoc } from '../../../engine/scenario/schema';
import type { VariantResult, WhatIfApi } from '../../../worker/whatif.worker';
import { applyVariant, type VariantSpec } from './variants';

export interface VariantState {
  readonly spec: VariantSpec;
  readonly progress: number;
  readonly result?: VariantResult;
}

export interface WhatIfState {
  readonly runId: number;
  readonly running: boolean;
  readonly streamName: string;
  readonly durationSec: number;
  readonly workers: number;
  readonly variants: readonly VariantState[];
  readonly wallMs: number;
  start(base: ScenarioDoc, streamName: string, specs: readonly VariantSpec[], durationSec: number, priceOverrides: PriceOverrides): Promise<void>;
  cancel(): void;
}

/**
 * One worker per variant up to the machine's cores (navigator.hardwareConcurrency): a what-if worker runs
 * unpaced and never waits, so more workers than cores only share them. The page allows at most 8 variants.
 */
export const MAX_WHATIF_WORKERS = 8;

export function workerCount(variants: number, cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 2): number {
  return Math.max(1, Math.min(MAX_WHATIF_WORKERS, cores || 2, variants));
}

let live: Worker[] = [];

function terminateAll(): void {
  for (const w of live) w.terminate();
  live = [];
}

export const useWhatIf = create<WhatIfState>()((set, get) => ({
  runId: 0,
  running: false,
  streamName: '',
  durationSec: 0,
  workers: 0,
  variants: [],
  wallMs: 0,

  start: async (base, streamName, specs, durationSec, priceOverrides) => {
    terminateAll();
    const runId = get().runId + 1;
    const n = workerCount(specs.length);
    set({ runId, running: true, streamName, durationSec, workers: n, variants: specs.map((spec) => ({ spec, progress: 0 })), wallMs: 0 });
    const t0 = performance.now();
    const patch = (i: number, v: Partial<VariantState>) => {
      if (get().runId !== runId) return;
      set((s) => ({ variants: s.variants.map((x, k) => (k === i ? { ...x, ...v } : x)) }));
    };
    let next = 0;
    const lane = async () => {
      const worker = new Worker(new URL('../../../worker/whatif.worker.ts', import.meta.url), { type: 'module', name: 'what-if' });
      live.push(worker);
      const api = Comlink.wrap<WhatIfApi>(worker);
      try {
        while (next < specs.length && get().runId === runId) {
          const i = next++;
          const spec = specs[i];
          const doc = applyVariant(base, streamName, spec);
          const result = await api.run(
            { id: spec.id, label: spec.label, doc, streamName, durationMs: durationSec * 1000, priceOverrides },
            Comlink.proxy((f: number) => patch(i, { progress: f })),
          );
          patch(i, { progress: 1, result });
        }
      } finally {
        worker.terminate();
        live = live.filter((w) => w !== worker);
      }
    };
    await Promise.allSettled(Array.from({ length: n }, lane));
    if (get().runId === runId) set({ running: false, wallMs: performance.now() - t0 });
  },

  cancel: () => {
    terminateAll();
    set((s) => ({ runId: s.runId + 1, running: false }));
  },
}));
