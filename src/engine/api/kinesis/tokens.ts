/**
 * Opaque tokens the API hands out: shard iterators (≤ 512 chars, valid 5 minutes) and list NextTokens
 * (valid 300 s). Both are base64 of a small JSON document plus a checksum, so a mangled token is refused
 * ("Invalid ShardIterator.") rather than misread.
 */
import { hashString32 } from '../../random/prng';
import type { IteratorPosition } from '../../streams/data-plane';
import { expiredNextToken, invalidArgument } from '../../streams/errors';
import { NEXT_TOKEN_LIFETIME_MS } from '../../streams/limits';
import { decodeBase64, encodeBase64 } from './base64';

function toAsciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

function fromAsciiBytes(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

function seal(payload: unknown): string {
  const json = JSON.stringify(payload);
  return encodeBase64(toAsciiBytes(`${hashString32(json).toString(36)}~${json}`));
}

function unseal(token: string): unknown {
  const bytes = decodeBase64(token);
  if (!bytes) return undefined;
  const text = fromAsciiBytes(bytes);
  const sep = text.indexOf('~');
  if (sep < 0) return undefined;
  const json = text.slice(sep + 1);
  if (hashString32(json).toString(36) !== text.slice(0, sep)) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

export function encodeShardIterator(pos: IteratorPosition): string {
  return seal(['i', pos.streamCreatedAtMs, pos.shardNumber, pos.counter, pos.issuedAtMs, pos.streamName]);
}

export function decodeShardIterator(token: string): IteratorPosition {
  const v = unseal(token);
  if (!Array.isArray(v) || v.length !== 6 || v[0] !== 'i') throw invalidArgument('Invalid ShardIterator.');
  const [, streamCreatedAtMs, shardNumber, counter, issuedAtMs, streamName] = v as [string, number, number, number, number, string];
  return { streamCreatedAtMs, shardNumber, counter, issuedAtMs, streamName };
}

/** A list NextToken: what list it continues, where, and when it was issued. */
export interface ListToken {
  readonly list: 'shards' | 'streams' | 'consumers' | 'channels';
  readonly streamName?: string;
  readonly streamCreatedAtMs?: number;
  /** Last item returned: shard number, stream name, consumer or channel ARN. */
  readonly after: number | string;
  readonly maxResults?: number;
  readonly filter?: unknown;
  readonly issuedAtMs: number;
}

export function encodeListToken(token: ListToken): string {
  return seal({ ...token, k: 'n' });
}

export function decodeListToken(text: string, list: ListToken['list'], nowMs: number): ListToken {
  const v = unseal(text) as (ListToken & { k?: string }) | undefined;
  if (!v || v.k !== 'n' || v.list !== list) throw invalidArgument(`Invalid NextToken for this list operation.`);
  if (nowMs - v.issuedAtMs > NEXT_TOKEN_LIFETIME_MS) {
    throw expiredNextToken(`The NextToken expired: it was issued more than ${NEXT_TOKEN_LIFETIME_MS / 1000} seconds ago. Start the listing again.`);
  }
  return v;
}
