/**
 * Once per virtual second, turns a stream's cumulative shard counters and the second's call stats
 * into CloudWatch-named series (stream level, and shard level when enabled — the seven of the
 * spec's §9 including the shard's GetRecords iterator age, Maximum), and keeps the
 * utilisation statistics the run report needs: per-shard current and peak write utilisation
 * (max of records/1,000 and bytes/1 MiB) and a histogram over all shard-seconds for the p99.
 */
import type { Shard } from '../streams/shard';
import type { Stream } from '../streams/stream';
import { WRITE_BYTES_PER_SEC_MAX, WRITE_RECORDS_PER_SEC_MAX } from '../streams/limits';
import type { StreamCallStats } from './call-stats';
import type { MetricSeries, MetricStore } from './metric-store';

/** Utilisation histogram: 0.5% bins up to 200%, the last bin catches anything above. */
const UTIL_BINS = 401;
const UTIL_BIN_WIDTH = 0.005;

const COUNTER_FIELDS = ['incomingRecords', 'incomingBytes', 'incomingBytesWithKeys', 'throttledWriteRecords', 'throttledReadCalls', 'outgoingRecords', 'outgoingBytes'] as const;
const SHARD_SERIES: readonly [string, number][] = [['IncomingRecords', 0], ['IncomingBytes', 1], ['WriteProvisionedThroughputExceeded', 3], ['ReadProvisionedThroughputExceeded', 4], ['OutgoingRecords', 5], ['OutgoingBytes', 6]];

export class StreamSampler {
  /** Previous cumulative counters per shard number × field. */
  private prev = new Float64Array(0);
  /** Per-shard write utilisation in the last sampled second (by shard number). */
  currentUtil = new Float64Array(0);
  peakUtil = new Float64Array(0);
  readonly utilHistogram = new Float64Array(UTIL_BINS);
  /** Per-shard totals over the run (incoming records, throttled writes), by shard number. */
  totalIncoming = new Float64Array(0);
  totalThrottled = new Float64Array(0);
  private readonly streamSeries: Map<string, MetricSeries> = new Map();
  private shardSeries: MetricSeries[][] = [];
  private readonly last = new Float64Array(COUNTER_FIELDS.length);
  /** Open shard numbers, ascending; rebuilt when the shard map changes. */
  private openNumbers: number[] = [];
  private mapVersion = -1;
  private shardsSeen = -1;
  /** Closed shards read since the last sample (see Shard.sampleQueue); every other closed shard's deltas are 0. */
  private readonly touched: number[] = [];
  private readonly toSample: number[] = [];

  constructor(readonly stream: Stream, private readonly store: MetricStore, private readonly calls: StreamCallStats, readonly shardLevel: boolean) {}

  private series(name: string, statistic: 'Sum' | 'Maximum' | 'Average', nowMs: number): MetricSeries {
    let s = this.streamSeries.get(name);
    if (!s) {
      s = this.store.series('stream', this.stream.name, name, statistic, nowMs);
      this.streamSeries.set(name, s);
    }
    return s;
  }

  private grow(n: number): void {
    if (this.currentUtil.length >= n) return;
    const grow = (a: Float64Array, size: number) => { const b = new Float64Array(size); b.set(a); return b; };
    this.prev = grow(this.prev, n * COUNTER_FIELDS.length);
    this.currentUtil = grow(this.currentUtil, n);
    this.peakUtil = grow(this.peakUtil, n);
    this.totalIncoming = grow(this.totalIncoming, n);
    this.totalThrottled = grow(this.totalThrottled, n);
  }

  /** After resharding: the open shards to walk, and each newly closed shard queued once (its closing second). */
  private syncShardMap(shards: readonly Shard[]): void {
    if (this.mapVersion === this.stream.shardMapVersion && this.shardsSeen === shards.length) return;
    this.mapVersion = this.stream.shardMapVersion;
    this.shardsSeen = shards.length;
    this.openNumbers = [];
    for (const shard of shards) {
      if (shard.isOpen) this.openNumbers.push(shard.number);
      else if (shard.sampleQueue !== this.touched) {
        shard.sampleQueue = this.touched;
        shard.sampleQueued = false;
        shard.noteClosedRead();
      }
    }
  }

