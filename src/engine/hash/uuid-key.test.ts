import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { md5PartitionKey } from './md5';
import { applyUuidV4Bits, md5UuidKey, uuidKeyString, UUID_KEY_LENGTH } from './uuid-key';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('UUID keys held as words', () => {
  it('render as version-4 UUID text and hash exactly like that text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 4, maxLength: 4 }), (raw) => {
        const w = applyUuidV4Bits(Uint32Array.from(raw));
        const text = uuidKeyString(w[0], w[1], w[2], w[3]);
        expect(text).toHaveLength(UUID_KEY_LENGTH);
        expect(text).toMatch(UUID_V4);
        const fromWords = Array.from(md5UuidKey(w[0], w[1], w[2], w[3], new Uint32Array(4)));
        expect(fromWords).toEqual(Array.from(md5PartitionKey(text, new Uint32Array(4))));
      }),
      { seed: 20261122, numRuns: 300 },
    );
  });

  it('renders the extreme words', () => {
    expect(uuidKeyString(0, 0x4000, 0x80000000, 0)).toBe('00000000-0000-4000-8000-000000000000');
    const w = applyUuidV4Bits(Uint32Array.of(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff));
    expect(uuidKeyString(w[0], w[1], w[2], w[3])).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});
