/**
 * Benchmark contract. Any file named `*.bench.ts` under `src/` exports `benchmarks: Benchmark[]`;
 * `npm run bench` (src/cli/bench.ts) finds them, runs each several times and reports the median.
 * Pure types and arithmetic, in the engine so engine benchmarks never import the CLI.
 */
export interface Benchmark {
  /** Stable dotted name, e.g. "ingest.record.uuid". */
  readonly name: string;
  /** Unit of the value `run` returns, e.g. "records/s", "rows/s", "s". */
  readonly unit: string;
  /** Whether a bigger value is better (rates) or worse (durations). */
  readonly higherIsBetter: boolean;
  /** Number of measured runs (median reported); default 5. */
  readonly runs?: number;
  /** Optional one-time setup/teardown around all runs (e.g. start a server). */
  setup?(): Promise<void> | void;
  teardown?(): Promise<void> | void;
  /** One measured run; returns the figure in `unit`. */
  run(): Promise<number> | number;
  /** The goal, if the issue sets one, for the report. */
  readonly goal?: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
