import { describe, expect, it } from 'vitest';
import { encodeData, groupDigits, openRanges, route, sampleText } from './PutRecordForm.model';

const HALF = 1n << 127n;
const ranges = [
  { shardId: 'shardId-000000000000', start: 0n, end: HALF - 1n },
  { shardId: 'shardId-000000000001', start: HALF, end: (1n << 128n) - 1n },
];

describe('put-a-record model', () => {
  it('hashes the partition key with MD5 and routes by range (known digest of "a")', () => {
    const r = route('a', '', ranges)!;
    expect(r.md5).toBe('0cc175b9c0f1b6a831c399e269772661');
    expect(r.hashKey).toBe(BigInt('0x0cc175b9c0f1b6a831c399e269772661'));
    expect(r.shardId).toBe('shardId-000000000000');
    expect(r.fraction).toBeCloseTo(0.0498, 3);
  });
  it('an explicit hash key overrides the MD5 and must be a decimal in 0…2^128−1', () => {
    expect(route('a', String(HALF), ranges)!.shardId).toBe('shardId-000000000001');
    expect(route('a', '-1', ranges)).toBeUndefined();
    expect(route('a', String(1n << 128n), ranges)).toBeUndefined();
  });
  it('encodes text, JSON and base64 data, refusing malformed input', () => {
    expect(encodeData('hé', 'text')).toEqual({ ok: true, base64: 'aMOp', bytes: 3 });
    expect(encodeData('{"a":1}', 'json')).toMatchObject({ ok: true, bytes: 7 });
    expect(encodeData('{a:1}', 'json')).toMatchObject({ ok: false, error: 'json' });
    expect(encodeData('aGVsbG8=', 'base64')).toEqual({ ok: true, base64: 'aGVsbG8=', bytes: 5 });
    expect(encodeData('not base64!', 'base64')).toMatchObject({ ok: false, error: 'base64' });
  });
  it('reads open ranges from ListShards, skipping closed parents', () => {
    const got = openRanges({ Shards: [
      { ShardId: 'p', HashKeyRange: { StartingHashKey: '0', EndingHashKey: '9' }, SequenceNumberRange: { StartingSequenceNumber: '1', EndingSequenceNumber: '2' } },
      { ShardId: 'c', HashKeyRange: { StartingHashKey: '0', EndingHashKey: '4' }, SequenceNumberRange: { StartingSequenceNumber: '3' } },
    ] });
    expect(got).toEqual([{ shardId: 'c', start: 0n, end: 4n }]);
    expect(groupDigits(1234567n)).toBe('1,234,567');
  });
});

describe('large records by hand', () => {
  it('fills exactly the asked number of bytes and encodes megabytes as base64', () => {
    const text = sampleText(3 * 1_048_576);
    expect(text.length).toBe(3 * 1_048_576);
    const e = encodeData(text, 'text');
    expect(e).toMatchObject({ ok: true, bytes: 3 * 1_048_576 });
    if (e.ok) expect(atob(e.base64).slice(0, 21)).toBe('large-record-payload ');
  });
});
