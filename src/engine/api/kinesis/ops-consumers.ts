/** Enhanced fan-out: consumer registration and lookup, and the streaming SubscribeToShard. */
import type { ApiErrorShape } from '../result';
import { AwsServiceError } from '../result';
import type { ShardIteratorType } from '../../streams/data-plane';
import { invalidArgument } from '../../streams/errors';
import type { KinesisService } from '../../streams/service';
import type { SubscriptionSignal } from '../../streams/subscription';
import { subscribeToShard } from '../../streams/subscription';
import { decodeListToken, encodeListToken } from './tokens';
import type { Doc } from './wire';
import { NO_OUTPUT, childShardsDoc, consumerDoc, recordDoc } from './wire';

const LIST_CONSUMERS_DEFAULT = 100;

export function registerConsumer(service: KinesisService, input: Doc): Doc {
  service.checkRate('RegisterStreamConsumer');
  const stream = service.resolve({ StreamARN: input.StreamARN as string });
  const consumer = service.consumers.register(stream, input.ConsumerName as string);
  for (const [k, v] of Object.entries((input.Tags as Record<string, string> | undefined) ?? {})) consumer.tags.set(k, v);
  return { Consumer: consumerDoc(consumer, false) };
}

function consumerRef(input: Doc) {
  return { ConsumerARN: input.ConsumerARN as string | undefined, StreamARN: input.StreamARN as string | undefined, ConsumerName: input.ConsumerName as string | undefined };
}

export function deregisterConsumer(service: KinesisService, input: Doc): Doc {
  service.checkRate('DeregisterStreamConsumer');
  service.consumers.deregister(service.consumers.find(consumerRef(input)));
  return NO_OUTPUT;
}

export function describeConsumer(service: KinesisService, input: Doc): Doc {
  service.checkRate('DescribeStreamConsumer');
  return { ConsumerDescription: consumerDoc(service.consumers.find(consumerRef(input)), true) };
}

export function listConsumers(service: KinesisService, input: Doc): Doc {
  service.checkRate('ListStreamConsumers');
  const stream = service.resolve({ StreamARN: input.StreamARN as string });
  let maxResults = (input.MaxResults as number | undefined) ?? LIST_CONSUMERS_DEFAULT;
  let all = service.consumers.forStream(stream);
  if (input.NextToken !== undefined) {
    const token = decodeListToken(input.NextToken as string, 'consumers', service.nowMs);
    if (token.streamName !== stream.name) throw invalidArgument('The NextToken was issued for another stream.');
    const i = all.findIndex((c) => c.arn === token.after);
    all = all.slice(i + 1);
    maxResults = (input.MaxResults as number | undefined) ?? token.maxResults ?? maxResults;
  }
  const page = all.slice(0, maxResults);
  const doc: Doc = { Consumers: page.map((c) => consumerDoc(c, false)) };
  if (all.length > maxResults) {
    doc.NextToken = encodeListToken({ list: 'consumers', streamName: stream.name, after: page[page.length - 1].arn, maxResults, issuedAtMs: service.nowMs });
  }
  return doc;
}

/** What SubscribeToShard pushes to its sink (wire form). */
export type SubscribeToShardSignal =
  | { readonly kind: 'event'; readonly event: Doc }
  | { readonly kind: 'error'; readonly error: ApiErrorShape }
  | { readonly kind: 'end' };

export function subscribeOp(service: KinesisService, input: Doc, sink: (ev: SubscribeToShardSignal) => void): { close(): void } {
  const consumer = service.consumers.find({ ConsumerARN: input.ConsumerARN as string });
  const start = input.StartingPosition as Doc;
  const stream = consumer.stream;
  return subscribeToShard(
    service,
    consumer,
    {
      shardId: input.ShardId as string,
      type: start.Type as ShardIteratorType,
      sequenceNumber: start.SequenceNumber as string | undefined,
      timestampMs: start.Timestamp as number | undefined,
    },
    (signal: SubscriptionSignal) => {
      if (signal.kind === 'end') {
        if (signal.reason === 'deregistered') {
          sink({ kind: 'error', error: new AwsServiceError('ResourceNotFoundException', `Consumer ${consumer.arn} or its stream was deleted; the subscription ended.`).toShape() });
        }
        sink({ kind: 'end' });
        return;
      }
      const ev = signal.event;
      const doc: Doc = {
        Records: ev.records.map((r) => recordDoc(stream, ev.shardNumber, r.counter, r.arrivalMs, r.partitionKey, r.dataBytes, r.payload)),
        ContinuationSequenceNumber: stream.sequenceNumber(ev.shardNumber, ev.continuationCounter),
        MillisBehindLatest: ev.millisBehindLatest,
      };
      if (ev.childShards) doc.ChildShards = childShardsDoc(stream, ev.childShards);
      sink({ kind: 'event', event: doc });
    },
  );
}
