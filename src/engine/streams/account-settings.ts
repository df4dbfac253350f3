/**
 * Account-level settings of Kinesis Data Streams: the minimum throughput billing commitment that turns on
 * On-demand Advantage for every on-demand stream of the account and Region (API_UpdateAccountSettings,
 * API_DescribeAccountSettings, API_MinimumThroughputBillingCommitmentInput/Output;
 * docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html). A commitment lasts at least 24 hours:
 * disabling it earlier answers ENABLED_UNTIL_EARLIEST_ALLOWED_END and it ends by itself at EarliestAllowedEndAt;
 * enabling it again before then cancels the pending end. Pure state on the virtual clock.
 */
import { COMMITMENT_MIN_DURATION_MS } from './limits';

export type CommitmentStatus = 'ENABLED' | 'DISABLED' | 'ENABLED_UNTIL_EARLIEST_ALLOWED_END';

export interface CommitmentView {
  readonly status: CommitmentStatus;
  readonly startedAtMs?: number;
  readonly endedAtMs?: number;
  readonly earliestAllowedEndAtMs?: number;
}

export class AccountSettings {
  private startedAtMs: number | undefined;
  private endedAtMs: number | undefined;
  /** Set while a disable waits for the 24-hour minimum. */
  private pendingEnd = false;

  constructor(private readonly nowMs: () => number) {}

  /** Whether On-demand Advantage is in force now (enabled, or ending at its earliest allowed end). */
  get commitmentActive(): boolean {
    this.settle();
    return this.startedAtMs !== undefined && this.endedAtMs === undefined;
  }

  enable(): CommitmentView {
    this.settle();
    if (this.startedAtMs === undefined || this.endedAtMs !== undefined) {
      this.startedAtMs = this.nowMs();
      this.endedAtMs = undefined;
    }
    this.pendingEnd = false;
    return this.view();
  }

  disable(): CommitmentView {
    this.settle();
    if (this.startedAtMs === undefined || this.endedAtMs !== undefined) return this.view();
    const earliest = this.startedAtMs + COMMITMENT_MIN_DURATION_MS;
    if (this.nowMs() >= earliest) this.endedAtMs = this.nowMs();
    else this.pendingEnd = true;
    return this.view();
  }

  view(): CommitmentView {
    this.settle();
    if (this.startedAtMs === undefined) return { status: 'DISABLED' };
    const earliestAllowedEndAtMs = this.startedAtMs + COMMITMENT_MIN_DURATION_MS;
    if (this.endedAtMs !== undefined) return { status: 'DISABLED', startedAtMs: this.startedAtMs, endedAtMs: this.endedAtMs, earliestAllowedEndAtMs };
    return { status: this.pendingEnd ? 'ENABLED_UNTIL_EARLIEST_ALLOWED_END' : 'ENABLED', startedAtMs: this.startedAtMs, earliestAllowedEndAtMs };
  }

  /** A pending disable takes effect at the earliest allowed end. */
  private settle(): void {
    if (!this.pendingEnd || this.startedAtMs === undefined) return;
    const earliest = this.startedAtMs + COMMITMENT_MIN_DURATION_MS;
    if (this.nowMs() >= earliest) {
      this.endedAtMs = earliest;
      this.pendingEnd = false;
    }
  }
}
