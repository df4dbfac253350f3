/**
 * Kinesis Data Streams engine. Start with `new KinesisService(sim, options)`; in-engine actors use
 * `service.stream(name)` and the Stream fast paths (`putRecord`, `putUuidRecord`, `putRecordToShard` with
 * `shardMapVersion`, `putAggregate`, `openShards`, per-shard `counters`) and read through a ShardReader
 * (`stream.shared`, `stream.dedicated`, `observingReader`); the JSON API uses the service's control-plane and
 * data-plane operations.
 */
export { KinesisService, REALISTIC_DELAYS, DEFAULT_MEMORY_BUDGET_BYTES } from './service';
export type { KinesisServiceOptions, TransitionDelays, StreamRef } from './service';
export { Stream } from './stream';
export { PUT_THROTTLED, PUT_TOO_LARGE, PUT_STREAM_GONE, PUT_SHARD_NOT_OPEN } from './put-outcome';
export type { PutOutcome, BatchOutcome } from './put-outcome';
export type { StreamStatus, StreamMode, MemoryLedger } from './stream';
export { Shard, emptyShardCounters } from './shard';
export type { ShardCounters } from './shard';
export { readShard, emptyReadPage } from './shard-reader';
export type { ReadPage, RecordVisitor, ShardReader } from './shard-reader';
export { sharedReader, dedicatedReader, observingReader } from './readers';
export { Consumer, ConsumerRegistry } from './consumers';
export type { ConsumerStatus } from './consumers';
export { renderSequenceNumber, parseSequenceNumber, shardIdOf, shardNumberOf } from './sequence-number';
export { evenRanges, planUniformScaling, tilesKeySpace } from './hash-range';
export type { HashRange } from './hash-range';
export * from './limits';
