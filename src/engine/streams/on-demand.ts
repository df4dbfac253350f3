/**
 * On-demand capacity: on-demand streams are ordinary shards whose count the service manages. Once a minute
 * each open shard's average write rate over that minute is checked; a shard that ran at ≥ 50 % of its write
 * limit (bytes or records) or was throttled is split evenly after the reshard delay, as AWS splits shards that
 * stay above ~500 KB/s. So capacity follows load at about 2× the observed peak, a ramp faster than that
 * is throttled until the splits land, and a single hot key still throttles at 1 MiB/s (one hash value cannot
 * be split). Scale-down (about a day in AWS) is not modelled.
 */
import { splitKeyProblem } from './hash-range';
import { midpointHashKey } from './midpoint';
import { WRITE_BYTES_PER_SEC_MAX, WRITE_RECORDS_PER_SEC_MAX } from './limits';
import { applySplit } from './reshard';
import type { Shard } from './shard';
import type { Stream } from './stream';

export const ON_DEMAND_CHECK_PERIOD_MS = 60_000;
/** 200 MiB/s default on-demand write maximum = 200 shards at 1 MiB/s. */
export const ON_DEMAND_SHARDS_MAX = 200;
const HOT_FRACTION = 0.5;

interface Snapshot {
  bytes: number;
  records: number;
  throttled: number;
}

export class OnDemandScaler {
  private readonly last = new WeakMap<Shard, Snapshot>();
  private nextCheckMs: number;

  constructor(
    startMs: number,
    private readonly splitDelay: (fn: () => void) => void,
  ) {
    this.nextCheckMs = startMs + ON_DEMAND_CHECK_PERIOD_MS;
  }

  /** Called after every clock advance; does work at most once per check period. */
  tick(streams: Iterable<Stream>, nowMs: number): void {
    if (nowMs < this.nextCheckMs) return;
    const periodS = (nowMs - this.nextCheckMs + ON_DEMAND_CHECK_PERIOD_MS) / 1000;
    this.nextCheckMs = nowMs + ON_DEMAND_CHECK_PERIOD_MS;
    for (const stream of streams) {
      if (stream.mode !== 'ON_DEMAND' || stream.deleted || stream.status === 'CREATING') continue;
      const hot: Shard[] = [];
      for (const shard of stream.openShards()) {
        const c = shard.counters;
        const prev = this.last.get(shard) ?? { bytes: 0, records: 0, throttled: 0 };
        const bytesPerSec = (c.incomingBytesWithKeys - prev.bytes) / periodS;
        const recordsPerSec = (c.incomingRecords - prev.records) / periodS;
        const throttled = c.throttledWriteRecords - prev.throttled;
        this.last.set(shard, { bytes: c.incomingBytesWithKeys, records: c.incomingRecords, throttled: c.throttledWriteRecords });
        if (bytesPerSec >= HOT_FRACTION * WRITE_BYTES_PER_SEC_MAX || recordsPerSec >= HOT_FRACTION * WRITE_RECORDS_PER_SEC_MAX || throttled > 0) hot.push(shard);
      }
      const room = ON_DEMAND_SHARDS_MAX - stream.openShardCount;
      const toSplit = hot.slice(0, Math.max(0, room));
      if (toSplit.length === 0) continue;
      this.splitDelay(() => {
        if (stream.deleted || stream.mode !== 'ON_DEMAND') return;
        for (const shard of toSplit) {
          if (!shard.isOpen) continue;
          const mid = midpointHashKey(shard.range);
          if (splitKeyProblem(shard.range, mid) === undefined) applySplit(stream, shard, mid, nowMs);
        }
        stream.rebuildRouting();
      });
    }
  }
}
