/** What a consumer reports (JSON-able): totals and its current lag. */

export interface ConsumerFigures {
  readonly kind: 'consumer';
  readonly name: string;
  readonly type: 'kcl' | 'efo' | 'lambda';
  readonly streamName: string;
  /** Records handed to the application (re-deliveries included). */
  readonly recordsProcessed: number;
  readonly bytesProcessed: number;
  /** Records delivered again after a restart from the checkpoint. */
  readonly recordsRedelivered: number;
  readonly readThrottled: number;
  readonly readCalls: number;
  /** Max over shards of how far the read position is behind the tip, now and over the run. */
  readonly iteratorAgeMs: number;
  readonly iteratorAgeMsMax: number;
  /** Records written but not yet processed, summed over shards. */
  readonly lagRecords: number;
  readonly leases: number;
  /** Lambda only: invocations, failed invocations, records sent to the on-failure destination. */
  readonly invocations?: number;
  readonly failedInvocations?: number;
  readonly recordsToDestination?: number;
}
