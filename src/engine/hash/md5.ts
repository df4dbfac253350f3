/**
 * MD5, written for the engine's hot path: hashing partition keys into the 128-bit hash key space.
 * Owns the compression function and UTF-8 packing; returns the digest as four big-endian uint32 words
 * (word 0 is the most significant 32 bits of the 128-bit hash key), so routing never needs hex or BigInt.
 * Pure TypeScript: no Node crypto (the engine also runs in browsers and workers).
 */

/** Module-level scratch: message words for a partition key (grown on demand, never shrunk). */
let keyWords = new Int32Array(16 * 4);
/** Scratch for the slow path (non-ASCII keys): UTF-8 bytes. */
let utf8Scratch = new Uint8Array(256);
const state = new Int32Array(4);
const blockWords = new Int32Array(16);
const sharedOut = new Uint32Array(4);
/** UTF-8 byte length of the key hashed last: partition-key bytes count towards the shard write limit. */
let lastKeyBytes = 0;

/** UTF-8 byte length of the key most recently passed to md5PartitionKey. */
export function lastHashedKeyByteLength(): number {
  return lastKeyBytes;
}

function resetState(): void {
  state[0] = 0x67452301;
  state[1] = 0xefcdab89 | 0;
  state[2] = 0x98badcfe | 0;
  state[3] = 0x10325476;
}

