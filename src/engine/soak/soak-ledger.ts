/**
 * The soak's books: for every consumer, records its stream accepted = processed (first deliveries)
 * + expired + evicted (removed before this consumer read them) + in flight (still unread); for every
 * delivery stream, records in = delivered + failed to the error output + buffered (+ dropped by a
 * transform, + expired from the source). A line that does not balance is a lost or invented record.
 *
 * The consumer side is checked from two independent sources: the consumer's own counters
 * (processed, re-delivered, lag from its lease positions) and the shards' counters (accepted,
 * expired, evicted). Records a consumer never saw because retention or the memory budget removed
 * them first are the gap between the two, and that gap can never exceed what the shards removed.
 */
import { KclApp } from '../consumers/kcl-app';
import type { World } from '../world/world';

export interface ConsumerBooks {
  readonly consumer: string;
  readonly type: string;
  readonly stream: string;
  readonly accepted: number;
  /** First deliveries: processed minus re-deliveries after crashes. */
  readonly processed: number;
  readonly redelivered: number;
  /** Removed by retention / the memory budget before this consumer read them (at most what the shards removed). */
  readonly expired: number;
  readonly evicted: number;
  readonly inFlight: number;
  /** accepted − (processed + expired + evicted + in flight): 0 when nothing is lost. */
  readonly unaccounted: number;
}

export interface DeliveryBooks {
  readonly deliveryStream: string;
  readonly recordsIn: number;
  readonly delivered: number;
  readonly failedToErrorOutput: number;
  readonly buffered: number;
  readonly droppedByTransform: number;
  readonly expired: number;
  readonly unaccounted: number;
}

export interface Books {
  readonly consumers: readonly ConsumerBooks[];
  readonly deliveryStreams: readonly DeliveryBooks[];
  readonly balanced: boolean;
}

interface StreamTotals { accepted: number; expired: number; evicted: number }

function streamTotals(world: World): Map<string, StreamTotals> {
  const out = new Map<string, StreamTotals>();
  for (const stream of world.parts.streams.run.service.allStreams()) {
    const t: StreamTotals = { accepted: 0, expired: 0, evicted: 0 };
    for (const shard of stream.shards) {
      t.accepted += shard.counters.incomingRecords;
      t.expired += shard.counters.expiredRecords;
      t.evicted += shard.counters.evictedRecords;
    }
    out.set(stream.name, t);
  }
  return out;
}

export function soakBooks(world: World): Books {
  const totals = streamTotals(world);
  const consumers: ConsumerBooks[] = world.parts.streams.run.consumers.map((c) => {
    const f = c.figures();
    const t = totals.get(f.streamName) ?? { accepted: 0, expired: 0, evicted: 0 };
    // After a crash a KCL lease goes back to its checkpoint: the records between it and where the
    // worker had read are processed already and counted in the lag again until re-read.
    const pendingAgain = c instanceof KclApp ? c.pendingRedelivery() : 0;
    const inFlight = f.lagRecords - pendingAgain;
    const processed = f.recordsProcessed - f.recordsRedelivered;
    // What the consumer never saw: removed by the shards before it got there. Attributed to expiry
    // first, then eviction, and never more than the shards removed — the rest is unaccounted.
    const gap = t.accepted - processed - inFlight;
    const expired = Math.max(0, Math.min(gap, t.expired));
    const evicted = Math.max(0, Math.min(gap - expired, t.evicted));
    return {
      consumer: f.name, type: f.type, stream: f.streamName, accepted: t.accepted, processed, redelivered: f.recordsRedelivered,
      expired, evicted, inFlight, unaccounted: t.accepted - processed - expired - evicted - inFlight,
    };
  });
  const deliveryStreams: DeliveryBooks[] = world.parts.firehose.report().deliveryStreams.map((d) => ({
    deliveryStream: d.name, recordsIn: d.recordsIn, delivered: d.recordsDelivered, failedToErrorOutput: d.recordsFailed, buffered: d.recordsBuffered,
    droppedByTransform: d.recordsDroppedByTransform, expired: d.recordsExpired,
    unaccounted: d.recordsIn - d.recordsDelivered - d.recordsFailed - d.recordsBuffered - d.recordsDroppedByTransform - d.recordsExpired,
  }));
  const balanced = consumers.every((c) => c.unaccounted === 0) && deliveryStreams.every((d) => d.unaccounted === 0);
  return { consumers, deliveryStreams, balanced };
}
