/**
 * Sequence numbers: kept as a per-shard numeric counter on the hot path and rendered to the AWS-looking
 * 56-digit decimal string only at the API. Layout (all decimal, fixed width so string order = numeric order):
 *   "49" | 10 digits: stream creation epoch seconds (tells streams of the same name apart)
 *        | 32 digits: per-shard counter (children start above their parents, so lineage order holds)
 *        | 12 digits: shard number (makes numbers unique per stream and ties them to their shard)
 */

const PREFIX = '49';
const EPOCH_DIGITS = 10;
const COUNTER_DIGITS = 32;
const SHARD_DIGITS = 12;
export const SEQUENCE_NUMBER_LENGTH = PREFIX.length + EPOCH_DIGITS + COUNTER_DIGITS + SHARD_DIGITS;

export interface ParsedSequenceNumber {
  readonly streamEpochSec: number;
  readonly counter: number;
  readonly shardNumber: number;
}

export function renderSequenceNumber(streamEpochSec: number, counter: number, shardNumber: number): string {
  return (
    PREFIX +
    String(streamEpochSec % 1e10).padStart(EPOCH_DIGITS, '0') +
    String(counter).padStart(COUNTER_DIGITS, '0') +
    String(shardNumber).padStart(SHARD_DIGITS, '0')
  );
}

/** Parses a number this engine rendered; undefined for anything else (the API then answers InvalidArgumentException). */
export function parseSequenceNumber(text: string): ParsedSequenceNumber | undefined {
  if (text.length !== SEQUENCE_NUMBER_LENGTH || !text.startsWith(PREFIX) || !/^\d+$/.test(text)) return undefined;
  const epochEnd = PREFIX.length + EPOCH_DIGITS;
  const counterEnd = epochEnd + COUNTER_DIGITS;
  const counter = Number(text.slice(epochEnd, counterEnd));
  if (!Number.isSafeInteger(counter)) return undefined;
  return {
    streamEpochSec: Number(text.slice(PREFIX.length, epochEnd)),
    counter,
    shardNumber: Number(text.slice(counterEnd)),
  };
}

/** Shard ids: "shardId-" + 12-digit zero-padded per-stream counter; never reused. */
export function shardIdOf(shardNumber: number): string {
  return 'shardId-' + String(shardNumber).padStart(12, '0');
}

/**
 * Parses a ShardId as AWS resolves it: the number after the last '-' names the shard, whatever comes before
 * ("shardId-000000000007", "shard-7" and a bare "7" all name shard 7 — kinesalite's AWS-captured tests merge
 * "<random>-0" with "<random>-1").
 */
export function shardNumberOf(shardId: string): number | undefined {
  const m = /^(?:.*-)?(\d{1,20})$/.exec(shardId);
  if (!m) return undefined;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : undefined;
}
