/**
 * Matroska/WebM vocabulary: the element IDs this sandbox reads and writes, the parsed shapes of
 * tracks, frames and clusters, and the decoding of Info, Tracks and (Simple)Block elements.
 * Element IDs from the Matroska specification, https://www.matroska.org/technical/elements.html.
 */
import { EbmlError, readChildren, readFloat, readString, readUint, type ChildElement } from './ebml';

export const ID = {
  EBML: 0x1a45dfa3,
  EBMLVersion: 0x4286,
  EBMLReadVersion: 0x42f7,
  EBMLMaxIDLength: 0x42f2,
  EBMLMaxSizeLength: 0x42f3,
  DocType: 0x4282,
  DocTypeVersion: 0x4287,
  DocTypeReadVersion: 0x4285,
  Void: 0xec,
  CRC32: 0xbf,
  Segment: 0x18538067,
  SeekHead: 0x114d9b74,
  Info: 0x1549a966,
  TimecodeScale: 0x2ad7b1,
  Duration: 0x4489,
  MuxingApp: 0x4d80,
  WritingApp: 0x5741,
  Title: 0x7ba9,
  Tracks: 0x1654ae6b,
  TrackEntry: 0xae,
  TrackNumber: 0xd7,
  TrackUID: 0x73c5,
  TrackType: 0x83,
  CodecID: 0x86,
  CodecPrivate: 0x63a2,
  CodecName: 0x258688,
  DefaultDuration: 0x23e383,
  Name: 0x536e,
  Video: 0xe0,
  PixelWidth: 0xb0,
  PixelHeight: 0xba,
  Audio: 0xe1,
  SamplingFrequency: 0xb5,
  Channels: 0x9f,
  Cluster: 0x1f43b675,
  Timecode: 0xe7,
  Position: 0xa7,
  PrevSize: 0xab,
  SimpleBlock: 0xa3,
  BlockGroup: 0xa0,
  Block: 0xa1,
  ReferenceBlock: 0xfb,
  BlockDuration: 0x9b,
  Cues: 0x1c53bb6b,
  Chapters: 0x1043a770,
  Attachments: 0x1941a469,
  Tags: 0x1254c367,
  Tag: 0x7373,
  Targets: 0x63c0,
  SimpleTag: 0x67c8,
  TagName: 0x45a3,
  TagString: 0x4487,
} as const;

/** Elements that may follow a Cluster at Segment level: seeing one ends an unknown-size Cluster. */
export const SEGMENT_LEVEL_IDS: ReadonlySet<number> = new Set([
  ID.SeekHead, ID.Info, ID.Tracks, ID.Cluster, ID.Cues, ID.Chapters, ID.Attachments, ID.Tags, ID.EBML, ID.Segment,
]);

export type TrackKind = 'video' | 'audio' | 'other';

export interface MkvTrack {
  readonly number: number;
  readonly uid: number;
  readonly kind: TrackKind;
  /** Matroska codec ID, e.g. "V_MPEG4/ISO/AVC", "V_VP8", "V_VP9", "A_OPUS", "A_AAC". */
  readonly codecId: string;
  readonly codecPrivate?: Uint8Array;
  readonly name?: string;
  readonly width?: number;
  readonly height?: number;
  readonly samplingFrequency?: number;
  readonly channels?: number;
  readonly defaultDurationNs?: number;
}

export interface MkvFrame {
  readonly track: number;
  /** Absolute presentation time in milliseconds (cluster timecode + block offset, scaled). */
  readonly timestampMs: number;
  readonly keyframe: boolean;
  readonly data: Uint8Array;
}

export interface MkvCluster {
  /** Cluster timecode in milliseconds. */
  readonly timecodeMs: number;
  readonly frames: readonly MkvFrame[];
  /** Bytes this cluster took in the input (header included). */
  readonly sizeBytes: number;
}

