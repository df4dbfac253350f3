/**
 * CloudWatch metrics of Kinesis Video Streams per stream, with AWS's names
 * (https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/monitoring.html): values added
 * during a virtual second are combined by the metric's statistic and written into bounded
 * per-second/per-minute rings of the shared MetricStore.
 */
import { MetricStore, type MetricStatistic, type SeriesWindow } from '../metrics/metric-store';

export const VIDEO_METRICS: Readonly<Record<string, MetricStatistic>> = {
  'PutMedia.Requests': 'Sum',
  'PutMedia.IncomingBytes': 'Sum',
  'PutMedia.IncomingFragments': 'Sum',
  'PutMedia.IncomingFrames': 'Sum',
  'PutMedia.ActiveConnections': 'Maximum',
  'PutMedia.ConnectionErrors': 'Sum',
  'PutMedia.FragmentIngestionLatency': 'Average',
  'PutMedia.FragmentPersistLatency': 'Average',
  'PutMedia.ErrorAckCount': 'Sum',
  'PutMedia.Success': 'Average',
  'GetMedia.Requests': 'Sum',
  'GetMedia.OutgoingBytes': 'Sum',
  'GetMedia.OutgoingFragments': 'Sum',
  'GetMedia.OutgoingFrames': 'Sum',
  'GetMedia.MillisBehindNow': 'Maximum',
  'GetMediaForFragmentList.Requests': 'Sum',
  'GetMediaForFragmentList.OutgoingBytes': 'Sum',
  'GetMediaForFragmentList.OutgoingFragments': 'Sum',
  'ListFragments.Latency': 'Average',
  'GetClip.Requests': 'Sum',
  'GetClip.OutgoingBytes': 'Sum',
  'GetHLSStreamingSessionURL.Requests': 'Sum',
  'GetDASHStreamingSessionURL.Requests': 'Sum',
  'GetHLSMediaPlaylist.Requests': 'Sum',
  'GetDASHManifest.Requests': 'Sum',
  'GetMP4InitFragment.Requests': 'Sum',
  'GetMP4MediaFragment.Requests': 'Sum',
  'GetMP4MediaFragment.OutgoingBytes': 'Sum',
  'GetImages.Requests': 'Sum',
};

export type VideoMetricName = keyof typeof VIDEO_METRICS;

interface Pending {
  second: number;
  sum: number;
  count: number;
  max: number;
}

export class VideoMetrics {
  readonly store: MetricStore;
  private readonly pending = new Map<string, Pending>();

  constructor(epochMs: number) {
    this.store = new MetricStore(epochMs);
  }

  add(stream: string, name: VideoMetricName, value: number, nowMs: number): void {
    const key = `${stream}\u0000${name}`;
    const second = this.store.secondOf(nowMs);
    let p = this.pending.get(key);
    if (!p) {
      p = { second, sum: 0, count: 0, max: Number.NEGATIVE_INFINITY };
      this.pending.set(key, p);
    } else if (p.second !== second) {
      this.write(key, p);
      p.second = second;
      p.sum = 0;
      p.count = 0;
      p.max = Number.NEGATIVE_INFINITY;
    }
    p.sum += value;
    p.count++;
    if (value > p.max) p.max = value;
  }

  /**
   * Writes every second that has ended by `nowMs` into the store. A MetricSeries takes one value
   * per second, so the current second stays pending until the clock leaves it.
   */
  flush(nowMs: number): void {
    const current = this.store.secondOf(nowMs);
    for (const [key, p] of this.pending) {
      if (p.second < current) {
        this.write(key, p);
        this.pending.delete(key);
      }
    }
  }

  private write(key: string, p: Pending): void {
    if (p.count === 0) return;
    const [stream, name] = key.split('\u0000') as [string, VideoMetricName];
    const statistic = VIDEO_METRICS[name];
    const combined = statistic === 'Sum' ? p.sum : statistic === 'Maximum' ? p.max : p.sum / p.count;
    this.store.series('stream', `video/${stream}`, name, statistic, this.store.epochMs + p.second * 1000).put(p.second, combined);
  }

  /** Series keys of one stream's metrics, as the MetricStore names them. */
  keysOf(stream: string): string[] {
    return this.store.keys(`stream:video/${stream}:`);
  }

  window(stream: string, fromMs: number, toMs: number): SeriesWindow {
    return this.store.window(this.keysOf(stream), fromMs, toMs);
  }

  /** Sum of a metric over the seconds still held (for reports). */
  total(stream: string, name: VideoMetricName): number {
    const p = this.pending.get(`${stream}\u0000${name}`);
    let sum = p ? p.sum : 0;
    const s = this.store.get(`stream:video/${stream}:${name}`);
    if (!s) return sum;
    for (let slot = s.minutes.startSlot; slot < s.minutes.endSlot; slot++) {
      const v = s.minutes.at(slot);
      if (!Number.isNaN(v)) sum += v;
    }
    return sum;
  }
}
