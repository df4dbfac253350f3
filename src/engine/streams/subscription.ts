/**
 * SubscribeToShard on the virtual clock: a consumer's push subscription to one shard. Every tick it reads what
 * arrived within the consumer's own 2 MiB/s budget and pushes an event (records, continuation sequence
 * number, MillisBehindLatest, child shards at a closed shard's end). It ends after 5 minutes, when replaced
 * by a newer subscription (allowed 5 s after this one started), or when the consumer goes away.
 */
import type { Cancellable } from '../time/scheduler';
import type { Consumer, SubscriptionHandle } from './consumers';
import type { ChildShardInfo, ShardIteratorType } from './data-plane';
import { checkTimestampNotInFuture, childShardsOf, requireReadable, startCounterFor } from './data-plane';
import { resourceInUse } from './errors';
import { EFO_BYTES_PER_SEC_MAX, GET_RECORDS_LIMIT_MAX, RESUBSCRIBE_TAKEOVER_MS, SUBSCRIPTION_LIFETIME_MS } from './limits';
import { requireShard } from './reshard';
import type { KinesisService } from './service';
import { emptyReadPage } from './shard-reader';

/** One record as a subscription pushes it (engine form; the API encodes it). */
export interface PushedRecord {
  readonly counter: number;
  readonly arrivalMs: number;
  readonly partitionKey: string;
  readonly dataBytes: number;
  readonly payload: Uint8Array | undefined;
}

export interface SubscriptionEvent {
  readonly shardNumber: number;
  readonly records: PushedRecord[];
  /** Counter of the last record delivered (or just before the start): resume with AFTER_SEQUENCE_NUMBER. */
  readonly continuationCounter: number;
  readonly millisBehindLatest: number;
  readonly childShards: ChildShardInfo[] | undefined;
}

export type SubscriptionSignal =
  | { readonly kind: 'event'; readonly event: SubscriptionEvent }
  | { readonly kind: 'end'; readonly reason: 'expired' | 'replaced' | 'deregistered' | 'closed' | 'shard-end' };

export interface SubscribeRequest {
  readonly shardId: string;
  readonly type: ShardIteratorType;
  readonly sequenceNumber?: string;
  readonly timestampMs?: number;
}

/** How often a subscription looks for new records (AWS pushes within ~70 ms of arrival). */
export const PUSH_INTERVAL_MS = 100;
/** An empty event is pushed at least this often so the client knows the subscription lives. */
export const HEARTBEAT_MS = 5_000;

export function subscribeToShard(
  service: KinesisService,
  consumer: Consumer,
  req: SubscribeRequest,
  sink: (signal: SubscriptionSignal) => void,
): { close(): void } {
  const stream = consumer.stream;
  requireReadable(service, stream);
  if (consumer.status !== 'ACTIVE') {
    throw resourceInUse(`Consumer ${consumer.arn} is ${consumer.status}, not ACTIVE; wait until DescribeStreamConsumer shows ACTIVE.`);
  }
  const shard = requireShard(service, stream, req.shardId);
  const now = service.nowMs;
  if (req.type === 'AT_TIMESTAMP' && req.timestampMs !== undefined) checkTimestampNotInFuture(req.timestampMs, now);
  const existing = consumer.subscriptions.get(shard.number);
  if (existing && now - existing.startedAtMs < RESUBSCRIBE_TAKEOVER_MS) {
    throw resourceInUse(`Another active subscription exists for consumer ${consumer.arn} on shard ${shard.id}; a new one can take over ${RESUBSCRIBE_TAKEOVER_MS / 1000} s after it started.`);
  }
  let position = startCounterFor(stream, shard, { shardId: req.shardId, type: req.type, startingSequenceNumber: req.sequenceNumber, timestampMs: req.timestampMs }, service.accountId);
  existing?.close('replaced');

  const page = emptyReadPage();
  let lastEventMs = Number.NEGATIVE_INFINITY;
  // Assigned below; `finish` only runs from a tick or a later close, after the assignment.
  let ticker: Cancellable | undefined = undefined;
  let open = true;
  const finish = (reason: 'expired' | 'replaced' | 'deregistered' | 'closed' | 'shard-end') => {
    if (!open) return;
    open = false;
    ticker?.cancel();
    if (consumer.subscriptions.get(shard.number) === handle) consumer.subscriptions.delete(shard.number);
    if (reason !== 'closed') sink({ kind: 'end', reason });
  };
  const handle: SubscriptionHandle = { startedAtMs: now, close: (reason) => finish(reason) };
  consumer.subscriptions.set(shard.number, handle);

  const tick = (t: number) => {
    if (!open) return;
    if (stream.deleted || t - now >= SUBSCRIPTION_LIFETIME_MS) return finish(stream.deleted ? 'deregistered' : 'expired');
    const records: PushedRecord[] = [];
    consumer.read(shard.number, position, GET_RECORDS_LIMIT_MAX, EFO_BYTES_PER_SEC_MAX, t, page, (counter, arrivalMs, partitionKey, dataBytes, payload) => {
      records.push({ counter, arrivalMs, partitionKey, dataBytes, payload });
    });
    position = page.nextCounter;
    const atEnd = page.atShardEnd;
    if (records.length > 0 || atEnd || t - lastEventMs >= HEARTBEAT_MS) {
      lastEventMs = t;
      sink({
        kind: 'event',
        event: {
          shardNumber: shard.number,
          records,
          continuationCounter: position - 1,
          millisBehindLatest: page.millisBehindLatest,
          childShards: atEnd ? childShardsOf(stream, shard) : undefined,
        },
      });
    }
    if (atEnd) finish('shard-end');
  };
  ticker = service.sim.scheduler.every(PUSH_INTERVAL_MS, tick, now);
  return { close: () => finish('closed') };
}