export interface MkvHeader {
  readonly docType: string;
  /** Nanoseconds per timecode tick (Info/TimecodeScale), default 1 ms. */
  readonly timecodeScaleNs: number;
  readonly tracks: readonly MkvTrack[];
  readonly title?: string;
}

export const DEFAULT_TIMECODE_SCALE_NS = 1_000_000;

export function parseEbmlHeader(data: Uint8Array): { docType: string } {
  let docType = 'matroska';
  for (const c of readChildren(data)) if (c.id === ID.DocType) docType = readString(c.data);
  if (docType !== 'matroska' && docType !== 'webm') throw new EbmlError(`DocType "${docType}" is not Matroska or WebM`);
  return { docType };
}

export function parseInfo(data: Uint8Array): { timecodeScaleNs: number; title?: string } {
  let timecodeScaleNs = DEFAULT_TIMECODE_SCALE_NS;
  let title: string | undefined;
  for (const c of readChildren(data)) {
    if (c.id === ID.TimecodeScale) timecodeScaleNs = readUint(c.data);
    else if (c.id === ID.Title) title = readString(c.data);
  }
  if (!(timecodeScaleNs > 0)) throw new EbmlError('Info/TimecodeScale must be positive');
  return { timecodeScaleNs, title };
}

function parseTrackEntry(entry: ChildElement): MkvTrack {
  let number = 0;
  let uid = 0;
  let type = 0;
  let codecId = '';
  let codecPrivate: Uint8Array | undefined;
  let name: string | undefined;
  let width: number | undefined;
  let height: number | undefined;
  let samplingFrequency: number | undefined;
  let channels: number | undefined;
  let defaultDurationNs: number | undefined;
  for (const c of readChildren(entry.data)) {
    switch (c.id) {
      case ID.TrackNumber: number = readUint(c.data); break;
      case ID.TrackUID: uid = readUint(c.data); break;
      case ID.TrackType: type = readUint(c.data); break;
      case ID.CodecID: codecId = readString(c.data); break;
      case ID.CodecPrivate: codecPrivate = c.data.slice(); break;
      case ID.Name: name = readString(c.data); break;
      case ID.DefaultDuration: defaultDurationNs = readUint(c.data); break;
      case ID.Video:
        for (const v of readChildren(c.data)) {
          if (v.id === ID.PixelWidth) width = readUint(v.data);
          else if (v.id === ID.PixelHeight) height = readUint(v.data);
        }
        break;
      case ID.Audio:
        for (const a of readChildren(c.data)) {
          if (a.id === ID.SamplingFrequency) samplingFrequency = readFloat(a.data);
          else if (a.id === ID.Channels) channels = readUint(a.data);
        }
        break;
      default: break;
    }
  }
  if (number === 0) throw new EbmlError('a TrackEntry has no TrackNumber');
  if (codecId === '') throw new EbmlError(`track ${number} has no CodecID`);
  const kind: TrackKind = type === 1 ? 'video' : type === 2 ? 'audio' : 'other';
  return { number, uid: uid || number, kind, codecId, codecPrivate, name, width, height, samplingFrequency, channels, defaultDurationNs };
}

export function parseTracks(data: Uint8Array): MkvTrack[] {
  return readChildren(data).filter((c) => c.id === ID.TrackEntry).map(parseTrackEntry);
}

export interface ParsedBlock {
  readonly track: number;
  readonly relativeTicks: number;
  readonly keyframe: boolean;
  /** One frame, or several when the block is laced (all share the block's timecode). */
  readonly frames: readonly Uint8Array[];
}

function readVint(data: Uint8Array, at: number): { value: number; length: number } {
  const first = data[at];
  let len = 1;
  while (len <= 8 && !(first & (0x80 >> (len - 1)))) len++;
  if (len > 8 || at + len > data.length) throw new EbmlError('truncated variable-length integer in a block');
  let value = first & (0xff >> len);
  for (let i = 1; i < len; i++) value = value * 256 + data[at + i];
  return { value, length: len };
}

