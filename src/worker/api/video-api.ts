/**
 * Worker operations for the Video Streams page, on the world's `videoStreams` part: create and
 * delete streams, change retention, start/stop the in-simulation test-pattern camera, relay the
 * page's MediaRecorder output into PutMedia sessions (acks back), and fetch what the player, the
 * clip download and the image strip need. Every answer is a WorkerResult with the AWS error name.
 */
import * as Comlink from 'comlink';
import type { WorkerContext } from './context';
import { AwsServiceError } from '../../engine/api/result';
import { done, failure, NO_SCENARIO, type WorkerResult } from './worker-result';
import { fragmentsInRange } from '../../engine/video/archive';
import { playbackClip, playbackInit, playbackSegments, type PlaybackInit } from '../../engine/video/console-playback';
import type { PutMediaAck, PutMediaSession } from '../../engine/video/put-media-session';
import type { TestPatternOptions } from '../../engine/video/test-pattern-source';
import type { VideoWorld } from '../../engine/video/video-world';
import { consoleImages, type ConsoleImage } from './video-images';

export type { VideoSlice, VideoStreamView } from '../../engine/video/video-world';
export type { PutMediaAck } from '../../engine/video/put-media-session';
export type { ConsoleImage } from './video-images';


export interface VideoApi {
  videoCreateStream(name: string, retentionHours: number, mediaType?: string): Promise<WorkerResult>;
  videoDeleteStream(name: string): Promise<WorkerResult>;
  videoChangeRetention(name: string, hours: number): Promise<WorkerResult>;
  videoStartCamera(name: string, options: Partial<TestPatternOptions>): Promise<WorkerResult>;
  videoStopCamera(name: string): Promise<WorkerResult>;
  /** Opens PutMedia for the page's recorder (RELATIVE timecodes from the virtual clock's now); the value is the session id. */
  videoOpenPutMedia(name: string): Promise<WorkerResult<number>>;
  videoPutMediaWrite(session: number, bytes: Uint8Array): Promise<PutMediaAck[]>;
  videoPutMediaEnd(session: number): Promise<PutMediaAck[]>;
  videoPlaybackInit(name: string, fromNumber?: string): Promise<WorkerResult<PlaybackInit>>;
  videoPlaybackSegments(name: string, numbers: string[], baseMs: number): Promise<Array<{ number: string; bytes: Uint8Array }>>;
  videoClip(name: string, startMs: number, endMs: number): Promise<WorkerResult<{ bytes: Uint8Array; fragments: number }>>;
  videoImages(name: string, startMs: number, endMs: number, samplingMs: number, format: 'JPEG' | 'PNG', widthPixels?: number): Promise<WorkerResult<ConsoleImage[]>>;
}

/**
 * Runs a Video Streams call: AWS errors keep their names; the media code's own errors (a malformed
 * recorder chunk) come back under their Error name rather than crossing Comlink as a throw.
 */
function outcome<T>(body: () => T): WorkerResult<T> {
  try {
    return done(body());
  } catch (e) {
    if (e instanceof AwsServiceError) return failure(e.toShape());
    return failure({ name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) });
  }
}