/** Runs the MD5 compression over `blockCount` 16-word blocks of `w` starting at word `offset`, updating `state`. */
function compressBlocks(w: Int32Array, offset: number, blockCount: number): void {
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  let t = 0;
  for (let blk = 0, o = offset; blk < blockCount; blk++, o += 16) {
    const m0 = w[o], m1 = w[o + 1], m2 = w[o + 2], m3 = w[o + 3];
    const m4 = w[o + 4], m5 = w[o + 5], m6 = w[o + 6], m7 = w[o + 7];
    const m8 = w[o + 8], m9 = w[o + 9], m10 = w[o + 10], m11 = w[o + 11];
    const m12 = w[o + 12], m13 = w[o + 13], m14 = w[o + 14], m15 = w[o + 15];
    const aa = a, bb = b, cc = c, dd = d;
    t = (a + (d ^ (b & (c ^ d))) + 0xd76aa478 + m0) | 0; a = (b + ((t << 7) | (t >>> 25))) | 0;
    t = (d + (c ^ (a & (b ^ c))) + 0xe8c7b756 + m1) | 0; d = (a + ((t << 12) | (t >>> 20))) | 0;
    t = (c + (b ^ (d & (a ^ b))) + 0x242070db + m2) | 0; c = (d + ((t << 17) | (t >>> 15))) | 0;
    t = (b + (a ^ (c & (d ^ a))) + 0xc1bdceee + m3) | 0; b = (c + ((t << 22) | (t >>> 10))) | 0;
    t = (a + (d ^ (b & (c ^ d))) + 0xf57c0faf + m4) | 0; a = (b + ((t << 7) | (t >>> 25))) | 0;
    t = (d + (c ^ (a & (b ^ c))) + 0x4787c62a + m5) | 0; d = (a + ((t << 12) | (t >>> 20))) | 0;
    t = (c + (b ^ (d & (a ^ b))) + 0xa8304613 + m6) | 0; c = (d + ((t << 17) | (t >>> 15))) | 0;
    t = (b + (a ^ (c & (d ^ a))) + 0xfd469501 + m7) | 0; b = (c + ((t << 22) | (t >>> 10))) | 0;
    t = (a + (d ^ (b & (c ^ d))) + 0x698098d8 + m8) | 0; a = (b + ((t << 7) | (t >>> 25))) | 0;
    t = (d + (c ^ (a & (b ^ c))) + 0x8b44f7af + m9) | 0; d = (a + ((t << 12) | (t >>> 20))) | 0;
    t = (c + (b ^ (d & (a ^ b))) + 0xffff5bb1 + m10) | 0; c = (d + ((t << 17) | (t >>> 15))) | 0;
    t = (b + (a ^ (c & (d ^ a))) + 0x895cd7be + m11) | 0; b = (c + ((t << 22) | (t >>> 10))) | 0;
    t = (a + (d ^ (b & (c ^ d))) + 0x6b901122 + m12) | 0; a = (b + ((t << 7) | (t >>> 25))) | 0;
    t = (d + (c ^ (a & (b ^ c))) + 0xfd987193 + m13) | 0; d = (a + ((t << 12) | (t >>> 20))) | 0;
    t = (c + (b ^ (d & (a ^ b))) + 0xa679438e + m14) | 0; c = (d + ((t << 17) | (t >>> 15))) | 0;
    t = (b + (a ^ (c & (d ^ a))) + 0x49b40821 + m15) | 0; b = (c + ((t << 22) | (t >>> 10))) | 0;
    t = (a + (c ^ (d & (b ^ c))) + 0xf61e2562 + m1) | 0; a = (b + ((t << 5) | (t >>> 27))) | 0;
    t = (d + (b ^ (c & (a ^ b))) + 0xc040b340 + m6) | 0; d = (a + ((t << 9) | (t >>> 23))) | 0;
    t = (c + (a ^ (b & (d ^ a))) + 0x265e5a51 + m11) | 0; c = (d + ((t << 14) | (t >>> 18))) | 0;
    t = (b + (d ^ (a & (c ^ d))) + 0xe9b6c7aa + m0) | 0; b = (c + ((t << 20) | (t >>> 12))) | 0;
    t = (a + (c ^ (d & (b ^ c))) + 0xd62f105d + m5) | 0; a = (b + ((t << 5) | (t >>> 27))) | 0;
    t = (d + (b ^ (c & (a ^ b))) + 0x2441453 + m10) | 0; d = (a + ((t << 9) | (t >>> 23))) | 0;
    t = (c + (a ^ (b & (d ^ a))) + 0xd8a1e681 + m15) | 0; c = (d + ((t << 14) | (t >>> 18))) | 0;
    t = (b + (d ^ (a & (c ^ d))) + 0xe7d3fbc8 + m4) | 0; b = (c + ((t << 20) | (t >>> 12))) | 0;
    t = (a + (c ^ (d & (b ^ c))) + 0x21e1cde6 + m9) | 0; a = (b + ((t << 5) | (t >>> 27))) | 0;
    t = (d + (b ^ (c & (a ^ b))) + 0xc33707d6 + m14) | 0; d = (a + ((t << 9) | (t >>> 23))) | 0;
    t = (c + (a ^ (b & (d ^ a))) + 0xf4d50d87 + m3) | 0; c = (d + ((t << 14) | (t >>> 18))) | 0;
    t = (b + (d ^ (a & (c ^ d))) + 0x455a14ed + m8) | 0; b = (c + ((t << 20) | (t >>> 12))) | 0;
    t = (a + (c ^ (d & (b ^ c))) + 0xa9e3e905 + m13) | 0; a = (b + ((t << 5) | (t >>> 27))) | 0;
    t = (d + (b ^ (c & (a ^ b))) + 0xfcefa3f8 + m2) | 0; d = (a + ((t << 9) | (t >>> 23))) | 0;
    t = (c + (a ^ (b & (d ^ a))) + 0x676f02d9 + m7) | 0; c = (d + ((t << 14) | (t >>> 18))) | 0;
    t = (b + (d ^ (a & (c ^ d))) + 0x8d2a4c8a + m12) | 0; b = (c + ((t << 20) | (t >>> 12))) | 0;
    t = (a + (b ^ c ^ d) + 0xfffa3942 + m5) | 0; a = (b + ((t << 4) | (t >>> 28))) | 0;
    t = (d + (a ^ b ^ c) + 0x8771f681 + m8) | 0; d = (a + ((t << 11) | (t >>> 21))) | 0;
    t = (c + (d ^ a ^ b) + 0x6d9d6122 + m11) | 0; c = (d + ((t << 16) | (t >>> 16))) | 0;
    t = (b + (c ^ d ^ a) + 0xfde5380c + m14) | 0; b = (c + ((t << 23) | (t >>> 9))) | 0;
    t = (a + (b ^ c ^ d) + 0xa4beea44 + m1) | 0; a = (b + ((t << 4) | (t >>> 28))) | 0;
    t = (d + (a ^ b ^ c) + 0x4bdecfa9 + m4) | 0; d = (a + ((t << 11) | (t >>> 21))) | 0;
    t = (c + (d ^ a ^ b) + 0xf6bb4b60 + m7) | 0; c = (d + ((t << 16) | (t >>> 16))) | 0;
    t = (b + (c ^ d ^ a) + 0xbebfbc70 + m10) | 0; b = (c + ((t << 23) | (t >>> 9))) | 0;
    t = (a + (b ^ c ^ d) + 0x289b7ec6 + m13) | 0; a = (b + ((t << 4) | (t >>> 28))) | 0;
    t = (d + (a ^ b ^ c) + 0xeaa127fa + m0) | 0; d = (a + ((t << 11) | (t >>> 21))) | 0;
    t = (c + (d ^ a ^ b) + 0xd4ef3085 + m3) | 0; c = (d + ((t << 16) | (t >>> 16))) | 0;
    t = (b + (c ^ d ^ a) + 0x4881d05 + m6) | 0; b = (c + ((t << 23) | (t >>> 9))) | 0;
    t = (a + (b ^ c ^ d) + 0xd9d4d039 + m9) | 0; a = (b + ((t << 4) | (t >>> 28))) | 0;
    t = (d + (a ^ b ^ c) + 0xe6db99e5 + m12) | 0; d = (a + ((t << 11) | (t >>> 21))) | 0;
    t = (c + (d ^ a ^ b) + 0x1fa27cf8 + m15) | 0; c = (d + ((t << 16) | (t >>> 16))) | 0;
    t = (b + (c ^ d ^ a) + 0xc4ac5665 + m2) | 0; b = (c + ((t << 23) | (t >>> 9))) | 0;
    t = (a + (c ^ (b | ~d)) + 0xf4292244 + m0) | 0; a = (b + ((t << 6) | (t >>> 26))) | 0;
    t = (d + (b ^ (a | ~c)) + 0x432aff97 + m7) | 0; d = (a + ((t << 10) | (t >>> 22))) | 0;
    t = (c + (a ^ (d | ~b)) + 0xab9423a7 + m14) | 0; c = (d + ((t << 15) | (t >>> 17))) | 0;
    t = (b + (d ^ (c | ~a)) + 0xfc93a039 + m5) | 0; b = (c + ((t << 21) | (t >>> 11))) | 0;
    t = (a + (c ^ (b | ~d)) + 0x655b59c3 + m12) | 0; a = (b + ((t << 6) | (t >>> 26))) | 0;
    t = (d + (b ^ (a | ~c)) + 0x8f0ccc92 + m3) | 0; d = (a + ((t << 10) | (t >>> 22))) | 0;
    t = (c + (a ^ (d | ~b)) + 0xffeff47d + m10) | 0; c = (d + ((t << 15) | (t >>> 17))) | 0;
    t = (b + (d ^ (c | ~a)) + 0x85845dd1 + m1) | 0; b = (c + ((t << 21) | (t >>> 11))) | 0;
    t = (a + (c ^ (b | ~d)) + 0x6fa87e4f + m8) | 0; a = (b + ((t << 6) | (t >>> 26))) | 0;
    t = (d + (b ^ (a | ~c)) + 0xfe2ce6e0 + m15) | 0; d = (a + ((t << 10) | (t >>> 22))) | 0;
    t = (c + (a ^ (d | ~b)) + 0xa3014314 + m6) | 0; c = (d + ((t << 15) | (t >>> 17))) | 0;
    t = (b + (d ^ (c | ~a)) + 0x4e0811a1 + m13) | 0; b = (c + ((t << 21) | (t >>> 11))) | 0;
    t = (a + (c ^ (b | ~d)) + 0xf7537e82 + m4) | 0; a = (b + ((t << 6) | (t >>> 26))) | 0;
    t = (d + (b ^ (a | ~c)) + 0xbd3af235 + m11) | 0; d = (a + ((t << 10) | (t >>> 22))) | 0;
    t = (c + (a ^ (d | ~b)) + 0x2ad7d2bb + m2) | 0; c = (d + ((t << 15) | (t >>> 17))) | 0;
    t = (b + (d ^ (c | ~a)) + 0xeb86d391 + m9) | 0; b = (c + ((t << 21) | (t >>> 11))) | 0;
    a = (a + aa) | 0;
    b = (b + bb) | 0;
    c = (c + cc) | 0;
    d = (d + dd) | 0;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}

function byteSwap32(x: number): number {
  return (((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) >>> 0;
}

function ensureKeyWords(wordCount: number): Int32Array {
  if (keyWords.length < wordCount) keyWords = new Int32Array(Math.max(wordCount, keyWords.length * 2));
  return keyWords;
}

/** Encodes `text` as UTF-8 (lone surrogates become U+FFFD, as TextEncoder does) into the scratch; returns the length. */
function encodeUtf8Scratch(text: string): number {
  if (utf8Scratch.length < text.length * 3) utf8Scratch = new Uint8Array(text.length * 3 + 16);
  const out = utf8Scratch;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp < 0x80) {
      out[n++] = cp;
      continue;
    }
    if (cp < 0x800) {
      out[n++] = 0xc0 | (cp >> 6);
      out[n++] = 0x80 | (cp & 0x3f);
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[n++] = 0xf0 | (cp >> 18);
        out[n++] = 0x80 | ((cp >> 12) & 0x3f);
        out[n++] = 0x80 | ((cp >> 6) & 0x3f);
        out[n++] = 0x80 | (cp & 0x3f);
        continue;
      }
      cp = 0xfffd;
    }
    out[n++] = 0xe0 | (cp >> 12);
    out[n++] = 0x80 | ((cp >> 6) & 0x3f);
    out[n++] = 0x80 | (cp & 0x3f);
  }
  return n;
}

