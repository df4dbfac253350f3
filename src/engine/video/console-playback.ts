/**
 * Playback for the console: fMP4 init and media segments of any codec the muxer knows (H.264,
 * H.265, VP8, VP9), for a <video> element fed through Media Source Extensions. Unlike the AWS
 * API path (HLS/DASH/GetClip accept H.264/H.265 only, as AWS does), this also plays what a
 * browser's MediaRecorder writes — VP8/VP9, or H.264 with Annex-B samples and no CodecPrivate.
 */
import { VideoError } from './errors';
import { initSegment, mediaSegment, videoTrackOf } from './fmp4';
import { annexBToAvcc, avcCFromSamples, isAnnexB } from './h264-annexb';
import type { MkvTrack } from './matroska';
import type { StoredFragment, VideoStream } from './video-stream';

function normalised(fragment: StoredFragment): StoredFragment {
  const track = fragment.header.tracks.find((t) => t.kind === 'video') ?? fragment.header.tracks[0];
  if (track.codecId !== 'V_MPEG4/ISO/AVC') return fragment;
  const frames = fragment.frames.map((f) => (f.track === track.number && isAnnexB(f.data) ? { ...f, data: annexBToAvcc(f.data) } : f));
  let t: MkvTrack = track;
  if (!track.codecPrivate?.length || track.codecPrivate[0] !== 1) {
    const avcC = avcCFromSamples(fragment.frames.filter((f) => f.track === track.number).map((f) => f.data));
    if (!avcC) throw new VideoError('MissingCodecPrivateDataException', 'No SPS/PPS in the CodecPrivate or in the key frame.');
    t = { ...track, codecPrivate: avcC };
  }
  return { ...fragment, frames, header: { ...fragment.header, tracks: fragment.header.tracks.map((x) => (x.number === t.number ? t : x)) } };
}

export interface PlaybackInit {
  readonly mimeType: string;
  readonly init: Uint8Array;
}

export function playbackInit(stream: VideoStream, fromNumber?: string): PlaybackInit {
  const first = (fromNumber ? stream.byNumber(fromNumber) : undefined) ?? stream.latest();
  if (!first) throw new VideoError('ResourceNotFoundException', `The stream ${stream.name} holds no fragments yet.`);
  const seg = initSegment(videoTrackOf(normalised(first), 'any'));
  return { mimeType: seg.mimeType, init: seg.init };
}

/** Media segments for the given fragments; decode times count from `baseMs` (producer time). */
export function playbackSegments(stream: VideoStream, numbers: readonly string[], baseMs: number): Array<{ number: string; bytes: Uint8Array }> {
  const out: Array<{ number: string; bytes: Uint8Array }> = [];
  for (const n of numbers) {
    const f = stream.byNumber(n);
    if (!f) continue; // expired meanwhile
    const g = normalised(f);
    const track = videoTrackOf(g, 'any');
    out.push({ number: n, bytes: mediaSegment(g, track.number, stream.ordinalOf(n) + 1, baseMs) });
  }
  return out;
}

/** A clip of any supported codec as fragmented MP4 (the console's download). */
export function playbackClip(stream: VideoStream, fragments: readonly StoredFragment[]): Uint8Array {
  if (!fragments.length) throw new VideoError('ResourceNotFoundException', 'No fragments in the requested range.');
  const init = playbackInit(stream, fragments[0].number);
  const segs = playbackSegments(stream, fragments.map((f) => f.number), fragments[0].producerTimestampMs);
  const parts = [init.init, ...segs.map((s) => s.bytes)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
