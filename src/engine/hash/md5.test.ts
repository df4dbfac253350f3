import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { md5Bytes, md5Hex, md5PartitionKey } from './md5';
import { compareHashKeys, decimalToHashKey, hashKeyToBigInt, hashKeyToDecimal, HASH_KEY_MAX, parseDecimalHashKey } from './hash-key';

const nodeMd5 = (data: string | Uint8Array) => createHash('md5').update(data).digest('hex');

describe('md5', () => {
  it('matches the RFC 1321 test suite', () => {
    const vectors: [string, string][] = [
      ['', 'd41d8cd98f00b204e9800998ecf8427e'],
      ['a', '0cc175b9c0f1b6a831c399e269772661'],
      ['abc', '900150983cd24fb0d6963f7d28e17f72'],
      ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
      ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
      ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
      ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', '57edf4a22be3c955ac49da2e2107b67a'],
    ];
    for (const [input, hex] of vectors) expect(md5Hex(input)).toBe(hex);
  });

  it('hashes around the 55/56/64-byte padding boundaries like node:crypto', () => {
    for (let n = 50; n < 140; n++) {
      const key = 'k'.repeat(n);
      expect(md5Hex(key)).toBe(nodeMd5(key));
    }
  });

  it('encodes non-ASCII keys as UTF-8 (incl. surrogate pairs and lone surrogates)', () => {
    for (const key of ['é', 'naïve-key', '日本語のキー', '🎉party', 'a\ud800b', 'x'.repeat(60) + 'ü']) {
      expect(md5Hex(key)).toBe(nodeMd5(Buffer.from(key, 'utf8')));
    }
  });

  it('agrees with node:crypto on arbitrary strings and bytes (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => md5Hex(s) === nodeMd5(Buffer.from(s, 'utf8'))), { numRuns: 500 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => Buffer.from(md5Bytes(bytes)).toString('hex') === nodeMd5(bytes)), { numRuns: 300 });
  });

  it('returns the hash as big-endian words of the 128-bit integer', () => {
    const words = md5PartitionKey('abc', new Uint32Array(4));
    expect(hashKeyToBigInt(words)).toBe(BigInt('0x900150983cd24fb0d6963f7d28e17f72'));
  });
});

describe('hash keys', () => {
  it('round-trips decimals and compares in word form', () => {
    const max = decimalToHashKey(HASH_KEY_MAX.toString());
    expect(Array.from(max)).toEqual([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff]);
    expect(hashKeyToDecimal(max)).toBe('340282366920938463463374607431768211455');
    expect(compareHashKeys(decimalToHashKey('1'), decimalToHashKey('4294967296'))).toBeLessThan(0);
    expect(compareHashKeys(max, max)).toBe(0);
  });

  it('rejects non-decimal and out-of-range hash keys', () => {
    for (const bad of ['-1', '01', '1.5', '', '340282366920938463463374607431768211456', 'abc']) {
      expect(parseDecimalHashKey(bad)).toBeUndefined();
    }
  });
});

describe('key byte lengths', () => {
  it('reports the UTF-8 length of the last hashed key and of any string', async () => {
    const { lastHashedKeyByteLength, utf8ByteLength } = await import('./md5');
    for (const key of ['abc', 'é', '🎉x', 'a\ud800b', '日本']) {
      md5PartitionKey(key);
      expect(lastHashedKeyByteLength()).toBe(Buffer.byteLength(key, 'utf8'));
      expect(utf8ByteLength(key)).toBe(Buffer.byteLength(key, 'utf8'));
    }
  });
});
