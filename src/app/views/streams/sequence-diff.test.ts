import { describe, expect, it } from 'vitest';
import { renderSequenceNumber } from '../../../engine/streams/sequence-number';
import { splitSequenceNumber } from './sequence-diff';

describe('splitSequenceNumber', () => {
  it('marks the counter digits that change between consecutive records of a shard, not the shard suffix', () => {
    const a = renderSequenceNumber(1_764_000_000, 1_234_568, 3);
    const b = renderSequenceNumber(1_764_000_000, 1_234_569, 3);
    const parts = splitSequenceNumber(b, a);
    expect(parts.head + parts.changed + parts.tail).toBe(b);
    expect(parts.changed).toBe('9');
    expect(parts.tail).toBe('000000000003');
    expect(splitSequenceNumber(b, undefined)).toEqual({ head: b, changed: '', tail: '' });
  });
});
