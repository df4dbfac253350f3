/**
 * Hash-key range kernels (plain data in, plain data out): even ranges at creation, split and merge checks,
 * and the split/merge plan that UpdateShardCount(UNIFORM_SCALING) executes. BigInt is fine here: control plane.
 */
import { HASH_KEY_MAX } from '../hash/hash-key';

export interface HashRange {
  readonly start: bigint;
  readonly end: bigint;
}

const SPACE = HASH_KEY_MAX + 1n;

/** N equal ranges: width floor(2^128/N); the last one ends at 2^128−1 (spec §4, AWS CLI example). */
export function evenRanges(count: number): HashRange[] {
  const width = SPACE / BigInt(count);
  const ranges: HashRange[] = [];
  for (let i = 0; i < count; i++) {
    const start = width * BigInt(i);
    const end = i === count - 1 ? HASH_KEY_MAX : width * BigInt(i + 1) - 1n;
    ranges.push({ start, end });
  }
  return ranges;
}

/** Why a split key is refused, or undefined when it is valid (spec §7: strictly inside, above start + 1). */
export function splitKeyProblem(range: HashRange, newStart: bigint): string | undefined {
  if (newStart <= range.start + 1n || newStart >= range.end) {
    return `NewStartingHashKey ${newStart} must be greater than one plus the shard's StartingHashKey ${range.start} and less than its EndingHashKey ${range.end}`;
  }
  return undefined;
}

export function splitRange(range: HashRange, newStart: bigint): [HashRange, HashRange] {
  return [
    { start: range.start, end: newStart - 1n },
    { start: newStart, end: range.end },
  ];
}

export function mergeRanges(a: HashRange, b: HashRange): HashRange {
  return { start: a.start < b.start ? a.start : b.start, end: a.end > b.end ? a.end : b.end };
}

/** A step of a resharding plan, referring to shards by position in a working list of ranges. */
export type ReshardStep =
  | { readonly kind: 'split'; readonly range: HashRange; readonly newStart: bigint }
  | { readonly kind: 'merge'; readonly left: HashRange; readonly right: HashRange };

/**
 * How far (in hash keys, of 2^128) a target boundary may lie from a boundary the stream already has and
 * still be taken as that boundary. floor(2^128/N) widths put 2,000 even ranges' every other boundary up to
 * 1,000 keys off 1,000 ranges' boundaries; without snapping, doubling cut a sliver beside each old boundary
 * and merged it back: 4,997 new shards for 1,000 → 2,000 instead of 2,000. 2^32 keys is 10^-29 of the space.
 */
const SNAP_KEYS = 1n << 32n;

/**
 * Plans UNIFORM_SCALING from the current open ranges (sorted, tiling the space) to `target` even ranges:
 * first split every current range at each target boundary strictly inside it, then merge the pieces of each
 * target range left to right. Every step names ranges only, so each child has at most two parents.
 * The result is `evenRanges(target)`, except that a target boundary within SNAP_KEYS of a current boundary
 * stays where it is — so doubling is one split per shard and halving one merge per pair, the fewest
 * splits and merges AWS promises for those targets (UpdateShardCount: "We recommend that you double or
 * halve the shard count, as this results in the fewest number of splits or merges").
 */
export function planUniformScaling(current: readonly HashRange[], target: number): ReshardStep[] {
  const existing = current.slice(1).map((r) => r.start);
  const targets = evenRanges(target);
  const boundaries = targets.slice(1).map((r) => nearestWithin(existing, r.start, SNAP_KEYS));
  const steps: ReshardStep[] = [];
  const pieces: HashRange[] = [];
  for (const range of current) {
    let rest = range;
    for (const b of boundaries) {
      // Internal splits may cut anywhere inside (the API's "greater than start + 1" rule binds callers,
      // not the service).
      if (b <= rest.start || b > rest.end) continue;
      steps.push({ kind: 'split', range: rest, newStart: b });
      const [low, high] = splitRange(rest, b);
      pieces.push(low);
      rest = high;
    }
    pieces.push(rest);
  }
  // Group pieces by the target range that contains their start, then merge each group left to right.
  let p = 0;
  for (let t = 0; t < target; t++) {
    const end = t + 1 < target ? boundaries[t] - 1n : HASH_KEY_MAX;
    let acc: HashRange | undefined;
    while (p < pieces.length && pieces[p].start <= end) {
      const piece = pieces[p++];
      if (acc) {
        steps.push({ kind: 'merge', left: acc, right: piece });
        acc = mergeRanges(acc, piece);
      } else {
        acc = piece;
      }
    }
  }
  return steps;
}

/** The value of `sorted` nearest `key` if it is within `tolerance`, else `key`. */
function nearestWithin(sorted: readonly bigint[], key: bigint, tolerance: bigint): bigint {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  let best = key;
  let bestDistance = tolerance + 1n;
  for (const i of [lo - 1, lo]) {
    if (i < 0 || i >= sorted.length) continue;
    const d = sorted[i] > key ? sorted[i] - key : key - sorted[i];
    if (d < bestDistance) {
      best = sorted[i];
      bestDistance = d;
    }
  }
  return best;
}

/** True when `ranges` (any order) tile 0…2^128−1 exactly: no gap, no overlap. */
export function tilesKeySpace(ranges: readonly HashRange[]): boolean {
  const sorted = [...ranges].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  let next = 0n;
  for (const r of sorted) {
    if (r.start !== next || r.end < r.start) return false;
    next = r.end + 1n;
  }
  return next === SPACE;
}