/**
 * Decodes a SimpleBlock or Block body: track number (VINT), signed 16-bit timecode offset,
 * flags, then one frame or a lace (Xiph, fixed-size or EBML lacing, as mkvmerge writes for audio).
 * https://www.matroska.org/technical/notes.html#block-lacing
 */
export function parseBlock(data: Uint8Array, simple: boolean): ParsedBlock {
  const { value: track, length: len } = readVint(data, 0);
  if (data.length < len + 3) throw new EbmlError('truncated block header');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const relativeTicks = view.getInt16(len);
  const flags = data[len + 2];
  const keyframe = simple ? (flags & 0x80) !== 0 : false;
  const lacing = (flags >> 1) & 3;
  let at = len + 3;
  if (lacing === 0) return { track, relativeTicks, keyframe, frames: [data.subarray(at)] };
  if (at >= data.length) throw new EbmlError('truncated lace header');
  const count = data[at++] + 1;
  const sizes: number[] = [];
  if (lacing === 1) { // Xiph
    for (let i = 0; i < count - 1; i++) {
      let size = 0;
      for (;;) {
        if (at >= data.length) throw new EbmlError('truncated Xiph lace sizes');
        const b = data[at++];
        size += b;
        if (b < 255) break;
      }
      sizes.push(size);
    }
  } else if (lacing === 3) { // EBML: first size, then signed differences
    const first = readVint(data, at);
    at += first.length;
    sizes.push(first.value);
    for (let i = 1; i < count - 1; i++) {
      const d = readVint(data, at);
      at += d.length;
      const signed = d.value - (2 ** (7 * d.length - 1) - 1);
      sizes.push(sizes[i - 1] + signed);
    }
  }
  const rest = data.length - at - sizes.reduce((a, b) => a + b, 0);
  if (lacing === 2) { // fixed
    if ((data.length - at) % count) throw new EbmlError('a fixed-size lace does not divide evenly');
    for (let i = 0; i < count - 1; i++) sizes.push((data.length - at) / count);
  }
  sizes.push(lacing === 2 ? (data.length - at) / count : rest);
  if (sizes.some((n) => n < 0)) throw new EbmlError('lace sizes overrun the block');
  const frames: Uint8Array[] = [];
  for (const n of sizes) {
    frames.push(data.subarray(at, at + n));
    at += n;
  }
  return { track, relativeTicks, keyframe, frames };
}

/** Decodes the children of one complete Cluster into frames with absolute ms timestamps. */
export function parseClusterBody(children: readonly ChildElement[], timecodeScaleNs: number, sizeBytes: number): MkvCluster {
  let timecode: number | undefined;
  const blocks: ParsedBlock[] = [];
  for (const c of children) {
    if (c.id === ID.Timecode) timecode = readUint(c.data);
    else if (c.id === ID.SimpleBlock) blocks.push(parseBlock(c.data, true));
    else if (c.id === ID.BlockGroup) {
      let block: ParsedBlock | undefined;
      let referenced = false;
      for (const g of readChildren(c.data)) {
        if (g.id === ID.Block) block = parseBlock(g.data, false);
        else if (g.id === ID.ReferenceBlock) referenced = true;
      }
      // A Block without ReferenceBlock depends on no other frame: a key frame.
      if (block) blocks.push({ ...block, keyframe: !referenced });
    }
  }
  if (timecode === undefined) throw new EbmlError('a Cluster has no Timecode element');
  // Scale first: absolute timecodes (epoch ms × 10^6 ns) overflow 2^53 and would lose their last digits.
  const toMs = (ticks: number): number => ticks * (timecodeScaleNs / 1_000_000);
  const frames = blocks.flatMap((b) => b.frames.map((data, i) => ({
    track: b.track, timestampMs: toMs(timecode! + b.relativeTicks), keyframe: b.keyframe && i === 0, data: data.slice(),
  })));
  return { timecodeMs: toMs(timecode), frames, sizeBytes };
}
