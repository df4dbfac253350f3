/**
 * Streams' maximum record size and record distribution in scenario documents: validated with field
 * paths and AWS's limits (limits.ts), built into the world, kept through JSON and migrated from the AWS
 * API's spellings. Producers' record sizes are checked against their stream's maximum.
 */
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_SIZE_KIB_DEFAULT, MAX_RECORD_SIZE_KIB_MAX } from '../streams/limits';
import { runScenario } from './report';
import { migrateScenario } from './migrations';
import type { ScenarioDoc } from './schema';
import { validateScenario } from './validate';

const MiB = 1_048_576;

const doc = (over: Partial<ScenarioDoc> = {}): ScenarioDoc => ({
  version: 1,
  seed: 'large-records',
  streams: [
    { name: 'big', mode: 'ON_DEMAND', maxRecordSizeKiB: 4096, recordDistribution: 'AUTO' },
    { name: 'small', shards: 2 },
  ],
  producers: [{ name: 'p', stream: 'big', rate: { kind: 'constant', recordsPerSec: 2 }, size: { kind: 'fixed', bytes: 3 * MiB }, keys: { kind: 'pool', keys: 1 } }],
  ...over,
});

const errorsOf = (input: unknown): readonly string[] => {
  const r = validateScenario(input);
  return r.ok ? [] : r.errors;
};

describe('scenario streams: maxRecordSizeKiB and recordDistribution', () => {
  it('accepts a large-record AUTO stream with 3 MiB records', () => {
    expect(errorsOf(doc())).toEqual([]);
  });

  it('names the field and the limit when a value is out of range or of the wrong kind', () => {
    const bad = doc({
      streams: [
        { name: 'a', mode: 'ON_DEMAND', maxRecordSizeKiB: 1023 },
        { name: 'b', mode: 'ON_DEMAND', maxRecordSizeKiB: MAX_RECORD_SIZE_KIB_MAX + 1 },
        { name: 'c', mode: 'ON_DEMAND', maxRecordSizeKiB: 2048.5, recordDistribution: 'RANDOM' as never },
        { name: 'd', shards: 2, recordDistribution: 'AUTO' },
      ],
      producers: [],
    });
    expect(errorsOf(bad)).toEqual([
      'streams[0].maxRecordSizeKiB must be ≥ 1024',
      'streams[1].maxRecordSizeKiB must be ≤ 10240',
      'streams[2].maxRecordSizeKiB must be a whole number',
      'streams[2].recordDistribution must be one of "USER_PARTITION_KEY", "AUTO"',
      'streams[3].recordDistribution AUTO needs mode "ON_DEMAND": AWS distributes records itself only on on-demand streams',
    ]);
  });

  it('checks producers’ record sizes against their own stream’s maximum', () => {
    const tooBig = doc({
      producers: [
        { name: 'p1', stream: 'small', rate: { kind: 'constant', recordsPerSec: 1 }, size: { kind: 'fixed', bytes: 2 * MiB } },
        { name: 'p2', stream: 'big', rate: { kind: 'constant', recordsPerSec: 1 }, size: { kind: 'uniform', minBytes: 1, maxBytes: 5 * MiB } },
        { name: 'p3', stream: 'big', rate: { kind: 'constant', recordsPerSec: 1 }, size: { kind: 'logNormal', medianBytes: 1000, sigma: 1, maxBytes: 4 * MiB } },
        { name: 'p4', stream: 'big', rate: { kind: 'constant', recordsPerSec: 1 }, batch: { maxBytes: 10 * MiB } },
        { name: 'p5', stream: 'small', rate: { kind: 'constant', recordsPerSec: 1 }, batch: { maxBytes: 10 * MiB } },
      ],
    });
    expect(errorsOf(tooBig)).toEqual([
      'producers[0].size.bytes must be ≤ 1048576 bytes, the maximum record size of stream "small" (maxRecordSizeKiB 1024; raise it up to 10240 for records up to 10 MiB)',
      'producers[1].size.maxBytes must be ≤ 4194304 bytes, the maximum record size of stream "big" (maxRecordSizeKiB 4096)',
      'producers[4].batch.maxBytes must be ≤ 5242880',
    ]);
  });

  it('builds the streams with their settings, and the producer writes records above 1 MiB', () => {
    const { run } = runScenario(doc(), 20_000);
    const big = run.service.stream('big')!;
    const small = run.service.stream('small')!;
    expect([big.maxRecordSizeKiB, big.recordBytesMax, big.distribution]).toEqual([4096, 4 * MiB, 'AUTO']);
    expect([small.maxRecordSizeKiB, small.distribution]).toEqual([MAX_RECORD_SIZE_KIB_DEFAULT, 'USER_PARTITION_KEY']);
    const total = run.producers[0].figures().total;
    expect(total.accepted).toBeGreaterThan(10);
    // acceptedBytes counts data and partition key ("key-0"): 3 MiB + 5 bytes a record.
    expect(total.acceptedBytes / total.accepted).toBe(3 * MiB + 5);
    // One key, yet AUTO placement spreads the records over the on-demand stream's shards.
    const used = big.openShards().filter((s) => s.counters.incomingRecords > 0).length;
    expect(used).toBeGreaterThan(1);
  });

  it('a saved document keeps the fields (JSON round trip) and means the same stream', () => {
    const saved = JSON.parse(JSON.stringify(doc())) as unknown;
    const m = migrateScenario(saved);
    expect(m.ok && m.doc).toEqual(doc());
    expect(errorsOf(saved)).toEqual([]);
  });

  it('migrates the AWS API spellings of a pasted CreateStream request', () => {
    const m = migrateScenario({ seed: 1, streams: [{ StreamName: 'x', StreamModeDetails: { StreamMode: 'ON_DEMAND' }, MaxRecordSizeInKiB: 2048, RecordDistributionStrategy: 'AUTO' }], producers: [] });
    expect(m.ok && (m.doc as ScenarioDoc).streams[0]).toEqual({ name: 'x', mode: 'ON_DEMAND', maxRecordSizeKiB: 2048, recordDistribution: 'AUTO' });
  });
});
