/**
 * A consumer's lag trend: the least-squares slope of its lag (records) over recent seconds, and
 * from it an estimated time to drain — or "falling behind" when lag grows. A pure kernel.
 */

export interface LagTrend {
  readonly slopePerSec: number;
  readonly drainSec: number | null;
  readonly state: 'caught-up' | 'draining' | 'falling-behind' | 'steady';
}

/** Below this many records behind, a consumer counts as caught up. */
const CAUGHT_UP_RECORDS = 50;

/** `caughtUpRecords`: at or below this lag the consumer counts as caught up (e.g. two seconds of its throughput). */
export function lagTrend(values: ArrayLike<number>, lastN = 60, caughtUpRecords = CAUGHT_UP_RECORDS): LagTrend {
  let n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0, last = Number.NaN;
  const from = Math.max(0, values.length - lastN);
  for (let i = from; i < values.length; i++) {
    const y = values[i];
    if (!Number.isFinite(y)) continue;
    const x = i - from;
    n++; sx += x; sy += y; sxx += x * x; sxy += x * y;
    last = y;
  }
  if (n < 2 || !Number.isFinite(last)) return { slopePerSec: 0, drainSec: null, state: 'steady' };
  const denom = n * sxx - sx * sx;
  const slope = denom === 0 ? 0 : (n * sxy - sx * sy) / denom;
  if (last <= Math.max(CAUGHT_UP_RECORDS, caughtUpRecords)) return { slopePerSec: slope, drainSec: 0, state: 'caught-up' };
  // A slope smaller than 1% of the lag per minute is noise: call it steady.
  const noise = Math.max(1, last * 0.01 / 60);
  if (slope > noise) return { slopePerSec: slope, drainSec: null, state: 'falling-behind' };
  if (slope < -noise) return { slopePerSec: slope, drainSec: last / -slope, state: 'draining' };
  return { slopePerSec: slope, drainSec: null, state: 'steady' };
}