  /** Shard numbers to sample this second, ascending (the sums add in shard order, as a full walk would). */
  private numbersToSample(): number[] {
    const touched = this.touched.sort((a, b) => a - b);
    const open = this.openNumbers;
    const out = this.toSample;
    out.length = 0;
    let i = 0;
    let j = 0;
    while (i < open.length || j < touched.length) {
      if (j >= touched.length || (i < open.length && open[i] < touched[j])) out.push(open[i++]);
      else out.push(touched[j++]);
    }
    touched.length = 0;
    return out;
  }

  /** Samples the second that ended at `nowMs`. */
  sample(nowMs: number): void {
    const second = this.store.secondOf(nowMs) - 1;
    if (second < 0) return;
    const shards = this.stream.shards;
    this.grow(shards.length);
    this.syncShardMap(shards);
    const sum = this.last.fill(0);
    const F = COUNTER_FIELDS.length;
    const at = nowMs - 1000;
    const numbers = this.numbersToSample();
    for (let n = 0; n < numbers.length; n++) {
      const i = numbers[n];
      const shard = shards[i];
      if (shard.sampleQueued) {
        shard.sampleQueued = false;
        // A closed shard written in its closing second needs one more look to drop its utilisation to 0.
        if (shard.counters.incomingRecords !== this.prev[i * F]) shard.noteClosedRead();
      }
      const c = shard.counters;
      const base = i * F;
      const d0 = c.incomingRecords - this.prev[base];
      const d1 = c.incomingBytes - this.prev[base + 1];
      const d2 = c.incomingBytesWithKeys - this.prev[base + 2];
      const d3 = c.throttledWriteRecords - this.prev[base + 3];
      const d4 = c.throttledReadCalls - this.prev[base + 4];
      const d5 = c.outgoingRecords - this.prev[base + 5];
      const d6 = c.outgoingBytes - this.prev[base + 6];
      this.prev[base] = c.incomingRecords;
      this.prev[base + 1] = c.incomingBytes;
      this.prev[base + 2] = c.incomingBytesWithKeys;
      this.prev[base + 3] = c.throttledWriteRecords;
      this.prev[base + 4] = c.throttledReadCalls;
      this.prev[base + 5] = c.outgoingRecords;
      this.prev[base + 6] = c.outgoingBytes;
      sum[0] += d0; sum[1] += d1; sum[2] += d2; sum[3] += d3; sum[4] += d4; sum[5] += d5; sum[6] += d6;
      this.totalIncoming[i] += d0;
      this.totalThrottled[i] += d3;
      if (!shard.isOpen && d0 === 0) {
        this.currentUtil[i] = 0;
        continue;
      }
      const util = Math.max(d0 / WRITE_RECORDS_PER_SEC_MAX, d2 / WRITE_BYTES_PER_SEC_MAX);
      this.currentUtil[i] = util;
      if (util > this.peakUtil[i]) this.peakUtil[i] = util;
      this.utilHistogram[Math.min(UTIL_BINS - 1, Math.floor(util / UTIL_BIN_WIDTH))]++;
      if (this.shardLevel) {
        let row = this.shardSeries[i];
        if (!row) {
          row = this.shardSeries[i] = SHARD_SERIES.map(([name]) => this.store.series('shard', `${this.stream.name}/${shard.id}`, name, 'Sum', at));
          row.push(this.store.series('shard', `${this.stream.name}/${shard.id}`, 'IteratorAgeMilliseconds', 'Maximum', at));
        }
        row[0].put(second, d0); row[1].put(second, d1); row[2].put(second, d3); row[3].put(second, d4); row[4].put(second, d5); row[5].put(second, d6);
        // A second without a GetRecords call on the shard keeps the age last seen (a poll-once-a-second
        // reader would otherwise draw a saw-tooth); nothing is emitted before the first call.
        const ageMs = i < this.calls.shardIteratorAgeMsMax.length ? this.calls.shardIteratorAgeMsMax[i] : -1;
        const ageSeries = row[6];
        if (ageMs >= 0) ageSeries.put(second, ageMs);
        else if (ageSeries.seconds.endSlot > 0 && !Number.isNaN(ageSeries.latest())) ageSeries.put(second, ageSeries.latest());
      }
    }
    this.series('IncomingRecords', 'Sum', at).put(second, sum[0]);
    this.series('IncomingBytes', 'Sum', at).put(second, sum[1]);
    this.series('WriteProvisionedThroughputExceeded', 'Sum', at).put(second, sum[3]);
    this.series('ReadProvisionedThroughputExceeded', 'Sum', at).put(second, sum[4]);
    this.series('OutgoingRecords', 'Sum', at).put(second, sum[5]);
    this.series('OutgoingBytes', 'Sum', at).put(second, sum[6]);
    const k = this.calls;
    const put = (name: string, stat: 'Sum' | 'Maximum' | 'Average', v: number) => this.series(name, stat, at).put(second, v);
    put('PutRecord.Success', 'Sum', k.putRecordSuccess);
    put('PutRecord.Bytes', 'Sum', k.putRecordBytes);
    put('PutRecord.Latency', 'Average', k.putRecordCalls ? k.putRecordLatencyMsSum / k.putRecordCalls : 0);
    // CloudWatch offers percentiles as statistics; here the p99 is its own series (minutes keep the worst second).
    if (k.putRecordCalls > 0 || this.streamSeries.has('PutRecord.Latency.p99')) put('PutRecord.Latency.p99', 'Maximum', k.putRecordLatency.quantileMs(0.99));
    put('PutRecords.Success', 'Sum', k.putRecordsSuccess);
    put('PutRecords.Bytes', 'Sum', k.putRecordsBytes);
    put('PutRecords.Latency', 'Average', k.putRecordsCalls ? k.putRecordsLatencyMsSum / k.putRecordsCalls : 0);
    if (k.putRecordsCalls > 0 || this.streamSeries.has('PutRecords.Latency.p99')) put('PutRecords.Latency.p99', 'Maximum', k.putRecordsLatency.quantileMs(0.99));
    put('PutRecords.TotalRecords', 'Sum', k.putRecordsTotalRecords);
    put('PutRecords.SuccessfulRecords', 'Sum', k.putRecordsSuccessfulRecords);
    put('PutRecords.FailedRecords', 'Sum', k.putRecordsFailedRecords);
    put('PutRecords.ThrottledRecords', 'Sum', k.putRecordsThrottledRecords);
    put('GetRecords.Success', 'Sum', k.getRecordsSuccess);
    put('GetRecords.Records', 'Sum', k.getRecordsRecords);
    put('GetRecords.Bytes', 'Sum', k.getRecordsBytes);
    put('GetRecords.Latency', 'Average', k.getRecordsCalls ? k.getRecordsLatencyMsSum / k.getRecordsCalls : 0);
    put('GetRecords.IteratorAgeMilliseconds', 'Maximum', k.getRecordsIteratorAgeMsMax);
    put('SubscribeToShardEvent.Success', 'Sum', k.subscribeEvents);
    put('SubscribeToShardEvent.Records', 'Sum', k.subscribeEventRecords);
    put('SubscribeToShardEvent.Bytes', 'Sum', k.subscribeEventBytes);
    put('SubscribeToShardEvent.MillisBehindLatest', 'Maximum', k.subscribeMillisBehindMax);
    k.reset();
  }

  /** Utilisation at quantile q (0…1) over every sampled open-shard second, from the histogram. */
  utilQuantile(q: number): number {
    let total = 0;
    for (const v of this.utilHistogram) total += v;
    if (total === 0) return 0;
    let seen = 0;
    for (let b = 0; b < UTIL_BINS; b++) {
      seen += this.utilHistogram[b];
      if (seen >= q * total) return Math.min(b + 1, UTIL_BINS - 1) * UTIL_BIN_WIDTH;
    }
    return (UTIL_BINS - 1) * UTIL_BIN_WIDTH;
  }
}
