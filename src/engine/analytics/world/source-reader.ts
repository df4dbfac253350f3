/**
 * How an analytics application reads its source Kinesis stream: as a polling consumer, one
 * GetRecords-equivalent call per shard per second under the shard's shared read limits (5 calls/s,
 * 2 MiB/s), starting at LATEST (the console's "now"), following new child shards after a reshard.
 * Also samples recent records for input schema discovery.
 */
import type { Stream } from '../../streams/stream';
import { emptyReadPage } from '../../streams/shard-reader';
import { GET_RECORDS_BYTES_MAX } from '../../streams/limits';
import { observingReader } from '../../streams/readers';

export interface SourceRecord {
  readonly data: string;
  readonly arrivalMs: number;
  readonly partitionKey: string;
  readonly sequenceNumber: string;
  readonly shardId: string;
}

export interface ReadTotals {
  readCalls: number;
  readThrottles: number;
  records: number;
  bytes: number;
  withoutPayload: number;
  millisBehindLatest: number;
}

const RECORDS_PER_CALL_MAX = 10_000;
const decoder = new TextDecoder();

export class SourceReader {
  /** Next counter to read per shard number; shards finished (closed and read to the end) are removed. */
  private readonly positions = new Map<number, number>();
  private readonly finished = new Set<number>();
  private readonly page = emptyReadPage();
  readonly totals: ReadTotals = { readCalls: 0, readThrottles: 0, records: 0, bytes: 0, withoutPayload: 0, millisBehindLatest: 0 };

  /**
   * `withSequenceNumbers`: render each record's AWS sequence number (a third of the per-record cost),
   * only when the SQL reads the SEQUENCE_NUMBER metadata column.
   */
  constructor(private readonly stream: Stream, private readonly withSequenceNumbers = true, startingPosition: 'NOW' | 'TRIM_HORIZON' = 'NOW') {
    // NOW (the console's default): what is in the stream already is history. TRIM_HORIZON: the oldest
    // retained record. Shards that appear later (resharding) are read from their start either way.
    if (startingPosition === 'NOW') for (const s of stream.shards) this.positions.set(s.number, s.nextCounter);
  }

  get streamName(): string {
    return this.stream.name;
  }

  get gone(): boolean {
    return this.stream.deleted;
  }

  get shardsPolled(): number {
    return this.positions.size - this.finished.size;
  }

  /** One poll of every shard; returns the records merged in arrival order. */
  poll(nowMs: number): SourceRecord[] {
    const out: SourceRecord[] = [];
    let behind = 0;
    for (const shard of this.stream.shards) {
      if (shard.expired || this.finished.has(shard.number)) continue;
      let from = this.positions.get(shard.number);
      if (from === undefined) {
        from = shard.log.isEmpty ? shard.nextCounter : shard.log.firstCounterAt(shard.log.headIndex);
        this.positions.set(shard.number, from);
      }
      this.totals.readCalls++;
      const ok = this.stream.shared.read(shard.number, from, RECORDS_PER_CALL_MAX, GET_RECORDS_BYTES_MAX, nowMs, this.page, (counter, arrivalMs, key, _bytes, payload) => {
        if (!payload) {
          this.totals.withoutPayload++;
          return;
        }
        out.push({ data: decoder.decode(payload), arrivalMs, partitionKey: key, sequenceNumber: this.withSequenceNumbers ? this.stream.sequenceNumber(shard.number, counter) : '', shardId: shard.id });
      });
      if (!ok) {
        this.totals.readThrottles++;
        continue;
      }
      this.totals.records += this.page.records;
      this.totals.bytes += this.page.bytes;
      behind = Math.max(behind, this.page.millisBehindLatest);
      this.positions.set(shard.number, this.page.nextCounter);
      if (this.page.atShardEnd) this.finished.add(shard.number);
    }
    this.totals.millisBehindLatest = behind;
    // Stable sort keeps each shard's order for equal arrival times.
    out.sort((a, b) => a.arrivalMs - b.arrivalMs);
    return out;
  }
}

/** The newest records of every open shard (up to `max` in all), as text: DiscoverInputSchema's sample. */
export function sampleRecords(stream: Stream, max: number, nowMs: number): string[] {
  const shards = stream.openShards();
  if (shards.length === 0) return [];
  const perShard = Math.max(1, Math.ceil(max / shards.length));
  const page = emptyReadPage();
  // DiscoverInputSchema's sample is the console's look at the stream, not a consumer: it charges nothing.
  const reader = observingReader(stream);
  const samples: string[] = [];
  for (const shard of shards) {
    const first = shard.log.isEmpty ? shard.nextCounter : shard.log.firstCounterAt(shard.log.headIndex);
    const from = Math.max(first, shard.nextCounter - perShard);
    reader.read(shard.number, from, perShard, 1_048_576, nowMs, page, (_c, _a, _k, _b, payload) => {
      if (payload && samples.length < max) samples.push(decoder.decode(payload));
    });
  }
  return samples;
}
