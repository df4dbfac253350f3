/**
 * UUID partition keys held as their four 32-bit words instead of strings. A version-4 UUID key is fully
 * described by 128 bits; producers that make a fresh UUID per record hash it straight from the words (the
 * MD5 message words are assembled from a hex lookup table, no string is built) and the shard log stores the
 * 16 bytes, rendering the 36-character string only when someone reads the key. Routing, sizes and the
 * rendered text are exactly those of the string key: `md5UuidKey(w) = md5PartitionKey(uuidKeyString(w))`.
 *
 * Word layout (after the version and variant bits are applied, see `applyUuidV4Bits`): the key reads
 * `hex8(w0)-hex4(w1>>>16)-hex4(w1&0xffff)-hex4(w2>>>16)-hex4(w2&0xffff)hex8(w3)`.
 */
import { md5OneBlock } from './md5';

/** Length of a UUID key in characters (and UTF-8 bytes: it is ASCII). */
export const UUID_KEY_LENGTH = 36;

const HEX = '0123456789abcdef';
/** For each byte: the char codes of its two lower-case hex digits, first digit in the low 8 bits. */
const HEX_PAIR_CODES = new Int32Array(256);
/** For each byte: its two hex digits as a string (for rendering). */
const HEX_PAIR_TEXT: string[] = [];
for (let b = 0; b < 256; b++) {
  HEX_PAIR_CODES[b] = HEX.charCodeAt(b >>> 4) | (HEX.charCodeAt(b & 15) << 8);
  HEX_PAIR_TEXT.push(HEX[b >>> 4] + HEX[b & 15]);
}
const DASH = 0x2d;
/** One MD5 block for a 36-byte message: words 9…15 hold the padding and the bit length and never change. */
const block = new Int32Array(16);
block[9] = 0x80;
block[14] = UUID_KEY_LENGTH * 8;

/** Sets the version (4) and variant (10xx) bits the way the producer's UUIDs carry them; returns the words in place. */
export function applyUuidV4Bits(words: Uint32Array, offset = 0): Uint32Array {
  words[offset + 1] = (words[offset + 1] & 0xffff0fff) | 0x4000;
  words[offset + 2] = ((words[offset + 2] & 0x3fffffff) | 0x80000000) >>> 0;
  return words;
}

/**
 * MD5 (4 big-endian words into `out`) of the UUID key whose words are `w0…w3`, identical to hashing its
 * 36-character string, without building the string.
 */
export function md5UuidKey(w0: number, w1: number, w2: number, w3: number, out: Uint32Array): Uint32Array {
  const h = HEX_PAIR_CODES;
  const w = block;
  w[0] = h[w0 >>> 24] | (h[(w0 >>> 16) & 255] << 16);
  w[1] = h[(w0 >>> 8) & 255] | (h[w0 & 255] << 16);
  const b1 = h[(w1 >>> 16) & 255];
  w[2] = DASH | (h[w1 >>> 24] << 8) | ((b1 & 255) << 24);
  w[3] = (b1 >>> 8) | (DASH << 8) | (h[(w1 >>> 8) & 255] << 16);
  const c0 = h[w2 >>> 24];
  w[4] = h[w1 & 255] | (DASH << 16) | ((c0 & 255) << 24);
  w[5] = (c0 >>> 8) | (h[(w2 >>> 16) & 255] << 8) | (DASH << 24);
  w[6] = h[(w2 >>> 8) & 255] | (h[w2 & 255] << 16);
  w[7] = h[w3 >>> 24] | (h[(w3 >>> 16) & 255] << 16);
  w[8] = h[(w3 >>> 8) & 255] | (h[w3 & 255] << 16);
  return md5OneBlock(w, out);
}

function hex8(v: number): string {
  const t = HEX_PAIR_TEXT;
  return t[v >>> 24] + t[(v >>> 16) & 255] + t[(v >>> 8) & 255] + t[v & 255];
}

function hex4(v: number): string {
  return HEX_PAIR_TEXT[(v >>> 8) & 255] + HEX_PAIR_TEXT[v & 255];
}

/** The 36-character key text of the UUID words `w0…w3`. */
export function uuidKeyString(w0: number, w1: number, w2: number, w3: number): string {
  return `${hex8(w0)}-${hex4(w1 >>> 16)}-${hex4(w1)}-${hex4(w2 >>> 16)}-${hex4(w2)}${hex8(w3)}`;
}
