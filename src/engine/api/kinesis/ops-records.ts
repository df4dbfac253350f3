/** Record operations: PutRecord, PutRecords, GetShardIterator, GetRecords. */
import { parseDecimalHashKey, utf8ByteLength } from '../../hash';
import type { PutEntry, ShardIteratorType } from '../../streams/data-plane';
import { getRecords, getShardIterator, putEntry, requireReadable } from '../../streams/data-plane';
import { invalidArgument, throughputExceeded } from '../../streams/errors';
import { GET_RECORDS_LIMIT_MAX, PUT_RECORDS_BYTES_MAX, RECORD_BYTES_MAX } from '../../streams/limits';
import type { KinesisService } from '../../streams/service';
import type { Stream } from '../../streams/stream';
import { decodeShardIterator, encodeShardIterator } from './tokens';
import type { Doc } from './wire';
import { childShardsDoc, recordDoc } from './wire';

function toEntry(raw: Doc): PutEntry {
  const data = raw.Data as Uint8Array;
  const partitionKey = raw.PartitionKey as string;
  let explicitHashKey: bigint | undefined;
  if (raw.ExplicitHashKey !== undefined) {
    explicitHashKey = parseDecimalHashKey(raw.ExplicitHashKey as string);
    if (explicitHashKey === undefined) {
      throw invalidArgument(`Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${raw.ExplicitHashKey as string}`);
    }
  }
  if (data.byteLength + utf8ByteLength(partitionKey) > RECORD_BYTES_MAX) {
    throw invalidArgument(`Record size ${data.byteLength + utf8ByteLength(partitionKey)} bytes (data plus partition key) exceeds the maximum record size of ${RECORD_BYTES_MAX} bytes.`);
  }
  return { data, partitionKey, explicitHashKey };
}

function encryptionType(stream: Stream): string {
  return stream.encryptionType;
}

export function putRecord(service: KinesisService, input: Doc): Doc {
  const stream = service.resolve(input);
  requireReadable(service, stream);
  const entry = toEntry(input);
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
  const entries = (input.Records as Doc[]).map(toEntry);
  let total = 0;
  for (const e of entries) total += e.data.byteLength + utf8ByteLength(e.partitionKey);
  if (total > PUT_RECORDS_BYTES_MAX) {
    throw invalidArgument(`Records size ${total} bytes exceeds the PutRecords limit of ${PUT_RECORDS_BYTES_MAX} bytes (5 MiB including partition keys).`);
  }
  let failed = 0;
  const records = entries.map((entry) => {
    const outcome = putEntry(service, stream, entry);
    if (outcome.ok) {
      return { SequenceNumber: stream.sequenceNumber(outcome.shardNumber, outcome.counter), ShardId: stream.shards[outcome.shardNumber].id };
    }
    failed++;
    return { ErrorCode: outcome.errorCode, ErrorMessage: outcome.errorMessage };
  });
  return { FailedRecordCount: failed, Records: records, EncryptionType: encryptionType(stream) };
}

export function getShardIteratorOp(service: KinesisService, input: Doc): Doc {
  const stream = service.resolve(input);
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
