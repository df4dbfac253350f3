/**
 * Aggregate mode's retry queue: throttled record counts per shard and attempt level, filed under the
 * one-second tick they become due. A refused group is spread over the coming ticks the way the
 * producer's backoff (exponential, capped, with its jitter) would spread individual records, the
 * fractional shares rounded with seeded draws; a share that would be due past the maximum record age
 * is dropped instead (counted by the caller), as `decideRetry` does record by record. Each cell
 * keeps the count-weighted creation time of its records, so ages stay known without per-record state.
 */
import type { Prng } from '../random/prng';
import type { RetryPolicy } from './retry-policy';

const TICK_MS = 1000;

interface Cell {
  /** Records by level × shard slot (index level * slots + slot). */
  counts: Float64Array;
  /** Sum of creation times (ms) of those records, same layout. */
  createdSum: Float64Array;
  total: number;
}

/** Probability that a retry's backoff makes it due at tick offset k (k ≥ 1), given the answer came `answerMs` after the tick. */
export function backoffTickShares(policy: RetryPolicy, retry: number, answerMs: number, horizon: number): Float64Array {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const cdf = (x: number): number => {
    if (x < 0) return 0;
    switch (policy.jitter) {
      case 'none':
        return x >= cap ? 1 : 0;
      case 'full':
        return cap <= 0 ? 1 : Math.min(1, x / cap);
      case 'equal':
        return cap <= 0 ? 1 : Math.max(0, Math.min(1, (x - cap / 2) / (cap / 2)));
    }
  };
  const shares = new Float64Array(horizon);
  let before = 0;
  for (let k = 1; k < horizon; k++) {
    const upTo = k === horizon - 1 ? 1 : cdf(k * TICK_MS - answerMs);
    shares[k] = upTo - before;
    before = upTo;
  }
  return shares;
}

/**
 * For each tick offset k, the earliest time after the tick (answer + backoff) a retry filed under k
 * can fire: the maximum record age is judged at that moment, as `decideRetry` judges a record.
 */
function earliestRetryOffsetsMs(policy: RetryPolicy, retry: number, answerMs: number, horizon: number): Float64Array {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const minDelay = policy.jitter === 'none' ? cap : policy.jitter === 'equal' ? cap / 2 : 0;
  const out = new Float64Array(horizon);
  for (let k = 1; k < horizon; k++) out[k] = answerMs + Math.max(minDelay, (k - 1) * TICK_MS - answerMs);
  return out;
}

export class RetryCalendar {
  /** Ticks ahead a retry can be due, plus the tick in progress. */
  readonly horizon: number;
  private readonly ring: (Cell | undefined)[];
  /** shares[level][k]: fraction of the records refused at `level - 1` that come back k ticks later. */
  private readonly shares: Float64Array[];
  private readonly earliestMs: Float64Array[];
  private readonly split: Float64Array;
  private readonly fractions: Float64Array;
  /** Records waiting in the calendar. */
  backlog = 0;

  constructor(private readonly policy: RetryPolicy, readonly levels: number, private slots: number, answerMs: number, private readonly prng: Prng) {
    this.horizon = Math.ceil((policy.maxDelayMs + answerMs) / TICK_MS) + 2;
    this.ring = new Array<Cell | undefined>(this.horizon);
    this.shares = Array.from({ length: levels }, (_, level) => backoffTickShares(policy, Math.max(1, level), answerMs, this.horizon));
    this.earliestMs = Array.from({ length: levels }, (_, level) => earliestRetryOffsetsMs(policy, Math.max(1, level), answerMs, this.horizon));
    this.split = new Float64Array(this.horizon);
    this.fractions = new Float64Array(this.horizon);
  }

  /** The cell due at `tick` (undefined when nothing is due); release it with `release` once read. */
  due(tick: number): Cell | undefined {
    const cell = this.ring[tick % this.horizon];
    return cell && cell.total > 0 ? cell : undefined;
  }

  /** Empties the cell of `tick` (its records were offered). */
  release(tick: number): void {
    const cell = this.ring[tick % this.horizon];
    if (!cell || cell.total === 0) return;
    this.backlog -= cell.total;
    cell.counts.fill(0);
    cell.createdSum.fill(0);
    cell.total = 0;
  }

  countAt(cell: Cell, level: number, slot: number): number {
    return cell.counts[level * this.slots + slot];
  }

  createdAvgAt(cell: Cell, level: number, slot: number): number {
    const i = level * this.slots + slot;
    return cell.counts[i] > 0 ? cell.createdSum[i] / cell.counts[i] : 0;
  }

