/**
 * Amazon Data Firehose on the virtual clock. Entry points:
 *  - `new FirehoseService(sim, { store?, region?, kinesisSources? })`: typed control/data plane taking
 *    AWS-shaped documents (createDeliveryStream, describeDeliveryStream, putRecord(name, bytes),
 *    putRecordBatch, updateDestination, tags…), throwing AwsServiceError.
 *  - simulation hooks on the service: `registerTransform(lambdaArn, invoker)`, `registerTable(db, table,
 *    columns)` (Parquet schema), `s3Faults(bucket)`, `sinks.httpEndpoint(url)/searchDomain/warehouse/splunk`
 *    (each with mutable `faults`), `setQuota`, `flushNow`, and `snapshot(name)` (ledger, buffers,
 *    counters, gauges, flush timeline).
 *  - the object store: `service.store` (engine/objectstore), served over S3 REST by src/cli/server/s3-rest.ts.
 *  - wire API: engine/api/firehose `createFirehoseApi(service)`.
 */
export { FirehoseService, DESTINATION_ID } from './firehose-service';
export type { FirehoseServiceOptions, DeliveryStreamSnapshot } from './firehose-service';
export { createInProcessInvoker } from './transform-invoker';
export type {
  TransformInvoker, TransformOutcome, TransformRequest, TransformResponse, TransformRequestRecord, TransformResponseRecord,
  TransformResult, TransformErrorType, TransformFunction,
} from './transform-invoker';
export { compress, decompress, COMPRESSION_EXTENSION, COMPRESSION_FORMATS } from './compression';
export type { CompressionFormat } from './compression';
export type { ParquetColumn, ParquetColumnType } from './parquet';
export { PARQUET_COLUMN_TYPES } from './parquet';
export type { SinkFaults, HttpEndpointSink, SearchDomain, WarehouseCluster, SplunkSink, SinkRegistry } from './sinks';
export type { BufferSnapshot, PartitionSnapshot } from './delivery-stream';
export type { FlushEvent, FirehoseCounter } from './metrics';
export type { RecordLedger, ResolvedStreamConfig } from './types';
export { pendingRecords } from './types';
export { encodeBase64, decodeBase64 } from './base64';
export * from './limits';
export { KinesisSourcePoller, kinesisStreamReader } from './kinesis-source';
export type { KinesisSourceReader, SourceShard, SourceRecord, SourcePoll } from './kinesis-source';
export { kinesisSourcesFrom } from './kinesis-source-adapter';
