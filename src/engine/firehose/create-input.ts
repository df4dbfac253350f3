/**
 * The request-level checks of CreateDeliveryStream, before any lookup: stream name, source type and
 * its Kinesis source, exactly one destination configuration, tags and the SSE input
 * (https://docs.aws.amazon.com/firehose/latest/APIReference/API_CreateDeliveryStream.html).
 */
import { DESTINATION_CONFIG_KEYS, invalid, type DestinationConfigKey, type Doc } from './config';
import { parseEncryptionInput, type EncryptionKeyType } from './encryption';
import { STREAM_NAME } from './limits';
import { TAGS_PER_STREAM_MAX } from './stream-tags';
import type { DeliveryStreamType } from './types';

export interface CreateInput {
  readonly name: string;
  readonly type: DeliveryStreamType;
  readonly source?: Doc;
  readonly key: DestinationConfigKey;
  readonly tags: Map<string, string>;
  readonly sse?: { keyType: EncryptionKeyType; keyArn?: string };
}

export function parseCreateInput(input: Doc, region: string): CreateInput {
  const name = String(input.DeliveryStreamName ?? '');
  if (!STREAM_NAME.test(name)) throw invalid(`DeliveryStreamName must be 1–64 characters of [a-zA-Z0-9_.-], got ${JSON.stringify(name)}`);
  const type = (input.DeliveryStreamType ?? 'DirectPut') as DeliveryStreamType;
  if (type !== 'DirectPut' && type !== 'KinesisStreamAsSource') throw invalid(`DeliveryStreamType ${String(type)} is not simulated; use DirectPut or KinesisStreamAsSource`);
  const source = type === 'KinesisStreamAsSource' ? (input.KinesisStreamSourceConfiguration as Doc | undefined) : undefined;
  if (type === 'KinesisStreamAsSource' && typeof source?.KinesisStreamARN !== 'string') {
    throw invalid('KinesisStreamSourceConfiguration.KinesisStreamARN is required for KinesisStreamAsSource');
  }
  const keys = (Object.keys(DESTINATION_CONFIG_KEYS) as DestinationConfigKey[]).filter((k) => input[k] !== undefined);
  if (keys.length !== 1) throw invalid(`exactly one destination configuration is required, got ${keys.length ? keys.join(', ') : 'none'}`);
  const tags = new Map<string, string>();
  for (const t of (Array.isArray(input.Tags) ? input.Tags : []) as Doc[]) tags.set(String(t.Key), String(t.Value ?? ''));
  if (tags.size > TAGS_PER_STREAM_MAX) throw invalid(`a Firehose stream can have at most ${TAGS_PER_STREAM_MAX} tags`);
  const sse = input.DeliveryStreamEncryptionConfigurationInput !== undefined
    ? parseEncryptionInput(input.DeliveryStreamEncryptionConfigurationInput, type, region) : undefined;
  return { name, type, source, key: keys[0], tags, sse };
}
