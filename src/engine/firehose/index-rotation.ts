/**
 * OpenSearch index rotation: the index name suffix from a record's UTC arrival time (spec §10).
 * Weeks start on Sunday and are counted like strftime's %U (days before the first Sunday are week 00),
 * which reproduces the AWS example 2016-02-25 → `-2016-w08`.
 */
import type { OpenSearchRotation } from './types';

export function indexNameFor(index: string, rotation: OpenSearchRotation, epochMs: number): string {
  const d = new Date(epochMs);
  const y = d.getUTCFullYear();
  const p2 = (n: number) => String(n).padStart(2, '0');
  const m = p2(d.getUTCMonth() + 1);
  const day = p2(d.getUTCDate());
  switch (rotation) {
    case 'NoRotation': return index;
    case 'OneHour': return `${index}-${y}-${m}-${day}-${p2(d.getUTCHours())}`;
    case 'OneDay': return `${index}-${y}-${m}-${day}`;
    case 'OneWeek': return `${index}-${y}-w${p2(sundayWeekOfYear(d))}`;
    case 'OneMonth': return `${index}-${y}-${m}`;
  }
}

/** strftime %U: Sunday-start weeks, the first Sunday of the year begins week 1. */
function sundayWeekOfYear(d: Date): number {
  const dayOfYear0 = Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000);
  return Math.floor((dayOfYear0 + 7 - d.getUTCDay()) / 7);
}
