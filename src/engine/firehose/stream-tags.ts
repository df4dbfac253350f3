/**
 * Tags on a Firehose stream: Tag/Untag/ListTagsForDeliveryStream over the entry's tag map, at most
 * 50 tags per stream (https://docs.aws.amazon.com/firehose/latest/APIReference/API_TagDeliveryStream.html).
 */
import { AwsServiceError } from '../api/result';
import type { Doc } from './config';
import type { StreamEntry } from './stream-entry';

export const TAGS_PER_STREAM_MAX = 50;

export function tagStream(s: StreamEntry, tags: readonly Doc[]): Doc {
  const next = new Map(s.tags);
  for (const t of tags) next.set(String(t.Key), String(t.Value ?? ''));
  if (next.size > TAGS_PER_STREAM_MAX) throw new AwsServiceError('LimitExceededException', `a Firehose stream can have at most ${TAGS_PER_STREAM_MAX} tags; ${s.name} would have ${next.size}`);
  for (const [k, v] of next) s.tags.set(k, v);
  return {};
}

export function untagStream(s: StreamEntry, keys: readonly string[]): Doc {
  for (const k of keys) s.tags.delete(k);
  return {};
}

export function listStreamTags(s: StreamEntry, input: { ExclusiveStartTagKey?: string; Limit?: number }): Doc {
  const limit = input.Limit ?? TAGS_PER_STREAM_MAX;
  const all = [...s.tags].sort(([a], [b]) => (a < b ? -1 : 1)).filter(([k]) => !input.ExclusiveStartTagKey || k > input.ExclusiveStartTagKey);
  return { Tags: all.slice(0, limit).map(([Key, Value]) => ({ Key, Value })), HasMoreTags: all.length > limit };
}
