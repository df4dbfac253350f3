/**
 * KPL-style aggregation (spec §11): many user records packed into one Kinesis record as
 * magic `F3 89 9A C2` + protobuf `AggregatedRecord` + 16-byte MD5 of the protobuf, and the
 * consumer-side de-aggregation (no magic or a bad MD5 → the data is one plain record).
 * The aggregated record is routed by its first user record's partition key (or explicit hash key).
 */
import { md5Bytes, utf8ByteLength } from '../hash/md5';

export const KPL_MAGIC = new Uint8Array([0xf3, 0x89, 0x9a, 0xc2]);
/** KPL default AggregationMaxSize. */
export const KPL_AGGREGATION_MAX_BYTES = 51_200;

export interface UserRecord {
  readonly partitionKey: string;
  readonly explicitHashKey?: string;
  readonly data: Uint8Array;
}

export interface DeaggregatedRecord extends UserRecord {
  /** Index of the user record inside its aggregated record (0 for a plain record). */
  readonly subSequenceNumber: number;
  readonly aggregated: boolean;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function varintSize(v: number): number {
  let n = 1;
  while (v >= 0x80) { v = Math.floor(v / 128); n++; }
  return n;
}

class ProtoWriter {
  private buf: Uint8Array;
  length = 0;
  constructor(capacity: number) { this.buf = new Uint8Array(capacity); }
  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + extra));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  varint(v: number): void {
    this.ensure(10);
    while (v >= 0x80) { this.buf[this.length++] = (v & 0x7f) | 0x80; v = Math.floor(v / 128); }
    this.buf[this.length++] = v;
  }
  bytes(tag: number, data: Uint8Array): void {
    this.varint(tag);
    this.varint(data.length);
    this.ensure(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }
  result(): Uint8Array { return this.buf.subarray(0, this.length); }
}

/** Collects user records into one aggregated record, keeping its encoded size known as it grows. */
export class Aggregator {
  private keys = new Map<string, number>();
  private hashKeys = new Map<string, number>();
  private records: { pk: number; ehk: number; data: Uint8Array }[] = [];
  private protoBytes = 0;
  private first: UserRecord | undefined;

  constructor(readonly maxBytes = KPL_AGGREGATION_MAX_BYTES) {}

  get count(): number { return this.records.length; }
  /** Encoded size of the aggregated record if it were flushed now. */
  get sizeBytes(): number { return this.records.length === 0 ? 0 : KPL_MAGIC.length + this.protoBytes + 16; }

  /** Bytes that adding `r` would add to the encoded record. */
  private growth(r: UserRecord): number {
    let g = 0;
    const pkIndex = this.keys.get(r.partitionKey) ?? this.keys.size;
    if (!this.keys.has(r.partitionKey)) { const n = utf8ByteLength(r.partitionKey); g += 1 + varintSize(n) + n; }
    let ehkIndex = -1;
    if (r.explicitHashKey !== undefined) {
      ehkIndex = this.hashKeys.get(r.explicitHashKey) ?? this.hashKeys.size;
      if (!this.hashKeys.has(r.explicitHashKey)) g += 2 + r.explicitHashKey.length;
    }
    const inner = 1 + varintSize(pkIndex) + (ehkIndex >= 0 ? 1 + varintSize(ehkIndex) : 0) + 1 + varintSize(r.data.length) + r.data.length;
    return g + 1 + varintSize(inner) + inner;
  }

  /** Whether `r` fits without passing maxBytes (an empty aggregator always accepts one record). */
  fits(r: UserRecord): boolean {
    return this.records.length === 0 || this.sizeBytes + this.growth(r) <= this.maxBytes;
  }

  add(r: UserRecord): void {
    this.protoBytes += this.growth(r);
    if (!this.first) this.first = r;
    let pk = this.keys.get(r.partitionKey);
    if (pk === undefined) { pk = this.keys.size; this.keys.set(r.partitionKey, pk); }
    let ehk = -1;
    if (r.explicitHashKey !== undefined) {
      ehk = this.hashKeys.get(r.explicitHashKey) ?? -1;
      if (ehk < 0) { ehk = this.hashKeys.size; this.hashKeys.set(r.explicitHashKey, ehk); }
    }
    this.records.push({ pk, ehk, data: r.data });
  }

