/**
 * Adapters from the streams service's Stream to the narrow ports producers and consumers use
 * (ProducerSink, ConsumerSource). Reads go through the Stream's ShardReaders: `shared` (the shard's
 * admission — 5 calls/s, 2 MiB/s with the 10 MiB-call debt rule — and outgoing counts, as the JSON
 * API's GetRecords) and `dedicated` (enhanced fan-out: outgoing counts only). Writes offer the
 * Stream's fast paths: UUID keys as words, and records the producer already routed.
 */
import type { ConsumerSource, ShardView } from '../consumers/consumer-source';
import { md5PartitionKey } from '../hash/md5';
import type { ProducerSink } from '../producers/producer-sink';
import type { Shard } from '../streams/shard';
import type { ShardReader } from '../streams/shard-reader';
import type { Stream } from '../streams/stream';

const KEY_SPACE = 2 ** 128;

export class StreamSinkAdapter implements ProducerSink {
  constructor(private readonly stream: Stream, private readonly clock: () => number) {}

  get streamName(): string {
    return this.stream.name;
  }

  put(partitionKey: string, data: Uint8Array | number, explicitHashKey: string | undefined): number {
    return this.stream.putRecord(partitionKey, data, explicitHashKey, this.clock());
  }

  putHashed(partitionKey: string, data: Uint8Array | number, hash: Uint32Array): number {
    // A precomputed MD5 routes exactly like the key itself; the key's bytes still count toward the limit.
    return this.stream.putRecord(partitionKey, data, hash, this.clock());
  }

  putUuid(w0: number, w1: number, w2: number, w3: number, data: Uint8Array | number): number {
    return this.stream.putUuidRecord(w0, w1, w2, w3, data, this.clock());
  }

  putToShard(shardIndex: number, partitionKey: string, keyBytes: number, data: Uint8Array | number): number {
    return this.stream.putRecordToShard(shardIndex, partitionKey, keyBytes, data, this.clock());
  }

  hashOf(partitionKey: string): Uint32Array {
    return md5PartitionKey(partitionKey, new Uint32Array(4));
  }

  shardSlots(): number {
    return this.stream.shards.length;
  }

  shardOf(partitionKey: string, explicitHashKey: string | undefined): number {
    if (explicitHashKey !== undefined) {
      const v = BigInt(explicitHashKey);
      const words = new Uint32Array([Number((v >> 96n) & 0xffffffffn), Number((v >> 64n) & 0xffffffffn), Number((v >> 32n) & 0xffffffffn), Number(v & 0xffffffffn)]);
      return this.stream.route(words).number;
    }
    return this.stream.route(md5PartitionKey(partitionKey, new Uint32Array(4))).number;
  }

  openShardShares(): { shardIndex: number; share: number }[] {
    return this.stream.openShards().map((s) => ({ shardIndex: s.number, share: Number(s.range.end - s.range.start + 1n) / KEY_SPACE }));
  }

  shardMapVersion(): number {
    return this.stream.shardMapVersion;
  }

  putAggregate(shardIndex: number, records: number, bytes: number): number {
    return this.stream.putAggregate(shardIndex, records, bytes, this.clock());
  }
}

class ShardViewOf implements ShardView {
  constructor(private readonly shard: Shard) {}
  get number(): number { return this.shard.number; }
  get id(): string { return this.shard.id; }
  get isOpen(): boolean { return this.shard.isOpen; }
  get parentNumber(): number | undefined { return this.shard.parentNumber; }
  get adjacentParentNumber(): number | undefined { return this.shard.adjacentParentNumber; }
  get nextCounter(): number { return this.shard.nextCounter; }
  trimHorizonCounter(): number {
    const log = this.shard.log;
    return log.isEmpty ? this.shard.nextCounter : log.firstCounterAt(log.headIndex);
  }
}

export class StreamSourceAdapter implements ConsumerSource {
  private views: ShardViewOf[] = [];
  private listed: ShardViewOf[] = [];
  private listedFor = -1;
  private expiredSeen = 0;

  readonly shared: ShardReader;
  readonly dedicated: ShardReader;

  constructor(private readonly stream: Stream) {
    this.shared = stream.shared;
    this.dedicated = stream.dedicated;
  }

  get streamName(): string {
    return this.stream.name;
  }

  shards(): readonly ShardView[] {
    const all = this.stream.shards;
    const expired = this.stream.expiredShardCount;
    if (all.length !== this.listedFor || expired !== this.expiredSeen) {
      while (this.views.length < all.length) this.views.push(new ShardViewOf(all[this.views.length]));
      this.listed = this.views.filter((_, i) => !all[i].expired);
      this.listedFor = all.length;
      this.expiredSeen = expired;
    }
    return this.listed;
  }

  shard(number: number): ShardView | undefined {
    const all = this.stream.shards;
    const s = all[number];
    if (!s || s.expired) return undefined;
    while (this.views.length < all.length) this.views.push(new ShardViewOf(all[this.views.length]));
    return this.views[number];
  }

  visibleEndCounter(shardNumber: number, arrivedAtOrBeforeMs: number): number {
    const shard = this.stream.shards[shardNumber];
    if (!shard) return 0;
    const log = shard.log;
    const end = log.endIndex;
    // Arrival times never decrease along the log: binary search, then step over equal times.
    let index = log.seekTime(arrivedAtOrBeforeMs);
    while (index < end && log.arrivalMsAt(index) <= arrivedAtOrBeforeMs) index++;
    return index < end ? log.firstCounterAt(index) : shard.nextCounter;
  }
}
