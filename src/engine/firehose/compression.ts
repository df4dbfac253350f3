/**
 * Object compression exactly as Firehose writes it: GZIP and ZIP (fflate), Snappy in the
 * framing ("stream") format with masked CRC-32C checksums, and Hadoop-compatible Snappy in the
 * block format of Hadoop's BlockCompressorStream. Sizes stored are the true compressed sizes.
 * Decompression is provided too, for previews and tests.
 */
import { gunzipSync, gzipSync, unzipSync, zipSync } from 'fflate';
import { compress as snappyCompress, uncompress as snappyUncompress } from 'snappyjs';

export type CompressionFormat = 'UNCOMPRESSED' | 'GZIP' | 'ZIP' | 'Snappy' | 'HADOOP_SNAPPY';
export const COMPRESSION_FORMATS: readonly CompressionFormat[] = ['UNCOMPRESSED', 'GZIP', 'ZIP', 'Snappy', 'HADOOP_SNAPPY'];

/** Object-name extensions Firehose appends (spec §6; `.hsnappy` for Hadoop-Snappy as the spec believes). */
export const COMPRESSION_EXTENSION: Readonly<Record<CompressionFormat, string>> = {
  UNCOMPRESSED: '',
  GZIP: '.gz',
  ZIP: '.zip',
  Snappy: '.snappy',
  HADOOP_SNAPPY: '.hsnappy',
};

export const CONTENT_ENCODING: Readonly<Record<CompressionFormat, string | undefined>> = {
  UNCOMPRESSED: undefined,
  GZIP: 'gzip',
  ZIP: undefined,
  Snappy: undefined,
  HADOOP_SNAPPY: undefined,
};

/** `entryName` names the single file inside a ZIP archive. */
export function compress(format: CompressionFormat, data: Uint8Array, entryName = 'data'): Uint8Array {
  switch (format) {
    case 'UNCOMPRESSED':
      return data;
    case 'GZIP':
      return gzipSync(data, { level: 6, mtime: 0 });
    case 'ZIP':
      return zipSync({ [entryName]: [data, { level: 6, mtime: new Date(Date.UTC(1980, 0, 1)) }] });
    case 'Snappy':
      return snappyFramed(data);
    case 'HADOOP_SNAPPY':
      return hadoopSnappy(data);
  }
}

export function decompress(format: CompressionFormat, data: Uint8Array): Uint8Array {
  switch (format) {
    case 'UNCOMPRESSED':
      return data;
    case 'GZIP':
      return gunzipSync(data);
    case 'ZIP': {
      const entries = Object.values(unzipSync(data));
      return concatBytes(entries);
    }
    case 'Snappy':
      return unsnappyFramed(data);
    case 'HADOOP_SNAPPY':
      return unhadoopSnappy(data);
  }
}

// --- Snappy framing format (google/snappy framing_format.txt) ---------------------------------

const FRAME_UNCOMPRESSED_MAX = 65_536;
const STREAM_IDENTIFIER = [0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59]; // "sNaPpY"

function snappyFramed(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.from(STREAM_IDENTIFIER)];
  for (let off = 0; off < data.length; off += FRAME_UNCOMPRESSED_MAX) {
    const chunk = data.subarray(off, Math.min(off + FRAME_UNCOMPRESSED_MAX, data.length));
    const packed = snappyCompress(chunk.slice());
    // Keep the smaller form, as the format allows: type 0x00 compressed, 0x01 uncompressed.
    const useRaw = packed.length >= chunk.length;
    const payload = useRaw ? chunk : packed;
    const header = new Uint8Array(8);
    const len = payload.length + 4;
    header[0] = useRaw ? 0x01 : 0x00;
    header[1] = len & 0xff;
    header[2] = (len >> 8) & 0xff;
    header[3] = (len >> 16) & 0xff;
    writeUint32LE(header, 4, maskedCrc32c(chunk));
    parts.push(header, payload);
  }
  return concatBytes(parts);
}

function unsnappyFramed(data: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [];
  let off = 0;
  while (off < data.length) {
    const type = data[off];
    const len = data[off + 1] | (data[off + 2] << 8) | (data[off + 3] << 16);
    const body = data.subarray(off + 4, off + 4 + len);
    off += 4 + len;
    if (type === 0xff) continue;
    if (type !== 0x00 && type !== 0x01) continue; // padding / skippable chunks
    const expectedCrc = readUint32LE(body, 0);
    const chunk = type === 0x00 ? snappyUncompress(body.slice(4)) : body.slice(4);
    if (maskedCrc32c(chunk) !== expectedCrc) throw new Error('snappy frame checksum mismatch');
    out.push(chunk);
  }
  return concatBytes(out);
}

// --- Hadoop BlockCompressorStream: [BE uncompressed len][BE compressed len][raw snappy]… -------

const HADOOP_BLOCK_BYTES = 256 * 1024;

function hadoopSnappy(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let off = 0; off < data.length; off += HADOOP_BLOCK_BYTES) {
    const block = data.subarray(off, Math.min(off + HADOOP_BLOCK_BYTES, data.length));
    const packed = snappyCompress(block.slice());
    const header = new Uint8Array(8);
    writeUint32BE(header, 0, block.length);
    writeUint32BE(header, 4, packed.length);
    parts.push(header, packed);
  }
  return concatBytes(parts);
}

function unhadoopSnappy(data: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [];
  let off = 0;
  while (off + 4 <= data.length) {
    const blockLen = readUint32BE(data, off);
    off += 4;
    let produced = 0;
    while (produced < blockLen) {
      const packedLen = readUint32BE(data, off);
      off += 4;
      const chunk = snappyUncompress(data.slice(off, off + packedLen));
      off += packedLen;
      produced += chunk.length;
      out.push(chunk);
    }
  }
  return concatBytes(out);
}

// --- helpers ----------------------------------------------------------------------------------

const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32c(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC32C_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function maskedCrc32c(data: Uint8Array): number {
  const crc = crc32c(data);
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

function writeUint32LE(buf: Uint8Array, off: number, v: number): void {
  buf[off] = v & 0xff;
  buf[off + 1] = (v >>> 8) & 0xff;
  buf[off + 2] = (v >>> 16) & 0xff;
  buf[off + 3] = (v >>> 24) & 0xff;
}

function readUint32LE(buf: Uint8Array, off: number): number {
  return (buf[off] | (buf[off + 1] << 8) | (buf[off + 2] << 16) | (buf[off + 3] << 24)) >>> 0;
}

function writeUint32BE(buf: Uint8Array, off: number, v: number): void {
  buf[off] = (v >>> 24) & 0xff;
  buf[off + 1] = (v >>> 16) & 0xff;
  buf[off + 2] = (v >>> 8) & 0xff;
  buf[off + 3] = v & 0xff;
}

function readUint32BE(buf: Uint8Array, off: number): number {
  return ((buf[off] << 24) | (buf[off + 1] << 16) | (buf[off + 2] << 8) | buf[off + 3]) >>> 0;
}
