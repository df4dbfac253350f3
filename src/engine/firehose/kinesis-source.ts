/**
 * A Kinesis data stream as a Firehose source. Firehose is an ordinary shared-throughput consumer:
 * one GetRecords-equivalent per shard per virtual second, counted against the shard's 5 reads/s and
 * 2 MiB/s; reading starts at LATEST as of stream creation; shards created later (resharding) are read
 * from their start. `KinesisSourceReader` is the narrow view of a data stream the poller needs;
 * `kinesisStreamReader` adapts engine/streams' Stream to it.
 */
import type { Stream } from '../streams/stream';
import { emptyReadPage } from '../streams/shard-reader';
import { GET_RECORDS_BYTES_MAX } from '../streams/limits';
import type { Cancellable, Scheduler } from '../time/scheduler';

export interface SourceShard {
  readonly shardNumber: number;
  readonly shardId: string;
  /** First sequence counter the shard can hold. */
  readonly startCounter: number;
  /** Counter the next written record will get (LATEST). */
  readonly nextCounter: number;
}

export interface SourceRecord {
  readonly data: Uint8Array;
  readonly arrivalMs: number;
  readonly partitionKey: string;
  readonly sequenceNumber: string;
}

export type SourcePoll =
  | { readonly kind: 'throttled' }
  | { readonly kind: 'gone' }
  | { readonly kind: 'read'; readonly records: readonly SourceRecord[]; readonly nextCounter: number; readonly millisBehindLatest: number; readonly atShardEnd: boolean };

export interface KinesisSourceReader {
  readonly streamArn: string;
  /** Shards that can be read now. */
  shards(): readonly SourceShard[];
  /** One GetRecords-equivalent under the shard's shared read limits. */
  poll(shardNumber: number, fromCounter: number, nowMs: number): SourcePoll;
}

export interface SourceSink {
  ingest(shardId: string, records: readonly SourceRecord[]): void;
  /**
   * True while delivery is failing: the poller reads nothing, so the records wait in the data stream (bounded
   * by its retention) instead of piling up in Firehose. troubleshooting.html: with a Kinesis data stream as
   * source Firehose keeps retrying and the data is bounded by the source's own retention (spec firehose.md §1).
   */
  paused?(): boolean;
  throttled(): void;
  millisBehindLatest(ms: number): void;
}

/** Polls every shard once per second and hands records to the delivery stream. */
export class KinesisSourcePoller {
  private readonly positions = new Map<number, number>();
  private readonly finished = new Set<number>();
  private readonly timer: Cancellable;

  constructor(private readonly reader: KinesisSourceReader, scheduler: Scheduler, private readonly sink: SourceSink) {
    // LATEST as of creation: existing shards start at their next counter.
    for (const s of reader.shards()) this.positions.set(s.shardNumber, s.nextCounter);
    this.timer = scheduler.every(1_000, (nowMs) => this.pollAll(nowMs));
  }

  stop(): void {
    this.timer.cancel();
  }

  private pollAll(nowMs: number): void {
    if (this.sink.paused?.()) return;
    let behind = 0;
    for (const shard of this.reader.shards()) {
      if (this.finished.has(shard.shardNumber)) continue;
      const from = this.positions.get(shard.shardNumber) ?? shard.startCounter;
      const result = this.reader.poll(shard.shardNumber, from, nowMs);
      if (result.kind === 'throttled') {
        this.sink.throttled();
        continue;
      }
      if (result.kind === 'gone') {
        this.finished.add(shard.shardNumber);
        continue;
      }
      this.positions.set(shard.shardNumber, result.nextCounter);
      if (result.atShardEnd) this.finished.add(shard.shardNumber);
      behind = Math.max(behind, result.millisBehindLatest);
      if (result.records.length) this.sink.ingest(shard.shardId, result.records);
    }
    this.sink.millisBehindLatest(behind);
  }
}

/** Adapts an engine/streams Stream (the Kinesis Data Streams engine) to the reader interface. */
export function kinesisStreamReader(stream: Stream): KinesisSourceReader {
  const page = emptyReadPage();
  return {
    streamArn: stream.arn,
    shards: () => stream.listedShards().map((s) => ({ shardNumber: s.number, shardId: s.id, startCounter: s.startCounter, nextCounter: s.nextCounter })),
    poll(shardNumber, fromCounter, nowMs) {
      if (stream.deleted) return { kind: 'gone' };
      const records: SourceRecord[] = [];
      const ok = stream.shared.read(shardNumber, fromCounter, 10_000, GET_RECORDS_BYTES_MAX, nowMs, page, (counter, arrivalMs, key, dataBytes, payload) => {
        // Aggregate-mode buckets carry no payload: materialise zero bytes of the average size.
        records.push({ data: payload ?? new Uint8Array(Math.round(dataBytes)), arrivalMs, partitionKey: key, sequenceNumber: stream.sequenceNumber(shardNumber, counter) });
      });
      if (!ok) return { kind: 'throttled' };
      return { kind: 'read', records, nextCounter: page.nextCounter, millisBehindLatest: page.millisBehindLatest, atShardEnd: page.atShardEnd };
    },
  };
}
