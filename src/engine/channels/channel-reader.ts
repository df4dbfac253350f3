/**
 * How a channel reads its source stream: every shard (following new shards as the on-demand stream splits),
 * from the position it had reached, without consuming shard read capacity or an enhanced fan-out slot
 * (data-delivery-concepts: "Channel reads consume no additional shard capacity"), so the read goes through
 * the stream's observing ShardReader: no admission and no outgoing counters. Records arrive into the channel's buffer; the buffer
 * is bounded by CHANNEL_BUFFER_BYTES_MAX (delivery is then due at once, as a full buffer flushes).
 */
import { observingReader } from '../streams/readers';
import { emptyReadPage } from '../streams/shard-reader';
import type { Channel } from './channel';

/** Simulator bound on a channel's buffer; a full buffer is delivered without waiting for freshness. */
export const CHANNEL_BUFFER_BYTES_MAX = 64 * 1_048_576;
/** Records read per shard per poll (one poll per virtual second). */
const READ_RECORDS_PER_POLL = 10_000;
const page = emptyReadPage();

/** Positions at activation: the tip of every shard (no backfill). */
export function startAtTip(channel: Channel, nowMs: number): void {
  channel.activatedAtMs = nowMs;
  for (const shard of channel.stream.shards) channel.positions.set(shard.number, shard.nextCounter);
}

/** Reads what arrived since the last poll into the buffer; returns true when the buffer is full. */
export function pollStream(channel: Channel, nowMs: number): boolean {
  const stream = channel.stream;
  const reader = observingReader(stream);
  for (const shard of stream.shards) {
    if (shard.expired || channel.bufferBytes >= CHANNEL_BUFFER_BYTES_MAX) continue;
    // A shard created after activation (a split or merge child) is read from its start.
    const from = channel.positions.get(shard.number) ?? shard.startCounter;
    if (from >= shard.nextCounter) continue;
    reader.read(shard.number, from, READ_RECORDS_PER_POLL, CHANNEL_BUFFER_BYTES_MAX - channel.bufferBytes, nowMs, page, (counter, arrivalMs, _key, dataBytes, payload) => {
      const data = payload ?? new Uint8Array(Math.round(dataBytes));
      channel.buffer.push({ shardId: shard.id, sequenceNumber: stream.sequenceNumber(shard.number, counter), arrivalMs, data });
      channel.bufferBytes += data.byteLength;
      channel.counters.recordsIn++;
      channel.counters.bytesIn += data.byteLength;
      if (!(channel.oldestBufferedMs <= arrivalMs)) channel.oldestBufferedMs = arrivalMs;
    });
    channel.positions.set(shard.number, page.nextCounter);
  }
  return channel.bufferBytes >= CHANNEL_BUFFER_BYTES_MAX;
}