  /**
   * Files `count` records (created on average at `createdMs`) refused at tick `tick` for retry at
   * `level` (their attempt count so far) on `slot`. Returns how many were dropped for age.
   */
  schedule(tick: number, nowMs: number, slot: number, level: number, count: number, createdMs: number): number {
    const shares = this.shares[level];
    const split = this.split;
    const frac = this.fractions;
    // Whole records by expected share; the remainder goes out one by one, weighted by the fractions.
    let whole = 0;
    let fracSum = 0;
    for (let k = 1; k < this.horizon; k++) {
      const e = count * shares[k];
      split[k] = Math.floor(e);
      frac[k] = e - split[k];
      whole += split[k];
      fracSum += frac[k];
    }
    for (let left = count - whole; left > 0 && fracSum > 1e-12; left--) {
      let u = this.prng.next() * fracSum;
      let k = 1;
      while (k < this.horizon - 1 && (frac[k] === 0 || u >= frac[k])) { u -= frac[k]; k++; }
      split[k]++;
      fracSum -= frac[k];
      frac[k] = 0;
    }
    let dropped = 0;
    for (let k = 1; k < this.horizon; k++) {
      const n = split[k];
      if (n === 0) continue;
      if (nowMs + this.earliestMs[level][k] - createdMs > this.policy.maxRecordAgeMs) {
        dropped += n;
        continue;
      }
      const cell = this.cellFor(tick + k);
      const i = level * this.slots + slot;
      cell.counts[i] += n;
      cell.createdSum[i] += n * createdMs;
      cell.total += n;
      this.backlog += n;
    }
    return dropped;
  }

  get slotCount(): number {
    return this.slots;
  }

  /**
   * After a reshard: lays every cell out for `slots` new slots. Old slot i moves to `moves[i]`; a slot
   * whose shard no longer takes writes (`moves[i]` = -1) hands its records to the new slots `targets` in
   * proportion to `weights` (a closed parent's keys now route to its children), the largest target taking
   * the rounding remainder. Slots are the open shards only, so closed shards cost the calendar nothing.
   * Returns the records that had nowhere to go (no target): the caller counts them as dropped.
   */
  remap(slots: number, moves: Int32Array, targets: Int32Array, weights: Float64Array): number {
    let dropped = 0;
    const old = this.slots;
    let weightSum = 0;
    let biggest = 0;
    for (let j = 0; j < weights.length; j++) {
      weightSum += weights[j];
      if (weights[j] > weights[biggest]) biggest = j;
    }
    for (const cell of this.ring) {
      if (!cell) continue;
      const counts = new Float64Array(this.levels * slots);
      const created = new Float64Array(this.levels * slots);
      for (let l = 0; l < this.levels; l++) {
        let orphans = 0;
        let orphansCreated = 0;
        for (let s = 0; s < old; s++) {
          const i = l * old + s;
          if (cell.counts[i] === 0) continue;
          const to = moves[s];
          if (to >= 0) {
            counts[l * slots + to] += cell.counts[i];
            created[l * slots + to] += cell.createdSum[i];
          } else {
            orphans += cell.counts[i];
            orphansCreated += cell.createdSum[i];
          }
        }
        if (orphans === 0) continue;
        if (targets.length === 0) {
          // Nowhere to go (no open shard takes this producer's keys): the records leave the calendar.
          cell.total -= orphans;
          this.backlog -= orphans;
          dropped += orphans;
          continue;
        }
        const avgCreated = orphansCreated / orphans;
        let left = orphans;
        for (let j = 0; j < targets.length; j++) {
          const n = Math.floor((orphans * weights[j]) / weightSum);
          counts[l * slots + targets[j]] += n;
          created[l * slots + targets[j]] += n * avgCreated;
          left -= n;
        }
        counts[l * slots + targets[biggest]] += left;
        created[l * slots + targets[biggest]] += left * avgCreated;
      }
      cell.counts = counts;
      cell.createdSum = created;
    }
    this.slots = slots;
    return dropped;
  }

  /** Empties the calendar; returns how many records it held (a stopping producer drops them). */
  drain(): number {
    const n = this.backlog;
    for (let t = 0; t < this.horizon; t++) this.release(t);
    this.backlog = 0;
    return n;
  }

  private cellFor(tick: number): Cell {
    const at = tick % this.horizon;
    let cell = this.ring[at];
    if (!cell) cell = this.ring[at] = { counts: new Float64Array(this.levels * this.slots), createdSum: new Float64Array(this.levels * this.slots), total: 0 };
    return cell;
  }
}