/** Number of 64-byte blocks for a message of `byteLength` bytes after MD5 padding. */
function paddedBlockCount(byteLength: number): number {
  return ((byteLength + 8) >>> 6) + 1;
}

function writeLengthAndPad(w: Int32Array, byteLength: number, blocks: number): void {
  w[byteLength >>> 2] |= 0x80 << ((byteLength & 3) << 3);
  w[blocks * 16 - 2] = byteLength << 3;
  w[blocks * 16 - 1] = Math.floor(byteLength / 0x20000000);
}

function writeDigestWords(out: Uint32Array): Uint32Array {
  out[0] = byteSwap32(state[0]);
  out[1] = byteSwap32(state[1]);
  out[2] = byteSwap32(state[2]);
  out[3] = byteSwap32(state[3]);
  return out;
}

/** Slow path: packs the scratch UTF-8 bytes of a non-ASCII key. */
function hashUtf8Key(key: string, out: Uint32Array): Uint32Array {
  const len = encodeUtf8Scratch(key);
  lastKeyBytes = len;
  const blocks = paddedBlockCount(len);
  const w = ensureKeyWords(blocks * 16);
  w.fill(0, 0, blocks * 16);
  const bytes = utf8Scratch;
  for (let i = 0; i < len; i++) w[i >>> 2] |= bytes[i] << ((i & 3) << 3);
  writeLengthAndPad(w, len, blocks);
  resetState();
  compressBlocks(w, 0, blocks);
  return writeDigestWords(out);
}

