/**
 * CloudWatch-style metric series at 1-second virtual resolution, rolled up to 1 minute for long
 * runs, each kept in bounded rings. Writers hold a `MetricSeries` handle (no map lookup per
 * second); readers copy windows into fresh typed arrays for transfer to the UI.
 * Series keys: `<scope>:<owner>:<MetricName>`, e.g. `stream:clickstream:IncomingBytes`,
 * `shard:clickstream/shardId-000000000003:IncomingRecords`, `consumer:kcl-app:MillisBehindLatest`.
 */
import { RingSeries } from './ring-series';

/** How a second's values combine into a minute, as CloudWatch's statistic of choice for the metric. */
export type MetricStatistic = 'Sum' | 'Maximum' | 'Average';
export type MetricScope = 'stream' | 'shard' | 'consumer' | 'producer';

export interface MetricStoreOptions {
  readonly secondsCapacity?: number;
  readonly minutesCapacity?: number;
  /** Shard series are numerous (1,000 shards × 7 metrics), so they keep shorter history. */
  readonly shardSecondsCapacity?: number;
  readonly shardMinutesCapacity?: number;
}

export class MetricSeries {
  readonly seconds: RingSeries;
  readonly minutes: RingSeries;
  private minuteSlot = -1;
  private minuteSum = 0;
  private minuteMax = Number.NEGATIVE_INFINITY;
  private minuteCount = 0;

  constructor(
    readonly key: string,
    readonly statistic: MetricStatistic,
    secondsCapacity: number,
    minutesCapacity: number,
    firstSecond: number,
  ) {
    this.seconds = new RingSeries(secondsCapacity, firstSecond);
    this.minutes = new RingSeries(minutesCapacity, Math.floor(firstSecond / 60));
  }

  /** Records the value of second `second` (seconds since the store's epoch) and updates its minute. */
  put(second: number, value: number): void {
    this.seconds.put(second, value);
    const minute = Math.floor(second / 60);
    if (minute !== this.minuteSlot) {
      this.minuteSlot = minute;
      this.minuteSum = 0;
      this.minuteMax = Number.NEGATIVE_INFINITY;
      this.minuteCount = 0;
    }
    this.minuteSum += value;
    if (value > this.minuteMax) this.minuteMax = value;
    this.minuteCount++;
    const rolled = this.statistic === 'Sum' ? this.minuteSum : this.statistic === 'Maximum' ? this.minuteMax : this.minuteSum / this.minuteCount;
    this.minutes.put(minute, rolled);
  }

  latest(): number {
    return this.seconds.latest();
  }
}

export type Resolution = 'second' | 'minute';

export interface SeriesWindow {
  readonly kind: 'series-window';
  readonly resolution: Resolution;
  /** Epoch ms of the first slot in every array. */
  readonly startMs: number;
  readonly stepMs: number;
  readonly series: Record<string, Float64Array>;
}

export class MetricStore {
  private readonly byKey = new Map<string, MetricSeries>();
  private readonly options: Required<MetricStoreOptions>;

  constructor(readonly epochMs: number, options: MetricStoreOptions = {}) {
    this.options = {
      secondsCapacity: options.secondsCapacity ?? 900,
      minutesCapacity: options.minutesCapacity ?? 1440,
      shardSecondsCapacity: options.shardSecondsCapacity ?? 300,
      shardMinutesCapacity: options.shardMinutesCapacity ?? 180,
    };
  }

  /** Seconds since the epoch for a virtual time (the second that `nowMs` falls in). */
  secondOf(nowMs: number): number {
    return Math.floor((nowMs - this.epochMs) / 1000);
  }

  /** Gets or creates the series for scope/owner/name. */
  series(scope: MetricScope, owner: string, name: string, statistic: MetricStatistic, nowMs: number): MetricSeries {
    const key = `${scope}:${owner}:${name}`;
    let s = this.byKey.get(key);
    if (!s) {
      const shard = scope === 'shard';
      s = new MetricSeries(
        key,
        statistic,
        shard ? this.options.shardSecondsCapacity : this.options.secondsCapacity,
        shard ? this.options.shardMinutesCapacity : this.options.minutesCapacity,
        Math.max(0, this.secondOf(nowMs)),
      );
      this.byKey.set(key, s);
    }
    return s;
  }

  get(key: string): MetricSeries | undefined {
    return this.byKey.get(key);
  }

  keys(prefix = ''): string[] {
    const out: string[] = [];
    for (const k of this.byKey.keys()) if (k.startsWith(prefix)) out.push(k);
    return out;
  }

  /**
   * Copies the named series over [fromMs, toMs) into fresh Float64Arrays (one per key, aligned
   * on the same slots). Pass `transferablesOf(window)` to Comlink.transfer.
   */
  window(keys: readonly string[], fromMs: number, toMs: number, resolution: Resolution = 'second'): SeriesWindow {
    const stepMs = resolution === 'second' ? 1000 : 60_000;
    const from = Math.floor((fromMs - this.epochMs) / stepMs);
    const to = Math.max(from, Math.ceil((toMs - this.epochMs) / stepMs));
    const series: Record<string, Float64Array> = {};
    for (const key of keys) {
      const s = this.byKey.get(key);
      const ring = s ? (resolution === 'second' ? s.seconds : s.minutes) : undefined;
      series[key] = ring ? ring.copyWindow(from, to) : new Float64Array(to - from).fill(Number.NaN);
    }
    return { kind: 'series-window', resolution, startMs: this.epochMs + from * stepMs, stepMs, series };
  }
}

/** The ArrayBuffers of a window, for `Comlink.transfer(window, transferablesOf(window))`. */
export function transferablesOf(win: SeriesWindow): ArrayBuffer[] {
  return Object.values(win.series).map((a) => a.buffer as ArrayBuffer);
}
