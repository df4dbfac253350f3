/**
 * One PutMedia connection: MKV bytes in (any chunking), acknowledgements out, as KVS sends them
 * — BUFFERING when a fragment's first bytes (its cluster Timecode) arrive, RECEIVED when the
 * whole cluster is in, PERSISTED when stored with retention > 0, ERROR with an ErrorId.
 * https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_dataplane_PutMedia.html
 * Fragment-level errors (4002, 4004, 4010, 4011, quota) reject one fragment and the session goes on;
 * stream-level errors (4006 unparseable, 4001 too large, 4012 tracks, 4008 stream gone) end it.
 */
import { ACK_ERROR } from './errors';
import { VIDEO_LIMITS } from './limits';
import type { MkvCluster, MkvHeader } from './matroska';
import { MkvStreamError, MkvStreamReader, type MkvEvent } from './mkv-stream-reader';
import { PerSecondBudget } from './rate-window';
import type { StoredFrame } from './video-stream';

export type AckEventType = 'BUFFERING' | 'RECEIVED' | 'PERSISTED' | 'ERROR' | 'IDLE';

/** One acknowledgement, with AWS's field names (serialised one JSON object per line). */
export interface PutMediaAck {
  readonly EventType: AckEventType;
  readonly FragmentTimecode?: number;
  readonly FragmentNumber?: string;
  readonly ErrorId?: number;
}

export type TimecodeType = 'ABSOLUTE' | 'RELATIVE';

/** What the session needs from the service (kept narrow so the session can be tested alone). */
export interface PutMediaHost {
  nowMs(): number;
  /** False once the stream is deleted or not ACTIVE. */
  streamActive(): boolean;
  retains(): boolean;
  nextFragmentNumber(): string;
  store(fragment: {
    number: string; producerTimestampMs: number; serverTimestampMs: number; durationMs: number; sizeBytes: number;
    header: MkvHeader; frames: StoredFrame[]; persisted: boolean;
  }): void;
  /** Refines the stored duration of a fragment once the next one shows where it ended. */
  refineDuration(number: string, durationMs: number): void;
  metric(name: 'PutMedia.IncomingBytes' | 'PutMedia.IncomingFragments' | 'PutMedia.IncomingFrames' | 'PutMedia.FragmentIngestionLatency'
    | 'PutMedia.FragmentPersistLatency' | 'PutMedia.ErrorAckCount' | 'PutMedia.Success', value: number): void;
  fragmentBudget: PerSecondBudget;
  close(): void;
}

interface OpenFragment {
  readonly number: string;
  readonly timecodeMs: number;
  readonly startedMs: number;
}

export class PutMediaSession {
  private readonly reader = new MkvStreamReader(VIDEO_LIMITS.fragmentBytesMax + 1_000_000);
  private readonly bytesBudget = new PerSecondBudget(VIDEO_LIMITS.putMediaBytesPerSec);
  private header: MkvHeader | undefined;
  private open: OpenFragment | undefined;
  private lastTimecodeMs = Number.NEGATIVE_INFINITY;
  private lastFragment: { number: string; producerMs: number; lastFrameMs: number } | undefined;
  private closed = false;
  private overBitrate = false;