  /** Encodes and empties the aggregator; undefined when empty. */
  flush(): { partitionKey: string; explicitHashKey?: string; data: Uint8Array; userRecords: number } | undefined {
    if (!this.first) return undefined;
    const w = new ProtoWriter(this.protoBytes + 16);
    for (const k of this.keys.keys()) w.bytes(0x0a, encoder.encode(k));
    for (const k of this.hashKeys.keys()) w.bytes(0x12, encoder.encode(k));
    for (const r of this.records) {
      const inner = new ProtoWriter(r.data.length + 24);
      inner.varint(0x08); inner.varint(r.pk);
      if (r.ehk >= 0) { inner.varint(0x10); inner.varint(r.ehk); }
      inner.bytes(0x1a, r.data);
      w.bytes(0x1a, inner.result());
    }
    const proto = w.result();
    const out = new Uint8Array(KPL_MAGIC.length + proto.length + 16);
    out.set(KPL_MAGIC, 0);
    out.set(proto, KPL_MAGIC.length);
    out.set(md5Bytes(proto), KPL_MAGIC.length + proto.length);
    const first = this.first;
    const userRecords = this.records.length;
    this.keys = new Map();
    this.hashKeys = new Map();
    this.records = [];
    this.protoBytes = 0;
    this.first = undefined;
    return { partitionKey: first.partitionKey, explicitHashKey: first.explicitHashKey, data: out, userRecords };
  }
}

/** Encodes user records into one aggregated record (convenience over Aggregator). */
export function aggregate(records: readonly UserRecord[]): Uint8Array {
  const agg = new Aggregator(Number.MAX_SAFE_INTEGER);
  for (const r of records) agg.add(r);
  const out = agg.flush();
  if (!out) throw new RangeError('aggregate needs at least one user record');
  return out.data;
}

class ProtoReader {
  pos: number;
  constructor(readonly buf: Uint8Array, start: number, readonly end: number) { this.pos = start; }
  varint(): number {
    let v = 0, mul = 1;
    for (;;) {
      if (this.pos >= this.end) throw new RangeError('truncated varint');
      const b = this.buf[this.pos++];
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 128;
    }
  }
  slice(): Uint8Array {
    const n = this.varint();
    if (this.pos + n > this.end) throw new RangeError('truncated field');
    const s = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return s;
  }
  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 2) this.slice();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 5) this.pos += 4;
    else throw new RangeError(`unsupported wire type ${wireType}`);
  }
}

function isAggregated(data: Uint8Array): boolean {
  if (data.length < KPL_MAGIC.length + 16) return false;
  for (let i = 0; i < KPL_MAGIC.length; i++) if (data[i] !== KPL_MAGIC[i]) return false;
  const digest = md5Bytes(data.subarray(KPL_MAGIC.length, data.length - 16));
  for (let i = 0; i < 16; i++) if (digest[i] !== data[data.length - 16 + i]) return false;
  return true;
}

/** Splits a Kinesis record into its user records (one plain record when it is not a valid aggregate). */
export function deaggregate(partitionKey: string, data: Uint8Array, explicitHashKey?: string): DeaggregatedRecord[] {
  const plain = (): DeaggregatedRecord[] => [{ partitionKey, explicitHashKey, data, subSequenceNumber: 0, aggregated: false }];
  if (!isAggregated(data)) return plain();
  try {
    const r = new ProtoReader(data, KPL_MAGIC.length, data.length - 16);
    const keys: string[] = [];
    const hashKeys: string[] = [];
    const out: DeaggregatedRecord[] = [];
    while (r.pos < r.end) {
      const tag = r.varint();
      const field = Math.floor(tag / 8);
      if (field === 1 && (tag & 7) === 2) keys.push(decoder.decode(r.slice()));
      else if (field === 2 && (tag & 7) === 2) hashKeys.push(decoder.decode(r.slice()));
      else if (field === 3 && (tag & 7) === 2) {
        const body = r.slice();
        const inner = new ProtoReader(body, 0, body.length);
        let pk = -1, ehk = -1;
        let payload: Uint8Array = new Uint8Array(0);
        while (inner.pos < inner.end) {
          const t = inner.varint();
          const f = Math.floor(t / 8);
          if (f === 1 && (t & 7) === 0) pk = inner.varint();
          else if (f === 2 && (t & 7) === 0) ehk = inner.varint();
          else if (f === 3 && (t & 7) === 2) payload = inner.slice();
          else inner.skip(t & 7);
        }
        if (pk < 0 || pk >= keys.length) return plain();
        out.push({ partitionKey: keys[pk], explicitHashKey: ehk >= 0 ? hashKeys[ehk] : undefined, data: payload, subSequenceNumber: out.length, aggregated: true });
      } else r.skip(tag & 7);
    }
    return out;
  } catch {
    return plain();
  }
}