export function videoApi(ctx: WorkerContext): VideoApi {
  const world = (): VideoWorld | undefined => ctx.world()?.world.parts.videoStreams;
  const sessions = new Map<number, PutMediaSession>();
  let nextSession = 1;
  const after = <T,>(v: T): T => {
    ctx.host.publishNow();
    return v;
  };
  const withWorld = async <T,>(body: (w: VideoWorld) => T): Promise<WorkerResult<T>> => {
    const w = world();
    return w ? after(outcome(() => body(w))) : NO_SCENARIO;
  };
  return {
    videoCreateStream: (name, retentionHours, mediaType) => withWorld((w) => {
      w.service.createStream({ StreamName: name, DataRetentionInHours: retentionHours, ...(mediaType ? { MediaType: mediaType } : {}) });
    }),
    videoDeleteStream: (name) => withWorld((w) => {
      w.stopProducer(name);
      const s = w.service.resolve({ StreamName: name });
      w.service.deleteStream({ StreamARN: s.arn });
    }),
    videoChangeRetention: (name, hours) => withWorld((w) => {
      const s = w.service.resolve({ StreamName: name });
      if (hours === s.retentionHours) return;
      w.service.updateDataRetention({
        StreamName: name, CurrentVersion: s.version, Operation: hours > s.retentionHours ? 'INCREASE_DATA_RETENTION' : 'DECREASE_DATA_RETENTION',
        DataRetentionChangeInHours: Math.abs(hours - s.retentionHours),
      });
    }),
    videoStartCamera: (name, options) => withWorld((w) => {
      w.service.resolve({ StreamName: name });
      w.startProducer(name, options);
    }),
    videoStopCamera: (name) => withWorld((w) => {
      w.stopProducer(name);
    }),
    videoOpenPutMedia: (name) => withWorld((w) => {
      const s = w.service.openPutMedia({ StreamName: name }, 'RELATIVE', w.sim.nowMs);
      const id = nextSession++;
      sessions.set(id, s);
      return id;
    }),
    async videoPutMediaWrite(session, bytes) {
      const s = sessions.get(session);
      if (!s) return [{ EventType: 'ERROR', ErrorId: 4000 }];
      const acks = s.write(bytes);
      if (s.isClosed) sessions.delete(session);
      return after(acks);
    },
    async videoPutMediaEnd(session) {
      const s = sessions.get(session);
      sessions.delete(session);
      return s ? after(s.end()) : [];
    },
    async videoPlaybackInit(name, fromNumber) {
      const w = world();
      if (!w) return NO_SCENARIO;
      const r = outcome(() => playbackInit(w.service.resolve({ StreamName: name }), fromNumber));
      return r.ok ? Comlink.transfer(r, [r.value.init.buffer as ArrayBuffer]) : r;
    },
    async videoPlaybackSegments(name, numbers, baseMs) {
      const w = world();
      if (!w) return [];
      try {
        const segs = playbackSegments(w.service.resolve({ StreamName: name }), numbers, baseMs);
        return Comlink.transfer(segs, segs.map((s) => s.bytes.buffer as ArrayBuffer));
      } catch (e) {
        if (e instanceof AwsServiceError) return [];
        throw e;
      }
    },
    async videoClip(name, startMs, endMs) {
      const w = world();
      if (!w) return NO_SCENARIO;
      const r = outcome(() => {
        const s = w.service.resolve({ StreamName: name });
        const fragments = fragmentsInRange(s, 'PRODUCER_TIMESTAMP', startMs, endMs).slice(0, 200);
        const bytes = playbackClip(s, fragments);
        w.service.metric(s, 'GetClip.Requests', 1);
        w.service.metric(s, 'GetClip.OutgoingBytes', bytes.length);
        return { bytes, fragments: fragments.length };
      });
      return r.ok ? Comlink.transfer(r, [r.value.bytes.buffer as ArrayBuffer]) : r;
    },
    async videoImages(name, startMs, endMs, samplingMs, format, widthPixels) {
      const w = world();
      if (!w) return NO_SCENARIO;
      try {
        const s = w.service.resolve({ StreamName: name });
        const images = await consoleImages(s, {
          ImageSelectorType: 'PRODUCER_TIMESTAMP', StartTimestamp: startMs, EndTimestamp: endMs, SamplingInterval: samplingMs, Format: format,
          WidthPixels: widthPixels, MaxResults: 100,
        });
        w.service.metric(s, 'GetImages.Requests', 1);
        return Comlink.transfer(done(images), images.flatMap((i) => (i.bytes ? [i.bytes.buffer as ArrayBuffer] : [])));
      } catch (e) {
        if (e instanceof AwsServiceError) return failure(e.toShape());
        throw e;
      }
    },
  };
}
