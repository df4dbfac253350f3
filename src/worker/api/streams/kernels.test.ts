import { describe, expect, it } from 'vitest';
import { hotSpotFindings } from './hot-spot-advice';
import { lagTrend } from './lag-trend';

describe('hotSpotFindings', () => {
  it('says no resharding helps when one key is over a shard limit', () => {
    const f = hotSpotFindings(
      [{ id: 's0', attemptedPerSec: 1900, writeUtil: 1, throttledPerSec: 900 }, { id: 's1', attemptedPerSec: 100, writeUtil: 0.1, throttledPerSec: 0 }],
      [{ key: 'user-42', offeredRecordsPerSec: 1800, offeredBytesPerSec: 1000, shardId: 's0' }],
      'PROVISIONED',
    );
    expect(f[0].severity).toBe('bad');
    expect(f[0].text).toMatch(/No split, merge, shard count/);
    expect(f.some((x) => x.title.startsWith('Shard s0 is hot'))).toBe(false);
  });

  it('on an on-demand stream, suggests AUTO record distribution for a hot key, saying what it costs in ordering', () => {
    const shards = [{ id: 's0', attemptedPerSec: 1900, writeUtil: 1, throttledPerSec: 900 }, { id: 's1', attemptedPerSec: 100, writeUtil: 0.1, throttledPerSec: 0 }];
    const keys = [{ key: 'user-42', offeredRecordsPerSec: 1800, offeredBytesPerSec: 1000, shardId: 's0' }];
    const onDemand = hotSpotFindings(shards, keys, 'ON_DEMAND');
    expect(onDemand[0].fixes.at(-1)).toMatch(/AUTO record distribution .* records with the same key may be read out of order/);
    expect(onDemand[0].detail).toMatchObject({ kind: 'keys-over-limit', autoSuggested: true, keys: [{ key: 'user-42', byRecords: true }] });
    // Provisioned streams cannot use AUTO; an AUTO stream has no key tied to a shard.
    expect(hotSpotFindings(shards, keys, 'PROVISIONED')[0].fixes.some((f) => f.includes('AUTO'))).toBe(false);
    expect(hotSpotFindings(shards, keys, 'ON_DEMAND', undefined, 'AUTO').some((f) => f.id.startsWith('key:'))).toBe(false);
  });

  it('groups several keys over the limit into one finding', () => {
    const f = hotSpotFindings(
      [{ id: 's0', attemptedPerSec: 3000, writeUtil: 1, throttledPerSec: 2000 }, { id: 's1', attemptedPerSec: 1200, writeUtil: 1, throttledPerSec: 200 }],
      [{ key: 'a', offeredRecordsPerSec: 2500, offeredBytesPerSec: 1000, shardId: 's0' }, { key: 'b', offeredRecordsPerSec: 100, offeredBytesPerSec: 2_000_000, shardId: 's1' }],
      'PROVISIONED',
    );
    expect(f[0].title).toBe('2 partition keys each need more than one shard can take');
    expect(f[0].text).toMatch(/“a” 2,500 records\/s \(on s0\), “b” 1.91 MiB\/s \(on s1\)/);
  });

  it('recommends splitting a hot shard whose keys are each under the limit', () => {
    const f = hotSpotFindings(
      [{ id: 's0', attemptedPerSec: 1500, writeUtil: 1, throttledPerSec: 500 }, { id: 's1', attemptedPerSec: 0, writeUtil: 0, throttledPerSec: 0 }],
      [{ key: 'a', offeredRecordsPerSec: 400, offeredBytesPerSec: 100, shardId: 's0' }],
      'PROVISIONED',
    );
    const hot = f.find((x) => x.shardId === 's0')!;
    expect(hot.title).toMatch(/Shard s0 is hot: 100%/);
    expect(hot.fixes[0]).toMatch(/^Split s0/);
  });

  it('is silent for an evenly loaded stream with headroom', () => {
    const shards = [0, 1, 2, 3].map((i) => ({ id: `s${i}`, attemptedPerSec: 300, writeUtil: 0.3, throttledPerSec: 0 }));
    expect(hotSpotFindings(shards, [], 'PROVISIONED')).toEqual([]);
  });

  it('asks for more shards when every shard is near its limit', () => {
    const shards = [0, 1].map((i) => ({ id: `s${i}`, attemptedPerSec: 950, writeUtil: 0.95, throttledPerSec: 0 }));
    const f = hotSpotFindings(shards, [], 'PROVISIONED');
    expect(f).toHaveLength(1);
    expect(f[0].fixes[0]).toBe('Update the shard count to 3.');
  });
});

describe('lagTrend', () => {
  it('estimates the time to drain a shrinking lag', () => {
    const t = lagTrend(Array.from({ length: 60 }, (_, i) => 6000 - 50 * i));
    expect(t.state).toBe('draining');
    expect(t.drainSec).toBeCloseTo((6000 - 50 * 59) / 50, 5);
  });
  it('calls a growing lag falling behind', () => {
    expect(lagTrend(Array.from({ length: 30 }, (_, i) => 100 + 40 * i)).state).toBe('falling-behind');
  });
  it('treats a near-zero lag as caught up and ignores missing seconds', () => {
    expect(lagTrend([Number.NaN, 10, 5, 0]).state).toBe('caught-up');
    expect(lagTrend([Number.NaN]).state).toBe('steady');
  });
});
