/**
 * Each lesson's scenario builds, and its steps turn done only when the world really is in the
 * state the step asks for — driven here through the Kinesis JSON API, as the console drives it.
 */
import { describe, expect, it } from 'vitest';
import { World } from '../world/world';
import { LESSONS, lessonById } from './lessons';
import { startLesson } from './lesson-driver.test-util';

const start = startLesson;

const b64 = (s: string) => btoa(s);

describe('lessons', () => {
  it('at least 16 lessons, every lesson scenario builds, with unique lesson and step ids', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(16);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) {
      expect(World.tryBuild(structuredClone(l.scenario)).ok, l.id).toBe(true);
      expect(new Set(l.steps.map((s) => s.id)).size).toBe(l.steps.length);
    }
  });

  it('records: one record, then a repeated key, then a JSON payload', () => {
    const { done, call } = start(lessonById('records')!);
    expect(done()).toEqual([false, false, false]);
    call('PutRecord', { StreamName: 'lesson-records', PartitionKey: 'a', Data: b64('plain text') });
    expect(done()).toEqual([true, false, false]);
    call('PutRecord', { StreamName: 'lesson-records', PartitionKey: 'a', Data: b64('again') });
    expect(done()).toEqual([true, true, false]);
    call('PutRecord', { StreamName: 'lesson-records', PartitionKey: 'b', Data: b64('{"n":1}') });
    expect(done()).toEqual([true, true, true]);
  });

  it('routing: the last shard needs a key whose MD5 lands in its range', () => {
    const { done, call } = start(lessonById('routing')!);
    call('PutRecord', { StreamName: 'lesson-routing', PartitionKey: 'a', Data: b64('x') }); // MD5("a") is in the first quarter
    expect(done()).toEqual([false, false]);
    for (const q of [0n, 1n, 2n, 3n]) call('PutRecord', { StreamName: 'lesson-routing', PartitionKey: 'k', ExplicitHashKey: String(q << 126n), Data: b64('x') });
    expect(done()).toEqual([true, true]);
  });

  it('throttling: a 1,500 records/s producer throttles one shard; two shards stop it', () => {
    const { done, call, advance } = start(lessonById('throttling')!);
    advance(5000);
    expect(done()).toEqual([true, false]);
    call('UpdateShardCount', { StreamName: 'lesson-throttling', TargetShardCount: 2, ScalingType: 'UNIFORM_SCALING' });
    for (let i = 0; i < 40 && !done()[1]; i++) advance(1000);
    expect(done()).toEqual([true, true]);
  });

  it('hot key: after a split the hot key still throttles', () => {
    const { done, call, advance } = start(lessonById('hotKey')!);
    advance(5000);
    expect(done()[0]).toBe(true);
    call('UpdateShardCount', { StreamName: 'lesson-hot-key', TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' });
    for (let i = 0; i < 60 && !done()[2]; i++) advance(1000);
    expect(done()).toEqual([true, true, true]);
  });

  it('resharding: split, merge, then resize to four', () => {
    const { done, call, advance } = start(lessonById('resharding')!);
    call('SplitShard', { StreamName: 'lesson-resharding', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: String(1n << 126n) });
    advance(60_000);
    expect(done()).toEqual([true, false, false]);
    call('MergeShards', { StreamName: 'lesson-resharding', ShardToMerge: 'shardId-000000000002', AdjacentShardToMerge: 'shardId-000000000003' });
    advance(60_000);
    expect(done()).toEqual([true, true, false]);
    call('UpdateShardCount', { StreamName: 'lesson-resharding', TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' });
    advance(120_000);
    expect(done()).toEqual([true, true, true]);
  });

  it('firehose: the 60 s interval flushes first; the size flush needs a longer interval', () => {
    const { done, advance } = start(lessonById('firehose')!);
    advance(50_000);
    expect(done()).toEqual([false, false]);
    for (let i = 0; i < 60 && !done()[0]; i++) advance(5000);
    expect(done()).toEqual([true, false]);
  });

  it('firehose: with a 300 s interval the 1 MiB size flushes first', () => {
    const lesson = lessonById('firehose')!;
    const doc = structuredClone(lesson.scenario) as unknown as { firehose: { ExtendedS3DestinationConfiguration: { BufferingHints: { IntervalInSeconds: number } } }[] };
    doc.firehose[0].ExtendedS3DestinationConfiguration.BufferingHints.IntervalInSeconds = 300;
    const { done, advance } = start({ ...lesson, scenario: doc as unknown as typeof lesson.scenario });
    for (let i = 0; i < 60 && !done()[1]; i++) advance(5000);
    expect(done()).toEqual([false, true]);
  });
});
