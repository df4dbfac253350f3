/**
 * A Zstandard frame (RFC 8878) made of raw (stored) blocks: valid ZSTD that every decoder reads, without a
 * compressor in the bundle. Channels use it for CompressionType ZSTD; the bytes are not smaller, but the format
 * (and every tool that reads it) is the real one. Pure kernel, no imports.
 */

const MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
/** Block_Maximum_Size is at most 128 KiB (RFC 8878 §3.1.1.2.3). */
const BLOCK_MAX = 128 * 1024;

export function zstdStoredFrame(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / BLOCK_MAX));
  // Header: magic, descriptor (Single_Segment, 4-byte Frame_Content_Size), content size; then 3 bytes per block.
  const out = new Uint8Array(4 + 1 + 4 + blocks * 3 + data.length);
  out.set(MAGIC, 0);
  out[4] = (2 << 6) | (1 << 5);
  new DataView(out.buffer).setUint32(5, data.length, true);
  let o = 9;
  for (let b = 0; b < blocks; b++) {
    const start = b * BLOCK_MAX;
    const size = Math.min(BLOCK_MAX, data.length - start);
    const last = b === blocks - 1 ? 1 : 0;
    // Block_Header: Last_Block (bit 0), Block_Type 0 = Raw_Block (bits 1–2), Block_Size (bits 3–23), little-endian.
    const header = last | (0 << 1) | (size << 3);
    out[o] = header & 0xff;
    out[o + 1] = (header >>> 8) & 0xff;
    out[o + 2] = (header >>> 16) & 0xff;
    out.set(data.subarray(start, start + size), o + 3);
    o += 3 + size;
  }
  return out;
}

/**
 * Reads back a frame of raw or RLE blocks (what `zstdStoredFrame` writes); compressed blocks are refused. For
 * tests and for tools in the page that inspect delivered objects.
 */
export function zstdStoredFrameDecode(frame: Uint8Array): Uint8Array {
  if (frame.length < 6 || MAGIC.some((b, i) => frame[i] !== b)) throw new Error('not a Zstandard frame');
  const fhd = frame[4];
  const fcsFlag = fhd >>> 6;
  const singleSegment = (fhd >>> 5) & 1;
  const dictIdBytes = [0, 1, 2, 4][fhd & 3];
  const fcsBytes = [singleSegment ? 1 : 0, 2, 4, 8][fcsFlag];
  let o = 5 + (singleSegment ? 0 : 1) + dictIdBytes + fcsBytes;
  const parts: Uint8Array[] = [];
  for (;;) {
    const header = frame[o] | (frame[o + 1] << 8) | (frame[o + 2] << 16);
    const type = (header >>> 1) & 3;
    const size = header >>> 3;
    o += 3;
    if (type === 0) {
      parts.push(frame.subarray(o, o + size));
      o += size;
    } else if (type === 1) {
      parts.push(new Uint8Array(size).fill(frame[o]));
      o += 1;
    } else {
      throw new Error('compressed Zstandard blocks are not supported by this reader');
    }
    if (header & 1) break;
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let w = 0;
  for (const p of parts) {
    out.set(p, w);
    w += p.length;
  }
  return out;
}
