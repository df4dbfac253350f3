/**
 * Top partition keys per stream, merged over the stream's producers: exact accepted counts per
 * pool key in record mode, expected counts in aggregate mode. Open-ended key strategies (a UUID
 * per record, sequential keys) have no hot keys by construction and contribute nothing.
 */
import type { AnyProducer } from './load';

export interface TopKey {
  readonly key: string;
  readonly records: number;
  readonly bytes: number;
  readonly producer: string;
}

export function topKeysOf(producers: readonly AnyProducer[], streamName: string, limit = 10): TopKey[] {
  const out: TopKey[] = [];
  for (const p of producers) {
    if (p.config.streamName !== streamName) continue;
    if (p.mode === 'aggregate') {
      for (const k of p.topKeys()) out.push({ ...k, producer: p.name });
      continue;
    }
    const table = p.keys.table;
    const recs = p.keyAcceptedRecords;
    const bytes = p.keyAcceptedBytes;
    if (!table || !recs || !bytes) continue;
    // Partial selection: keep the `limit` largest without sorting every key.
    const best: number[] = [];
    for (let i = 0; i < recs.length; i++) {
      if (recs[i] === 0) continue;
      if (best.length < limit) {
        best.push(i);
        best.sort((a, b) => recs[b] - recs[a]);
      } else if (recs[i] > recs[best[best.length - 1]]) {
        best[best.length - 1] = i;
        best.sort((a, b) => recs[b] - recs[a]);
      }
    }
    for (const i of best) out.push({ key: table[i], records: recs[i], bytes: bytes[i], producer: p.name });
  }
  return out.sort((a, b) => b.records - a.records || (a.key < b.key ? -1 : 1)).slice(0, limit);
}