/**
 * MD5 of the UTF-8 bytes of `key` as a 128-bit unsigned integer in four big-endian uint32 words,
 * written into `out` (default: a shared module buffer that the next call overwrites — copy it if you keep it).
 */
export function md5PartitionKey(key: string, out: Uint32Array = sharedOut): Uint32Array {
  const len = key.length;
  const blocks = paddedBlockCount(len);
  const w = ensureKeyWords(blocks * 16);
  const wordCount = blocks * 16;
  // ASCII fast path: four characters per word; a non-ASCII character sends us to the UTF-8 path.
  const full = len & ~3;
  let j = 0;
  for (let i = 0; i < full; i += 4) {
    const c0 = key.charCodeAt(i), c1 = key.charCodeAt(i + 1), c2 = key.charCodeAt(i + 2), c3 = key.charCodeAt(i + 3);
    if ((c0 | c1 | c2 | c3) >= 0x80) return hashUtf8Key(key, out);
    w[j++] = c0 | (c1 << 8) | (c2 << 16) | (c3 << 24);
  }
  let tail = 0;
  for (let i = full, shift = 0; i < len; i++, shift += 8) {
    const ch = key.charCodeAt(i);
    if (ch >= 0x80) return hashUtf8Key(key, out);
    tail |= ch << shift;
  }
  w[j++] = tail;
  for (; j < wordCount; j++) w[j] = 0;
  lastKeyBytes = len;
  writeLengthAndPad(w, len, blocks);
  resetState();
  compressBlocks(w, 0, blocks);
  return writeDigestWords(out);
}