  constructor(
    private readonly host: PutMediaHost,
    readonly timecodeType: TimecodeType,
    /** x-amzn-producer-start-timestamp in ms (RELATIVE timecodes are offsets from it). */
    readonly producerStartMs: number,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  /** Feeds body bytes; returns the acknowledgements they cause. */
  write(bytes: Uint8Array): PutMediaAck[] {
    if (this.closed) return [];
    this.host.metric('PutMedia.IncomingBytes', bytes.length);
    if (!this.bytesBudget.tryTake(this.host.nowMs(), bytes.length)) this.overBitrate = true;
    if (!this.host.streamActive()) return this.fail(ACK_ERROR.streamNotActive);
    try {
      return this.handle(this.reader.push(bytes));
    } catch (e) {
      if (e instanceof MkvStreamError) return this.fail(e.reason === 'too-large' ? ACK_ERROR.fragmentSizeReached : ACK_ERROR.invalidMkvData);
      throw e;
    }
  }

  /** The request body ended. */
  end(): PutMediaAck[] {
    if (this.closed) return [];
    let acks: PutMediaAck[];
    try {
      acks = this.handle(this.reader.end());
    } catch (e) {
      if (e instanceof MkvStreamError) return this.fail(ACK_ERROR.invalidMkvData);
      throw e;
    }
    this.close();
    return acks;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.host.close();
  }

  private fail(errorId: number): PutMediaAck[] {
    this.host.metric('PutMedia.ErrorAckCount', 1);
    const ack: PutMediaAck = { EventType: 'ERROR', ErrorId: errorId, ...(this.open ? { FragmentTimecode: this.open.timecodeMs, FragmentNumber: this.open.number } : {}) };
    this.close();
    return [ack];
  }

  private handle(events: readonly MkvEvent[]): PutMediaAck[] {
    const acks: PutMediaAck[] = [];
    for (const ev of events) {
      if (ev.kind === 'header') {
        if (ev.header.tracks.length > VIDEO_LIMITS.tracksMax) return [...acks, ...this.fail(ACK_ERROR.moreThanAllowedTracksFound)];
        this.header = ev.header;
      } else if (ev.kind === 'cluster-start') {
        this.open = { number: this.host.nextFragmentNumber(), timecodeMs: ev.timecodeMs, startedMs: this.host.nowMs() };
        acks.push({ EventType: 'BUFFERING', FragmentTimecode: ev.timecodeMs, FragmentNumber: this.open.number });
      } else {
        acks.push(...this.finishFragment(ev.cluster));
        if (this.closed) break;
      }
    }
    return acks;
  }

  private producerMs(timecodeMs: number): number {
    return this.timecodeType === 'RELATIVE' ? this.producerStartMs + timecodeMs : timecodeMs;
  }

  private finishFragment(cluster: MkvCluster): PutMediaAck[] {
    const open = this.open!;
    this.open = undefined;
    const header = this.header!;
    const nowMs = this.host.nowMs();
    const base = { FragmentTimecode: open.timecodeMs, FragmentNumber: open.number };
    const reject = (errorId: number): PutMediaAck[] => {
      this.host.metric('PutMedia.ErrorAckCount', 1);
      this.host.metric('PutMedia.Success', 0);
      return [{ EventType: 'ERROR', ...base, ErrorId: errorId }];
    };
    if (!this.host.streamActive()) return this.fail(ACK_ERROR.streamNotActive);
    const firstMs = cluster.frames.length ? Math.min(...cluster.frames.map((f) => f.timestampMs)) : cluster.timecodeMs;
    const lastMs = cluster.frames.length ? Math.max(...cluster.frames.map((f) => f.timestampMs)) : cluster.timecodeMs;
    // 4004: a fragment's timecode must not go back within one PutMedia session.
    if (cluster.timecodeMs < this.lastTimecodeMs) return reject(ACK_ERROR.fragmentTimecodeNotMonotonic);
    const declared = new Set(header.tracks.map((t) => t.number));
    if (cluster.frames.some((f) => !declared.has(f.track))) return reject(ACK_ERROR.trackNumberMismatch);
    for (const t of header.tracks) if (!cluster.frames.some((f) => f.track === t.number)) return reject(ACK_ERROR.framesMissingForTrack);
    const durationMs = lastMs - firstMs + frameIntervalMs(cluster, header);
    if (durationMs > VIDEO_LIMITS.fragmentDurationMsMax) return reject(ACK_ERROR.fragmentDurationReached);
    // Throttled fragments (over 5 fragments/s per stream or 12.5 MB/s per session) are refused.
    // AWS documents no dedicated ack ErrorId for throttling [unconfirmed]; 4000 ("error reading
    // the data stream") is the closest the ack vocabulary offers.
    if (this.overBitrate || !this.host.fragmentBudget.tryTake(nowMs)) {
      this.overBitrate = false;
      return reject(ACK_ERROR.streamReadError);
    }
    this.lastTimecodeMs = cluster.timecodeMs;
    const producerTimestampMs = this.producerMs(cluster.timecodeMs);
    if (this.lastFragment && producerTimestampMs > this.lastFragment.lastFrameMs) {
      this.host.refineDuration(this.lastFragment.number, producerTimestampMs - this.lastFragment.producerMs);
    }
    const persisted = this.host.retains();
    this.host.store({
      number: open.number,
      producerTimestampMs,
      serverTimestampMs: open.startedMs,
      durationMs,
      sizeBytes: cluster.sizeBytes,
      header,
      frames: cluster.frames.map((f) => ({ track: f.track, offsetMs: f.timestampMs - cluster.timecodeMs, keyframe: f.keyframe, data: f.data })),
      persisted,
    });
    this.lastFragment = { number: open.number, producerMs: producerTimestampMs, lastFrameMs: this.producerMs(lastMs) };
    this.host.metric('PutMedia.IncomingFragments', 1);
    this.host.metric('PutMedia.IncomingFrames', cluster.frames.length);
    this.host.metric('PutMedia.FragmentIngestionLatency', nowMs - open.startedMs);
    this.host.metric('PutMedia.Success', 1);
    const acks: PutMediaAck[] = [{ EventType: 'RECEIVED', ...base }];
    if (persisted) {
      // The sandbox's store is in memory: a fragment is durable the moment it is complete.
      this.host.metric('PutMedia.FragmentPersistLatency', 0);
      acks.push({ EventType: 'PERSISTED', ...base });
    }
    return acks;
  }
}

/** One frame's duration: the track's DefaultDuration, else the median gap between video frames, else 0. */
export function frameIntervalMs(cluster: MkvCluster, header: MkvHeader): number {
  const video = header.tracks.find((t) => t.kind === 'video') ?? header.tracks[0];
  if (video?.defaultDurationNs) return video.defaultDurationNs / 1_000_000;
  const times = cluster.frames.filter((f) => f.track === video?.number).map((f) => f.timestampMs).sort((a, b) => a - b);
  if (times.length < 2) return 0;
  const gaps = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
  return gaps[gaps.length >> 1];
}
