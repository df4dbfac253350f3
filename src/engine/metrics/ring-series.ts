/**
 * A bounded time series in a Float64Array ring: one value per slot (one virtual second or one
 * minute), oldest overwritten first. Owns nothing else; the metric store decides when to push.
 * Gaps (before a series existed) read as NaN so charts can leave them blank.
 */

export class RingSeries {
  readonly values: Float64Array;
  /** Index (in slots since the store's epoch) of the next slot to be written. */
  private nextSlot: number;

  constructor(readonly capacity: number, firstSlot = 0) {
    if (!(capacity >= 1)) throw new RangeError(`ring capacity must be ≥ 1, got ${capacity}`);
    this.values = new Float64Array(capacity).fill(Number.NaN);
    this.nextSlot = firstSlot;
  }

  /** Slot index one past the newest value. */
  get endSlot(): number {
    return this.nextSlot;
  }

  /** Oldest slot still held. */
  get startSlot(): number {
    return Math.max(0, this.nextSlot - this.capacity);
  }

  /** Writes the value for `slot`; skipped slots in between become NaN. */
  put(slot: number, value: number): void {
    if (slot < this.nextSlot) {
      // Late write into a slot still held: overwrite in place.
      if (slot >= this.startSlot) this.values[slot % this.capacity] = value;
      return;
    }
    const gap = Math.min(slot - this.nextSlot, this.capacity);
    for (let i = 0; i < gap; i++) this.values[(slot - 1 - i) % this.capacity] = Number.NaN;
    this.values[slot % this.capacity] = value;
    this.nextSlot = slot + 1;
  }

  /** The value at `slot`, NaN when not held. */
  at(slot: number): number {
    if (slot < this.startSlot || slot >= this.nextSlot) return Number.NaN;
    return this.values[slot % this.capacity];
  }

  latest(): number {
    return this.at(this.nextSlot - 1);
  }

  /**
   * Copies slots [fromSlot, toSlot) into a fresh Float64Array (NaN where not held), ready to be
   * transferred to another thread without sharing this ring's buffer.
   */
  copyWindow(fromSlot: number, toSlot: number, out = new Float64Array(Math.max(0, toSlot - fromSlot))): Float64Array {
    const start = this.startSlot;
    for (let s = fromSlot, i = 0; s < toSlot; s++, i++) {
      out[i] = s >= start && s < this.nextSlot ? this.values[s % this.capacity] : Number.NaN;
    }
    return out;
  }
}
