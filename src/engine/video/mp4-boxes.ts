/**
 * ISO BMFF (MP4) box writing: plain and full boxes, and the sample entries for the codecs the
 * sandbox remuxes — H.264 (avc1 + avcC), H.265 (hvc1 + hvcC), VP8/VP9 (vp08/vp09 + vpcC).
 * ISO/IEC 14496-12 (boxes), 14496-15 (avcC/hvcC), VP Codec ISO Media File Format Binding v1.0 (vpcC).
 */

export function u8(n: number): number[] {
  return [n & 0xff];
}

export function u16(n: number): number[] {
  return [(n >>> 8) & 0xff, n & 0xff];
}

export function u32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

export function u64(n: number): number[] {
  const hi = Math.floor(n / 2 ** 32);
  return [...u32(hi), ...u32(n >>> 0)];
}

export function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

export type BoxPart = Uint8Array | number[];

export function box(type: string, ...parts: BoxPart[]): Uint8Array {
  let size = 8;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  out.set(u32(size), 0);
  out.set(ascii(type), 4);
  let at = 8;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function fullBox(type: string, version: number, flags: number, ...parts: BoxPart[]): Uint8Array {
  return box(type, [version, (flags >>> 16) & 0xff, (flags >>> 8) & 0xff, flags & 0xff], ...parts);
}

export const UNITY_MATRIX = [...u32(0x00010000), ...u32(0), ...u32(0), ...u32(0), ...u32(0x00010000), ...u32(0), ...u32(0), ...u32(0), ...u32(0x40000000)];

/** The codecs the muxer knows, by Matroska CodecID. */
export type Mp4VideoCodec = 'avc1' | 'hvc1' | 'vp08' | 'vp09';

export function mp4CodecOf(matroskaCodecId: string): Mp4VideoCodec | undefined {
  switch (matroskaCodecId) {
    case 'V_MPEG4/ISO/AVC': return 'avc1';
    case 'V_MPEGH/ISO/HEVC': return 'hvc1';
    case 'V_VP8': return 'vp08';
    case 'V_VP9': return 'vp09';
    default: return undefined;
  }
}

function visualSampleEntry(type: string, width: number, height: number, config: Uint8Array): Uint8Array {
  return box(type,
    [0, 0, 0, 0, 0, 0], u16(1), // reserved, data_reference_index
    u16(0), u16(0), new Array<number>(12).fill(0), // pre_defined, reserved, pre_defined
    u16(width), u16(height), u32(0x00480000), u32(0x00480000), u32(0), u16(1),
    new Array<number>(32).fill(0), // compressorname
    u16(0x0018), u16(0xffff),
    config);
}

/** VP codec configuration with the common 8-bit 4:2:0 defaults (MediaRecorder sends no CodecPrivate). */
function vpcC(codec: 'vp08' | 'vp09'): Uint8Array {
  const profile = 0;
  const level = codec === 'vp09' ? 31 : 10;
  const bitDepth = 8;
  const chromaSubsampling = 1; // 4:2:0 colocated with luma (0,0)
  return fullBox('vpcC', 1, 0, [profile, level, (bitDepth << 4) | (chromaSubsampling << 1) | 0, 1, 1, 1], u16(0));
}

export function videoSampleEntry(codec: Mp4VideoCodec, width: number, height: number, codecPrivate: Uint8Array | undefined): Uint8Array {
  switch (codec) {
    case 'avc1': return visualSampleEntry('avc1', width, height, box('avcC', codecPrivate!));
    case 'hvc1': return visualSampleEntry('hvc1', width, height, box('hvcC', codecPrivate!));
    case 'vp08':
    case 'vp09': return visualSampleEntry(codec, width, height, vpcC(codec));
  }
}

/** RFC 6381 codec string for MSE / HLS CODECS / DASH @codecs. */
export function codecString(codec: Mp4VideoCodec, codecPrivate: Uint8Array | undefined): string {
  const hex = (b: number): string => b.toString(16).padStart(2, '0').toUpperCase();
  switch (codec) {
    case 'avc1': return codecPrivate && codecPrivate.length >= 4 ? `avc1.${hex(codecPrivate[1])}${hex(codecPrivate[2])}${hex(codecPrivate[3])}` : 'avc1.42E01E';
    case 'hvc1': return 'hvc1.1.6.L93.B0';
    case 'vp08': return 'vp08.00.10.08';
    case 'vp09': return 'vp09.00.31.08';
  }
}
