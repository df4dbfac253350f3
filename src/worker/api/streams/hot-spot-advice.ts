/**
 * Plain-language findings about where a stream's writes land: a key over one shard's limit (which
 * no resharding can fix), a hot shard (split it, better keys, explicit hash keys), or a stream that
 * is simply full (more shards). On an on-demand stream that places records by key, a hot key also
 * gets the AWS fix that spreads one key: AUTO record distribution, which gives up per-key ordering
 * (docs.aws.amazon.com/streams/latest/dev/service-managed-pk-producing-behavior.html). Each finding
 * carries its figures (`detail`) so the console words it in the reader's language; the English text
 * here serves the API, tests and logs. A pure kernel over per-shard and per-key rates.
 */
import type { Finding, KeyOverLimit } from './console-types';

/** One shard accepts at most 1,000 records/s and 1 MiB/s of writes (AWS Kinesis Data Streams quotas page). */
export { WRITE_RECORDS_PER_SEC_MAX as SHARD_WRITE_RECORDS_PER_SEC, WRITE_BYTES_PER_SEC_MAX as SHARD_WRITE_BYTES_PER_SEC } from '../../../engine/streams/limits';
import { WRITE_BYTES_PER_SEC_MAX as SHARD_WRITE_BYTES_PER_SEC, WRITE_RECORDS_PER_SEC_MAX as SHARD_WRITE_RECORDS_PER_SEC } from '../../../engine/streams/limits';

export interface ShardLoadInput {
  readonly id: string;
  /** Accepted + refused records in the last second. */
  readonly attemptedPerSec: number;
  readonly writeUtil: number;
  readonly throttledPerSec: number;
}

export interface KeyLoadInput {
  readonly key: string;
  readonly offeredRecordsPerSec: number;
  readonly offeredBytesPerSec: number;
  readonly shardId: string;
}

const n0 = (v: number) => Math.round(v).toLocaleString('en-US');
const pct = (f: number) => `${Math.round(f * 100)}%`;

/**
 * `demandPerSec` is what the producers want to send (before throttling and without retries); the
 * capacity finding uses it when given, since refused records retried would count more than once.
 */
