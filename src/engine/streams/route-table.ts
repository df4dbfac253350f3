/**
 * The routing table of a stream's open shards: hash key (4 big-endian words) → the open shard whose range
 * holds it, without a binary search per record. A table indexed by the hash's top ROUTE_TABLE_BITS bits gives
 * the last open shard starting at or below that prefix; the shards starting inside the prefix (none for even
 * splits of up to 4,096 shards) are stepped over. Also the round-robin cursor of service-managed (AUTO)
 * distribution, which ignores keys. Imports nothing but the hash-key comparison.
 */
import { compareHashKeyAt } from '../hash/hash-key';
import type { Shard } from './shard';

/** Routing table size: 2^12 prefixes of the hash key's top word (16 KiB per stream). */
const ROUTE_TABLE_BITS = 12;
const ROUTE_TABLE_SHIFT = 32 - ROUTE_TABLE_BITS;

export class RouteTable {
  private starts = new Uint32Array(0);
  private open: Shard[] = [];
  private readonly table = new Int32Array(1 << ROUTE_TABLE_BITS);
  private autoCursor = 0;

  /** Open shards in hash-key order (do not mutate). */
  get shards(): readonly Shard[] {
    return this.open;
  }

  route(hashKey: Uint32Array): Shard {
    const starts = this.starts;
    const h0 = hashKey[0];
    let i = this.table[h0 >>> ROUTE_TABLE_SHIFT];
    const last = this.open.length - 1;
    while (i < last) {
      const o = (i + 1) << 2;
      const s0 = starts[o];
      if (s0 > h0 || (s0 === h0 && compareHashKeyAt(starts, o, hashKey) > 0)) break;
      i++;
    }
    return this.open[i];
  }

  /**
   * The shard for the next record under RecordDistributionStrategy AUTO: "the service distributes records
   * evenly across shards" (service-managed-pk-producing-behavior), here in turn over the open shards.
   */
  nextAuto(): Shard {
    const open = this.open;
    if (this.autoCursor >= open.length) this.autoCursor = 0;
    return open[this.autoCursor++];
  }

  /** Rebuilds from all shards (after creation or resharding); keeps the open ones in hash-key order. */
  rebuild(all: readonly Shard[]): void {
    const open = all.filter((s) => s.isOpen).sort((a, b) => (a.range.start < b.range.start ? -1 : 1));
    const starts = new Uint32Array(open.length * 4);
    open.forEach((s, i) => starts.set(s.startWords, i * 4));
    this.starts = starts;
    this.open = open;
    // table[p] = the last open shard whose start is ≤ the smallest hash key with prefix p.
    const table = this.table;
    let i = 0;
    for (let p = 0; p < table.length; p++) {
      const prefixStart = (p << ROUTE_TABLE_SHIFT) >>> 0;
      while (i + 1 < open.length && (starts[(i + 1) << 2] < prefixStart || (starts[(i + 1) << 2] === prefixStart && starts[((i + 1) << 2) + 1] === 0 && starts[((i + 1) << 2) + 2] === 0 && starts[((i + 1) << 2) + 3] === 0))) i++;
      table[p] = i;
    }
  }
}
