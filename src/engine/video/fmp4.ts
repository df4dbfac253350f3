/**
 * Remuxes stored fragments (Matroska frames) into fragmented MP4: an initialisation segment
 * (ftyp + moov with mvex) from the track's codec private data, and one media segment (moof +
 * mdat) per fragment, or a whole clip (init + segments) for GetClip. Video tracks only: the
 * sandbox's producers send none but video; audio tracks are left out of MP4 output.
 * ISO/IEC 14496-12 §8.8 (movie fragments).
 */
import { VideoError } from './errors';
import type { MkvTrack } from './matroska';
import { box, codecString, fullBox, mp4CodecOf, u16, u32, u64, UNITY_MATRIX, videoSampleEntry, ascii } from './mp4-boxes';
import type { StoredFragment } from './video-stream';

export const VIDEO_TIMESCALE = 90_000;
const TRACK_ID = 1;

export interface Mp4Output {
  readonly init: Uint8Array;
  /** e.g. `video/mp4; codecs="avc1.42C01E"` */
  readonly mimeType: string;
  readonly codec: string;
}

/** The stream's video track, with the checks AWS makes when packaging (errors by AWS's names). */
export function videoTrackOf(fragment: StoredFragment, allowed: 'aws' | 'any' = 'aws'): MkvTrack {
  const track = fragment.header.tracks.find((t) => t.kind === 'video') ?? fragment.header.tracks[0];
  const codec = mp4CodecOf(track.codecId);
  const awsPlayable = codec === 'avc1' || codec === 'hvc1';
  if (!codec || (allowed === 'aws' && !awsPlayable)) {
    throw new VideoError('UnsupportedStreamMediaTypeException',
      `Track ${track.number} has codec ID ${track.codecId}; HLS, DASH and GetClip need V_MPEG4/ISO/AVC (H.264) or V_MPEGH/ISO/HEVC (H.265) on track 1.`);
  }
  if ((codec === 'avc1' || codec === 'hvc1') && !track.codecPrivate?.length) {
    throw new VideoError('MissingCodecPrivateDataException', `Track ${track.number} (${track.codecId}) has no codec private data (SPS/PPS); the producer must send it in the MKV header.`);
  }
  if (codec === 'avc1' && track.codecPrivate![0] !== 1) {
    throw new VideoError('InvalidCodecPrivateDataException', `Track ${track.number}'s codec private data is not an AVCDecoderConfigurationRecord (AVCC); convert Annex-B SPS/PPS to AVCC.`);
  }
  return track;
}

export function initSegment(track: MkvTrack): Mp4Output {
  const codec = mp4CodecOf(track.codecId)!;
  const width = track.width ?? 0;
  const height = track.height ?? 0;
  const ftyp = box('ftyp', ascii('isom'), u32(0x200), ascii('isom'), ascii('iso6'), ascii('mp41'), ascii(codec === 'avc1' ? 'avc1' : 'iso2'));
  const mvhd = fullBox('mvhd', 0, 0, u32(0), u32(0), u32(1000), u32(0), u32(0x00010000), u16(0x0100), new Array<number>(10).fill(0), UNITY_MATRIX, new Array<number>(24).fill(0), u32(TRACK_ID + 1));
  const tkhd = fullBox('tkhd', 0, 3, u32(0), u32(0), u32(TRACK_ID), u32(0), u32(0), new Array<number>(8).fill(0), u16(0), u16(0), u16(0), u16(0), UNITY_MATRIX, u32(width * 65536), u32(height * 65536));
  const mdhd = fullBox('mdhd', 0, 0, u32(0), u32(0), u32(VIDEO_TIMESCALE), u32(0), u16(0x55c4), u16(0));
  const hdlr = fullBox('hdlr', 0, 0, u32(0), ascii('vide'), new Array<number>(12).fill(0), ascii('VideoHandler'), [0]);
  const stsd = fullBox('stsd', 0, 0, u32(1), videoSampleEntry(codec, width, height, track.codecPrivate));
  const empty = (type: string) => fullBox(type, 0, 0, u32(0));
  const stbl = box('stbl', stsd, empty('stts'), empty('stsc'), fullBox('stsz', 0, 0, u32(0), u32(0)), empty('stco'));
  const dinf = box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1)));
  const minf = box('minf', fullBox('vmhd', 0, 1, u16(0), u16(0), u16(0), u16(0)), dinf, stbl);
  const trak = box('trak', tkhd, box('mdia', mdhd, hdlr, minf));
  const mvex = box('mvex', fullBox('trex', 0, 0, u32(TRACK_ID), u32(1), u32(0), u32(0), u32(0)));
  const moov = box('moov', mvhd, trak, mvex);
  const out = new Uint8Array(ftyp.length + moov.length);
  out.set(ftyp, 0);
  out.set(moov, ftyp.length);
  const c = codecString(codec, track.codecPrivate);
  return { init: out, codec: c, mimeType: `video/mp4; codecs="${c}"` };
}