export function hotSpotFindings(
  shards: readonly ShardLoadInput[], keys: readonly KeyLoadInput[], mode: 'PROVISIONED' | 'ON_DEMAND', demandPerSec?: number,
  distribution: 'USER_PARTITION_KEY' | 'AUTO' = 'USER_PARTITION_KEY',
): Finding[] {
  const out: Finding[] = [];
  const total = shards.reduce((s, x) => s + x.attemptedPerSec, 0);
  if (shards.length === 0 || total <= 0) return out;
  const autoSuggested = mode === 'ON_DEMAND' && distribution === 'USER_PARTITION_KEY';
  const autoFix = 'Or, when no consumer needs the records of one key in order, switch the stream to AUTO record distribution (UpdateStreamRecordDistributionStrategy): Kinesis then spreads records over all shards whatever their key, but records with the same key may be read out of order.';
  const tooBig = new Set<string>();
  // Under AUTO the key does not pick the shard, so no key can be "too big for one shard".
  const over = distribution === 'AUTO' ? [] : keys.filter((k) => k.offeredRecordsPerSec > SHARD_WRITE_RECORDS_PER_SEC || k.offeredBytesPerSec > SHARD_WRITE_BYTES_PER_SEC);
  const overDetail = (k: KeyLoadInput): KeyOverLimit => ({ key: k.key, shardId: k.shardId, recordsPerSec: k.offeredRecordsPerSec, bytesPerSec: k.offeredBytesPerSec, byRecords: k.offeredRecordsPerSec > SHARD_WRITE_RECORDS_PER_SEC });
  const what = (k: KeyLoadInput) => (k.offeredRecordsPerSec > SHARD_WRITE_RECORDS_PER_SEC ? `${n0(k.offeredRecordsPerSec)} records/s` : `${(k.offeredBytesPerSec / 1_048_576).toFixed(2)} MiB/s`);
  const parts = (k: KeyLoadInput) => Math.ceil(Math.max(k.offeredRecordsPerSec / (SHARD_WRITE_RECORDS_PER_SEC * 0.8), k.offeredBytesPerSec / (SHARD_WRITE_BYTES_PER_SEC * 0.8)));
  for (const k of over) tooBig.add(k.shardId);
  const noResharding = 'Every record with the same partition key goes to the same shard, and one shard accepts at most 1,000 records/s and 1 MiB/s. No split, merge, shard count or on-demand scaling can spread a single key';
  if (over.length === 1) {
    const k = over[0];
    out.push({
      id: `key:${k.key}`,
      severity: 'bad',
      title: `Partition key “${k.key}” alone needs ${what(k)}: more than one shard can take`,
      text: `${noResharding}, so this key will keep being throttled on ${k.shardId}.`,
      fixes: [
        `Spread the key: add a suffix (“${k.key}#0” … “${k.key}#${parts(k) - 1}”, ${parts(k)} or more parts) and combine the parts downstream.`,
        'Or send a random ExplicitHashKey per record when order per key does not matter.',
        'Or pack small records together (KPL aggregation) to cut records/s — this does not help when bytes/s is the limit.',
        ...(autoSuggested ? [autoFix] : []),
      ],
      shardId: k.shardId,
      detail: { kind: 'keys-over-limit', keys: [overDetail(k)], parts: parts(k), autoSuggested },
    });
  } else if (over.length > 1) {
    out.push({
      id: 'keys-over-limit',
      severity: 'bad',
      title: `${over.length} partition keys each need more than one shard can take`,
      text: `${over.map((k) => `“${k.key}” ${what(k)} (on ${k.shardId})`).join(', ')}. ${noResharding}, so these keys will keep being throttled.`,
      fixes: [
        `Spread each hot key: add a suffix (“${over[0].key}#0” … “${over[0].key}#${parts(over[0]) - 1}” for the hottest) and combine the parts downstream.`,
        'Or send a random ExplicitHashKey per record when order per key does not matter.',
        'Or pack small records together (KPL aggregation) to cut records/s — this does not help when bytes/s is the limit.',
        ...(autoSuggested ? [autoFix] : []),
      ],
      detail: { kind: 'keys-over-limit', keys: over.map(overDetail), parts: parts(over[0]), autoSuggested },
    });
  }
  const even = total / shards.length;
  let worst: ShardLoadInput | undefined;
  for (const s of shards) if (!worst || s.attemptedPerSec > worst.attemptedPerSec) worst = s;
  if (worst && shards.length > 1 && worst.attemptedPerSec > 1.5 * even && (worst.writeUtil >= 0.8 || worst.throttledPerSec > 0) && !tooBig.has(worst.id)) {
    const hottest = keys.filter((k) => k.shardId === worst!.id).sort((a, b) => b.offeredRecordsPerSec - a.offeredRecordsPerSec)[0];
    const keyShare = hottest ? hottest.offeredRecordsPerSec / Math.max(1, worst.attemptedPerSec) : 0;
    out.push({
      id: `hot-shard:${worst.id}`,
      severity: worst.throttledPerSec > 0 ? 'bad' : 'warn',
      title: `Shard ${worst.id} is hot: ${pct(worst.attemptedPerSec / total)} of the stream's writes (an even share is ${pct(1 / shards.length)})`,
      text:
        `It runs at ${pct(worst.writeUtil)} of its write limit${worst.throttledPerSec > 0 ? ` and refuses ${n0(worst.throttledPerSec)} records/s` : ''}.` +
        (hottest && keyShare > 0.3 ? ` Key “${hottest.key}” brings ${pct(keyShare)} of its load (${n0(hottest.offeredRecordsPerSec)} records/s).` : ''),
      fixes: [
        `Split ${worst.id}: its two halves then share its load${hottest && keyShare > 0.6 ? ' (split at a hash key that puts the hot key apart from its neighbours)' : ''}.`,
        'Use a better partition key with more distinct values, or set an ExplicitHashKey to place traffic deliberately.',
        'Adding shards evenly (UpdateShardCount) also helps, but a skewed key stays skewed.',
        ...(autoSuggested && hottest && keyShare > 0.3 ? [autoFix] : []),
      ],
      shardId: worst.id,
      detail: {
        kind: 'hot-shard', shardId: worst.id, share: worst.attemptedPerSec / total, evenShare: 1 / shards.length, writeUtil: worst.writeUtil,
        throttledPerSec: worst.throttledPerSec, hotKey: hottest && keyShare > 0.3 ? { key: hottest.key, share: keyShare, recordsPerSec: hottest.offeredRecordsPerSec } : undefined,
        splitApart: Boolean(hottest && keyShare > 0.6), autoSuggested: autoSuggested && Boolean(hottest && keyShare > 0.3),
      },
    });
  }
  const demand = demandPerSec ?? total;
  const util = demand / (shards.length * SHARD_WRITE_RECORDS_PER_SEC);
  const throttled = shards.reduce((s, x) => s + x.throttledPerSec, 0);
  if (mode === 'PROVISIONED' && util >= 0.8) {
    const target = Math.ceil(demand / (SHARD_WRITE_RECORDS_PER_SEC * 0.7));
    out.push({
      id: 'capacity',
      severity: throttled > 0 ? 'bad' : 'warn',
      title: `The stream is near its capacity: ${n0(demand)} records/s over ${shards.length} shard${shards.length === 1 ? '' : 's'} (${pct(util)})`,
      text: `At this rate the stream needs about ${target} shards to keep every shard under 70% of its limit.`,
      fixes: [`Update the shard count to ${target}.`, 'Or switch to on-demand capacity, which adds shards as traffic grows.'],
      detail: { kind: 'capacity', demandPerSec: demand, shards: shards.length, util, target },
    });
  }
  return out;
}
