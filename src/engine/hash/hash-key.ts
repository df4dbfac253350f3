/**
 * The 128-bit hash key space of Kinesis (0 … 2^128−1) in two forms: four big-endian uint32 words for the
 * hot path (routing compares words, no allocation), and BigInt/decimal strings for the control plane and the
 * API, where AWS writes hash keys as decimal strings.
 */

/** 2^128 − 1, the last hash key (340282366920938463463374607431768211455). */
export const HASH_KEY_MAX = (1n << 128n) - 1n;

/** A hash key as 4 big-endian uint32 words: word 0 holds the most significant bits. */
export type HashKeyWords = Uint32Array;

const DECIMAL_HASH_KEY = /^(0|[1-9]\d{0,38})$/;

export function hashKeyToBigInt(words: ArrayLike<number>): bigint {
  return (
    (BigInt(words[0] >>> 0) << 96n) |
    (BigInt(words[1] >>> 0) << 64n) |
    (BigInt(words[2] >>> 0) << 32n) |
    BigInt(words[3] >>> 0)
  );
}

export function bigIntToHashKey(value: bigint, out: Uint32Array = new Uint32Array(4)): Uint32Array {
  if (value < 0n || value > HASH_KEY_MAX) throw new RangeError(`hash key ${value} is outside 0…2^128−1`);
  out[0] = Number((value >> 96n) & 0xffffffffn);
  out[1] = Number((value >> 64n) & 0xffffffffn);
  out[2] = Number((value >> 32n) & 0xffffffffn);
  out[3] = Number(value & 0xffffffffn);
  return out;
}

export function hashKeyToDecimal(words: ArrayLike<number>): string {
  return hashKeyToBigInt(words).toString(10);
}

/** Parses a decimal hash key string; returns undefined when it is not a decimal integer in 0…2^128−1. */
export function parseDecimalHashKey(text: string): bigint | undefined {
  if (!DECIMAL_HASH_KEY.test(text)) return undefined;
  const value = BigInt(text);
  return value <= HASH_KEY_MAX ? value : undefined;
}

/** Decimal string → 4 words; throws RangeError when not a decimal in 0…2^128−1. */
export function decimalToHashKey(text: string, out: Uint32Array = new Uint32Array(4)): Uint32Array {
  const value = parseDecimalHashKey(text);
  if (value === undefined) throw new RangeError(`"${text}" is not a decimal hash key in 0…2^128−1`);
  return bigIntToHashKey(value, out);
}

/** Compares two hash keys in word form: negative, zero or positive like Array.prototype.sort wants. */
export function compareHashKeys(a: ArrayLike<number>, b: ArrayLike<number>): number {
  for (let k = 0; k < 4; k++) {
    const x = a[k] >>> 0;
    const y = b[k] >>> 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Compares the hash key at `a[aOffset…aOffset+3]` with `b[0…3]`: for packed arrays of range bounds. */
export function compareHashKeyAt(a: Uint32Array, aOffset: number, b: ArrayLike<number>): number {
  for (let k = 0; k < 4; k++) {
    const x = a[aOffset + k];
    const y = b[k] >>> 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
