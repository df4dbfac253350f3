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

/** One shard a consumer holds: where it reads and how far behind the tip its last read was. */
export interface ShardProgress {
  readonly state: 'waiting' | 'active' | 'ended';
  readonly shardNumber: number;
  readonly position: number;
  readonly millisBehind: number;
}

/** Records still unread on a shard from `position` (the trim horizon bounds what is left to read). */
export function unreadRecords(shard: { readonly nextCounter: number; trimHorizonCounter(): number } | undefined, position: number): number {
  return shard ? Math.max(0, shard.nextCounter - Math.max(position, shard.trimHorizonCounter())) : 0;
}

/** Lag (unread records), iterator age (max over active shards) and held leases over a consumer's shards. */
export function progressOf(
  held: Iterable<ShardProgress>,
  shardOf: (shardNumber: number) => { readonly nextCounter: number; trimHorizonCounter(): number } | undefined,
): { lagRecords: number; iteratorAgeMs: number; leases: number } {
  let lagRecords = 0;
  let iteratorAgeMs = 0;
  let leases = 0;
  for (const p of held) {
    if (p.state === 'ended') continue;
    leases++;
    lagRecords += unreadRecords(shardOf(p.shardNumber), p.position);
    if (p.state === 'active' && p.millisBehind > iteratorAgeMs) iteratorAgeMs = p.millisBehind;
  }
  return { lagRecords, iteratorAgeMs, leases };
}
