/**
 * What the sampler has seen, in bounded memory: per-shard and total records and bytes per second
 * (a ring of the last `secondsKept` seconds), partition-key counts (at most `keysMax` distinct keys;
 * records of keys beyond that are counted as overflow, never dropped silently), a log-spaced histogram
 * of record sizes, and the mean partition-key length. Pure data in, plain data out.
 */
import { utf8ByteLength } from '../engine/hash';
import { onDemandBilledBytes } from '../engine/capacity/units';

export interface SampledRecord {
  readonly partitionKey: string;
  /** Data blob bytes (what the record-size distribution of a workload means). */
  readonly dataBytes: number;
}

export interface KeyCount {
  readonly key: string;
  readonly records: number;
  readonly bytes: number;
  readonly shardId: string;
}

/** Record counts per wall-clock second in a fixed ring. */
class SecondSeries {
  private readonly records: Float64Array;
  private readonly bytes: Float64Array;
  private readonly stamp: Float64Array;
  constructor(readonly capacity: number) {
    this.records = new Float64Array(capacity);
    this.bytes = new Float64Array(capacity);
    this.stamp = new Float64Array(capacity).fill(-1);
  }
  add(second: number, records: number, bytes: number): void {
    const i = second % this.capacity;
    if (this.stamp[i] !== second) {
      this.stamp[i] = second;
      this.records[i] = 0;
      this.bytes[i] = 0;
    }
    this.records[i] += records;
    this.bytes[i] += bytes;
  }
  /**
   * Totals over seconds [from, to] (inclusive), counting only seconds still in the ring, and the peak
   * as the highest 3-second average: records are bucketed by when a read returned them, and reads are
   * not aligned to seconds, so a single second can hold two reads' worth.
   */
  sum(from: number, to: number): { records: number; bytes: number; peakRecords: number; peakBytes: number } {
    let records = 0;
    let bytes = 0;
    const r: number[] = [];
    const b: number[] = [];
    for (let s = Math.max(from, to - this.capacity + 1); s <= to; s++) {
      const i = s % this.capacity;
      const here = this.stamp[i] === s;
      r.push(here ? this.records[i] : 0);
      b.push(here ? this.bytes[i] : 0);
      if (!here) continue;
      records += this.records[i];
      bytes += this.bytes[i];
    }
    const span = Math.min(PEAK_SMOOTHING_SEC, r.length);
    let peakRecords = 0;
    let peakBytes = 0;
    for (let i = 0; i + span <= r.length; i++) {
      let sr = 0;
      let sb = 0;
      for (let k = i; k < i + span; k++) {
        sr += r[k];
        sb += b[k];
      }
      peakRecords = Math.max(peakRecords, sr / span);
      peakBytes = Math.max(peakBytes, sb / span);
    }
    return { records, bytes, peakRecords, peakBytes };
  }
}

const PEAK_SMOOTHING_SEC = 3;

/** Record sizes in buckets 1.25× apart: ≤ ~75 buckets from 1 B to 10 MiB. */
const SIZE_RATIO = 1.25;

export interface SizeBucket {
  readonly meanBytes: number;
  readonly records: number;
}

export interface RateFigures {
  readonly recordsPerSec: number;
  readonly bytesPerSec: number;
  readonly peakRecordsPerSec: number;
  readonly peakBytesPerSec: number;
}

export class TrafficStats {
  private readonly perShard = new Map<string, SecondSeries>();
  private readonly total: SecondSeries;
  private readonly keys = new Map<string, { records: number; bytes: number; shardId: string }>();
  private readonly sizes = new Map<number, { records: number; bytes: number }>();
  private keyBytesSum = 0;
  /** What on-demand would bill for reading these records: data + key, each rounded up to 1 KiB. */
  onDemandBilledBytes = 0;
  records = 0;
  bytes = 0;
  overflowRecords = 0;
  readonly startMs: number;

