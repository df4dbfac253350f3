/**
 * A producer's put-call latency distribution: one histogram for the second in progress (its p50/p99
 * kept when the second rolls over, for the live figures) and one for the whole run (for the run
 * report). Shared by the record-mode and aggregate-mode producers.
 */
import { LatencyHistogram } from '../metrics/latency-histogram';

export class PutLatencyTracker {
  readonly run = new LatencyHistogram();
  private readonly second = new LatencyHistogram();
  lastSecondP50Ms = 0;
  lastSecondP99Ms = 0;

  record(ms: number, weight = 1): void {
    this.run.record(ms, weight);
    this.second.record(ms, weight);
  }

  /** Closes the second in progress: its quantiles become the last second's. */
  rollSecond(): void {
    this.lastSecondP50Ms = this.second.quantileMs(0.5);
    this.lastSecondP99Ms = this.second.quantileMs(0.99);
    this.second.reset();
  }
}
