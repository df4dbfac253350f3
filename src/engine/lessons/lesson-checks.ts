/**
 * Building blocks of lesson checks: what a stream holds and what its shards counted, read from the
 * engine's own state.
 */
import type { Shard } from '../streams/shard';
import type { Stream } from '../streams/stream';
import type { LessonContext, LessonMemo } from './lesson-types';

export function streamOf(ctx: LessonContext, name: string): Stream | undefined {
  const s = ctx.service.stream(name);
  return s && !s.deleted ? s : undefined;
}

/** Shards of a stream as ListShards would show them (open and closed, not yet expired). */
export function shardsOf(ctx: LessonContext, name: string): readonly Shard[] {
  return streamOf(ctx, name)?.listedShards() ?? [];
}

export function total(ctx: LessonContext, name: string, counter: 'incomingRecords' | 'throttledWriteRecords' | 'readCalls'): number {
  let n = 0;
  for (const sh of shardsOf(ctx, name)) n += sh.counters[counter];
  return n;
}

/** Visits every stored record of a stream (partition key, payload); stops when `visit` returns true. */
export function someRecord(ctx: LessonContext, name: string, visit: (key: string, payload: Uint8Array | undefined, shard: Shard) => boolean): boolean {
  for (const sh of shardsOf(ctx, name)) {
    for (let i = sh.log.headIndex; i < sh.log.endIndex; i++) {
      if (sh.log.countAt(i) !== 1) continue; // aggregate buckets carry no key
      if (visit(sh.log.keyAt(i), sh.log.payloadAt(i), sh)) return true;
    }
  }
  return false;
}

export function recordsOn(shard: Shard): number {
  let n = 0;
  for (let i = shard.log.headIndex; i < shard.log.endIndex; i++) n += shard.log.countAt(i);
  return n;
}

/** Whether the stream is ACTIVE (not being created or resharded). */
export function isActive(ctx: LessonContext, name: string): boolean {
  return streamOf(ctx, name)?.status === 'ACTIVE';
}

/**
 * True once `condition` has held and the counter has not grown for `quietMs` of virtual time since
 * (e.g. no throttled record for 10 s after resharding). Keeps its marks in the memo under `key`.
 */
export function quietSince(ctx: LessonContext, memo: LessonMemo, key: string, condition: boolean, counter: number, quietMs: number): boolean {
  if (!condition) {
    delete memo[`${key}:at`];
    return false;
  }
  if (memo[`${key}:at`] === undefined || counter !== memo[`${key}:count`]) {
    memo[`${key}:at`] = ctx.nowMs;
    memo[`${key}:count`] = counter;
    return false;
  }
  return ctx.nowMs - memo[`${key}:at`] >= quietMs;
}

/** True once the counter has grown after `condition` first held (e.g. throttling goes on after a split). */
export function grewSince(memo: LessonMemo, key: string, condition: boolean, counter: number, by: number): boolean {
  if (!condition) return false;
  if (memo[key] === undefined) memo[key] = counter;
  return counter - memo[key] >= by;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

export function isJsonObject(payload: Uint8Array | undefined): boolean {
  if (!payload) return false;
  try {
    const v: unknown = JSON.parse(decoder.decode(payload));
    return typeof v === 'object' && v !== null;
  } catch {
    return false;
  }
}
