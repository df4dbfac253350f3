/**
 * Provisioned shard count (spec capacity-and-cost.md §4.2): every term, the binding one, utilisation
 * and headroom at peak, the GetRecords call-rate check, and drain time of a backlog. A kernel:
 * plain numbers in, a JSON-able plan out.
 */
import type { ConsumerFigures } from './traffic';
import {
  MIB,
  SHARD_GET_RECORDS_CALLS_PER_SEC,
  SHARD_SHARED_READ_BYTES_PER_SEC,
  SHARD_WRITE_BYTES_PER_SEC,
  SHARD_WRITE_RECORDS_PER_SEC,
  SHARDS_PER_STREAM_QUOTA,
} from './units';

export type SizingConstraint = 'minimum' | 'write-bytes' | 'write-records' | 'shared-read' | 'consumer-processing' | 'surge-lag' | 'surge-write' | 'key-skew';

export interface SizingTerm {
  readonly constraint: SizingConstraint;
  /** Shards this constraint needs, rounded up. */
  readonly shards: number;
  /** The same before rounding, e.g. 9.4: what "writes need 9.4 shards at peak" quotes. */
  readonly exactShards: number;
  /** The consumer a consumer term comes from. */
  readonly consumer?: string;
}

export interface SizingInput {
  /** Kinesis records per second at peak (after aggregation). */
  readonly recordsPerSecPeak: number;
  /** Bytes per second at peak, data plus partition keys. */
  readonly bytesPerSecPeak: number;
  /** User records per second at peak, the unit of consumer processing speed (defaults to recordsPerSecPeak). */
  readonly userRecordsPerSecPeak?: number;
  readonly targetUtilization: number;
  readonly consumers: readonly ConsumerFigures[];
  /** A short burst above the peak; `recordsPerSec`/`bytesPerSec` are Kinesis records (after aggregation). */
  readonly surge?: { readonly userRecordsPerSec: number; readonly seconds: number; readonly recordsPerSec?: number; readonly bytesPerSec?: number };
}

export interface ShardSizing {
  readonly shards: number;
  readonly binding: SizingTerm;
  readonly terms: readonly SizingTerm[];
  /** Σ GetRecords calls per second per shard over shared consumers; above 5 no shard count helps. */
  readonly getRecordsCallsPerSecPerShard: number;
  readonly getRecordsFeasible: boolean;
  readonly sharedConsumers: number;
  readonly efoConsumers: number;
  readonly peakUtilization: { readonly bytes: number; readonly records: number; readonly sharedRead: number };
  /** 1 − the highest peak utilisation: the spare fraction left at peak. */
  readonly headroomAtPeak: number;
  readonly exceedsShardQuota: boolean;
}

const MIN_TERM: SizingTerm = { constraint: 'minimum', shards: 1, exactShards: 1 };

export function sizeShards(input: SizingInput): ShardSizing {
  const u = input.targetUtilization;
  const w = input.bytesPerSecPeak / MIB;
  const r = input.recordsPerSecPeak;
  const userR = input.userRecordsPerSecPeak ?? r;
  const shared = input.consumers.filter((c) => c.readMode === 'shared');
  const efo = input.consumers.length - shared.length;
  const terms: SizingTerm[] = [MIN_TERM, term('write-bytes', w / u), term('write-records', r / (SHARD_WRITE_RECORDS_PER_SEC * u))];
  if (shared.length > 0) terms.push(term('shared-read', (shared.length * w) / (2 * u)));
  const surge = input.surge;
  if (surge?.bytesPerSec !== undefined && surge.recordsPerSec !== undefined) {
    // A surge may eat the headroom but must not exceed the hard per-shard limits, or writes throttle.
    terms.push(term('surge-write', Math.max(surge.bytesPerSec / MIB, surge.recordsPerSec / SHARD_WRITE_RECORDS_PER_SEC)));
  }
  for (const c of input.consumers) {
    const proc = c.processingRecordsPerSecPerShard;
    if (proc === undefined) continue;
    terms.push(term('consumer-processing', userR / proc, c.name));
    const lag = c.maxAcceptableLagSeconds;
    if (lag !== undefined && input.surge) {
      const s = input.surge;
      terms.push(term('surge-lag', (s.userRecordsPerSec * s.seconds + userR * lag) / (proc * (s.seconds + lag)), c.name));
    }
  }
  let binding = terms[0];
  // Ties go to the term that needs the most before rounding: it is the one closest to its limit.
  for (const t of terms) if (t.shards > binding.shards || (t.shards === binding.shards && t.exactShards > binding.exactShards)) binding = t;
  const shards = binding.shards;
  const calls = shared.reduce((s, c) => s + c.pollsPerSecondPerShard, 0);
  const peakUtilization = utilizationAt(shards, input.bytesPerSecPeak, r, shared.length);
  return {
    shards,
    binding,
    terms,
    getRecordsCallsPerSecPerShard: calls,
    getRecordsFeasible: calls <= SHARD_GET_RECORDS_CALLS_PER_SEC,
    sharedConsumers: shared.length,
    efoConsumers: efo,
    peakUtilization,
    headroomAtPeak: 1 - Math.max(peakUtilization.bytes, peakUtilization.records, peakUtilization.sharedRead),
    exceedsShardQuota: shards > SHARDS_PER_STREAM_QUOTA,
  };
}

/** Per-shard utilisation when the load spreads evenly over `shards`. */
export function utilizationAt(shards: number, bytesPerSec: number, recordsPerSec: number, sharedConsumers: number) {
  return {
    bytes: bytesPerSec / shards / SHARD_WRITE_BYTES_PER_SEC,
    records: recordsPerSec / shards / SHARD_WRITE_RECORDS_PER_SEC,
    sharedRead: (sharedConsumers * bytesPerSec) / shards / SHARD_SHARED_READ_BYTES_PER_SEC,
  };
}

function term(constraint: SizingConstraint, exact: number, consumer?: string): SizingTerm {
  // Round away float noise (10 MiB/s ÷ 1 must not become 11 shards) before taking the ceiling.
  const cleaned = Math.round(exact * 1e9) / 1e9;
  return { constraint, shards: Math.max(1, Math.ceil(cleaned)), exactShards: exact, ...(consumer ? { consumer } : {}) };
}

/**
 * Seconds a shared consumer needs to clear `backlogBytes` of one shard (§4.2): it reads at most its
 * share of 2 MiB/s, or its processing speed, while new data keeps arriving. Infinity when it never catches up.
 */
export function drainTimeSeconds(args: {
  readonly backlogBytes: number;
  readonly sharedConsumers: number;
  readonly processingBytesPerSec?: number;
  readonly writeBytesPerSec: number;
}): number {
  if (args.backlogBytes <= 0) return 0;
  const readShare = SHARD_SHARED_READ_BYTES_PER_SEC / Math.max(1, args.sharedConsumers);
  const readRate = Math.min(readShare, args.processingBytesPerSec ?? Number.POSITIVE_INFINITY);
  const net = readRate - args.writeBytesPerSec;
  return net > 0 ? args.backlogBytes / net : Number.POSITIVE_INFINITY;
}
