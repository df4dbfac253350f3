/**
 * GetImages: one image per SamplingInterval over [StartTimestamp, EndTimestamp], each from the
 * key frame of the fragment that holds the timestamp (KVS generates images from I-frames), or an
 * Error of NO_MEDIA (no fragment there) / MEDIA_ERROR (a frame this decoder cannot decode).
 * https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/API_reader_GetImages.html
 * Decoding is pluggable: the default decodes the sandbox's own I_PCM H.264 key frames exactly;
 * the console passes frames to the browser's WebCodecs decoder instead (see selectImageFrames).
 */
import { checkSelectorType, requireRetention, timestampOf, type TimestampKind } from './archive';
import { VideoError } from './errors';
import { VIDEO_LIMITS } from './limits';
import { decodePcmKeyFrame } from './pcm-h264-decoder';
import { encodePng, scaleRgba } from './png';
import type { StoredFragment, StoredFrame, VideoStream } from './video-stream';

export interface GetImagesInput {
  readonly ImageSelectorType?: string;
  readonly StartTimestamp?: number;
  readonly EndTimestamp?: number;
  readonly SamplingInterval?: number;
  readonly Format?: string;
  readonly WidthPixels?: number;
  readonly HeightPixels?: number;
  readonly MaxResults?: number;
  readonly NextToken?: string;
}

export interface ImageFrame {
  readonly timestampMs: number;
  readonly fragment?: StoredFragment;
  readonly frame?: StoredFrame;
}

export interface ImageResult {
  readonly TimeStamp: number;
  readonly Error?: 'NO_MEDIA' | 'MEDIA_ERROR';
  readonly ImageContent?: string;
}

/** Validates the request and picks, per sampled timestamp, the key frame to turn into an image. */
export function selectImageFrames(stream: VideoStream, input: GetImagesInput): { frames: ImageFrame[]; nextToken?: string; format: 'JPEG' | 'PNG' } {
  requireRetention(stream);
  const kind: TimestampKind = checkSelectorType(input.ImageSelectorType, 'ImageSelectorType');
  const { StartTimestamp: start, EndTimestamp: end } = input;
  if (typeof start !== 'number' || typeof end !== 'number') throw new VideoError('InvalidArgumentException', 'StartTimestamp and EndTimestamp are required.');
  if (end < start) throw new VideoError('InvalidArgumentException', 'EndTimestamp must not be before StartTimestamp.');
  if (end - start > VIDEO_LIMITS.getImagesRangeMsMax) throw new VideoError('InvalidArgumentException', 'The difference between EndTimestamp and StartTimestamp must not exceed 300 seconds.');
  const interval = input.SamplingInterval ?? 3000;
  if (!Number.isInteger(interval) || interval < VIDEO_LIMITS.getImagesSamplingMsMin) {
    throw new VideoError('InvalidArgumentException', `SamplingInterval must be at least ${VIDEO_LIMITS.getImagesSamplingMsMin} ms (5 images per second).`);
  }
  if (input.Format !== 'JPEG' && input.Format !== 'PNG') throw new VideoError('InvalidArgumentException', 'Format must be JPEG or PNG.');
  for (const [field, v, max] of [['WidthPixels', input.WidthPixels, VIDEO_LIMITS.imageWidthMax], ['HeightPixels', input.HeightPixels, VIDEO_LIMITS.imageHeightMax]] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 1 || v > max)) throw new VideoError('InvalidArgumentException', `${field} must be 1–${max}.`);
  }
  const max = input.MaxResults ?? VIDEO_LIMITS.getImagesMaxResultsDefault;
  if (!Number.isInteger(max) || max < 1 || max > VIDEO_LIMITS.getImagesMaxResultsMax) {
    throw new VideoError('InvalidArgumentException', `MaxResults must be 1–${VIDEO_LIMITS.getImagesMaxResultsMax}.`);
  }
  let from = start;
  if (input.NextToken !== undefined) {
    from = Number(atob(input.NextToken));
    if (!Number.isFinite(from)) throw new VideoError('InvalidArgumentException', 'NextToken is not one GetImages issued.');
  }
  const held = stream.held();
  const frames: ImageFrame[] = [];
  let t = from;
  for (; t <= end && frames.length < max; t += interval) {
    const fragment = held.find((f) => timestampOf(f, kind) <= t && t < timestampOf(f, kind) + Math.max(1, f.durationMs));
    const track = fragment?.header.tracks.find((x) => x.kind === 'video')?.number;
    const frame = fragment?.frames.find((f) => f.keyframe && f.track === track);
    frames.push({ timestampMs: t, fragment, frame });
  }
  return { frames, nextToken: t <= end ? btoa(String(t)) : undefined, format: input.Format };
}

/** GetImages with the built-in decoder (PNG only: the sandbox has no JPEG encoder in Node). */
export function getImages(stream: VideoStream, input: GetImagesInput): { images: ImageResult[]; nextToken?: string } {
  const sel = selectImageFrames(stream, input);
  if (sel.format === 'JPEG') {
    throw new VideoError('InvalidArgumentException', 'This sandbox encodes JPEG images only in the console (the browser encodes them); ask for Format PNG from the local API.');
  }
  const images = sel.frames.map((f): ImageResult => {
    if (!f.fragment || !f.frame) return { TimeStamp: f.timestampMs, Error: 'NO_MEDIA' };
    const track = f.fragment.header.tracks.find((x) => x.number === f.frame!.track);
    const pic = decodePcmKeyFrame(track?.codecPrivate, f.frame.data);
    if (!pic) return { TimeStamp: f.timestampMs, Error: 'MEDIA_ERROR' };
    const { w, h } = outputSize(pic.width, pic.height, input.WidthPixels, input.HeightPixels);
    const png = encodePng(scaleRgba(pic.rgba, pic.width, pic.height, w, h), w, h);
    return { TimeStamp: f.timestampMs, ImageContent: toBase64(png) };
  });
  return { images, nextToken: sel.nextToken };
}

/** Both given → exact; one given → keep the aspect ratio; none → the source size. */
export function outputSize(width: number, height: number, w?: number, h?: number): { w: number; h: number } {
  if (w && h) return { w, h };
  if (w) return { w, h: Math.max(1, Math.round((w * height) / width)) };
  if (h) return { w: Math.max(1, Math.round((h * width) / height)), h };
  return { w: width, h: height };
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
