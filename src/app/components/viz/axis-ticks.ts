/**
 * Value-axis ticks a person can read. A chart with no data, or a flat series of tiny values, used
 * to label its axis "1 B/s, 1 B/s, 1 B/s, 0 B/s" (five ticks between 0 and 1 rounded by the unit
 * formatter). Rules: no data at all ⇒ only the zero line; otherwise the most of 4, 3, 2 or 1
 * intervals whose labels are all different.
 */
export function axisTicks(yMax: number, hasData: boolean, format: (v: number) => string): number[] {
  if (!hasData || !(yMax > 0)) return [0];
  for (const intervals of [4, 3, 2, 1]) {
    const ticks = Array.from({ length: intervals + 1 }, (_, i) => (i / intervals) * yMax);
    const labels = new Set(ticks.map(format));
    if (labels.size === ticks.length) return ticks;
  }
  return [0];
}