const toTicks = (ms: number): number => Math.round((ms * VIDEO_TIMESCALE) / 1000);

/**
 * One media segment (moof + mdat) for a fragment's video frames. `baseMs` is the timeline origin
 * (decode times are producer time − baseMs), `sequence` the moof sequence number.
 */
export function mediaSegment(fragment: StoredFragment, trackNumber: number, sequence: number, baseMs: number): Uint8Array {
  const frames = fragment.frames.filter((f) => f.track === trackNumber);
  if (frames.length === 0) throw new VideoError('InvalidMediaFrameException', `Fragment ${fragment.number} has no frame on track ${trackNumber}.`);
  const start = fragment.producerTimestampMs;
  const endMs = start + fragment.durationMs;
  const times = frames.map((f) => toTicks(start + f.offsetMs - baseMs));
  const endTicks = toTicks(endMs - baseMs);
  const durations = times.map((t, i) => {
    const next = i + 1 < times.length ? times[i + 1] : Math.max(endTicks, t + (times.length > 1 ? times[1] - times[0] : 1));
    return Math.max(1, next - t);
  });
  const sampleBytes = frames.map((f) => f.data.length);
  const trunEntries: number[] = [];
  frames.forEach((f, i) => {
    trunEntries.push(...u32(durations[i]), ...u32(sampleBytes[i]), ...u32(f.keyframe ? 0x02000000 : 0x01010000));
  });
  const build = (dataOffset: number): Uint8Array => box('moof',
    fullBox('mfhd', 0, 0, u32(sequence)),
    box('traf',
      fullBox('tfhd', 0, 0x020000, u32(TRACK_ID)), // default-base-is-moof
      fullBox('tfdt', 1, 0, u64(Math.max(0, times[0]))),
      fullBox('trun', 0, 0x000001 | 0x000100 | 0x000200 | 0x000400, u32(frames.length), u32(dataOffset), trunEntries)));
  const moofSize = build(0).length;
  const moof = build(moofSize + 8);
  let mdatSize = 8;
  for (const n of sampleBytes) mdatSize += n;
  const out = new Uint8Array(moof.length + mdatSize);
  out.set(moof, 0);
  out.set(u32(mdatSize), moof.length);
  out.set(ascii('mdat'), moof.length + 4);
  let at = moof.length + 8;
  for (const f of frames) {
    out.set(f.data, at);
    at += f.data.length;
  }
  return out;
}

/** A whole clip: init segment followed by one media segment per fragment (a fragmented MP4 file). */
export function clipMp4(fragments: readonly StoredFragment[], allowed: 'aws' | 'any' = 'aws'): { bytes: Uint8Array; mimeType: string } {
  if (fragments.length === 0) throw new VideoError('ResourceNotFoundException', 'No fragments were found in the requested range.');
  const track = videoTrackOf(fragments[0], allowed);
  const init = initSegment(track);
  const baseMs = fragments[0].producerTimestampMs;
  const parts = [init.init, ...fragments.map((f, i) => mediaSegment(f, track.number, i + 1, baseMs))];
  let n = 0;
  for (const p of parts) n += p.length;
  const bytes = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, mimeType: init.mimeType };
}