/**
 * MD5 of a message that the caller already packed and padded into one 16-word block (`w[0…15]`, little-endian
 * words as MD5 reads them), as four big-endian uint32 words in `out`. For keys whose words are computed
 * directly (UUID keys from their random words), skipping strings entirely.
 */
export function md5OneBlock(w: Int32Array, out: Uint32Array): Uint32Array {
  resetState();
  compressBlocks(w, 0, 1);
  return writeDigestWords(out);
}

/** MD5 digest (16 bytes, standard byte order) of arbitrary bytes, e.g. the KPL aggregated-record trailer. */
export function md5Bytes(data: Uint8Array): Uint8Array {
  resetState();
  const len = data.length;
  const fullBlocks = len >>> 6;
  for (let blk = 0; blk < fullBlocks; blk++) {
    const base = blk << 6;
    for (let k = 0; k < 16; k++) {
      const p = base + (k << 2);
      blockWords[k] = data[p] | (data[p + 1] << 8) | (data[p + 2] << 16) | (data[p + 3] << 24);
    }
    compressBlocks(blockWords, 0, 1);
  }
  const rest = len - (fullBlocks << 6);
  const tailBlocks = paddedBlockCount(rest);
  const w = new Int32Array(tailBlocks * 16);
  for (let i = 0; i < rest; i++) w[i >>> 2] |= data[(fullBlocks << 6) + i] << ((i & 3) << 3);
  w[rest >>> 2] |= 0x80 << ((rest & 3) << 3);
  w[tailBlocks * 16 - 2] = len << 3;
  w[tailBlocks * 16 - 1] = Math.floor(len / 0x20000000);
  compressBlocks(w, 0, tailBlocks);
  const digest = new Uint8Array(16);
  for (let k = 0; k < 4; k++) {
    const v = state[k];
    digest[k * 4] = v & 0xff;
    digest[k * 4 + 1] = (v >>> 8) & 0xff;
    digest[k * 4 + 2] = (v >>> 16) & 0xff;
    digest[k * 4 + 3] = (v >>> 24) & 0xff;
  }
  return digest;
}

/** UTF-8 byte length of a string without encoding it. */
export function utf8ByteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Lower-case hex of a string's MD5 (UTF-8); for tests and display, never for routing. */
export function md5Hex(text: string): string {
  const words = md5PartitionKey(text, new Uint32Array(4));
  let hex = '';
  for (let k = 0; k < 4; k++) hex += words[k].toString(16).padStart(8, '0');
  return hex;
}
