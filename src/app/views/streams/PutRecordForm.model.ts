/**
 * What the put-a-record form computes before and after it calls PutRecord: the payload bytes from
 * text, JSON or base64; the MD5 of the partition key as a 128-bit hash key (or the explicit hash
 * key); and which open shard's HashKeyRange holds it. Routing follows the Kinesis rule: "Kinesis
 * Data Streams uses MD5 to map partition keys to 128-bit integer values and to map associated
 * data records to shards" — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html
 * Pure functions (no React), so the unit test checks them directly.
 */
import { HASH_KEY_MAX, md5Hex, parseDecimalHashKey } from '../../../engine/hash';

export type DataFormat = 'text' | 'json' | 'base64';

export interface ShardRange {
  readonly shardId: string;
  readonly start: bigint;
  readonly end: bigint;
}

export type Encoded = { ok: true; base64: string; bytes: number } | { ok: false; error: 'json' | 'base64'; detail: string };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Chunked, so a 10 MiB large record encodes in a few milliseconds rather than one append per byte. */
function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) parts.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  return btoa(parts.join(''));
}

/** Text of exactly `bytes` ASCII bytes, to try a large record without typing megabytes. */
export function sampleText(bytes: number): string {
  const unit = 'large-record-payload ';
  const n = Math.max(0, Math.floor(bytes));
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** The record's Data as the JSON wire wants it (base64), from what the learner typed. */
export function encodeData(text: string, format: DataFormat): Encoded {
  if (format === 'base64') {
    const clean = text.replace(/\s+/g, '');
    if (!BASE64.test(clean)) return { ok: false, error: 'base64', detail: clean.slice(0, 40) };
    return { ok: true, base64: clean, bytes: atob(clean).length };
  }
  if (format === 'json') {
    try {
      JSON.parse(text);
    } catch (e) {
      return { ok: false, error: 'json', detail: e instanceof Error ? e.message : String(e) };
    }
  }
  const bytes = new TextEncoder().encode(text);
  return { ok: true, base64: bytesToBase64(bytes), bytes: bytes.length };
}

export interface Routing {
  /** MD5 of the partition key (UTF-8), lower-case hex. */
  readonly md5: string;
  /** The hash key that decides the shard: the explicit one if given, else the MD5 as an integer. */
  readonly hashKey: bigint;
  readonly explicit: boolean;
  /** Position in 0…2^128−1 as a fraction, for the hash band. */
  readonly fraction: number;
  readonly shardId: string | null;
}

/** Routes a partition key (or explicit hash key) to an open shard; undefined when the explicit key is invalid. */
export function route(partitionKey: string, explicitHashKey: string, ranges: readonly ShardRange[]): Routing | undefined {
  const md5 = md5Hex(partitionKey);
  const explicit = explicitHashKey.trim() !== '';
  const hashKey = explicit ? parseDecimalHashKey(explicitHashKey.trim()) : BigInt(`0x${md5}`);
  if (hashKey === undefined) return undefined;
  const shard = ranges.find((r) => r.start <= hashKey && hashKey <= r.end);
  return { md5, hashKey, explicit, fraction: Number(hashKey) / Number(HASH_KEY_MAX + 1n), shardId: shard?.shardId ?? null };
}

/** Open shards' ranges from a ListShards answer (closed shards carry an EndingSequenceNumber). */
export function openRanges(listShards: Record<string, unknown>): ShardRange[] {
  const shards = Array.isArray(listShards.Shards) ? (listShards.Shards as Record<string, unknown>[]) : [];
  return shards
    .filter((s) => !(s.SequenceNumberRange as Record<string, unknown> | undefined)?.EndingSequenceNumber)
    .map((s) => {
      const r = s.HashKeyRange as { StartingHashKey: string; EndingHashKey: string };
      return { shardId: String(s.ShardId), start: BigInt(r.StartingHashKey), end: BigInt(r.EndingHashKey) };
    });
}

/** The hash key with thousands grouped, so 39 digits can be read aloud. */
export function groupDigits(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
