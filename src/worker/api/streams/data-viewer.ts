/**
 * The console's data viewer: every page is a real GetShardIterator (first page) and GetRecords
 * call through the Kinesis JSON API, so it counts against the shard's read limits and fails with
 * the API's own errors, as in the AWS console. Payloads come back as bytes for the UI to render.
 */
import { decodeBase64, type KinesisJsonApi } from '../../../engine/api/kinesis';
import type { KinesisService } from '../../../engine/streams/service';
import { shardNumberOf } from '../../../engine/streams/sequence-number';
import type { ReadRequest, ReadResult, RecordsPage, ViewedRecord } from './console-types';
import { done, failure } from '../worker-result';

export function readRecordsPage(api: KinesisJsonApi, service: KinesisService, req: ReadRequest): ReadResult {
  let iterator = req.iterator;
  if (!iterator) {
    const body: Record<string, unknown> = { StreamName: req.stream, ShardId: req.shardId, ShardIteratorType: req.iteratorType ?? 'TRIM_HORIZON' };
    if (req.sequenceNumber) body.StartingSequenceNumber = req.sequenceNumber;
    if (req.timestampMs !== undefined) body.Timestamp = req.timestampMs / 1000;
    const it = api.handle('GetShardIterator', body);
    if (!it.ok) return failure(it.error);
    iterator = it.value.ShardIterator as string;
  }
  const page = api.handle('GetRecords', { ShardIterator: iterator, Limit: Math.max(1, Math.min(10_000, req.limit ?? 25)) });
  if (!page.ok) return failure(page.error);
  const raw = (page.value.Records ?? []) as Array<Record<string, unknown>>;
  const records: ViewedRecord[] = raw.map((r) => {
    const data = decodeBase64(r.Data as string) ?? new Uint8Array(0);
    return {
      sequenceNumber: r.SequenceNumber as string,
      // Records written without a key (AUTO record distribution) come back without PartitionKey.
      partitionKey: (r.PartitionKey as string | undefined) ?? '',
      arrivalMs: Math.round((r.ApproximateArrivalTimestamp as number) * 1000),
      data,
      sizeBytes: data.byteLength,
    };
  });
  return done({
    records,
    nextIterator: (page.value.NextShardIterator as string | undefined) ?? null,
    millisBehindLatest: (page.value.MillisBehindLatest as number | undefined) ?? 0,
    removed: removedFrom(service, req),
  });
}

function removedFrom(service: KinesisService, req: ReadRequest): RecordsPage['removed'] {
  const number = shardNumberOf(req.shardId);
  const shard = number === undefined ? undefined : service.stream(req.stream)?.shards[number];
  if (!shard) return undefined;
  return { expired: shard.counters.expiredRecords, evicted: shard.counters.evictedRecords, memoryBudgetBytes: service.memory.budgetBytes };
}
