/**
 * Standard base64 (RFC 4648, with padding) for Uint8Array, written for the engine: no Buffer, and faster
 * than btoa/atob over binary strings. Decoding accepts missing padding and rejects other characters.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ENCODE = new Uint8Array(64);
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  ENCODE[i] = ALPHABET.charCodeAt(i);
  DECODE[ALPHABET.charCodeAt(i)] = i;
}
const PAD = 61; // '='
/** Two base64 characters for every 12-bit value: small payloads encode by string concatenation. */
const PAIRS: string[] = [];
for (let i = 0; i < 4096; i++) PAIRS.push(ALPHABET[i >> 6] + ALPHABET[i & 63]);
/** Above this size, filling bytes and decoding them as Latin-1 beats concatenation. */
const PAIRS_MAX_BYTES = 1024;
const latin1 = new TextDecoder('latin1');

export function encodeBase64(bytes: Uint8Array): string {
  return bytes.length <= PAIRS_MAX_BYTES ? encodeSmall(bytes) : encodeLarge(bytes);
}

function encodeSmall(bytes: Uint8Array): string {
  const len = bytes.length;
  let text = '';
  let i = 0;
  for (; i + 2 < len; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    text += PAIRS[n >>> 12] + PAIRS[n & 4095];
  }
  if (i < len) {
    const n = (bytes[i] << 16) | (i + 1 < len ? bytes[i + 1] << 8 : 0);
    text += PAIRS[n >>> 12] + (i + 1 < len ? ALPHABET[(n >>> 6) & 63] : '=') + '=';
  }
  return text;
}

function encodeLarge(bytes: Uint8Array): string {
  const len = bytes.length;
  const out = new Uint8Array(Math.ceil(len / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < len; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out[o++] = ENCODE[n >>> 18];
    out[o++] = ENCODE[(n >>> 12) & 63];
    out[o++] = ENCODE[(n >>> 6) & 63];
    out[o++] = ENCODE[n & 63];
  }
  if (i < len) {
    const n = (bytes[i] << 16) | (i + 1 < len ? bytes[i + 1] << 8 : 0);
    out[o++] = ENCODE[n >>> 18];
    out[o++] = ENCODE[(n >>> 12) & 63];
    out[o++] = i + 1 < len ? ENCODE[(n >>> 6) & 63] : PAD;
    out[o++] = PAD;
  }
  return latin1.decode(out);
}

/** Decodes standard base64; undefined when the text is not valid base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === PAD) end--;
  if (text.length - end > 2 || (text.length % 4 !== 0 && text.length !== end)) return undefined;
  const rem = end % 4;
  if (rem === 1) return undefined;
  const out = new Uint8Array(Math.floor(end / 4) * 3 + (rem === 0 ? 0 : rem - 1));
  let o = 0;
  let i = 0;
  for (; i + 3 < end; i += 4) {
    const a = lookup(text, i), b = lookup(text, i + 1), c = lookup(text, i + 2), d = lookup(text, i + 3);
    if ((a | b | c | d) < 0) return undefined;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >>> 16;
    out[o++] = (n >>> 8) & 255;
    out[o++] = n & 255;
  }
  if (rem >= 2) {
    const a = lookup(text, i), b = lookup(text, i + 1), c = rem === 3 ? lookup(text, i + 2) : 0;
    if ((a | b | c) < 0) return undefined;
    const n = (a << 18) | (b << 12) | (c << 6);
    out[o++] = n >>> 16;
    if (rem === 3) out[o++] = (n >>> 8) & 255;
  }
  return out;
}

function lookup(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code < 128 ? DECODE[code] : -1;
}
