/**
 * How long a consumer takes to process a batch: fixed overhead plus a cost per record and per KiB,
 * times a log-normal jitter. Slow models make lag build up, which is the point of having one.
 */
import type { Prng } from '../random/prng';

export interface ProcessingModel {
  readonly perBatchMs: number;
  readonly perRecordMs: number;
  readonly perKiBMs?: number;
  /** σ of a log-normal multiplier (0 = exact). */
  readonly sigma?: number;
}

export const DEFAULT_PROCESSING: ProcessingModel = { perBatchMs: 5, perRecordMs: 0.05, perKiBMs: 0, sigma: 0 };

export function processingMs(model: ProcessingModel, records: number, bytes: number, prng: Prng): number {
  const base = model.perBatchMs + model.perRecordMs * records + (model.perKiBMs ?? 0) * (bytes / 1024);
  const sigma = model.sigma ?? 0;
  return sigma > 0 ? base * prng.logNormal(0, sigma) : base;
}
