/** Record operations: PutRecord, PutRecords, GetShardIterator, GetRecords. */
import { parseDecimalHashKey, utf8ByteLength } from '../../hash';
import type { PutEntry, ShardIteratorType } from '../../streams/data-plane';
import { getRecords, getShardIterator, putBatch, putEntry, requireReadable, resolveIterator } from '../../streams/data-plane';
import { requireShard } from '../../streams/reshard';
import { AwsServiceError } from '../result';
import { invalidArgument, throughputExceeded, validationError } from '../../streams/errors';
import { GET_RECORDS_LIMIT_MAX } from '../../streams/limits';
import type { KinesisService } from '../../streams/service';
import type { Stream } from '../../streams/stream';
import { decodeShardIterator, encodeShardIterator } from './tokens';
import type { Doc } from './wire';
import { childShardsDoc, recordDoc } from './wire';

/**
 * One request entry as engine input. Data over the stream's maximum record size is refused as the service's
 * model refuses it, naming the member and the limit in bytes (AWS after the large-record launch:
 * "1 validation error detected: Value at 'records.1.member.data' failed to satisfy constraint: Member must have
 * length less than or equal to 1048576", awslabs/amazon-kinesis-producer#680); data within it whose key pushes
 * the record over is InvalidArgumentException.
 */
function toEntry(stream: Stream, raw: Doc, member: string): PutEntry {
  const data = raw.Data as Uint8Array;
  const partitionKey = raw.PartitionKey as string | undefined;
  let explicitHashKey: bigint | undefined;
  if (raw.ExplicitHashKey !== undefined) {
    explicitHashKey = parseDecimalHashKey(raw.ExplicitHashKey as string);
    if (explicitHashKey === undefined) {
      throw invalidArgument(`Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${raw.ExplicitHashKey as string}`);
    }
  }
  // Checked with the rest of the entry, so a PutRecords call with one keyless entry writes nothing.
  if (partitionKey === undefined && stream.distribution !== 'AUTO') {
    throw invalidArgument(`PartitionKey is required: stream ${stream.name} uses the USER_PARTITION_KEY record distribution strategy.`);
  }
  const max = stream.recordBytesMax;
  if (data.byteLength > max) {
    throw validationError(`1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${max}`);
  }
  const size = data.byteLength + (partitionKey === undefined ? 0 : utf8ByteLength(partitionKey));
  if (size > max) {
    throw invalidArgument(`Record size ${size} bytes (data plus partition key) exceeds the maximum record size of ${max} bytes (MaxRecordSizeInKiB ${stream.maxRecordSizeKiB}) of stream ${stream.name}.`);
  }
  return { data, partitionKey, explicitHashKey };
}

function encryptionType(stream: Stream): string {
  return stream.encryptionType;
}

/**
 * DryRun (GetRecords, GetShardIterator, PutRecord in the current model): once the request would be accepted
 * (well-formed, its stream and shard found), the service answers DryRunOperationException — "The request was
 * rejected because the DryRun parameter was specified." — and does nothing.
 */
function checkDryRun(input: Doc): void {
  if (input.DryRun === true) throw new AwsServiceError('DryRunOperationException', 'The request was rejected because the DryRun parameter was specified.');
}

export function putRecord(service: KinesisService, input: Doc): Doc {
  const stream = service.resolve(input);
  requireReadable(service, stream);
  const entry = toEntry(stream, input, 'data');
  checkDryRun(input);
  const outcome = putEntry(service, stream, entry, input.SequenceNumberForOrdering as string | undefined);
  if (!outcome.ok) throw throughputExceeded(outcome.errorMessage);
  return {
    ShardId: stream.shards[outcome.shardNumber].id,
    SequenceNumber: stream.sequenceNumber(outcome.shardNumber, outcome.counter),
    EncryptionType: encryptionType(stream),
  };
}

export function putRecords(service: KinesisService, input: Doc): Doc {
  const stream = service.resolve(input);
  requireReadable(service, stream);
  // Every entry is checked before any is written: one bad entry fails the whole call.
  const entries = (input.Records as Doc[]).map((raw, i) => toEntry(stream, raw, `records.${i + 1}.member.data`));
  const batch = putBatch(service, stream, entries);
  const records = batch.records.map((outcome) => (outcome.ok
    ? { SequenceNumber: stream.sequenceNumber(outcome.shardNumber, outcome.counter), ShardId: stream.shards[outcome.shardNumber].id }
    : { ErrorCode: outcome.errorCode, ErrorMessage: outcome.errorMessage }));
  return { FailedRecordCount: batch.failed, Records: records, EncryptionType: encryptionType(stream) };
}

export function getShardIteratorOp(service: KinesisService, input: Doc): Doc {
  const stream = service.resolve(input);
  if (input.DryRun === true) {
    requireReadable(service, stream);
    requireShard(service, stream, input.ShardId as string);
    checkDryRun(input);
  }
  const position = getShardIterator(service, stream, {
    shardId: input.ShardId as string,
    type: input.ShardIteratorType as ShardIteratorType,
    startingSequenceNumber: input.StartingSequenceNumber as string | undefined,
    timestampMs: input.Timestamp as number | undefined,
  });
  return { ShardIterator: encodeShardIterator(position) };
}

export function getRecordsOp(service: KinesisService, input: Doc): Doc {
  const position = decodeShardIterator(input.ShardIterator as string);
  if (input.StreamARN !== undefined && service.nameFromArn(input.StreamARN as string) !== position.streamName) {
    throw invalidArgument(`The ShardIterator belongs to stream ${position.streamName}, not to ${input.StreamARN as string}.`);
  }
  if (input.DryRun === true) {
    resolveIterator(service, position);
    checkDryRun(input);
  }
  const limit = (input.Limit as number | undefined) ?? GET_RECORDS_LIMIT_MAX;
  const stream = service.stream(position.streamName);
  const records: Doc[] = [];
  const result = getRecords(service, position, limit, (counter, arrivalMs, key, dataBytes, payload) => {
    records.push(recordDoc(stream!, position.shardNumber, counter, arrivalMs, key, dataBytes, payload));
  });
  const doc: Doc = { Records: records, MillisBehindLatest: result.page.millisBehindLatest };
  if (result.next) doc.NextShardIterator = encodeShardIterator(result.next);
  if (result.childShards) doc.ChildShards = childShardsDoc(stream!, result.childShards);
  return doc;
}
