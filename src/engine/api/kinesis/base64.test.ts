import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64';

describe('base64', () => {
  it('matches Buffer on arbitrary bytes and round-trips (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(decodeBase64(text)!)).toEqual(Array.from(bytes));
    }), { numRuns: 300 });
  });

  it('encodes large payloads (beyond the fromCharCode chunk)', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i * 7);
    expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('accepts missing padding and rejects invalid text', () => {
    expect(Array.from(decodeBase64('aGk')!)).toEqual([104, 105]);
    for (const bad of ['a', 'ab$d', 'abc===', '日本', 'ab=c']) expect(decodeBase64(bad)).toBeUndefined();
  });
});

describe('base64 size paths', () => {
  it('encodes every length around the small/large switch like Buffer', () => {
    for (const n of [0, 1, 2, 3, 1022, 1023, 1024, 1025, 1026, 3000]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 31 + 7) & 255);
      expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});
