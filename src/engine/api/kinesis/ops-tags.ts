/** Tagging: the stream-named operations (AddTagsToStream …) and the ARN-named ones (TagResource …). */
import { ChannelService } from '../../channels/channel-service';
import { invalidArgument, resourceNotFound } from '../../streams/errors';
import type { KinesisService } from '../../streams/service';
import type { Stream } from '../../streams/stream';
import { addTags, removeTags } from '../../streams/stream-settings';
import { TAGS_PER_STREAM_MAX } from '../../streams/limits';
import type { Doc } from './wire';
import { NO_OUTPUT } from './wire';

const TAG_CHARS = /^[\p{L}\p{N} _./=+\-@]*$/u;
const TAG_CHARS_WITH_COLON = /^[\p{L}\p{N} _./=+\-@:]*$/u;

/** Tag keys and values may hold letters, digits, spaces and _ . / = + - @ (and : through TagResource). */
export function checkTagCharacters(tags: Record<string, string>, allowColon: boolean): void {
  const re = allowColon ? TAG_CHARS_WITH_COLON : TAG_CHARS;
  for (const [k, v] of Object.entries(tags)) {
    if (!re.test(k) || !re.test(v)) {
      throw invalidArgument(`Tag ${k}=${v} has characters outside letters, digits, spaces and _ . / = + - @${allowColon ? ' :' : ''}.`);
    }
  }
}

/** Tag keys alone (RemoveTagsFromStream, UntagResource) obey the same character rule as AddTagsToStream. */
export function checkTagKeyCharacters(keys: readonly string[], allowColon: boolean): void {
  checkTagCharacters(Object.fromEntries(keys.map((k) => [k, ''])), allowColon);
}

/** Request-level rule, checked before the stream is looked up (as AWS does): at most 50 tags per call. */
function checkTagCount(count: number, streamName: string, accountId: string): void {
  if (count > TAGS_PER_STREAM_MAX) {
    throw invalidArgument(`Failed to add tags to stream ${streamName} under account ${accountId} because a given stream cannot have more than ${TAGS_PER_STREAM_MAX} tags.`);
  }
}

export function addTagsToStream(service: KinesisService, input: Doc): Doc {
  const tags = input.Tags as Record<string, string>;
  checkTagCount(Object.keys(tags).length, (input.StreamName as string | undefined) ?? (input.StreamARN as string), service.accountId);
  checkTagCharacters(tags, false);
  addTags(service, service.resolve(input), tags);
  return NO_OUTPUT;
}

export function removeTagsFromStream(service: KinesisService, input: Doc): Doc {
  checkTagKeyCharacters(input.TagKeys as string[], false);
  removeTags(service, service.resolve(input), input.TagKeys as string[]);
  return NO_OUTPUT;
}

function sortedTags(stream: Stream): { Key: string; Value: string }[] {
  return [...stream.tags.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([Key, Value]) => ({ Key, Value }));
}

export function listTagsForStream(service: KinesisService, input: Doc): Doc {
  const stream = service.resolve(input);
  const limit = (input.Limit as number | undefined) ?? 50;
  const after = input.ExclusiveStartTagKey as string | undefined;
  const tags = sortedTags(stream).filter((t) => after === undefined || t.Key > after);
  return { Tags: tags.slice(0, limit), HasMoreTags: tags.length > limit };
}

/** A ResourceARN names a stream or a consumer; tags of consumers live on the consumer. */
function tagTarget(service: KinesisService, arn: string): { tags: Map<string, string>; stream?: Stream } {
  if (/:channel\/[^/]+$/.test(arn)) return { tags: ChannelService.of(service.sim, service).find(arn).tags };
  if (arn.includes('/consumer/')) {
    const consumer = service.consumers.find({ ConsumerARN: arn });
    return { tags: consumer.tags };
  }
  if (!/:stream\/[^/]+$/.test(arn)) throw resourceNotFound(`Resource ${arn} not found: only streams, consumers and channels carry tags.`);
  const stream = service.resolve({ StreamARN: arn });
  return { tags: stream.tags, stream };
}

export function tagResource(service: KinesisService, input: Doc): Doc {
  const tags = input.Tags as Record<string, string>;
  checkTagCount(Object.keys(tags).length, input.ResourceARN as string, service.accountId);
  checkTagCharacters(tags, true);
  const target = tagTarget(service, input.ResourceARN as string);
  if (target.stream) addTags(service, target.stream, tags);
  else {
    if (new Set([...target.tags.keys(), ...Object.keys(tags)]).size > TAGS_PER_STREAM_MAX) {
      throw invalidArgument(`Failed to add tags to ${input.ResourceARN as string} under account ${service.accountId} because a given resource cannot have more than ${TAGS_PER_STREAM_MAX} tags.`);
    }
    for (const [k, v] of Object.entries(tags)) target.tags.set(k, v);
  }
  return NO_OUTPUT;
}

export function untagResource(service: KinesisService, input: Doc): Doc {
  checkTagKeyCharacters(input.TagKeys as string[], true);
  const target = tagTarget(service, input.ResourceARN as string);
  if (target.stream) removeTags(service, target.stream, input.TagKeys as string[]);
  else for (const k of input.TagKeys as string[]) target.tags.delete(k);
  return NO_OUTPUT;
}

export function listTagsForResource(service: KinesisService, input: Doc): Doc {
  const target = tagTarget(service, input.ResourceARN as string);
  const tags = [...target.tags.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([Key, Value]) => ({ Key, Value }));
  return { Tags: tags };
}
