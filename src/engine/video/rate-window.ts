/**
 * A per-second budget kernel: how much of a quota was used in the current virtual second.
 * Used for calls/s, fragments/s and bytes/s quotas. Pure and tiny; the owner holds one per
 * stream and quota.
 */
export class PerSecondBudget {
  private second = Number.NEGATIVE_INFINITY;
  private used = 0;

  constructor(readonly perSecondMax: number) {}

  /** Takes `amount` if it fits the current second's budget; false (nothing taken) when it does not. */
  tryTake(nowMs: number, amount = 1): boolean {
    const s = Math.floor(nowMs / 1000);
    if (s !== this.second) {
      this.second = s;
      this.used = 0;
    }
    if (this.used + amount > this.perSecondMax) return false;
    this.used += amount;
    return true;
  }
}
