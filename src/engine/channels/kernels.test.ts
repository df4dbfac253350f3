/** Channel kernels: the stored-block Zstandard frame round-trips any bytes; key templates parse and evaluate as documented. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KEY_TEMPLATE, evaluateKeyTemplate, parseKeyTemplate } from './key-template';
import { zstdStoredFrame, zstdStoredFrameDecode } from './zstd-frame';

describe('zstdStoredFrame', () => {
  it('round-trips any bytes, across the 128 KiB block limit (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300_000 }), (data) => {
      const frame = zstdStoredFrame(data);
      expect([...frame.subarray(0, 4)]).toEqual([0x28, 0xb5, 0x2f, 0xfd]);
      expect(Buffer.from(zstdStoredFrameDecode(frame)).equals(Buffer.from(data))).toBe(true);
    }), { numRuns: 25, seed: 18 });
  });
});

describe('key templates', () => {
  it('evaluates the default template with the unique suffix before the extension', () => {
    const segments = parseKeyTemplate(DEFAULT_KEY_TEMPLATE);
    if (typeof segments === 'string') throw new Error(segments);
    const key = evaluateKeyTemplate(segments, {
      channelName: 'c', channelId: '0123abcd-4567-4890-8abc-def012345678', timeMs: Date.UTC(2026, 11, 4, 21, 5), extension: '.json.gz', objectNumber: 3,
    });
    expect(key).toBe('kinesis-channel/c/0123abcd-4567-4890-8abc-def012345678/2026/12/04/21/c-0123abcd-4567-4890-8abc-def012345678-2026-12-04-21-05-000003-0123abcd456.json.gz');
  });

  it('refuses unknown variables, spaces, traversal, edge slashes and templates without variables', () => {
    for (const bad of ['x/!{bogus}', 'a b/!{yyyy}', '../!{yyyy}', '/!{yyyy}', '!{yyyy}/', 'plain', '!{yyyy']) {
      expect(typeof parseKeyTemplate(bad)).toBe('string');
    }
  });
});
