/**
 * A synthetic camera: the H.264 test pattern packaged as a live Matroska stream, one cluster per
 * key frame (the producer SDK's default key_frame_fragmentation). Used by the scenario's video
 * producers, the CLI and the tests; the console's synthetic source uses the browser's encoder
 * instead. Deterministic: the same options give the same bytes.
 */
import type { MkvFrame, MkvHeader } from './matroska';
import { liveClusterStart, mkvCluster, mkvStreamHeader, simpleBlock } from './mkv-writer';
import { TestPatternEncoder, drawTestPattern } from './test-pattern-h264';

export interface TestPatternOptions {
  readonly width: number;
  readonly height: number;
  readonly framesPerSecond: number;
  /** Frames per fragment: a key frame starts each one. */
  readonly keyFrameInterval: number;
}

export const DEFAULT_TEST_PATTERN: TestPatternOptions = { width: 160, height: 96, framesPerSecond: 10, keyFrameInterval: 20 };

export class TestPatternSource {
  readonly header: MkvHeader;
  private readonly encoder: TestPatternEncoder;
  private frameIndex = 0;
  private pending: MkvFrame[] = [];

  constructor(readonly options: TestPatternOptions = DEFAULT_TEST_PATTERN, docType: 'matroska' | 'webm' = 'matroska') {
    this.encoder = new TestPatternEncoder(options.width, options.height);
    this.header = {
      docType,
      timecodeScaleNs: 1_000_000,
      tracks: [{
        number: 1, uid: 1, kind: 'video', codecId: 'V_MPEG4/ISO/AVC', codecPrivate: this.encoder.codecPrivate,
        name: 'test pattern', width: options.width, height: options.height,
        defaultDurationNs: Math.round(1e9 / options.framesPerSecond),
      }],
    };
  }

  /** The stream's start: EBML header, unknown-size Segment, Info and Tracks. */
  headerBytes(): Uint8Array {
    return mkvStreamHeader(this.header);
  }

  get frameIntervalMs(): number {
    return 1000 / this.options.framesPerSecond;
  }

  /**
   * Encodes the frame captured at `timestampMs` (producer clock). Returns a complete cluster when
   * this frame is a key frame that closes the previous fragment, else undefined.
   */
  capture(timestampMs: number): Uint8Array | undefined {
    const key = this.frameIndex % this.options.keyFrameInterval === 0;
    this.frameIndex++;
    const picture = drawTestPattern(this.options.width, this.options.height, timestampMs);
    const frame: MkvFrame = { track: 1, timestampMs: Math.round(timestampMs), keyframe: key, data: this.encoder.encode(picture, key) };
    let done: Uint8Array | undefined;
    if (key && this.pending.length > 0) done = this.flush();
    this.pending.push(frame);
    return done;
  }

  /**
   * Live mode: the bytes to send for the frame captured at `timestampMs` right away — a key
   * frame opens a new unknown-size Cluster, as a streaming producer writes it, so the service
   * sees a fragment's first byte when its key frame is captured and its end at the next one.
   */
  captureLive(timestampMs: number): Uint8Array {
    const key = this.frameIndex % this.options.keyFrameInterval === 0;
    this.frameIndex++;
    const picture = drawTestPattern(this.options.width, this.options.height, timestampMs);
    const frame: MkvFrame = { track: 1, timestampMs: Math.round(timestampMs), keyframe: key, data: this.encoder.encode(picture, key) };
    if (key) this.liveClusterMs = frame.timestampMs;
    const block = simpleBlock(frame, this.liveClusterMs);
    if (!key) return block;
    const start = liveClusterStart(frame.timestampMs);
    const out = new Uint8Array(start.length + block.length);
    out.set(start, 0);
    out.set(block, start.length);
    return out;
  }

  private liveClusterMs = 0;

  /** Closes the fragment in progress (end of recording). */
  flush(): Uint8Array | undefined {
    if (this.pending.length === 0) return undefined;
    const cluster = mkvCluster(this.pending[0].timestampMs, this.pending);
    this.pending = [];
    return cluster;
  }
}

/** A whole recording as one MKV byte array: `seconds` of test pattern from producer time `startMs`. */
export function recordTestPattern(startMs: number, seconds: number, options: TestPatternOptions = DEFAULT_TEST_PATTERN): Uint8Array {
  const src = new TestPatternSource(options);
  const parts = [src.headerBytes()];
  const frames = Math.round(seconds * options.framesPerSecond);
  for (let i = 0; i < frames; i++) {
    const c = src.capture(startMs + i * src.frameIntervalMs);
    if (c) parts.push(c);
  }
  const last = src.flush();
  if (last) parts.push(last);
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