  constructor(startMs: number, readonly secondsKept = 600, readonly keysMax = 20_000) {
    this.startMs = startMs;
    this.total = new SecondSeries(secondsKept);
  }

  add(nowMs: number, shardId: string, records: readonly SampledRecord[]): void {
    if (records.length === 0) return;
    const second = Math.floor(nowMs / 1000);
    let bytes = 0;
    for (const r of records) {
      bytes += r.dataBytes;
      const keyBytes = utf8ByteLength(r.partitionKey);
      this.keyBytesSum += keyBytes;
      this.onDemandBilledBytes += onDemandBilledBytes(r.dataBytes + keyBytes);
      const k = this.keys.get(r.partitionKey);
      if (k) {
        k.records++;
        k.bytes += r.dataBytes;
      } else if (this.keys.size < this.keysMax) {
        this.keys.set(r.partitionKey, { records: 1, bytes: r.dataBytes, shardId });
      } else {
        this.overflowRecords++;
      }
      const b = Math.floor(Math.log(Math.max(1, r.dataBytes)) / Math.log(SIZE_RATIO));
      const bucket = this.sizes.get(b);
      if (bucket) {
        bucket.records++;
        bucket.bytes += r.dataBytes;
      } else {
        this.sizes.set(b, { records: 1, bytes: r.dataBytes });
      }
    }
    this.records += records.length;
    this.bytes += bytes;
    let series = this.perShard.get(shardId);
    if (!series) {
      series = new SecondSeries(this.secondsKept);
      this.perShard.set(shardId, series);
    }
    series.add(second, records.length, bytes);
    this.total.add(second, records.length, bytes);
  }

  /** Rates over the last `windowSec` seconds (or since the start, if shorter). */
  private rates(series: SecondSeries | undefined, nowMs: number, windowSec: number): RateFigures {
    const now = Math.floor(nowMs / 1000);
    const elapsedSec = Math.max(1, (nowMs - this.startMs) / 1000);
    const span = Math.min(windowSec, elapsedSec);
    const s = series?.sum(now - Math.ceil(span) + 1, now) ?? { records: 0, bytes: 0, peakRecords: 0, peakBytes: 0 };
    return { recordsPerSec: s.records / span, bytesPerSec: s.bytes / span, peakRecordsPerSec: s.peakRecords, peakBytesPerSec: s.peakBytes };
  }

  shardRates(shardId: string, nowMs: number, windowSec: number): RateFigures {
    return this.rates(this.perShard.get(shardId), nowMs, windowSec);
  }

  totalRates(nowMs: number, windowSec: number): RateFigures {
    return this.rates(this.total, nowMs, windowSec);
  }

  /** Records per second over the `seconds` whole seconds before `nowMs` (oldest first), for replay. */
  perSecond(nowMs: number, seconds: number): number[] {
    const now = Math.floor(nowMs / 1000);
    const out: number[] = [];
    for (let s = now - seconds; s < now; s++) out.push(this.total.sum(s, s).records);
    return out;
  }

  /** The most frequent keys, most records first (ties by name, so the order is stable). */
  hotKeys(n: number): KeyCount[] {
    const all = [...this.keys.entries()].map(([key, v]) => ({ key, records: v.records, bytes: v.bytes, shardId: v.shardId }));
    all.sort((a, b) => b.records - a.records || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return all.slice(0, n);
  }

  distinctKeys(): number {
    return this.keys.size;
  }

  /** Every counted key and its record count (for a workload's explicit weights). */
  keyCounts(): ReadonlyMap<string, { readonly records: number }> {
    return this.keys;
  }

  sizeHistogram(): SizeBucket[] {
    return [...this.sizes.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => ({ meanBytes: v.bytes / v.records, records: v.records }));
  }

  meanKeyBytes(): number {
    return this.records === 0 ? 0 : this.keyBytesSum / this.records;
  }
}
